package io.secagg.core.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Algebraic laws of Z_m vectors and the encoding, over random moduli of both families. */
class ModVectorProperties {
  @Provide
  Arbitrary<ModVector> vector() {
    return Moduli.vectors(40);
  }

  @Provide
  Arbitrary<ModVector[]> pair() {
    return Moduli.pairs(40);
  }

  @Property(tries = 300)
  void decodeInvertsEncode(@ForAll("vector") ModVector v) throws VectorEncodingException {
    byte[] encoded = v.encode();
    assertEquals(ModVector.encodedLength(v.modulus(), v.length()), encoded.length);
    assertEquals(v, ModVector.decode(v.modulus(), v.length(), encoded));
  }

  @Property(tries = 300)
  void subtractUndoesAdd(@ForAll("pair") ModVector[] p) {
    ModVector a = p[0].copy();
    a.addInPlace(p[1]);
    a.subtractInPlace(p[1]);
    assertEquals(p[0], a);
  }

  @Property(tries = 300)
  void addingTheNegationGivesZero(@ForAll("vector") ModVector v) {
    ModVector n = v.copy();
    n.negateInPlace();
    n.addInPlace(v);
    assertEquals(ModVector.zeros(v.modulus(), v.length()), n);
    ModVector twice = v.copy();
    twice.negateInPlace();
    twice.negateInPlace();
    assertEquals(v, twice);
  }

  @Property(tries = 300)
  void arithmeticAgreesWithBigIntegers(@ForAll("pair") ModVector[] p) {
    BigInteger m = p[0].modulus().value();
    ModVector sum = p[0].copy();
    sum.addInPlace(p[1]);
    ModVector diff = p[0].copy();
    diff.subtractInPlace(p[1]);
    long[] a = p[0].toLongArray();
    long[] b = p[1].toLongArray();
    long[] expectedSum = new long[a.length];
    long[] expectedDiff = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      BigInteger x = unsigned(a[i]);
      BigInteger y = unsigned(b[i]);
      expectedSum[i] = x.add(y).mod(m).longValue();
      expectedDiff[i] = x.subtract(y).mod(m).longValue();
    }
    assertArrayEquals(expectedSum, sum.toLongArray());
    assertArrayEquals(expectedDiff, diff.toLongArray());
  }

  @Property(tries = 200)
  void additionCommutes(@ForAll("pair") ModVector[] p) {
    ModVector ab = p[0].copy();
    ab.addInPlace(p[1]);
    ModVector ba = p[1].copy();
    ba.addInPlace(p[0]);
    assertEquals(ab, ba);
  }

  private static BigInteger unsigned(long x) {
    return new BigInteger(Long.toUnsignedString(x));
  }
}
