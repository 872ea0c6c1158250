package io.secagg.dp.ddg;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
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
 * ({@link #PARAMETERS}) in its low 7 bits and, in its top bit, an aggregate over another modulus
 * ({@link #OTHER_MODULUS}); the 32-byte rotation seed; then the aggregate as big-endian 64-bit
 * words (any count), each reduced into Z_m: the aggregate is a {@link ModVector}, so an element
 * outside [0, m) cannot reach the decoder at all.
 */
public class DdgServerFuzzTest {
  /** The parameter sets of the pipeline vectors' groups, in file order. */
  public static final List<DdgParameters> PARAMETERS = List.of(
      DdgParameters.builder().dimension(6).clipNorm(1.0).scale(64.0).beta(0.6065306597126334)
          .localVariance(Rational.parse("9/4")).noiseKind(NoiseKind.DISCRETE_GAUSSIAN).modulus(Modulus.of(1024)).build(),
      DdgParameters.builder().dimension(16).clipNorm(2.0).scale(1000.0).beta(0.6065306597126334)
          .localVariance(Rational.parse("1000000")).noiseKind(NoiseKind.DISCRETE_GAUSSIAN)
          .modulus(Modulus.powerOfTwo(32)).build(),
      DdgParameters.builder().dimension(5).clipNorm(1.0).scale(32.0).beta(0.6065306597126334)
          .localVariance(Rational.parse("10")).noiseKind(NoiseKind.SKELLAM).modulus(Modulus.of(1000003)).build());

  /** The modulus of aggregates that belong to no parameter set. */
  public static final Modulus OTHER_MODULUS = Modulus.of(1000033);

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void aggregates(byte[] input) {
    aggregate(input);
  }

  /** {@code u8(group) || rotation seed (32) || words}. */
  public static void aggregate(byte[] input) {
    if (input.length < 33) {
      return;
    }
    DdgParameters p = PARAMETERS.get((input[0] & 0x7f) % PARAMETERS.size());
    Modulus m = (input[0] & 0x80) != 0 ? OTHER_MODULUS : p.modulus();
    byte[] seed = Arrays.copyOfRange(input, 1, 33);
    ByteBuffer b = ByteBuffer.wrap(input, 33, input.length - 33);
    long[] words = new long[Math.min(b.remaining() / 8, ModVector.MAX_LENGTH)];
    for (int i = 0; i < words.length; i++) {
      words[i] = Long.remainderUnsigned(b.getLong(), m.longValueExact());
    }
    ModVector aggregate = ModVector.of(m, words);
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
