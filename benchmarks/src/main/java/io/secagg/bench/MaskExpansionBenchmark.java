package io.secagg.bench;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.prg.AesCtrMaskGenerator;
import io.secagg.core.prg.MaskGenerator;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The protocol's hot path, adding one pairwise mask of L elements of Z_m into an accumulator
 * ({@link MaskGenerator#addMask}, seed expansion included), beside the raw limits it is built from:
 *
 * <ul>
 *   <li>{@code streamAddMask} - ours: HKDF, AES-128-CTR keystream and the modular add, fused
 *       chunk by chunk;
 *   <li>{@code baselineKeystream} - the bare JCE AES-128-CTR keystream ({@link BareAesCtr}) of the same
 *       byte length (4 bytes per element for 2^32, 8 for the odd modulus) into a preallocated
 *       array, in 32 KiB calls (one call of several MiB hits the JDK 17 warm-up trap and would
 *       make the baseline look worse than it is);
 *   <li>{@code baselineAdd} - the bare element-wise add of two preallocated arrays: an {@code
 *       int} add for 2^32, the branch-free modular {@code long} add for the odd modulus;
 *   <li>{@code baselineKeystreamThenAdd} - the composite baseline: the whole keystream first,
 *       then the add loop over it. Acceptance target: {@code streamAddMask} reaches at least 50%
 *       of its throughput for m = 2^32, L = 10^6, i.e. the ratio (score of {@code
 *       baselineKeystreamThenAdd}) / (score of {@code streamAddMask}) is at least 0.5.
 *   <li>{@code coldFirstMask} - single shot: the first mask in a fresh JVM (a client may run one
 *       round only; setup loads the JCE providers but never runs the mask path), with {@code
 *       coldBaselineKeystreamOneCall}, the same keystream length in one unchunked JCE call in a
 *       fresh JVM, for comparison.
 * </ul>
 *
 * <p>The odd modulus is 2^62 - 57: 62-bit candidates, rejected with probability 57 / 2^62, so the
 * vectorized path runs nearly always; moduli with frequent rejection (e.g. 2^61 + 1) take a scalar
 * compaction path and are slower (see {@code docs/architecture.md}).
 *
 * <p>How to run (scores in microseconds per operation; the single-shot benchmarks fork ten fresh
 * JVMs each as annotated, so do not pass {@code -wi}/{@code -i}/{@code -f} for them):
 *
 * <pre>
 * mvn -B -q -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar 'MaskExpansionBenchmark\.(stream|baseline)' -f 1 -wi 3 -w 1s -i 5 -r 1s
 * java -jar benchmarks/target/benchmarks.jar 'MaskExpansionBenchmark\.cold' -p length=1000000
 * </pre>
 */
public class MaskExpansionBenchmark extends ShortRunBenchmark {
  private static final int CHUNK_BYTES = 32 * 1024;
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final byte[] CONTEXT =
      "bench session 1 round 2 pair (1,2)".getBytes(StandardCharsets.US_ASCII);

  /**
   * The parameters both input states share, and what each builds from them: the generator, a
   * fresh seed and a keyed AES-CTR cipher (JMH reads {@code @Param} fields from a {@code @State}
   * superclass).
   */
  @State(Scope.Thread)
  public abstract static class Inputs {
    /** Mask length L in elements. */
    @Param({"10000", "100000", "1000000"})
    public int length;

    /** The modulus: 2^32, or the odd 2^62 - 57. */
    @Param({"2^32", "4611686018427387847"})
    public String modulus;

    MaskGenerator generator;
    ModVector accumulator;
    SecretBytes seed;
    Cipher cipher;
    byte[] keystream;

    /** Builds the generator and draws the seed and the cipher's key; returns the modulus. */
    Modulus generatorSeedAndCipher(SecureRandom random) throws GeneralSecurityException {
      Modulus mod = Modulus.parse(modulus);
      generator = AesCtrMaskGenerator.create(mod, length);
      seed = randomSeed(random);
      cipher = randomCipher(random);
      return mod;
    }
  }

  /** Inputs of the steady-state benchmarks: a warmed generator and the baselines' buffers. */
  @State(Scope.Thread)
  public static class Hot extends Inputs {
    byte[] zeros;
    boolean wide;
    long m;
    long kMask;
    int[] intAcc;
    int[] intAddend;
    long[] longAcc;
    long[] longAddend;

    /** Builds the generator, a random accumulator and the baselines' preallocated buffers. */
    @Setup
    public void setUp() throws GeneralSecurityException {
      SecureRandom random = new SecureRandom();
      Modulus mod = generatorSeedAndCipher(random);
      accumulator = generator.expand(randomSeed(random), CONTEXT);

      wide = !mod.isPowerOfTwo();
      keystream = new byte[length * (mod.bits() <= 32 ? 4 : 8)];
      zeros = new byte[CHUNK_BYTES];
      if (wide) {
        m = mod.longValueExact();
        kMask = (1L << mod.bits()) - 1;
        longAcc = accumulator.toLongArray();
        longAddend = generator.expand(randomSeed(random), CONTEXT).toLongArray();
      } else {
        intAcc = new int[length];
        intAddend = new int[length];
        for (int i = 0; i < length; i++) {
          intAcc[i] = random.nextInt();
          intAddend[i] = random.nextInt();
        }
      }
    }
  }

  /**
   * Inputs of the single-shot benchmarks. Setup loads the JCE providers (AES, HMAC) as any client
   * has by the time it masks, but never runs the mask path, so the JIT state is cold.
   */
  @State(Scope.Thread)
  public static class Cold extends Inputs {
    byte[] input;

    /** Creates a zero accumulator and a keyed cipher; runs nothing of the mask path. */
    @Setup
    public void setUp() throws GeneralSecurityException {
      Modulus mod = generatorSeedAndCipher(new SecureRandom());
      accumulator = ModVector.zeros(mod, length);
      Mac.getInstance("HmacSHA256");
      input = new byte[length * (mod.bits() <= 32 ? 4 : 8)];
      keystream = new byte[input.length];
    }
  }

  private static SecretBytes randomSeed(SecureRandom random) {
    byte[] s = new byte[32];
    random.nextBytes(s);
    return SecretBytes.copyOf(s);
  }

  private static Cipher randomCipher(SecureRandom random) throws GeneralSecurityException {
    byte[] key = new byte[16];
    random.nextBytes(key);
    Cipher c = BareAesCtr.newCipher();
    c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    return c;
  }

  /** Ours: one mask streamed into the accumulator (HKDF + AES-CTR + modular add). */
  @Benchmark
  public ModVector streamAddMask(Hot s) {
    s.generator.addMask(s.seed, CONTEXT, s.accumulator);
    return s.accumulator;
  }

  /** Baseline: the bare JCE keystream of the same byte length, in 32 KiB calls. */
  @Benchmark
  public byte[] baselineKeystream(Hot s) throws GeneralSecurityException {
    fillKeystream(s);
    return s.keystream;
  }

  /** Baseline: the bare element-wise add of two preallocated arrays. */
  @Benchmark
  public Object baselineAdd(Hot s) {
    if (s.wide) {
      addModLongs(s.longAcc, s.longAddend, s.m);
      return s.longAcc;
    }
    addInts(s.intAcc, s.intAddend);
    return s.intAcc;
  }

  /** Composite baseline: the whole keystream, then the add loop reading it. */
  @Benchmark
  public Object baselineKeystreamThenAdd(Hot s) throws GeneralSecurityException {
    fillKeystream(s);
    if (s.wide) {
      addModLongsFromBytes(s.longAcc, s.keystream, s.kMask, s.m);
      return s.longAcc;
    }
    addIntsFromBytes(s.intAcc, s.keystream);
    return s.intAcc;
  }

  /** Single shot: the first mask of a fresh JVM (the client that runs one round). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(10)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public ModVector coldFirstMask(Cold s) {
    s.generator.addMask(s.seed, CONTEXT, s.accumulator);
    return s.accumulator;
  }

  /** Single shot: the same keystream length in one unchunked JCE call in a fresh JVM. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Fork(10)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public byte[] coldBaselineKeystreamOneCall(Cold s) throws GeneralSecurityException {
    s.cipher.update(s.input, 0, s.input.length, s.keystream, 0);
    return s.keystream;
  }

  private static void fillKeystream(Hot s) throws GeneralSecurityException {
    byte[] out = s.keystream;
    for (int off = 0; off < out.length; off += CHUNK_BYTES) {
      s.cipher.update(s.zeros, 0, Math.min(CHUNK_BYTES, out.length - off), out, off);
    }
  }

  // Each loop in its own method: sharing a compiled method with Cipher.update can cost C2's SIMD
  // form (see docs/architecture.md).

  private static void addInts(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
  }

  private static void addModLongs(long[] a, long[] b, long m) {
    for (int i = 0; i < a.length; i++) {
      long t = a[i] + b[i] - m;
      a[i] = t + (m & (t >> 63));
    }
  }

  private static void addIntsFromBytes(int[] a, byte[] ks) {
    for (int i = 0; i < a.length; i++) {
      a[i] += (int) INT_LE.get(ks, i << 2);
    }
  }

  private static void addModLongsFromBytes(long[] a, byte[] ks, long kMask, long m) {
    for (int i = 0; i < a.length; i++) {
      long t = a[i] + ((long) LONG_LE.get(ks, i << 3) & kMask) - m;
      a[i] = t + (m & (t >> 63));
    }
  }
}
