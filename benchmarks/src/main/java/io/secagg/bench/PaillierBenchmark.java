package io.secagg.bench;

import com.n1analytics.paillier.EncryptedNumber;
import com.n1analytics.paillier.PaillierContext;
import io.secagg.he.Ciphertext;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.PaillierKeyGenerator;
import io.secagg.he.PaillierKeyPair;
import io.secagg.he.RandomizerSource;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.PackingLayout;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * secagg-he's Paillier beside javallier 0.6.0 (the baseline), at 2048 and 3072 bits, in one run.
 *
 * <p>Pairs (ours / javallier): {@code keyGeneration} (and {@code keyGenerationThreePrimes}) /
 * {@code javallierKeyGeneration};
 * {@code encryptDjn} (the default: DJN short exponent from a fixed-base table) and
 * {@code encryptStandard} (textbook {@code r^n}) / {@code javallierEncryptObfuscate}
 * ({@code encrypt(long).obfuscate()}: javallier's only randomized encryption); {@code decrypt} (and
 * {@code decryptTwoThreads}, the CRT halves on two threads, and {@code decryptThreePrimes}, a
 * three-prime key of the same modulus length) / {@code javallierDecrypt}; {@code add} /
 * {@code javallierAdd}; and the per-value cost of
 * summing 100 clients' packed vectors of 100,000 signed 16-bit values, encrypt + add + decrypt,
 * {@code packedAggregationPerValue} / {@code javallierAggregationPerValue} (javallier has no
 * packing: each value is its own ciphertext). Both per-value benchmarks divide the whole
 * workload's time by (clients x values per client) and run single-threaded.
 *
 * <p>Note: javallier runs its exponentiations through GMP (jnagmp ships libgmp for linux-x86-64);
 * secagg-he uses {@link BigInteger} only. Key generation and the aggregation workloads are single
 * shots (3072-bit key generation takes seconds; one 100 x 100,000 aggregation takes minutes).
 *
 * <p>How to run: {@code mvn -B -DskipTests package -pl benchmarks -am}, then {@code java -jar
 * benchmarks/target/benchmarks.jar PaillierBenchmark -f 1}. Quick look at the per-op numbers
 * only: {@code java -jar benchmarks/target/benchmarks.jar 'PaillierBenchmark\.(encrypt|javallierEncrypt|decrypt|javallierDecrypt|add|javallierAdd)'
 * -f 1 -wi 2 -w 2s -i 3 -r 2s}. {@code packedAggregationPerValueShort} is the same workload on 10,000 values per client.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PaillierBenchmark extends SteadyRunBenchmark {
  @Param({"2048", "3072"})
  public int bits;

  PaillierKeyPair keys;
  PaillierKeyPair threePrimeKeys;
  Ciphertext c3;
  PaillierEncryptor djn;
  PaillierEncryptor standard;
  Ciphertext c1;
  Ciphertext c2;

  com.n1analytics.paillier.PaillierPrivateKey javallierKey;
  PaillierContext javallierContext;
  EncryptedNumber j1;
  EncryptedNumber j2;

  private final SplittableRandom values = new SplittableRandom(1);

  /** Keys, encryptors (with their fixed-base table) and two ciphertexts for each library. */
  @Setup
  public void setUp() {
    SecureRandom random = new SecureRandom();
    keys = PaillierKeyGenerator.generate(bits, random);
    djn = PaillierEncryptor.create(RandomizerSource.djn(keys.publicKey(), random));
    standard = PaillierEncryptor.create(RandomizerSource.standard(keys.publicKey(), random));
    c1 = djn.encrypt(123456789L);
    c2 = djn.encrypt(987654321L);
    threePrimeKeys = PaillierKeyGenerator.generate(bits, 3, random);
    c3 = PaillierEncryptor.create(RandomizerSource.djn(threePrimeKeys.publicKey(), random))
        .encrypt(123456789L);
    javallierKey = com.n1analytics.paillier.PaillierPrivateKey.create(bits);
    javallierContext = javallierKey.getPublicKey().createSignedContext();
    j1 = javallierContext.encrypt(123456789L).obfuscate();
    j2 = javallierContext.encrypt(987654321L).obfuscate();
  }

  /** Key generation: two random primes of bits/2, 64 Miller-Rabin rounds, CRT constants. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public PaillierKeyPair keyGeneration() {
    return PaillierKeyGenerator.generate(bits, new SecureRandom());
  }

  /** Key generation with three primes of about bits/3 (same modulus length). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public PaillierKeyPair keyGenerationThreePrimes() {
    return PaillierKeyGenerator.generate(bits, 3, new SecureRandom());
  }

  /** Baseline: javallier key generation. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public Object javallierKeyGeneration() {
    return com.n1analytics.paillier.PaillierPrivateKey.create(bits);
  }

  /** Randomized encryption, default DJN randomizer computed fresh (no pool). */
  @Benchmark
  public Ciphertext encryptDjn() {
    return djn.encrypt(values.nextLong(1L << 62));
  }

  /** Randomized encryption with the textbook randomizer r^n mod n^2. */
  @Benchmark
  public Ciphertext encryptStandard() {
    return standard.encrypt(values.nextLong(1L << 62));
  }

  /** Baseline: javallier's randomized encryption, encrypt then obfuscate. */
  @Benchmark
  public BigInteger javallierEncryptObfuscate() {
    return javallierContext.encrypt(values.nextLong(1L << 62)).obfuscate().calculateCiphertext();
  }

  /** CRT decryption (incoming-ciphertext validation included). */
  @Benchmark
  public BigInteger decrypt() {
    return keys.privateKey().decrypt(c1);
  }

  /**
   * CRT decryption with the q half on a second thread (lower latency, same throughput): the
   * common pool has one worker on a 2-core machine.
   */
  @Benchmark
  public BigInteger decryptTwoThreads() {
    return keys.privateKey().decrypt(c1, java.util.concurrent.ForkJoinPool.commonPool());
  }

  /**
   * CRT decryption under a three-prime key of the same modulus length: three exponentiations
   * with exponents and moduli a third shorter than the two-prime key's halves.
   */
  @Benchmark
  public BigInteger decryptThreePrimes() {
    return threePrimeKeys.privateKey().decrypt(c3);
  }

  /** Baseline: javallier decryption and decoding. */
  @Benchmark
  public long javallierDecrypt() {
    return javallierKey.decrypt(j1).decodeLong();
  }

  /** Homomorphic addition (one Barrett multiplication mod n^2). */
  @Benchmark
  public Ciphertext add() {
    return c1.add(c2);
  }

  /** Baseline: javallier homomorphic addition. */
  @Benchmark
  public EncryptedNumber javallierAdd() {
    return j1.add(j2);
  }

  /** The aggregation workload: 100 clients' signed 16-bit vectors of 100,000 values. */
  @State(Scope.Benchmark)
  public static class Aggregation {
    static final int CLIENTS = 100;
    static final int LENGTH = 100_000;
    /** The same workload cut to 10,000 values per client, for a quicker look. */
    static final int SHORT_LENGTH = 10_000;
    /** Values per client on javallier's path (no packing: one ciphertext per value). */
    static final int JAVALLIER_VALUES = 2;

    PackingLayout layout;
    long[][] inputs;
    long[][] shortInputs;

    /** Draws the inputs and the layout for the outer state's key. */
    @Setup
    public void setUp(PaillierBenchmark outer) {
      layout = PackingLayout.builder().modulusBits(outer.bits).valueBits(16).maxSummands(CLIENTS).guardBits(1)
          .signed(true).build();
      SplittableRandom r = new SplittableRandom(42);
      inputs = new long[CLIENTS][LENGTH];
      shortInputs = new long[CLIENTS][];
      for (int c = 0; c < CLIENTS; c++) {
        for (int i = 0; i < LENGTH; i++) {
          inputs[c][i] = r.nextInt(1 << 16) - (1 << 15);
        }
        shortInputs[c] = java.util.Arrays.copyOf(inputs[c], SHORT_LENGTH);
      }
    }
  }

  private long[] aggregate(PackingLayout layout, long[][] inputs) throws PlaintextOverflowException {
    EncryptedVector sum = null;
    for (long[] v : inputs) {
      EncryptedVector e = EncryptedVector.encrypt(djn, layout, v);
      sum = sum == null ? e : sum.add(e);
    }
    return sum.decrypt(keys.privateKey());
  }

  /**
   * Per-value cost of the packed path: every client encrypts its whole packed vector, the server
   * adds all of them, the key holder decrypts the sum. Result: time per (client, value).
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @OperationsPerInvocation(Aggregation.CLIENTS * Aggregation.LENGTH)
  public long[] packedAggregationPerValue(Aggregation a) throws PlaintextOverflowException {
    return aggregate(a.layout, a.inputs);
  }

  /** {@link #packedAggregationPerValue} on the first 10,000 values of each vector. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  @OperationsPerInvocation(Aggregation.CLIENTS * Aggregation.SHORT_LENGTH)
  public long[] packedAggregationPerValueShort(Aggregation a) throws PlaintextOverflowException {
    return aggregate(a.layout, a.shortInputs);
  }

  /**
   * Per-value cost of javallier's path: each of {@code clients} encrypts (and obfuscates) each
   * of its values, the server adds per value, the key holder decrypts each sum. Result: time per
   * (client, value).
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  @OperationsPerInvocation(Aggregation.CLIENTS * Aggregation.JAVALLIER_VALUES)
  public long[] javallierAggregationPerValue(Aggregation a) {
    long[] out = new long[Aggregation.JAVALLIER_VALUES];
    for (int i = 0; i < Aggregation.JAVALLIER_VALUES; i++) {
      EncryptedNumber sum = null;
      for (long[] v : a.inputs) {
        EncryptedNumber e = javallierContext.encrypt(v[i]).obfuscate();
        sum = sum == null ? e : sum.add(e);
      }
      out[i] = javallierKey.decrypt(sum).decodeLong();
    }
    return out;
  }
}
