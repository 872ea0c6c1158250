package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statistical tests of the discrete Laplace; each assertion's false-failure rate is 1e-6. */
class DiscreteLaplaceTest {
  private static final int N = 1_000_000;

  /** Scales with t <= 64 use the table branch; 200 and 1000/7 (t = 1000, s = 7) the u + t v branch. */
  @ParameterizedTest
  @ValueSource(strings = {"1/3", "1", "5/2", "40", "200", "1000/7"})
  void matchesTheExactPmfByChiSquare(String scale) {
    Rational b = Rational.parse(scale);
    DiscreteLaplace dl = DiscreteLaplace.withScale(b);
    Map<Long, Long> h = Pmf.histogram(dl,
        AesCtrBitSource.forTestVectorsOnly(("dl " + scale).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), N);
    int r = (int) Math.ceil(30 * b.doubleValue()) + 5;
    Pmf.assertChiSquare(h, Pmf.discreteLaplace(b.doubleValue(), r), -r, N, "DLap(" + scale + ")");
  }

  @Test
  void rejectsScalesWithHugeParts() {
    assertThrows(IllegalArgumentException.class, () -> DiscreteLaplace.withScale(Rational.of((1L << 50) + 1, 1)));
    assertThrows(IllegalArgumentException.class, () -> DiscreteLaplace.withScale(Rational.of(1, Long.MAX_VALUE)));
  }
}
