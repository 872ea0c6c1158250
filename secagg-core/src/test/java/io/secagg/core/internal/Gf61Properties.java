package io.secagg.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Field laws of {@link Gf61}, each checked against {@link BigInteger} arithmetic mod p. */
class Gf61Properties {
  private static final BigInteger P = BigInteger.valueOf(Gf61.P);

  /** Canonical elements, with the edges 0, 1, p - 1 and 2^60 boundary values over-represented. */
  @Provide
  Arbitrary<Long> element() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Gf61.P - 1),
        Arbitraries.of(0L, 1L, 2L, Gf61.P - 1, Gf61.P - 2, 1L << 60, (1L << 60) - 1));
  }

  private static long ref(BigInteger v) {
    return v.mod(P).longValueExact();
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Property(tries = 2000)
  void addMatchesBigInteger(@ForAll("element") long a, @ForAll("element") long b) {
    assertEquals(ref(big(a).add(big(b))), Gf61.add(a, b));
  }

  @Property(tries = 2000)
  void subAndNegMatchBigInteger(@ForAll("element") long a, @ForAll("element") long b) {
    assertEquals(ref(big(a).subtract(big(b))), Gf61.sub(a, b));
    assertEquals(ref(big(a).negate()), Gf61.neg(a));
  }

  @Property(tries = 2000)
  void mulMatchesBigInteger(@ForAll("element") long a, @ForAll("element") long b) {
    assertEquals(ref(big(a).multiply(big(b))), Gf61.mul(a, b));
  }

  @Property(tries = 1000)
  void mulIsCommutativeAssociativeAndDistributes(
      @ForAll("element") long a, @ForAll("element") long b, @ForAll("element") long c) {
    assertEquals(Gf61.mul(a, b), Gf61.mul(b, a));
    assertEquals(Gf61.mul(Gf61.mul(a, b), c), Gf61.mul(a, Gf61.mul(b, c)));
    assertEquals(Gf61.mul(a, Gf61.add(b, c)), Gf61.add(Gf61.mul(a, b), Gf61.mul(a, c)));
  }

  /** The lazy Horner step's range: a below 2^63, a 16-bit multiplier. */
  @Property(tries = 2000)
  void foldProductIsCongruentAndBoundedForHornerInputs(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long a,
      @ForAll @LongRange(min = 0, max = 65535) long x) {
    long f = Gf61.foldProduct(a, x);
    assertEquals(ref(big(a).multiply(big(x))), Gf61.reduce(f));
    assertEquals(true, f >= 0 && f < (1L << 61) + (1L << 18), "bound");
  }

  @Property(tries = 2000)
  void reduceMatchesBigIntegerForAnyNonNegativeLong(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long v) {
    assertEquals(ref(big(v)), Gf61.reduce(v));
  }

  @Property(tries = 1000)
  void fromSignedMatchesBigInteger(@ForAll @LongRange(min = -Gf61.P + 1, max = Gf61.P - 1) long v) {
    assertEquals(ref(big(v)), Gf61.fromSigned(v));
  }

  @Property(tries = 300)
  void inverseMatchesBigIntegerModInverse(@ForAll("element") long a) {
    if (a == 0) {
      assertThrows(ArithmeticException.class, () -> Gf61.inverse(0));
      return;
    }
    long inv = Gf61.inverse(a);
    assertEquals(big(a).modInverse(P).longValueExact(), inv);
    assertEquals(1L, Gf61.mul(a, inv));
  }

  @Property(tries = 300)
  void powMatchesBigIntegerModPow(
      @ForAll("element") long a, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long e) {
    assertEquals(big(a).modPow(big(e), P).longValueExact(), Gf61.pow(a, e));
  }

  @Property(tries = 200)
  void batchInverseEqualsElementwiseInverse(
      @ForAll @Size(max = 40) java.util.List<@LongRange(min = 1, max = Gf61.P - 1) Long> values) {
    long[] in = values.stream().mapToLong(Long::longValue).toArray();
    long[] expected = new long[in.length];
    for (int i = 0; i < in.length; i++) {
      expected[i] = big(in[i]).modInverse(P).longValueExact();
    }
    Gf61.batchInverse(in);
    assertArrayEquals(expected, in);
  }

  @Example
  void batchInverseRejectsZeroAndLeavesTheArrayUnchanged() {
    long[] values = {5, 0, 7};
    assertThrows(ArithmeticException.class, () -> Gf61.batchInverse(values));
    assertArrayEquals(new long[] {5, 0, 7}, values);
  }

  @Example
  void isCanonicalAcceptsExactlyZeroToPMinusOne() {
    assertEquals(true, Gf61.isCanonical(0));
    assertEquals(true, Gf61.isCanonical(Gf61.P - 1));
    assertEquals(false, Gf61.isCanonical(Gf61.P));
    assertEquals(false, Gf61.isCanonical(-1));
    assertEquals(false, Gf61.isCanonical(Long.MAX_VALUE));
  }

  @Example
  void powRejectsNegativeExponent() {
    assertThrows(IllegalArgumentException.class, () -> Gf61.pow(3, -1));
  }
}
