package io.secagg.vdaf.internal.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Field64 and Field128 arithmetic against BigInteger, including values next to p and 2^k. */
class FieldProperties {
  private static final List<Field> FIELDS = List.of(Field64.INSTANCE, Field128.INSTANCE);

  /** An element given by its field and value. */
  record Elem(Field field, BigInteger value) {}

  /** A pair of elements of one field. */
  record Pair(Field field, BigInteger a, BigInteger b) {}

  private static Arbitrary<BigInteger> values(Field f) {
    BigInteger p = f.modulus();
    Arbitrary<BigInteger> uniform = Arbitraries.bigIntegers().between(BigInteger.ZERO, p.subtract(BigInteger.ONE));
    // Edge values: 0, 1, p - 1, p - 2, words full of ones, values next to 2^32, 2^64, 2^96.
    Arbitrary<BigInteger> edges =
        Arbitraries.of(
            BigInteger.ZERO,
            BigInteger.ONE,
            p.subtract(BigInteger.ONE),
            p.subtract(BigInteger.TWO),
            BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(32),
            BigInteger.ONE.shiftLeft(63),
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE).min(p.subtract(BigInteger.ONE)),
            BigInteger.ONE.shiftLeft(64).min(p.subtract(BigInteger.ONE)),
            BigInteger.ONE.shiftLeft(96).min(p.subtract(BigInteger.ONE)),
            p.shiftRight(1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, uniform), net.jqwik.api.Tuple.of(1, edges));
  }

  @Provide
  Arbitrary<Pair> pairs() {
    return Arbitraries.of(FIELDS)
        .flatMap(f -> Combinators.combine(values(f), values(f)).as((a, b) -> new Pair(f, a, b)));
  }

  private static long[] of(Field f, BigInteger... xs) {
    long[] v = f.newVector(xs.length);
    for (int i = 0; i < xs.length; i++) {
      f.set(v, i, xs[i]);
    }
    return v;
  }

  @Property(tries = 3000)
  void addSubMulMatchBigInteger(@ForAll("pairs") Pair pr) {
    Field f = pr.field();
    BigInteger p = f.modulus();
    long[] v = of(f, pr.a(), pr.b());
    long[] r = f.newVector(1);
    f.add(r, 0, v, 0, v, 1);
    assertEquals(pr.a().add(pr.b()).mod(p), f.toBigInteger(r, 0), "add");
    f.sub(r, 0, v, 0, v, 1);
    assertEquals(pr.a().subtract(pr.b()).mod(p), f.toBigInteger(r, 0), "sub");
    f.mul(r, 0, v, 0, v, 1);
    assertEquals(pr.a().multiply(pr.b()).mod(p), f.toBigInteger(r, 0), "mul");
    assertTrue(f.isCanonical(r, 0));
  }

  @Property(tries = 2000)
  void multiplierFormRoundTrips(@ForAll("pairs") Pair pr) {
    Field f = pr.field();
    BigInteger p = f.modulus();
    long[] v = of(f, pr.a(), pr.b());
    long[] m = f.newVector(2);
    f.toMultiplier(m, 0, v, 0);
    f.toMultiplier(m, 1, v, 1);
    long[] r = f.newVector(1);
    // canonical x multiplier = canonical product
    f.mulByMultiplier(r, 0, v, 0, m, 1);
    assertEquals(pr.a().multiply(pr.b()).mod(p), f.toBigInteger(r, 0));
    // multiplier x multiplier stays in multiplier form: times canonical 1 gives the product
    long[] mm = f.newVector(1);
    f.mulByMultiplier(mm, 0, m, 0, m, 1);
    long[] one = of(f, BigInteger.ONE);
    f.mulByMultiplier(r, 0, one, 0, mm, 0);
    assertEquals(pr.a().multiply(pr.b()).mod(p), f.toBigInteger(r, 0));
  }

  @Property(tries = 300)
  void inverseAndPow(@ForAll("pairs") Pair pr) {
    Field f = pr.field();
    BigInteger p = f.modulus();
    long[] v = of(f, pr.a());
    long[] r = f.newVector(1);
    f.inv(r, 0, v, 0);
    BigInteger expected = pr.a().signum() == 0 ? BigInteger.ZERO : pr.a().modInverse(p);
    assertEquals(expected, f.toBigInteger(r, 0));
    BigInteger e = pr.b().mod(BigInteger.valueOf(1000));
    f.pow(r, 0, v, 0, e);
    assertEquals(pr.a().modPow(e, p), f.toBigInteger(r, 0));
  }

  @Property(tries = 500)
  void encodingRoundTripsAndRejectsNonCanonical(@ForAll("pairs") Pair pr) {
    Field f = pr.field();
    long[] v = of(f, pr.a(), pr.b());
    byte[] enc = f.encode(v);
    assertEquals(2 * f.encodedSize(), enc.length);
    // little-endian
    byte[] firstBe = pr.a().toByteArray();
    for (int i = 0; i < f.encodedSize(); i++) {
      int bi = firstBe.length - 1 - i;
      byte expected = bi >= 0 ? firstBe[bi] : 0;
      assertEquals(expected, enc[i], "byte " + i);
    }
    long[] back = f.newVector(2);
    assertTrue(f.decode(enc, 0, 2, back, 0));
    assertArrayEquals(v, back);
    // value + p (when it still fits) is the same residue but not canonical
    BigInteger high = pr.b().add(f.modulus());
    if (high.bitLength() <= 8 * f.encodedSize()) {
      byte[] bad = enc.clone();
      byte[] be = high.toByteArray();
      for (int i = 0; i < f.encodedSize(); i++) {
        int bi = be.length - 1 - i;
        bad[f.encodedSize() + i] = bi >= 0 ? be[bi] : 0;
      }
      assertFalse(f.decode(bad, 0, 2, back, 0));
    }
  }

  @Property(tries = 50)
  void rootsOfUnityHaveExactOrder(@ForAll("fieldIndex") int fi, @ForAll("logN") int logN) {
    Field f = FIELDS.get(fi);
    long[] w = f.newVector(1);
    f.rootOfUnity(w, 0, Math.min(logN, f.twoAdicity()));
    int k = Math.min(logN, f.twoAdicity());
    BigInteger x = f.toBigInteger(w, 0);
    BigInteger p = f.modulus();
    assertEquals(BigInteger.ONE, x.modPow(BigInteger.ONE.shiftLeft(k), p));
    if (k > 0) {
      assertEquals(p.subtract(BigInteger.ONE), x.modPow(BigInteger.ONE.shiftLeft(k - 1), p));
    }
  }

  @Property(tries = 1000)
  void setReducesAnySignedLong(@ForAll("fieldIndex") int fi, @ForAll long value) {
    Field f = FIELDS.get(fi);
    long[] r = f.newVector(1);
    f.set(r, 0, value);
    assertEquals(BigInteger.valueOf(value).mod(f.modulus()), f.toBigInteger(r, 0));
    f.set(r, 0, Long.MIN_VALUE);
    assertEquals(BigInteger.valueOf(Long.MIN_VALUE).mod(f.modulus()), f.toBigInteger(r, 0));
  }

  @Provide
  Arbitrary<Integer> fieldIndex() {
    return Arbitraries.integers().between(0, 1);
  }

  @Provide
  Arbitrary<Integer> logN() {
    return Arbitraries.integers().between(0, 66);
  }
}
