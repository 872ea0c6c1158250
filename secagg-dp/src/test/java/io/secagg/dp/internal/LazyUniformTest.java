package io.secagg.dp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.dp.sampling.BitSource;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The exact fallbacks read further words exactly when the first word ties with the constant. */
class LazyUniformTest {
  /** Replays a fixed list of words, then fails. */
  static final class Script implements BitSource {
    private final long[] words;
    int read;

    Script(long... words) {
      this.words = words;
    }

    @Override
    public long nextLong() {
      return words[read++];
    }
  }

  @Test
  void tieOnTheFirstWordIsDecidedByTheSecond() {
    BigInteger f128 = ExactExp.floorScaled(1, 3, 128);
    long w1 = f128.shiftRight(64).longValue();
    long w2 = f128.longValue();
    // U's first 128 bits equal floor(e^(-1/3) 2^128): one more word decides, and it is read.
    Script below = new Script(w2 - 1);
    assertTrue(new LazyUniform(w1, below).lessThanExpNeg(BigInteger.ONE, BigInteger.valueOf(3)));
    assertEquals(1, below.read);
    Script above = new Script(w2 + 1);
    assertFalse(new LazyUniform(w1, above).lessThanExpNeg(BigInteger.ONE, BigInteger.valueOf(3)));
    Script tie = new Script(w2, 0L);
    new LazyUniform(w1, tie).lessThanExpNeg(BigInteger.ONE, BigInteger.valueOf(3));
    assertEquals(2, tie.read);
  }

  @Test
  void geometricResolvesATieWithTheConstantTable() {
    // w == floor(e^-2 2^64): U < e^-1 surely; e^-2 is decided by the next word.
    long w = ExactExp.floorScaled(2, 1, 64).longValue();
    long next = ExactExp.floorScaled(2, 1, 128).longValue();
    assertEquals(2, ExpTables.geometricExpMinusOne(new Script(w, next - 1, 0L)) >= 2 ? 2 : 1);
    assertEquals(1, ExpTables.geometricExpMinusOne(new Script(w, next + 1)));
    // No tie: decided from one word.
    Script one = new Script(ExactExp.floorScaled(3, 1, 64).longValue() + 5);
    assertEquals(2, ExpTables.geometricExpMinusOne(one));
    assertEquals(1, one.read);
  }

  @Test
  void tableInversionResolvesATieWithTheNextWord() {
    long[] table = ExpTables.inversionTable(3);
    assertEquals(0, table[table.length - 1]);
    // w == floor(e^(-2/3) 2^64): U < e^(-1/3) surely, e^(-2/3) is decided by the next word.
    long w = table[2];
    long next = ExactExp.floorScaled(2, 3, 128).longValue();
    Script below = new Script(w, next - 1);
    assertTrue(ExpTables.geometricByTable(below, table, 3) >= 2);
    Script above = new Script(w, next + 1);
    assertEquals(1, ExpTables.geometricByTable(above, table, 3));
    assertEquals(2, above.read);
    Script plain = new Script(table[4] + 1);
    assertEquals(3, ExpTables.geometricByTable(plain, table, 3));
    assertEquals(1, plain.read);
  }
}
