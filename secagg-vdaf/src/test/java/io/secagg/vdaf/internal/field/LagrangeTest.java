package io.secagg.vdaf.internal.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NTT-based Lagrange-basis operations against direct evaluation with BigInteger. */
class LagrangeTest {
  static Stream<Arguments> cases() {
    return Stream.of(Field64.INSTANCE, Field128.INSTANCE)
        .flatMap(f -> Stream.of(1, 2, 4, 8, 64, 256).map(n -> Arguments.of(f, n)));
  }

  private static long[] random(Field f, int n, Random rnd) {
    long[] v = f.newVector(n);
    for (int i = 0; i < n; i++) {
      f.set(v, i, new BigInteger(f.modulus().bitLength() + 8, rnd).mod(f.modulus()));
    }
    return v;
  }

  private static BigInteger horner(Field f, long[] coeffs, BigInteger x) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = f.length(coeffs) - 1; i >= 0; i--) {
      acc = acc.multiply(x).add(f.toBigInteger(coeffs, i)).mod(f.modulus());
    }
    return acc;
  }

  private static BigInteger root(Field f, int n) {
    long[] w = f.newVector(1);
    f.rootOfUnity(w, 0, Integer.numberOfTrailingZeros(n));
    return f.toBigInteger(w, 0);
  }

  /** {@code values[i]} is the polynomial with {@code coeffs} at {@code w^i}, {@code w} an {@code n}-th root. */
  private static void assertValuesOnRoots(Field f, long[] coeffs, long[] values, int n) {
    BigInteger w = root(f, n);
    for (int i = 0; i < n; i++) {
      assertEquals(horner(f, coeffs, w.modPow(BigInteger.valueOf(i), f.modulus())), f.toBigInteger(values, i), "value " + i);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void transformsMatchDirectEvaluation(Field f, int n) {
    Random rnd = new Random(n * 31L + f.words());
    long[] coeffs = random(f, n, rnd);
    long[] values = Lagrange.valuesFromCoefficients(f, coeffs, n);
    assertValuesOnRoots(f, coeffs, values, n);
    assertArrayEquals(coeffs, Lagrange.coefficients(f, values));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void doublingEvaluatesOnTheTwiceLargerDomain(Field f, int n) {
    Random rnd = new Random(n * 17L + f.words());
    long[] coeffs = random(f, n, rnd);
    long[] values = Lagrange.valuesFromCoefficients(f, coeffs, n);
    assertValuesOnRoots(f, coeffs, Lagrange.doubleEvaluations(f, values), 2 * n);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void extensionRecoversMissingValues(Field f, int n) {
    for (int m : new int[] {n, n - 1, Math.max(1, n - 3), Math.max(1, n / 2 + 1)}) {
      if (m < 1) {
        continue;
      }
      Random rnd = new Random(n * 7L + m);
      long[] coeffs = random(f, m, rnd); // degree < m
      long[] all = Lagrange.valuesFromCoefficients(f, coeffs, n);
      long[] known = java.util.Arrays.copyOf(all, m * f.words());
      assertArrayEquals(all, Lagrange.extendValues(f, known, n), "m = " + m);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void barycentricEvaluationMatchesHorner(Field f, int n) {
    Random rnd = new Random(n * 13L + f.words());
    long[] coeffs = random(f, n, rnd);
    long[] values = Lagrange.valuesFromCoefficients(f, coeffs, n);
    long[] t = random(f, 1, rnd);
    assertFalse(Lagrange.isRootOfUnity(f, t, 0, n));
    long[] weights = Lagrange.barycentricWeights(f, t, 0, n);
    long[] out = f.newVector(1);
    Lagrange.evaluate(f, values, weights, out, 0);
    assertEquals(horner(f, coeffs, f.toBigInteger(t, 0)), f.toBigInteger(out, 0));
    long[] w = f.newVector(1);
    f.rootOfUnity(w, 0, Integer.numberOfTrailingZeros(n));
    assertTrue(Lagrange.isRootOfUnity(f, w, 0, n));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void batchInversionInvertsEveryElement(Field f, int n) {
    Random rnd = new Random(n);
    long[] a = random(f, n, rnd);
    long[] inv = a.clone();
    Lagrange.batchInvert(f, inv, n);
    for (int i = 0; i < n; i++) {
      assertEquals(f.toBigInteger(a, i).modInverse(f.modulus()), f.toBigInteger(inv, i));
    }
  }

  @org.junit.jupiter.api.Test
  void generatorsAreTheDraftsSevenToTheOddPart() {
    for (Field f : new Field[] {Field64.INSTANCE, Field128.INSTANCE}) {
      BigInteger p = f.modulus();
      BigInteger odd = p.subtract(BigInteger.ONE).shiftRight(f.twoAdicity());
      assertTrue(odd.testBit(0));
      assertEquals(BigInteger.valueOf(7).modPow(odd, p), rootFull(f));
    }
  }

  private static BigInteger rootFull(Field f) {
    long[] w = f.newVector(1);
    f.rootOfUnity(w, 0, f.twoAdicity());
    return f.toBigInteger(w, 0);
  }
}
