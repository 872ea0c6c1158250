package io.secagg.dp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Laws of the exact-arithmetic helpers, checked against independent BigDecimal/BigInteger code. */
class ExactArithmeticProperties {
  private static final MathContext MC = new MathContext(120, RoundingMode.HALF_EVEN);

  /** e^(-x) by a plain BigDecimal Taylor series (x small) with 120 digits: independent of ExactExp. */
  private static BigDecimal expNeg(BigDecimal x) {
    // e^-x = 1 / e^x; e^x by the series after halving x until < 1/2.
    int halvings = 0;
    while (x.compareTo(new BigDecimal("0.5")) > 0) {
      x = x.divide(BigDecimal.valueOf(2), MC);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int k = 1; k < 200; k++) {
      term = term.multiply(x, MC).divide(BigDecimal.valueOf(k), MC);
      sum = sum.add(term, MC);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, MC);
    }
    return BigDecimal.ONE.divide(sum, MC);
  }

  @Property(tries = 300)
  void unsignedMultiplyHighMatchesBigInteger(@ForAll long a, @ForAll long b) {
    BigInteger p = Words.unsigned(a).multiply(Words.unsigned(b)).shiftRight(64);
    assertEquals(p.longValue(), Words.unsignedMultiplyHigh(a, b));
  }

  @Property(tries = 300)
  void shiftRight192MatchesBigInteger(@ForAll long x2, @ForAll long x1, @ForAll long x0,
      @ForAll @IntRange(min = 0, max = 191) int shift) {
    BigInteger x = Words.unsigned(x2).shiftLeft(128).or(Words.unsigned(x1).shiftLeft(64)).or(Words.unsigned(x0));
    BigInteger r = x.shiftRight(shift);
    long cap = ExpTables.G_CAP;
    long expected = r.compareTo(BigInteger.valueOf(cap)) > 0 ? cap : r.longValue();
    assertEquals(expected, Words.shiftRight192Saturated(x2, x1, x0, shift, cap));
  }

  @Property(tries = 60)
  void floorScaledIsTheExactFloor(@ForAll @LongRange(min = 1, max = 100_000) long p,
      @ForAll @LongRange(min = 1, max = 10_000) long q, @ForAll @IntRange(min = 1, max = 200) int bits) {
    BigInteger f = ExactExp.floorScaled(p, q, bits);
    BigDecimal c = expNeg(new BigDecimal(p).divide(new BigDecimal(q), MC)).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(bits)), MC);
    // floor(c) == f  <=>  f <= c < f + 1 (c is never an integer).
    assertTrue(new BigDecimal(f).compareTo(c) <= 0 && new BigDecimal(f.add(BigInteger.ONE)).compareTo(c) > 0,
        "floor(e^-" + p + "/" + q + " 2^" + bits + ")");
  }

  @Test
  void floorOfOneOverEIsKnown() {
    // e^-1 = 0.367879441171442321595523770161460867445811131031767834507...; times 2^64, floored.
    BigDecimal e1 = new BigDecimal("0.367879441171442321595523770161460867445811131031767834507");
    BigInteger expected = e1.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(64))).toBigInteger();
    assertEquals(expected, ExactExp.floorScaled(1, 1, 64));
  }

  @Property(tries = 400)
  void tableBoundsEncloseTheExponential(@ForAll @LongRange(min = 0, max = (63L << 24) - 1) long g) {
    BigDecimal exact = expNeg(new BigDecimal(g).divide(new BigDecimal(1L << 24), MC))
        .multiply(new BigDecimal(BigInteger.ONE.shiftLeft(63)), MC);
    assertTrue(new BigDecimal(Words.unsigned(ExpTables.lower(g))).compareTo(exact) <= 0, "lower at " + g);
    assertTrue(new BigDecimal(Words.unsigned(ExpTables.upper(g))).compareTo(exact) >= 0, "upper at " + g);
    // The enclosure is tight: at most a few units of 2^-63 wide.
    assertTrue(Words.unsigned(ExpTables.upper(g)).subtract(Words.unsigned(ExpTables.lower(g))).compareTo(BigInteger.TEN) < 0);
  }

  @Property(tries = 400)
  void fastDecisionAgreesWithTheExactFloor(@ForAll @LongRange(min = 1, max = 50_000_000) long p,
      @ForAll @LongRange(min = 1, max = 1_000_000) long q, @ForAll long w, @ForAll @IntRange(min = -3, max = 3) int nudge) {
    long floor = ExactExp.floorScaled(p, q, 64).longValue();
    // Half the tries probe words right next to the floor, where a loose bound would go wrong.
    long word = (w & 1) == 0 ? floor + nudge : w;
    BigInteger g = BigInteger.valueOf(p).shiftLeft(24);
    long gLo = g.divide(BigInteger.valueOf(q)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    long gHi = gLo + 1;
    int d = ExpTables.decide(word, gLo, gHi);
    int cmp = Long.compareUnsigned(word, floor);
    if (d == 1) {
      assertTrue(cmp < 0, "accepted but word >= floor");
    } else if (d == 0) {
      assertTrue(cmp > 0, "rejected but word <= floor");
    } else {
      assertEquals(ExpTables.UNDECIDED, d);
    }
    if (cmp == 0) {
      assertEquals(ExpTables.UNDECIDED, d, "a tie must read more words");
    }
  }
}
