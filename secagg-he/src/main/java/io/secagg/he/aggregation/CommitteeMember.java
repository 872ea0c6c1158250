package io.secagg.he.aggregation;

import io.secagg.he.Ciphertext;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.internal.Parallel;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.threshold.InvalidPartialDecryptionException;
import io.secagg.he.threshold.KeyShare;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A member of the decryption committee: holds one {@link KeyShare} and partially decrypts only
 * sums of at least {@code minClients} contributions. Thread-safe.
 *
 * <p>Limitation: the summand count travels with the vector and is set by the server, so the check
 * stops an honest-but-curious server from asking for a single contribution, not a malicious one:
 * such a server could mislabel one client's vector, or pad it with contributions it made up.
 * Against that, uploads must be authenticated (for example signed by registered clients) and the
 * committee must recompute the sum from the authenticated uploads; that is outside this package.
 */
public final class CommitteeMember {
  private final KeyShare share;
  private final AggregationConfig config;
  private final SecureRandom random;

  /**
   * A member holding {@code share}.
   *
   * @throws NullPointerException if an argument is null
   */
  public CommitteeMember(KeyShare share, AggregationConfig config, SecureRandom random) {
    this.share = Objects.requireNonNull(share, "share");
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** This member's party index. */
  public int index() {
    return share.index();
  }

  /**
   * Partial decryptions (with proofs) of every ciphertext of {@code sum}, in order.
   *
   * @throws IllegalArgumentException if {@code sum} has fewer than {@code minClients} summands
   *     or the wrong length
   * @throws KeyMismatchException if {@code sum} is under another key or layout
   */
  public List<PartialDecryption> partialDecrypt(EncryptedVector sum, Executor executor, int parallelism) {
    Objects.requireNonNull(sum, "sum");
    checkSum(share.publicKey(), config, sum);
    if (sum.summands() < config.minClients()) {
      throw new IllegalArgumentException(
          "refusing to decrypt a sum of " + sum.summands() + " contributions; at least "
              + config.minClients() + " are required");
    }
    List<Ciphertext> cts = sum.ciphertexts();
    PartialDecryption[] out = new PartialDecryption[cts.size()];
    Parallel.forEach(out.length, parallelism, executor, j -> out[j] = share.partialDecrypt(cts.get(j), random));
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  /**
   * Verifies the members' partial decryptions and decodes the sum vector.
   *
   * @param fromMembers one list per responding member, each as returned by
   *     {@link #partialDecrypt}; at least {@code t} members
   * @throws InvalidPartialDecryptionException if fewer than {@code t} members responded, a list
   *     has the wrong size, or a partial decryption does not verify
   * @throws PlaintextOverflowException if a decoded slot is out of range
   */
  public static long[] combine(ThresholdPublicKey key, AggregationConfig config, EncryptedVector sum,
      List<List<PartialDecryption>> fromMembers, Executor executor, int parallelism) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sum, "sum");
    Objects.requireNonNull(fromMembers, "fromMembers");
    checkSum(key, config, sum);
    int count = sum.ciphertexts().size();
    for (List<PartialDecryption> l : fromMembers) {
      if (l.size() != count) {
        throw new InvalidPartialDecryptionException(
            "a member sent " + l.size() + " partial decryptions for " + count + " ciphertexts");
      }
    }
    List<Ciphertext> cts = sum.ciphertexts();
    BigInteger[] plain = new BigInteger[count];
    Parallel.forEach(count, parallelism, executor, j -> {
      List<PartialDecryption> forJ = new ArrayList<>(fromMembers.size());
      for (List<PartialDecryption> l : fromMembers) {
        forJ.add(l.get(j));
      }
      plain[j] = key.combine(cts.get(j), forJ);
    });
    return sum.decodePlaintexts(Arrays.asList(plain));
  }

  private static void checkSum(ThresholdPublicKey key, AggregationConfig config, EncryptedVector sum) {
    if (!sum.publicKey().equals(key.paillierKey()) || !sum.layout().equals(config.layout(key.paillierKey()))) {
      throw new KeyMismatchException("sum uses another key or layout");
    }
    if (sum.length() != config.vectorLength()) {
      throw new IllegalArgumentException("sum has the wrong length");
    }
  }
}
