package io.secagg.core.shamir;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.internal.Gf61;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * t-of-n Shamir secret sharing of 32-byte secrets over the prime field GF(2^61 - 1).
 *
 * <p>The secret is encoded bijectively as five field elements (chunks of 16, 60, 60, 60 and 60
 * bits); each chunk is the constant term of its own polynomial of degree t - 1 whose other
 * coefficients are drawn uniformly from the field; share number x (1..n) holds the five
 * polynomial values at x. The normative description is {@code spec/secagg.md}, section "Shamir
 * secret sharing".
 *
 * <p><b>Security guarantees.</b> Any t - 1 or fewer shares are statistically independent of the
 * secret (information-theoretic: no computational assumption), provided the {@link SecureRandom}
 * is good. Any t shares determine the secret. Sharing provides neither integrity nor
 * authenticity: a party holding a share can change it, and plain {@link #reconstruct} then yields
 * a different secret or a {@link InvalidShareException}. Use {@link #reconstructVerified} with
 * more than t shares to detect such changes (see there), and transport shares over an
 * authenticated channel.
 *
 * <p>Instances are immutable and thread-safe. Typical use:
 *
 * <pre>{@code
 * ShamirScheme scheme = ShamirScheme.create(3, 5);
 * List<Share> shares = scheme.split(secret);            // shares.get(i).x() == i + 1
 * SecretBytes again = scheme.reconstruct(threeOfThem);  // throws InvalidShareException
 * }</pre>
 */
public final class ShamirScheme {
  /** The length in bytes of every secret. */
  public static final int SECRET_LENGTH = 32;
  /** The largest share count n (and largest share index); x is encoded in 2 bytes. */
  public static final int MAX_SHARE_COUNT = 65535;

  private final int threshold;
  private final int shareCount;

  private ShamirScheme(int threshold, int shareCount) {
    this.threshold = threshold;
    this.shareCount = shareCount;
  }

  /**
   * A t-of-n scheme.
   *
   * <p>{@code threshold = 1} is allowed but offers no secrecy: the polynomials are constants and
   * every single share holds the secret's chunks in the clear. It exists so that degenerate
   * configurations (one client, tests) need no special case; protocols should use t &gt;= 2.
   *
   * @param threshold t, the number of shares needed to reconstruct: 1 &lt;= t &lt;= n
   * @param shareCount n, the number of shares produced: n &lt;= {@value #MAX_SHARE_COUNT}
   * @throws IllegalArgumentException unless 1 &lt;= threshold &lt;= shareCount &lt;= {@value
   *     #MAX_SHARE_COUNT}
   */
  public static ShamirScheme create(int threshold, int shareCount) {
    if (shareCount < 1 || shareCount > MAX_SHARE_COUNT) {
      throw new IllegalArgumentException(
          "Invalid share count " + shareCount + "; must be 1.." + MAX_SHARE_COUNT);
    }
    if (threshold < 1 || threshold > shareCount) {
      throw new IllegalArgumentException(
          "Invalid threshold " + threshold + "; must be 1..shareCount (" + shareCount + ")");
    }
    return new ShamirScheme(threshold, shareCount);
  }

  /** The threshold t: the number of shares needed to reconstruct. */
  public int threshold() {
    return threshold;
  }

  /** The share count n: shares have indices 1..n. */
  public int shareCount() {
    return shareCount;
  }

  /**
   * Splits a secret with randomness from a shared, default-constructed {@link SecureRandom}.
   *
   * @see #split(SecretBytes, SecureRandom)
   */
  public List<Share> split(SecretBytes secret) {
    return split(secret, DefaultRandom.INSTANCE);
  }

  /**
   * Splits {@code secret} into n shares.
   *
   * <p>Draws 5 (t - 1) field elements from {@code random} (8 bytes each, with rejection of the
   * one out-of-field value; see the specification) and evaluates the five polynomials at x = 1..n.
   * Cost: about 5 n (t - 1) field multiplications (about 2-3 ms for n = 1000, t = 501 on a
   * 2-core EPYC).
   *
   * @param secret exactly {@value #SECRET_LENGTH} bytes; not modified
   * @param random the randomness; pass {@code DeterministicRandom} only for test vectors
   * @return n shares; element i has x = i + 1; an unmodifiable list
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the secret is not {@value #SECRET_LENGTH} bytes
   * @throws IllegalStateException if {@code secret} has been destroyed
   */
  public List<Share> split(SecretBytes secret, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    long[] chunks = chunksOf(secret);
    long[][] coefficients = drawCoefficients(random);
    try {
      return evaluate(chunks, coefficients);
    } finally {
      wipe(chunks, coefficients);
    }
  }

  /**
   * The random coefficients a_{k,j} (chunk k = 0..4, degree j = 1..t-1) as {@code
   * coefficients[k][j - 1]}, drawn chunk by chunk, degree by degree, exactly as {@link #split}
   * draws them. For the vector generator, which records them.
   */
  long[][] drawCoefficients(SecureRandom random) {
    int perChunk = threshold - 1;
    long[] flat = FieldSampler.draw(random, Share.CHUNK_COUNT * perChunk);
    long[][] out = new long[Share.CHUNK_COUNT][];
    for (int k = 0; k < Share.CHUNK_COUNT; k++) {
      out[k] = Arrays.copyOfRange(flat, k * perChunk, (k + 1) * perChunk);
    }
    Arrays.fill(flat, 0);
    return out;
  }

  /**
   * {@link #split} with explicitly supplied coefficients, in the layout of {@link
   * #drawCoefficients}. For the vector generator and checker only.
   *
   * @throws IllegalArgumentException if the layout is wrong or a coefficient is not canonical
   */
  List<Share> splitWithCoefficients(SecretBytes secret, long[][] coefficients) {
    if (coefficients.length != Share.CHUNK_COUNT) {
      throw new IllegalArgumentException("expected " + Share.CHUNK_COUNT + " coefficient rows");
    }
    for (long[] row : coefficients) {
      if (row.length != threshold - 1) {
        throw new IllegalArgumentException("expected " + (threshold - 1) + " coefficients per row");
      }
      for (long a : row) {
        if (!Gf61.isCanonical(a)) {
          throw new IllegalArgumentException("coefficient outside [0, 2^61 - 1)");
        }
      }
    }
    long[] chunks = chunksOf(secret);
    try {
      return evaluate(chunks, coefficients);
    } finally {
      Arrays.fill(chunks, 0);
    }
  }

  private static long[] chunksOf(SecretBytes secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length() != SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid secret length " + secret.length() + "; exactly " + SECRET_LENGTH
              + " bytes required");
    }
    byte[] raw = secret.toByteArray();
    try {
      return SecretChunks.split(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private List<Share> evaluate(long[] chunks, long[][] coefficients) {
    int t = threshold;
    int c = Share.CHUNK_COUNT;
    // Degree-major layout poly[j * 5 + k] so that one x walks memory once for all five chunks.
    long[] poly = new long[t * c];
    System.arraycopy(chunks, 0, poly, 0, c);
    for (int k = 0; k < c; k++) {
      for (int j = 1; j < t; j++) {
        poly[j * c + k] = coefficients[k][j - 1];
      }
    }
    Share[] shares = new Share[shareCount];
    int top = (t - 1) * c;
    for (int x = 1; x <= shareCount; x++) {
      // Horner for the five chunks at once: five independent dependency chains. The values are
      // kept only partially reduced: with a < 2^63 and x < 2^16, fold(a * x) < 2^61 + 2^18 and
      // adding a coefficient (< 2^61) keeps a < 2^62 + 2^18 < 2^63; one reduce at the end.
      long a0 = poly[top];
      long a1 = poly[top + 1];
      long a2 = poly[top + 2];
      long a3 = poly[top + 3];
      long a4 = poly[top + 4];
      for (int b = top - c; b >= 0; b -= c) {
        a0 = Gf61.foldProduct(a0, x) + poly[b];
        a1 = Gf61.foldProduct(a1, x) + poly[b + 1];
        a2 = Gf61.foldProduct(a2, x) + poly[b + 2];
        a3 = Gf61.foldProduct(a3, x) + poly[b + 3];
        a4 = Gf61.foldProduct(a4, x) + poly[b + 4];
      }
      shares[x - 1] =
          Share.trusted(
              x,
              new long[] {
                Gf61.reduce(a0), Gf61.reduce(a1), Gf61.reduce(a2), Gf61.reduce(a3),
                Gf61.reduce(a4)
              });
    }
    Arrays.fill(poly, 0);
    return Collections.unmodifiableList(Arrays.asList(shares));
  }

  private static void wipe(long[] chunks, long[][] coefficients) {
    Arrays.fill(chunks, 0);
    for (long[] row : coefficients) {
      Arrays.fill(row, 0);
    }
  }

  /**
   * Reconstructs the secret from at least t shares, using the t shares with the smallest x.
   *
   * <p>All given shares are validated, but the values of shares beyond those t are not used: a
   * corrupted extra share goes unnoticed. Use {@link #reconstructVerified} to check them. Cost:
   * about t^2 / 3 field multiplications (Lagrange coefficients; about 0.2-0.35 ms at t = 501) plus
   * 5 t; to reconstruct many
   * secrets from shares with the same indices, use a {@link #reconstructor}.
   *
   * @param shares shares in any order; the collection is not modified
   * @return the secret, {@value #SECRET_LENGTH} bytes
   * @throws NullPointerException if {@code shares} or an element is null
   * @throws InvalidShareException with the reason of the first rule violated, in this order:
   *     {@code INDEX_OUT_OF_RANGE} (a share has x &gt; n), {@code DUPLICATE_INDEX}, {@code
   *     TOO_FEW_SHARES} (fewer than t shares), {@code CHUNK_OUT_OF_RANGE} (the t shares
   *     interpolate to a chunk tuple that encodes no secret)
   */
  public SecretBytes reconstruct(Collection<Share> shares) throws InvalidShareException {
    Share[] sorted = validate(shares);
    return finish(basisOf(sorted), sorted, false);
  }

  /**
   * Reconstructs the secret like {@link #reconstruct}, and also checks that every share lies on
   * the same polynomials.
   *
   * <p>Guarantee: the call succeeds iff, for each chunk, all given shares lie on one polynomial of
   * degree below t (and that polynomial encodes a secret). Hence, if at least t of the given
   * shares are genuine, any altered share is detected. With exactly t shares there is no
   * redundancy and nothing extra is checked. Extra cost: about 9 t field multiplications per
   * share beyond t.
   *
   * @param shares shares in any order; the collection is not modified
   * @return the secret, {@value #SECRET_LENGTH} bytes
   * @throws NullPointerException if {@code shares} or an element is null
   * @throws InvalidShareException with the reason of the first rule violated, in this order:
   *     {@code INDEX_OUT_OF_RANGE}, {@code DUPLICATE_INDEX}, {@code TOO_FEW_SHARES}, {@code
   *     INCONSISTENT_SHARES}, {@code CHUNK_OUT_OF_RANGE}
   */
  public SecretBytes reconstructVerified(Collection<Share> shares) throws InvalidShareException {
    Share[] sorted = validate(shares);
    return finish(basisOf(sorted), sorted, true);
  }

  /**
   * Reconstructs the secret from shares of which some may have been altered, and says which:
   * Reed-Solomon error correction (Gao's algorithm) of each chunk separately.
   *
   * <p>Guarantee: with m shares, if in every chunk at most e = floor((m - t) / 2) share values
   * were altered, the result is the shared secret and {@link RobustReconstruction#rejectedIndices}
   * are exactly the shares altered in some chunk. In general the result is the secret of the
   * unique polynomials of degree below t that agree with all but at most e shares per chunk; if
   * there are none, the call fails with {@code UNCORRECTABLE_SHARES}. With more than e altered
   * shares the result can be a different secret, so against malicious shareholders check it
   * against a commitment. With m = t nothing can be corrected and the result is that of {@link
   * #reconstruct}.
   *
   * <p>Cost: O(m^2) field multiplications per chunk (tens of milliseconds at m = 500); use a
   * {@link ParityCheck} first when most share sets are expected to be consistent.
   *
   * @param shares shares in any order; the collection is not modified
   * @return the secret (the caller's to destroy) and the rejected indices
   * @throws NullPointerException if {@code shares} or an element is null
   * @throws InvalidShareException with the reason of the first rule violated, in this order:
   *     {@code INDEX_OUT_OF_RANGE}, {@code DUPLICATE_INDEX}, {@code TOO_FEW_SHARES}, {@code
   *     UNCORRECTABLE_SHARES}, {@code CHUNK_OUT_OF_RANGE}
   */
  public RobustReconstruction reconstructRobust(Collection<Share> shares) throws InvalidShareException {
    Share[] sorted = validate(shares);
    int m = sorted.length;
    int[] xs = new int[m];
    for (int i = 0; i < m; i++) {
      xs[i] = sorted[i].x();
    }
    int correctable = (m - threshold) / 2;
    long[] vanishing = GaoDecoder.vanishing(xs);
    long[] weights = GaoDecoder.interpolationWeights(xs);
    long[] chunks = new long[Share.CHUNK_COUNT];
    long[] values = new long[m];
    boolean[] wrong = new boolean[m];
    try {
      for (int k = 0; k < Share.CHUNK_COUNT; k++) {
        for (int i = 0; i < m; i++) {
          values[i] = sorted[i].values()[k];
        }
        long[] f = GaoDecoder.decode(xs, values, threshold, vanishing, weights);
        int disagreements = 0;
        if (f != null) {
          for (int i = 0; i < m; i++) {
            if (GaoDecoder.evaluate(f, xs[i]) != values[i]) {
              wrong[i] = true;
              disagreements++;
            }
          }
          chunks[k] = f[0];
          Arrays.fill(f, 0);
        }
        // Re-checked rather than trusted: only within this distance is the polynomial unique.
        if (f == null || disagreements > correctable) {
          throw new InvalidShareException(
              InvalidShareException.Reason.UNCORRECTABLE_SHARES,
              "chunk " + k + " of " + m + " shares cannot be decoded with at most " + correctable
                  + " errors");
        }
      }
      byte[] secret = SecretChunks.join(chunks);
      try {
        int rejected = 0;
        for (boolean b : wrong) {
          rejected += b ? 1 : 0;
        }
        int[] out = new int[rejected];
        for (int i = 0, j = 0; i < m; i++) {
          if (wrong[i]) {
            out[j++] = xs[i];
          }
        }
        return new RobustReconstruction(SecretBytes.copyOf(secret), out);
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    } finally {
      Arrays.fill(chunks, 0);
      Arrays.fill(values, 0);
    }
  }

  /**
   * A {@link ParityCheck} for share sets drawn from this universe of indices, drawing its secret
   * randomness from {@code random} (u - t field elements for u indices). Build it after the shares
   * to be checked are fixed.
   *
   * @param random a secure source; the check's randomness must stay unknown to the shareholders
   * @param indices the universe of x values, in any order, at least t of them; copied
   * @throws NullPointerException if an argument is null
   * @throws InvalidShareException as {@link #reconstructor}
   */
  public ParityCheck parityCheck(SecureRandom random, int... indices) throws InvalidShareException {
    Objects.requireNonNull(random, "random");
    return new ParityCheck(this, checkedIndices(indices), random);
  }

  /**
   * Precomputes the Lagrange coefficients for one set of share indices, so that many secrets
   * shared with this scheme can be reconstructed from shares with exactly these indices at about
   * 5 t field multiplications each. With more than t indices, the t smallest form the
   * interpolation basis, as in {@link #reconstruct}.
   *
   * @param indices the x values, in any order, at least t of them; copied
   * @throws NullPointerException if {@code indices} is null
   * @throws InvalidShareException with the reason of the first rule violated, in this order:
   *     {@code INDEX_OUT_OF_RANGE} (an index is outside 1..n), {@code DUPLICATE_INDEX}, {@code
   *     TOO_FEW_SHARES} (fewer than t indices)
   */
  public Reconstructor reconstructor(int... indices) throws InvalidShareException {
    int[] sorted = checkedIndices(indices);
    return new Reconstructor(this, sorted, new LagrangeBasis(Arrays.copyOf(sorted, threshold)));
  }

  /** The indices sorted, after the range, duplicate and count rules. */
  private int[] checkedIndices(int[] indices) throws InvalidShareException {
    Objects.requireNonNull(indices, "indices");
    for (int x : indices) {
      checkInRange(x);
    }
    int[] sorted = indices.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw duplicate(sorted[i]);
      }
    }
    checkCount(sorted.length);
    return sorted;
  }

  /** Shares sorted by x, after the range, duplicate and count rules. */
  private Share[] validate(Collection<Share> shares) throws InvalidShareException {
    Objects.requireNonNull(shares, "shares");
    Share[] sorted = shares.toArray(new Share[0]);
    for (Share s : sorted) {
      Objects.requireNonNull(s, "share");
      checkInRange(s.x());
    }
    Arrays.sort(sorted, Comparator.comparingInt(Share::x));
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i].x() == sorted[i - 1].x()) {
        throw duplicate(sorted[i].x());
      }
    }
    checkCount(sorted.length);
    return sorted;
  }

  private LagrangeBasis basisOf(Share[] sorted) {
    int[] xs = new int[threshold];
    for (int i = 0; i < threshold; i++) {
      xs[i] = sorted[i].x();
    }
    return new LagrangeBasis(xs);
  }

  /**
   * The secret from {@code ordered}, whose first t shares match {@code basis} and whose other
   * shares have indices outside it.
   */
  static SecretBytes finish(LagrangeBasis basis, Share[] ordered, boolean verify)
      throws InvalidShareException {
    if (verify) {
      for (int e = basis.size(); e < ordered.length; e++) {
        if (!basis.liesOnPolynomials(ordered, ordered[e])) {
          throw new InvalidShareException(
              InvalidShareException.Reason.INCONSISTENT_SHARES,
              "share x=" + ordered[e].x() + " does not lie on the polynomials through the"
                  + " first " + basis.size() + " shares");
        }
      }
    }
    long[] chunks = basis.valueAtZero(ordered);
    try {
      byte[] secret = SecretChunks.join(chunks);
      try {
        return SecretBytes.copyOf(secret);
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    } finally {
      Arrays.fill(chunks, 0);
    }
  }

  void checkInRange(int x) throws InvalidShareException {
    if (x < 1 || x > shareCount) {
      throw new InvalidShareException(
          InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
          "share index " + x + " is outside 1.." + shareCount);
    }
  }

  void checkCount(int count) throws InvalidShareException {
    if (count < threshold) {
      throw new InvalidShareException(
          InvalidShareException.Reason.TOO_FEW_SHARES,
          count + " shares given; the threshold is " + threshold);
    }
  }

  static InvalidShareException duplicate(int x) {
    return new InvalidShareException(
        InvalidShareException.Reason.DUPLICATE_INDEX, "share index " + x + " occurs twice");
  }

  /** Equal iff both threshold and share count are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ShamirScheme
        && ((ShamirScheme) o).threshold == threshold
        && ((ShamirScheme) o).shareCount == shareCount;
  }

  @Override
  public int hashCode() {
    return 31 * threshold + shareCount;
  }

  @Override
  public String toString() {
    return "ShamirScheme[t=" + threshold + ", n=" + shareCount + ", GF(2^61-1), 5 chunks]";
  }

  /** Holder idiom: the default source is created only if some caller needs it. */
  private static final class DefaultRandom {
    static final SecureRandom INSTANCE = new SecureRandom();
  }
}
