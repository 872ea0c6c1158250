package io.secagg.bench;

import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgClient;
import io.secagg.dp.ddg.DdgParameterSelection;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgServer;
import io.secagg.dp.ddg.InvalidAggregateException;
import io.secagg.dp.sampling.AesCtrBitSource;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The client side of the distributed discrete Gaussian pipeline on a 10^6-coordinate update (clip,
 * rotate, scale, conditional rounding, exact noise, wrap), and the server decode, in ms per vector.
 *
 * <p>Parameters: chosen by {@link DdgParameterSelection} for epsilon = 1, delta = 1e-6, 1000
 * rounds, 1000 clients, clip norm 1 and the given bit width (local sigma about 10^6 at 32 bits).
 * Baselines in the same run: {@code baselineNextGaussianNoise} (10^6 {@link Random#nextGaussian}
 * draws: the insecure way to add noise) and {@code baselineBareKeystream} (10^6 words of the
 * AES-CTR bit source).
 *
 * <p>How to run: {@code mvn -B -q -o -DskipTests package -pl benchmarks -am}, then
 * {@code java -jar benchmarks/target/benchmarks.jar DdgPipelineBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DdgPipelineBenchmark extends SteadyRunBenchmark {
  @Param({"1000000"})
  public int dimension;

  @Param({"32"})
  public int bits;

  private DdgParameters params;
  private double[] update;
  private ModVector encoded;
  private byte[] seed;
  private AesCtrBitSource source;
  private Random random;
  private long[] words;
  private double[] noise;

  @Setup
  public void setup() {
    params = DdgParameterSelection.builder().epsilon(1).delta(1e-6).rounds(1000).clients(1000)
        .dimension(dimension).clipNorm(1).modulus(Modulus.powerOfTwo(bits)).build();
    Random r = new Random(7);
    update = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      update[i] = r.nextGaussian() / Math.sqrt(dimension);
    }
    seed = new byte[32];
    source = AesCtrBitSource.create();
    encoded = DdgClient.encode(params, update, seed, source);
    random = new Random(3);
    words = new long[dimension];
    noise = new double[dimension];
  }

  @Benchmark
  public ModVector clientEncode() {
    return DdgClient.encode(params, update, seed, source);
  }

  @Benchmark
  public double[] serverDecode() throws InvalidAggregateException {
    return DdgServer.decode(params, encoded, seed);
  }

  @Benchmark
  public double[] baselineNextGaussianNoise() {
    for (int i = 0; i < dimension; i++) {
      noise[i] = update[i] + random.nextGaussian();
    }
    return noise;
  }

  @Benchmark
  public long[] baselineBareKeystream() {
    source.nextLongs(words);
    return words;
  }
}
