package io.secagg.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantRoundingTest {
  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  @Test
  void splitsScaledValuesIntoFloorAndExactFraction() {
    // 2.75 * 2^1 = 5.5: floor 5, fraction 1/2. The fraction is held over 2^s with s taken from
    // the 53-bit mantissa (here s = 50), not reduced.
    assertEquals(5, QuantRounding.floorOfScaled(bits(2.75), 1));
    int s = QuantRounding.fractionLength(bits(2.75), 1);
    assertEquals(50, s);
    assertEquals(0.5, Math.scalb((double) QuantRounding.fractionBits(bits(2.75), 1), -s));
    assertEquals(1L << 63, QuantRounding.fractionWord(QuantRounding.fractionBits(bits(2.75), 1), s, 0));
    // Integers have no fraction.
    assertEquals(12, QuantRounding.floorOfScaled(bits(3.0), 2));
    assertEquals(0, QuantRounding.fractionBits(bits(3.0), 2));
    // Sign is ignored: the caller applies it.
    assertEquals(5, QuantRounding.floorOfScaled(bits(-2.75), 1));
    // The smallest subnormal scaled up stays exact.
    assertEquals(1L << 10, QuantRounding.floorOfScaled(bits(Double.MIN_VALUE), 1084));
    assertEquals(0, QuantRounding.floorOfScaled(bits(Double.MIN_VALUE), 0));
    assertEquals(1074, QuantRounding.fractionLength(bits(Double.MIN_VALUE), 0));
    assertEquals(1, QuantRounding.fractionBits(bits(Double.MIN_VALUE), 0));
  }

  @Test
  void fractionWordsAreTheBinaryExpansionInSixtyFourBitSlices() {
    // 0.5 = 0.1b: word 0 = 2^63, nothing after.
    assertEquals(1L << 63, QuantRounding.fractionWord(1, 1, 0));
    assertEquals(0, QuantRounding.remainingBelow(1, 1, 0));
    // (2w + 1) / 2^65 has word 0 = w and word 1 = 2^63.
    long w = 0x000f_edcb_a987_6543L;
    long frac = 2 * w + 1;
    assertEquals(w, QuantRounding.fractionWord(frac, 65, 0));
    assertEquals(1, QuantRounding.remainingBelow(frac, 65, 0));
    assertEquals(1L << 63, QuantRounding.fractionWord(frac, 65, 1));
    assertEquals(0, QuantRounding.remainingBelow(frac, 65, 1));
    // 1 / 2^1074: words 0..15 are zero, word 16 holds bit 1074 = bit 50 of the word from the top.
    for (int j = 0; j < 16; j++) {
      assertEquals(0, QuantRounding.fractionWord(1, 1074, j));
    }
    assertEquals(1L << (63 - (1074 - 1 - 16 * 64)), QuantRounding.fractionWord(1, 1074, 16));
    assertEquals(0, QuantRounding.remainingBelow(1, 1074, 16));
  }

  @Test
  void firstWordDecidesUnlessItEqualsTheFractionPrefix() {
    long half = bits(0.5);
    assertEquals(1, QuantRounding.firstWordDecision(half, 0, (1L << 63) - 1)); // U < 1/2
    assertEquals(0, QuantRounding.firstWordDecision(half, 0, 1L << 63)); // U >= 1/2
    assertEquals(0, QuantRounding.firstWordDecision(half, 0, -1L));
    assertEquals(0, QuantRounding.firstWordDecision(bits(7.0), 0, 0)); // no fraction: never up
    long w = 0x000f_edcb_a987_6543L;
    double v = Math.scalb((double) (2 * w + 1), -65);
    assertEquals(QuantRounding.TIE, QuantRounding.firstWordDecision(bits(v), 0, w));
    assertEquals(1, QuantRounding.firstWordDecision(bits(v), 0, w - 1));
    assertEquals(0, QuantRounding.firstWordDecision(bits(v), 0, w + 1));
    // Exactly equal with no further bits: U >= f, round down.
    assertEquals(0, QuantRounding.firstWordDecision(bits(Math.scalb((double) w, -64)), 0, w));
  }
}
