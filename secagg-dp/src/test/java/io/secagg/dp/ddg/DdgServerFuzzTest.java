package io.secagg.dp.ddg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.dp.sampling.Rational;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz test of {@link DdgServer#decode}, the decoder of a DDG aggregate (the D words of
 * spec/dp.md section 10.2, summed by a round): only {@link InvalidAggregateException} may come
 * out, and an accepted aggregate decodes to {@code d} finite values.
 *
 * <p>Input: one byte choosing the parameters of a group of {@code dp_ddg_pipeline_test.json}
 * ({@link #PARAMETERS}), the 32-byte rotation seed, then the aggregate as big-endian 64-bit
 * words (any count, any values).
 */
public class DdgServerFuzzTest {
  /** The parameter sets of the pipeline vectors' groups, in file order. */
  public static final List<DdgParameters> PARAMETERS = List.of(
      DdgParameters.builder().dimension(6).clipNorm(1.0).scale(64.0).beta(0.6065306597126334)
          .localVariance(Rational.parse("9/4")).noiseKind(NoiseKind.DISCRETE_GAUSSIAN).modulus(1024).build(),
      DdgParameters.builder().dimension(16).clipNorm(2.0).scale(1000.0).beta(0.6065306597126334)
          .localVariance(Rational.parse("1000000")).noiseKind(NoiseKind.DISCRETE_GAUSSIAN)
          .modulus(4294967296L).build(),
      DdgParameters.builder().dimension(5).clipNorm(1.0).scale(32.0).beta(0.6065306597126334)
          .localVariance(Rational.parse("10")).noiseKind(NoiseKind.SKELLAM).modulus(1000003).build());

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void aggregates(byte[] input) {
    aggregate(input);
  }

  /** {@code u8(group) || rotation seed (32) || words}. */
  public static void aggregate(byte[] input) {
    if (input.length < 33) {
      return;
    }
    DdgParameters p = PARAMETERS.get((input[0] & 0xff) % PARAMETERS.size());
    byte[] seed = Arrays.copyOfRange(input, 1, 33);
    ByteBuffer b = ByteBuffer.wrap(input, 33, input.length - 33);
    long[] aggregate = new long[b.remaining() / 8];
    for (int i = 0; i < aggregate.length; i++) {
      aggregate[i] = b.getLong();
    }
    double[] decoded;
    try {
      decoded = DdgServer.decode(p, aggregate, seed);
    } catch (InvalidAggregateException e) {
      return;
    }
    if (decoded.length != p.dimension()) {
      throw new AssertionError("decoded " + decoded.length + " values for dimension " + p.dimension());
    }
    for (double v : decoded) {
      if (!Double.isFinite(v)) {
        throw new AssertionError("an accepted aggregate decoded to a non-finite value");
      }
    }
  }

  /** The seed layout. */
  public static byte[] seedOf(int group, byte[] rotationSeed, long[] aggregate) {
    ByteBuffer b = ByteBuffer.allocate(33 + 8 * aggregate.length).put((byte) group).put(rotationSeed);
    for (long v : aggregate) {
      b.putLong(v);
    }
    return b.array();
  }
}
