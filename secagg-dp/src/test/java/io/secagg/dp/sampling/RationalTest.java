package io.secagg.dp.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class RationalTest {
  @Test
  void parsesReducesAndPrints() {
    assertEquals("3/2", Rational.parse("6/4").toString());
    assertEquals("5", Rational.parse("5").toString());
    assertEquals(Rational.of(1, 4), Rational.exactly(0.25));
  }

  @Test
  void rejectsMalformedOrNonPositiveValues() {
    assertThrows(IllegalArgumentException.class, () -> Rational.parse("-1/2"));
    assertThrows(IllegalArgumentException.class, () -> Rational.parse("1/0"));
    assertThrows(IllegalArgumentException.class, () -> Rational.parse("0"));
    assertThrows(IllegalArgumentException.class, () -> Rational.parse("1.5"));
    assertThrows(IllegalArgumentException.class, () -> Rational.exactly(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Rational.ceilDyadic(1, 65));
  }

  @Property(tries = 200)
  void ceilDyadicNeverUnderstates(@ForAll @DoubleRange(min = 0.01, max = 1e12) double x) {
    Rational r = Rational.ceilDyadic(x, 8);
    assertTrue(r.compareTo(Rational.exactly(x)) >= 0);
    assertTrue(r.doubleValue() - x <= 1.0 / 256 + 1e-9);
  }
}
