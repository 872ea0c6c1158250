package io.secagg.vdaf.internal.flp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Field128;
import io.secagg.vdaf.internal.field.Field64;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FLP end to end on every circuit: valid measurements are accepted (whole and secret-shared),
 * invalid ones rejected, and the fused range-check kernels agree with the draft's step-by-step
 * algorithm on arbitrary inputs.
 */
class FlpTest {
  private static long[] random(Field f, int n, Random rnd) {
    long[] v = f.newVector(n);
    for (int i = 0; i < n; i++) {
      f.set(v, i, new BigInteger(f.modulus().bitLength() + 16, rnd).mod(f.modulus()));
    }
    return v;
  }

  private static long[] small(Field f, long... xs) {
    long[] v = f.newVector(xs.length);
    for (int i = 0; i < xs.length; i++) {
      f.set(v, i, xs[i]);
    }
    return v;
  }

  /** A circuit, a valid and an invalid encoded measurement. */
  record Case(String name, Circuit circuit, long[] valid, long[] invalid) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    Field64 f64 = Field64.INSTANCE;
    Field128 f128 = Field128.INSTANCE;
    SumVecCircuit sumVec = new SumVecCircuit(f128, 5, 13, 3); // 4 bits, 20 elements, 7 calls
    long[] sv = f128.newVector(20);
    RangeCheckedInt.encode(f128, 13, 13, sv, 0);
    RangeCheckedInt.encode(f128, 7, 13, sv, 4);
    RangeCheckedInt.encode(f128, 0, 13, sv, 8);
    RangeCheckedInt.encode(f128, 9, 13, sv, 12);
    RangeCheckedInt.encode(f128, 1, 13, sv, 16);
    long[] svBad = sv.clone();
    f128.set(svBad, 5, 2);
    SumVecCircuit multi64 = new SumVecCircuit(f64, 3, 255, 4);
    long[] m64 = f64.newVector(24);
    RangeCheckedInt.encode(f64, 200, 255, m64, 0);
    long[] m64Bad = m64.clone();
    f64.set(m64Bad, 23, -1);
    long[] sumOk = f64.newVector(8);
    RangeCheckedInt.encode(f64, 100, 200, sumOk, 0);
    long[] sumBad = sumOk.clone();
    f64.set(sumBad, 2, 3);
    return Stream.of(
        new Case("Count", new CountCircuit(f64), small(f64, 1), small(f64, 2)),
        new Case("Sum", new SumCircuit(f64, 200), sumOk, sumBad),
        new Case("SumVec128", sumVec, sv, svBad),
        new Case("SumVec64", multi64, m64, m64Bad),
        new Case("Histogram", new HistogramCircuit(f128, 7, 2), small(f128, 0, 0, 0, 1, 0, 0, 0), small(f128, 0, 1, 0, 1, 0, 0, 0)),
        new Case("HistogramNotBits", new HistogramCircuit(f128, 3, 3), small(f128, 0, 0, 1), small(f128, 2, -1, 0)),
        new Case("Multihot", new MultihotCountVecCircuit(f128, 6, 3, 4), withWeight(f128, new long[] {1, 0, 1, 1, 0, 0}, 3, 3), withWeight(f128, new long[] {1, 0, 1, 1, 0, 0}, 2, 3)),
        new Case("HigherDegree", new HigherDegreeCircuit(), small(f64, 2), small(f64, 3)));
  }

  private static long[] withWeight(Field f, long[] bits, long weight, long max) {
    int wb = RangeCheckedInt.bits(max);
    long[] v = f.newVector(bits.length + wb);
    for (int i = 0; i < bits.length; i++) {
      f.set(v, i, bits[i]);
    }
    RangeCheckedInt.encode(f, weight, max, v, bits.length);
    return v;
  }

  private static boolean run(Circuit c, long[] meas, int shares, Random rnd) throws Exception {
    Field f = c.field();
    long[] jointRand = random(f, c.jointRandLen(), rnd);
    long[] proveRand = random(f, c.proveRandLen(), rnd);
    long[] queryRand = random(f, c.queryRandLen(), rnd);
    long[] proof = c.prove(meas, proveRand, jointRand);
    long[][] measShares = share(f, meas, shares, rnd);
    long[][] proofShares = share(f, proof, shares, rnd);
    long[] verifier = f.newVector(c.verifierLen());
    for (int i = 0; i < shares; i++) {
      f.addInPlace(verifier, c.query(measShares[i], proofShares[i], queryRand, jointRand, shares));
    }
    return c.decide(verifier);
  }

  private static long[][] share(Field f, long[] x, int shares, Random rnd) {
    long[][] out = new long[shares][];
    long[] last = x.clone();
    for (int i = 1; i < shares; i++) {
      out[i] = random(f, f.length(x), rnd);
      f.subInPlace(last, out[i]);
    }
    out[0] = last;
    return out;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void acceptsValidMeasurementsWholeAndShared(Case k) throws Exception {
    Random rnd = new Random(k.name().hashCode());
    for (int shares = 1; shares <= 3; shares++) {
      assertTrue(run(k.circuit(), k.valid(), shares, rnd), "shares = " + shares);
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rejectsInvalidMeasurements(Case k) throws Exception {
    Random rnd = new Random(k.name().hashCode() + 1);
    for (int shares = 1; shares <= 3; shares++) {
      assertFalse(run(k.circuit(), k.invalid(), shares, rnd), "shares = " + shares);
    }
  }

  static Stream<Arguments> rangeCircuits() {
    return cases().filter(k -> k.circuit() instanceof RangeCheckCircuit).map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("rangeCircuits")
  void fusedKernelsEqualTheDraftsAlgorithm(Case k) throws Exception {
    Circuit c = k.circuit();
    Field f = c.field();
    Random rnd = new Random(7);
    for (int trial = 0; trial < 5; trial++) {
      long[] meas = trial == 0 ? k.valid() : random(f, c.measLen(), rnd);
      long[] jointRand = random(f, c.jointRandLen(), rnd);
      long[] proveRand = random(f, c.proveRandLen(), rnd);
      long[] queryRand = random(f, c.queryRandLen(), rnd);
      long[] proof = c.prove(meas, proveRand, jointRand);
      assertArrayEquals(c.proveGeneric(meas, proveRand, jointRand), proof, "prove");
      for (int shares = 1; shares <= 4; shares++) {
        long[] anyProof = trial % 2 == 0 ? proof : random(f, c.proofLen(), rnd);
        assertArrayEquals(
            c.queryGeneric(meas, anyProof, queryRand, jointRand, shares),
            c.query(meas, anyProof, queryRand, jointRand, shares),
            "query, shares = " + shares);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void refusesTestPointsOnTheInterpolationDomain(Case k) {
    Circuit c = k.circuit();
    Field f = c.field();
    long[] queryRand = f.newVector(c.queryRandLen());
    int t = c.evalOutputLen() > 1 ? c.evalOutputLen() : 0;
    f.set(queryRand, t, 1); // 1 is a root of unity of every order
    Random rnd = new Random(3);
    long[] jointRand = random(f, c.jointRandLen(), rnd);
    long[] proof = c.prove(k.valid(), random(f, c.proveRandLen(), rnd), jointRand);
    org.junit.jupiter.api.Assertions.assertThrows(
        Circuit.TestPointException.class, () -> c.query(k.valid(), proof, queryRand, jointRand, 1));
  }
}
