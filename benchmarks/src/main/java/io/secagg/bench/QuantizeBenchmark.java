package io.secagg.bench;

import io.secagg.core.quant.QuantizedVector;
import io.secagg.core.quant.Quantizer;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.security.SecureRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Client-side quantization of one model update, beside its limits.
 *
 * <ul>
 *   <li>{@code quantize}: the production path (clip, exact 2^e scaling, exact stochastic
 *       rounding with words from an AES-CTR expansion of a SecureRandom seed, offset);
 *   <li>{@code baselineDeterministicRounding}: the same clip/scale/offset with round-to-nearest
 *       and no randomness: the floor for any quantizer;
 *   <li>{@code baselineSecureRandomWords}: only drawing the 8 bytes per coordinate straight from
 *       the JDK's default SecureRandom, the design this library rejected;
 *   <li>{@code dequantizeSum}: the server-side decode of a sum.
 * </ul>
 *
 * <p>How to run: {@code mvn -B -q -o -DskipTests package -pl benchmarks -am}, then {@code java
 * -jar benchmarks/target/benchmarks.jar QuantizeBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Thread)
public class QuantizeBenchmark extends ShortRunBenchmark {
  @Param({"100000", "1000000"})
  public int size;

  private double[] update;
  private ModVector sum;
  private Quantizer quantizer;
  private SecureRandom secureRandom;
  private byte[] words;
  private double clip;
  private double scale;
  private long offset;

  /** A model update in [-1.2, 1.2] (some values clipped) and a quantizer for 1000 clients. */
  @Setup
  public void setUp() {
    QuantizerConfig config =
        QuantizerConfig.builder().clipBound(1.0).modulus(Modulus.powerOfTwo(32)).maxClients(1000).build();
    quantizer = Quantizer.create(config);
    java.util.Random r = new java.util.Random(42);
    update = new double[size];
    for (int i = 0; i < size; i++) {
      update[i] = (r.nextDouble() * 2 - 1) * 1.2;
    }
    sum = quantizer.quantize(update).vector();
    secureRandom = new SecureRandom();
    words = new byte[8 * size];
    clip = config.clipBound();
    scale = config.scale();
    offset = config.offset();
  }

  /** The production client path. */
  @Benchmark
  public QuantizedVector quantize() {
    return quantizer.quantize(update);
  }

  /** Baseline: clip, scale, round to nearest, offset; no randomness at all. */
  @Benchmark
  public long[] baselineDeterministicRounding() {
    double[] in = update;
    long[] out = new long[in.length];
    double c = clip;
    double s = scale;
    long b = offset;
    for (int i = 0; i < in.length; i++) {
      double v = Math.max(-c, Math.min(c, in[i]));
      out[i] = Math.round(v * s) + b;
    }
    return out;
  }

  /** Baseline: the cost of reading 64 bits per coordinate from the default SecureRandom. */
  @Benchmark
  public byte[] baselineSecureRandomWords() {
    secureRandom.nextBytes(words);
    return words;
  }

  /** The server-side decode of a sum of one client. */
  @Benchmark
  public double[] dequantizeSum() {
    return quantizer.dequantizeSum(sum, 1).values();
  }
}
