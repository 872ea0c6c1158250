package io.secagg.bench;

import io.secagg.vdaf.internal.xof.KeccakSponge;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.Xof;
import org.bouncycastle.crypto.digests.Kangaroo;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Keccak on the JVM, one mebibyte per operation: secagg-vdaf's own sponge (TurboSHAKE128 with the
 * 12-round Keccak-p, and SHAKE128 with the 24-round Keccak-f on the same code) beside Bouncy
 * Castle's {@code SHAKEDigest} (24 rounds) and {@code KangarooTwelve} (12 rounds, the same
 * permutation as TurboSHAKE128) and the JDK's {@code SHA3-256} (24 rounds, rate 136 bytes).
 *
 * <p>Compare like with like: 12-round against 12-round, 24-round against 24-round. Squeezing
 * writes 168 bytes per permutation; absorbing reads 168 (136 for SHA3-256).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar KeccakBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeccakBenchmark extends SteadyRunBenchmark {
  /** Bytes per operation. */
  @Param({"1048576"})
  public int size;

  private byte[] input;
  private byte[] output;
  private final byte[] seed = new byte[32];
  private MessageDigest sha3;

  /** Buffers and the JDK digest. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    input = new byte[size];
    new java.util.Random(1).nextBytes(input);
    output = new byte[size];
    sha3 = MessageDigest.getInstance("SHA3-256");
  }

  /** Ours, 12 rounds: squeeze {@code size} bytes. */
  @Benchmark
  public byte[] oursTurboShake128Squeeze() {
    return squeezeAfterSeed(KeccakSponge.turboShake128(1));
  }

  /** Ours, 12 rounds: absorb {@code size} bytes, squeeze 32. */
  @Benchmark
  public byte[] oursTurboShake128Absorb() {
    KeccakSponge s = KeccakSponge.turboShake128(1);
    s.absorb(input, 0, size);
    byte[] out = new byte[32];
    s.squeeze(out, 0, 32);
    return out;
  }

  /** Ours, 24 rounds: SHAKE128, squeeze {@code size} bytes. */
  @Benchmark
  public byte[] oursShake128Squeeze() {
    return squeezeAfterSeed(KeccakSponge.shake128());
  }

  /** Bouncy Castle, 24 rounds: SHAKE128, squeeze {@code size} bytes. */
  @Benchmark
  public byte[] bcShake128Squeeze() {
    return squeezeAfterSeed(new SHAKEDigest(128));
  }

  /** Bouncy Castle, 12 rounds: KangarooTwelve of a short input, squeeze {@code size} bytes. */
  @Benchmark
  public byte[] bcKangarooTwelveSqueeze() {
    return squeezeAfterSeed(new Kangaroo.KangarooTwelve());
  }

  /** Bouncy Castle, 12 rounds: KangarooTwelve absorbing {@code size} bytes, 32 out. */
  @Benchmark
  public byte[] bcKangarooTwelveAbsorb() {
    Kangaroo.KangarooTwelve d = new Kangaroo.KangarooTwelve();
    d.update(input, 0, size);
    byte[] out = new byte[32];
    d.doFinal(out, 0, 32);
    return out;
  }

  /*
   * The squeeze benchmarks share one body per library. Each benchmark method runs in its own fork
   * (@Fork(1)), so the Xof call sites below see one type per JVM and stay monomorphic.
   */
  private byte[] squeezeAfterSeed(KeccakSponge s) {
    s.absorb(seed, 0, seed.length);
    s.squeeze(output, 0, size);
    return output;
  }

  private byte[] squeezeAfterSeed(Xof d) {
    d.update(seed, 0, seed.length);
    d.doFinal(output, 0, size);
    return output;
  }

  /** JDK, 24 rounds: SHA3-256 of {@code size} bytes. */
  @Benchmark
  public byte[] jdkSha3Absorb() {
    return sha3.digest(input);
  }
}
