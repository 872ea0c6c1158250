package io.secagg.he.aggregation;

import io.secagg.he.Ciphertext;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.internal.Parallel;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.threshold.InvalidPartialDecryptionException;
import io.secagg.he.threshold.KeyShare;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdDecryption;
import io.secagg.he.threshold.ThresholdPublicKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
   * Decrypts {@code sum} from the members' partial decryptions, using for each ciphertext any
   * {@code t} members whose partial decryptions verify. Each partial decryption used is
   * verified once; a member found invalid (a partial decryption that fails its proof, a list of
   * the wrong length or mixing party indices) is reported in {@link
   * DecryptedSum#rejectedMembers()} and not asked again for later ciphertexts.
   *
   * @param fromMembers one list per responding member, each as returned by {@link
   *     #partialDecrypt} (the member is the party index of its entries); an empty list counts as
   *     no response, a second list from the same member is ignored
   * @throws InvalidPartialDecryptionException if, for some ciphertext, fewer than {@code t}
   *     members have a valid partial decryption ({@link
   *     InvalidPartialDecryptionException#rejectedParties()} names the invalid ones)
   * @throws PlaintextOverflowException if a decoded slot is out of range (the sum is not what
   *     {@code sum.summands()} honest contributions can produce)
   * @throws KeyMismatchException if {@code sum} is under another key or layout
   * @throws IllegalArgumentException if {@code sum} has the wrong length or {@code
   *     parallelism} is out of range
   * @throws NullPointerException if an argument or a list is null
   */
  public static DecryptedSum combine(ThresholdPublicKey key, AggregationConfig config, EncryptedVector sum,
      List<List<PartialDecryption>> fromMembers, Executor executor, int parallelism)
      throws InvalidPartialDecryptionException, PlaintextOverflowException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sum, "sum");
    Objects.requireNonNull(fromMembers, "fromMembers");
    Objects.requireNonNull(executor, "executor");
    checkSum(key, config, sum);
    int count = sum.ciphertexts().size();
    Map<Integer, String> rejected = new ConcurrentHashMap<>();
    // Well-formed responses by member index, in index order so that the result is reproducible.
    TreeMap<Integer, List<PartialDecryption>> members = new TreeMap<>();
    for (List<PartialDecryption> l : fromMembers) {
      Objects.requireNonNull(l, "a member's list");
      if (l.isEmpty()) {
        continue;
      }
      int member = Objects.requireNonNull(l.get(0), "partial decryption").index();
      if (members.containsKey(member) || rejected.containsKey(member)) {
        continue;
      }
      String shape = shapeViolation(l, member, count);
      if (shape != null) {
        rejected.put(member, shape);
      } else {
        members.put(member, l);
      }
    }
    List<Ciphertext> cts = sum.ciphertexts();
    BigInteger[] plain = new BigInteger[count];
    Parallel.forEach(count, parallelism, executor, j -> {
      ThresholdDecryption d = key.decryption(cts.get(j));
      for (Map.Entry<Integer, List<PartialDecryption>> e : members.entrySet()) {
        if (d.isComplete()) {
          break;
        }
        if (rejected.containsKey(e.getKey())) {
          continue;
        }
        try {
          d.offer(e.getValue().get(j));
        } catch (InvalidPartialDecryptionException x) {
          rejected.putIfAbsent(e.getKey(), "ciphertext " + j + ": " + x.getMessage());
        }
      }
      if (!d.isComplete()) {
        throw new InvalidPartialDecryptionException(
            "ciphertext " + j + " has valid partial decryptions from only " + d.validParties().size()
                + " members; " + key.threshold() + " are needed", new TreeMap<>(rejected));
      }
      plain[j] = d.plaintext();
    });
    return new DecryptedSum(sum.decodePlaintexts(Arrays.asList(plain)), new TreeMap<>(rejected));
  }

  /** Why a member's list cannot be used, or null if it has one entry per ciphertext, all its. */
  private static String shapeViolation(List<PartialDecryption> l, int member, int count) {
    if (l.size() != count) {
      return "sent " + l.size() + " partial decryptions for " + count + " ciphertexts";
    }
    for (PartialDecryption p : l) {
      if (Objects.requireNonNull(p, "partial decryption").index() != member) {
        return "its list mixes party indices";
      }
    }
    return null;
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
