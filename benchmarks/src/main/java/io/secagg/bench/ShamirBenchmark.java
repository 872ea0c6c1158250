package io.secagg.bench;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.Reconstructor;
import io.secagg.core.shamir.ShamirScheme;
import io.secagg.core.shamir.Share;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Shamir sharing of one 32-byte secret: {@code io.secagg.core.shamir} over GF(2^61 - 1) (five
 * chunk polynomials, long arithmetic) against a baseline in this class, a straightforward
 * implementation over the 256-bit prime 2^256 - 189 with {@link BigInteger} (one polynomial).
 *
 * <p>Per (n, t): {@code split*} produces all n shares (randomness from a default {@link
 * SecureRandom} in both, included in the time); {@code reconstructFresh*} reconstructs from t
 * shares of scattered indices, computing the Lagrange coefficients; {@code reconstructCached*}
 * does the same with coefficients precomputed once for that index set (the server's case: many
 * secrets, same surviving shareholders). All times are per secret.
 *
 * <p>How to run:
 *
 * <pre>
 * mvn -B -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ShamirBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
public class ShamirBenchmark extends ShortRunBenchmark {
  /** "n/t": share count and threshold. */
  @Param({"100/51", "1000/501"})
  public String shape;

  private SecureRandom random;

  private ShamirScheme scheme;
  private SecretBytes secret;
  private long[] secretChunks;
  private List<Share> survivors;
  private Reconstructor reconstructor;

  private BigShamir big;
  private BigInteger bigSecret;
  private long[] bigXs;
  private BigInteger[] bigYs;
  private BigInteger[] bigLambdas;

  /** Builds the inputs: one secret, its shares, a scattered set of t survivors. */
  @Setup
  public void setUp() throws InvalidShareException {
    String[] parts = shape.split("/");
    int n = Integer.parseInt(parts[0]);
    int t = Integer.parseInt(parts[1]);
    random = new SecureRandom();
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    secret = SecretBytes.copyOf(raw);
    BigInteger whole = new BigInteger(1, raw);
    secretChunks = new long[5];
    for (int k = 0, shift = 240; k < 5; k++, shift -= 60) {
      secretChunks[k] = whole.shiftRight(shift).longValue() & (k == 0 ? 0xffffL : (1L << 60) - 1);
    }

    List<Integer> order = new ArrayList<>();
    for (int x = 1; x <= n; x++) {
      order.add(x);
    }
    Collections.shuffle(order, new Random(1));
    int[] xs = order.subList(0, t).stream().mapToInt(Integer::intValue).toArray();

    scheme = ShamirScheme.create(t, n);
    List<Share> shares = scheme.split(secret, random);
    survivors = new ArrayList<>();
    for (int x : xs) {
      survivors.add(shares.get(x - 1));
    }
    reconstructor = scheme.reconstructor(xs);

    big = new BigShamir(t, n);
    bigSecret = new BigInteger(255, random);
    BigInteger[] bigShares = big.split(bigSecret, random);
    bigXs = new long[t];
    bigYs = new BigInteger[t];
    for (int i = 0; i < t; i++) {
      bigXs[i] = xs[i];
      bigYs[i] = bigShares[xs[i] - 1];
    }
    bigLambdas = big.lagrangeAtZero(bigXs);
    if (!big.combine(bigLambdas, bigYs).equals(bigSecret)
        || !scheme.reconstruct(survivors).equals(secret)) {
      throw new IllegalStateException("benchmark setup does not reconstruct");
    }
  }

  /** All n shares of one secret, GF(2^61 - 1). */
  @Benchmark
  public List<Share> splitGf61() {
    return scheme.split(secret, random);
  }

  /** One secret from t shares, Lagrange coefficients computed, GF(2^61 - 1). */
  @Benchmark
  public SecretBytes reconstructFreshGf61() throws InvalidShareException {
    return scheme.reconstruct(survivors);
  }

  /** One secret from t shares with precomputed coefficients, GF(2^61 - 1). */
  @Benchmark
  public SecretBytes reconstructCachedGf61() throws InvalidShareException {
    return reconstructor.reconstruct(survivors);
  }

  /**
   * Ablation: the same field and output as {@link #splitGf61}, but Horner one chunk at a time
   * with a full modular reduction after every step (one dependency chain, as a first
   * implementation would write it), to show what the interleaved, lazily reduced loop gains.
   */
  @Benchmark
  public long[][] splitGf61OneChain() {
    return OneChainGf61.split(secretChunks, scheme.threshold(), scheme.shareCount(), random);
  }

  /** Baseline: all n shares of one secret, 256-bit prime, BigInteger. */
  @Benchmark
  public BigInteger[] splitBigInteger256() {
    return big.split(bigSecret, random);
  }

  /** Baseline: one secret from t shares, coefficients computed, 256-bit prime, BigInteger. */
  @Benchmark
  public BigInteger reconstructFreshBigInteger256() {
    return big.combine(big.lagrangeAtZero(bigXs), bigYs);
  }

  /** Baseline: one secret from t shares, precomputed coefficients, 256-bit prime, BigInteger. */
  @Benchmark
  public BigInteger reconstructCachedBigInteger256() {
    return big.combine(bigLambdas, bigYs);
  }

  /** The one-chain ablation: same field and sampling, naive Horner. */
  static final class OneChainGf61 {
    static final long P = (1L << 61) - 1;

    static long mulMod(long a, long b) {
      long hi = Math.multiplyHigh(a, b);
      long lo = a * b;
      long r = (lo & P) + ((hi << 3) | (lo >>> 61));
      r = (r & P) + (r >>> 61);
      return r >= P ? r - P : r;
    }

    static long[][] split(long[] chunks, int t, int n, SecureRandom random) {
      // Same randomness as the library: one bulk draw of 8-byte big-endian words, masked to 61
      // bits, the value p rejected (then one more word is drawn).
      long[][] a = new long[5][t];
      byte[] buf = new byte[8 * 5 * (t - 1)];
      random.nextBytes(buf);
      int off = 0;
      byte[] word = new byte[8];
      for (int k = 0; k < 5; k++) {
        a[k][0] = chunks[k];
        for (int j = 1; j < t; j++) {
          long v;
          do {
            byte[] src = buf;
            int at = off;
            if (off >= buf.length) {
              random.nextBytes(word);
              src = word;
              at = 0;
            } else {
              off += 8;
            }
            v = 0;
            for (int b = 0; b < 8; b++) {
              v = (v << 8) | (src[at + b] & 0xff);
            }
            v &= P;
          } while (v == P);
          a[k][j] = v;
        }
      }
      long[][] y = new long[n][5];
      for (int x = 1; x <= n; x++) {
        for (int k = 0; k < 5; k++) {
          long acc = a[k][t - 1];
          for (int j = t - 2; j >= 0; j--) {
            acc = mulMod(acc, x) + a[k][j];
            acc = acc >= P ? acc - P : acc;
          }
          y[x - 1][k] = acc;
        }
      }
      return y;
    }
  }

  /**
   * The baseline: textbook Shamir over the prime 2^256 - 189 with BigInteger, written plainly
   * (Horner per share, one modInverse per Lagrange coefficient).
   */
  static final class BigShamir {
    static final BigInteger P = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.valueOf(189));

    private final int t;
    private final int n;

    BigShamir(int t, int n) {
      if (!P.isProbablePrime(64)) {
        throw new IllegalStateException("2^256 - 189 is expected to be prime");
      }
      this.t = t;
      this.n = n;
    }

    /** Shares y(1..n) of a secret below P. */
    BigInteger[] split(BigInteger secret, SecureRandom random) {
      BigInteger[] a = new BigInteger[t];
      a[0] = secret;
      for (int j = 1; j < t; j++) {
        BigInteger r;
        do {
          r = new BigInteger(256, random);
        } while (r.compareTo(P) >= 0);
        a[j] = r;
      }
      BigInteger[] y = new BigInteger[n];
      for (int x = 1; x <= n; x++) {
        BigInteger bx = BigInteger.valueOf(x);
        BigInteger acc = a[t - 1];
        for (int j = t - 2; j >= 0; j--) {
          acc = acc.multiply(bx).add(a[j]).mod(P);
        }
        y[x - 1] = acc;
      }
      return y;
    }

    /** lambda_i = prod_{j != i} x_j / (x_j - x_i) mod P. */
    BigInteger[] lagrangeAtZero(long[] xs) {
      BigInteger[] lambda = new BigInteger[xs.length];
      for (int i = 0; i < xs.length; i++) {
        BigInteger num = BigInteger.ONE;
        BigInteger den = BigInteger.ONE;
        for (int j = 0; j < xs.length; j++) {
          if (j != i) {
            num = num.multiply(BigInteger.valueOf(xs[j])).mod(P);
            den = den.multiply(BigInteger.valueOf(xs[j] - xs[i])).mod(P);
          }
        }
        lambda[i] = num.multiply(den.modInverse(P)).mod(P);
      }
      return lambda;
    }

    /** sum_i lambda_i y_i mod P. */
    BigInteger combine(BigInteger[] lambda, BigInteger[] ys) {
      BigInteger acc = BigInteger.ZERO;
      for (int i = 0; i < lambda.length; i++) {
        acc = acc.add(lambda[i].multiply(ys[i]));
      }
      return acc.mod(P);
    }
  }
}
