package io.secagg.bench;

import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.DiscreteGaussian;
import io.secagg.dp.sampling.Rational;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per sample of the exact discrete Gaussian, against what people do instead.
 *
 * <p>Every {@code perSample*} method draws a batch of {@value #BATCH} values per invocation and
 * declares {@code @OperationsPerInvocation(BATCH)}, so the reported score is <b>ns per sample</b>.
 * Baselines in the same run: {@code perSampleNextGaussian} (a {@link Random#nextGaussian} loop: fast,
 * insecure, not a discrete Gaussian) and {@code perSampleBareKeystream} (one 64-bit word of the
 * AES-CTR bit source, the floor of any sampler driven by it). {@code vector1M} fills a 10^6-element
 * {@code long[]} (ms per vector).
 *
 * <p>How to run: {@code mvn -B -q -o -DskipTests package -pl benchmarks -am}, then
 * {@code java -jar benchmarks/target/benchmarks.jar DiscreteGaussianBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DiscreteGaussianBenchmark extends SteadyRunBenchmark {
  static final int BATCH = 1000;

  /** sigma (the sampler gets sigma^2 = sigma * sigma exactly). */
  @Param({"1", "10", "1000", "1000000"})
  public long sigma;

  private DiscreteGaussian sampler;
  private AesCtrBitSource bits;
  private Random random;
  private long[] out;
  private long[] vector;

  @Setup
  public void setup() {
    sampler = DiscreteGaussian.withSigma2(Rational.of(sigma * sigma, 1));
    bits = AesCtrBitSource.create();
    random = new Random(1);
    out = new long[BATCH];
    vector = new long[1_000_000];
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long[] perSampleDiscreteGaussian() {
    sampler.fill(out, bits);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long[] perSampleNextGaussian() {
    double s = sigma;
    for (int i = 0; i < BATCH; i++) {
      out[i] = Math.round(random.nextGaussian() * s);
    }
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long[] perSampleBareKeystream() {
    for (int i = 0; i < BATCH; i++) {
      out[i] = bits.nextLong();
    }
    return out;
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long[] vector1M() {
    sampler.fill(vector, bits);
    return vector;
  }
}
