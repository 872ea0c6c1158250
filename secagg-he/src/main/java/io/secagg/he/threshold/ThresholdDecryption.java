package io.secagg.he.threshold;

import io.secagg.he.Ciphertext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The threshold decryption of one ciphertext, as partial decryptions arrive: each offered
 * partial decryption is verified exactly once, valid ones are kept (one per party), invalid
 * ones are recorded against their party, and as soon as {@code t} parties are valid the
 * plaintext can be combined from any {@code t} of them. Thread-safe.
 *
 * <p>Obtain one from {@link ThresholdPublicKey#decryption(Ciphertext)} to verify partial
 * decryptions as they arrive, or let {@link ThresholdPublicKey#combine} offer a whole
 * collection at once.
 */
public final class ThresholdDecryption {
  private final ThresholdPublicKey key;
  private final Ciphertext ciphertext;
  private final TreeMap<Integer, PartialDecryption> valid = new TreeMap<>();
  private final TreeMap<Integer, String> rejected = new TreeMap<>();
  private BigInteger plaintext;

  ThresholdDecryption(ThresholdPublicKey key, Ciphertext ciphertext) {
    this.key = key;
    this.ciphertext = ciphertext;
  }

  /** The ciphertext being decrypted. */
  public Ciphertext ciphertext() {
    return ciphertext;
  }

  /**
   * Verifies {@code partial} and keeps it if valid. A party whose valid partial decryption is
   * already held is not verified again (all its valid partial decryptions carry the same value).
   *
   * @return true if {@code partial} made its party valid, false if the party already was
   * @throws InvalidPartialDecryptionException if it does not verify; its party is then listed
   *     in {@link #rejectedParties()} (and stays there even if a valid one follows)
   * @throws NullPointerException if {@code partial} is null
   */
  public boolean offer(PartialDecryption partial) throws InvalidPartialDecryptionException {
    Objects.requireNonNull(partial, "partial");
    synchronized (this) {
      if (valid.containsKey(partial.index())) {
        return false;
      }
    }
    // Verified outside the lock: it is the expensive part, and parties are independent.
    try {
      key.verify(ciphertext, partial);
    } catch (InvalidPartialDecryptionException e) {
      synchronized (this) {
        rejected.putIfAbsent(partial.index(), e.getMessage());
      }
      throw e;
    }
    synchronized (this) {
      return valid.putIfAbsent(partial.index(), partial) == null;
    }
  }

  /** Whether at least {@code t} parties have a valid partial decryption. */
  public synchronized boolean isComplete() {
    return valid.size() >= key.threshold();
  }

  /** The parties whose valid partial decryptions are held, ascending. */
  public synchronized SortedSet<Integer> validParties() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(valid.keySet()));
  }

  /** The parties that offered an invalid partial decryption, each with the rule it broke. */
  public synchronized SortedMap<Integer, String> rejectedParties() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(rejected));
  }

  /**
   * The plaintext in {@code [0, n)}, combined from the {@code t} valid parties of smallest
   * index (any {@code t} give the same value); computed once.
   *
   * @throws IllegalStateException if fewer than {@code t} parties are valid ({@link #isComplete})
   * @throws InvalidPartialDecryptionException if valid partial decryptions do not combine, which
   *     happens only when the threshold key's verification keys were not dealt from one
   *     polynomial
   */
  public synchronized BigInteger plaintext() throws InvalidPartialDecryptionException {
    if (plaintext == null) {
      if (!isComplete()) {
        throw new IllegalStateException(
            "only " + valid.size() + " valid partial decryptions; " + key.threshold() + " needed");
      }
      List<PartialDecryption> chosen = new ArrayList<>(valid.values()).subList(0, key.threshold());
      plaintext = key.combineVerified(chosen);
    }
    return plaintext;
  }

  @Override
  public synchronized String toString() {
    return "ThresholdDecryption[" + valid.size() + " of " + key.threshold() + " valid, "
        + rejected.size() + " rejected]";
  }
}
