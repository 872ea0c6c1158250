package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Lagrange;
import java.util.List;

/**
 * A validity circuit ("Validity Circuits", the draft's {@code Valid}) together with the FLP of
 * [BBCGGI19] built on it ("FLP Specification"): {@link #prove}, {@link #query} and
 * {@link #decide}.
 *
 * <p>The FLP methods here follow the draft's structure literally: the circuit is evaluated with
 * every gadget call recorded (the draft's {@code ProveGadget} and {@code QueryGadget} shims), the
 * wire polynomials are built from the recorded values, and the gadget polynomial is evaluated on
 * them. Circuits with a hot path override {@link #prove} and {@link #query} with fused kernels
 * and keep these as {@link #proveGeneric} and {@link #queryGeneric}, against which the tests
 * check them.
 *
 * <p>Vectors are {@code long[]} in the field's representation; lengths are in elements.
 */
public abstract class Circuit {
  /** The field. */
  protected final Field field;
  private final List<Gadget> gadgets;
  private final int[] gadgetCalls;
  private final int measLen;
  private final int jointRandLen;
  private final int outputLen;
  private final int evalOutputLen;

  /** Receives the circuit's gadget calls during an evaluation. */
  public interface GadgetCalls {
    /**
     * Calls gadget {@code gadget} on its {@code arity} inputs {@code in[0..arity)} and writes the
     * output to {@code out[oi]}.
     */
    void call(int gadget, long[] in, long[] out, int oi);
  }

  protected Circuit(
      Field field,
      List<Gadget> gadgets,
      int[] gadgetCalls,
      int measLen,
      int jointRandLen,
      int outputLen,
      int evalOutputLen) {
    if (gadgets.size() != gadgetCalls.length || gadgets.isEmpty()) {
      throw new IllegalArgumentException("one call count per gadget, at least one gadget");
    }
    this.field = field;
    this.gadgets = List.copyOf(gadgets);
    this.gadgetCalls = gadgetCalls.clone();
    this.measLen = measLen;
    this.jointRandLen = jointRandLen;
    this.outputLen = outputLen;
    this.evalOutputLen = evalOutputLen;
    // Every derived length must fit an int, and every transform the field's subgroup.
    proofLen();
    for (int g = 0; g < gadgetCalls.length; g++) {
      int p = Gadget.wirePolyLen(gadgetCalls[g]);
      field.tables(Gadget.nextPowerOfTwo(Gadget.gadgetPolyLen(gadgets.get(g).degree(), p)));
    }
  }

  /** The field. */
  public final Field field() {
    return field;
  }

  /** The gadgets, in call-recording order. */
  public final List<Gadget> gadgets() {
    return gadgets;
  }

  /** Number of calls of gadget {@code g}. */
  public final int gadgetCalls(int g) {
    return gadgetCalls[g];
  }

  /** {@code MEAS_LEN}. */
  public final int measLen() {
    return measLen;
  }

  /** {@code JOINT_RAND_LEN}. */
  public final int jointRandLen() {
    return jointRandLen;
  }

  /** {@code OUTPUT_LEN}. */
  public final int outputLen() {
    return outputLen;
  }

  /** {@code EVAL_OUTPUT_LEN}. */
  public final int evalOutputLen() {
    return evalOutputLen;
  }

  /** {@code PROVE_RAND_LEN}: one wire seed per gadget input. */
  public final int proveRandLen() {
    int len = 0;
    for (Gadget g : gadgets) {
      len = Math.addExact(len, g.arity());
    }
    return len;
  }

  /** {@code QUERY_RAND_LEN}: one test point per gadget, plus the output-reduction coefficients. */
  public final int queryRandLen() {
    return gadgets.size() + (evalOutputLen > 1 ? evalOutputLen : 0);
  }

  /** {@code PROOF_LEN}: per gadget, the wire seeds and the gadget polynomial's values. */
  public final int proofLen() {
    int len = 0;
    for (int g = 0; g < gadgets.size(); g++) {
      Gadget gadget = gadgets.get(g);
      int p = Gadget.wirePolyLen(gadgetCalls[g]);
      len = Math.addExact(len, Math.addExact(gadget.arity(), Gadget.gadgetPolyLen(gadget.degree(), p)));
    }
    return len;
  }

  /** {@code VERIFIER_LEN}: the reduced output, then per gadget the wire checks and gadget check. */
  public final int verifierLen() {
    int len = 1;
    for (Gadget g : gadgets) {
      len = Math.addExact(len, g.arity() + 1);
    }
    return len;
  }

  /**
   * The draft's {@code valid.eval}: evaluates the circuit on a measurement (or a share of one,
   * with {@code numShares} shares) and the joint randomness, calling gadgets through
   * {@code calls}. Returns {@code evalOutputLen()} elements, all zero iff the measurement is
   * valid. Constants added in the circuit are scaled by {@code 1 / numShares}.
   */
  public abstract long[] eval(GadgetCalls calls, long[] meas, long[] jointRand, int numShares);

  /** The draft's {@code valid.truncate}: the aggregatable output (share) of {@code outputLen()}. */
  public abstract long[] truncate(long[] meas);

  /** {@code 1 / numShares} in the field, canonical. */
  protected final long[] sharesInverse(int numShares) {
    long[] x = field.newVector(1);
    field.set(x, 0, numShares);
    field.inv(x, 0, x, 0);
    return x;
  }

  // ---------------------------------------------------------------------------------------------
  // The FLP.

  /** {@code flp.prove}. */
  public long[] prove(long[] meas, long[] proveRand, long[] jointRand) {
    return proveGeneric(meas, proveRand, jointRand);
  }

  /**
   * {@code flp.query}.
   *
   * @throws TestPointException if a test point is a root of unity of its wire polynomials'
   *     domain (the draft aborts then: the verifier message would leak a gadget output)
   */
  public long[] query(long[] meas, long[] proof, long[] queryRand, long[] jointRand, int numShares)
      throws TestPointException {
    return queryGeneric(meas, proof, queryRand, jointRand, numShares);
  }

  /** Raised by {@link #query} when a test point is one of the interpolation nodes. */
  public static final class TestPointException extends Exception {
    private static final long serialVersionUID = 1L;

    TestPointException() {
      super("test point is a root of unity", null, false, false);
    }
  }

  private void checkLength(long[] v, int elements, String what) {
    if (field.length(v) != elements || v.length % field.words() != 0) {
      throw new IllegalArgumentException(what + " has length " + field.length(v) + ", expected " + elements);
    }
  }

  /**
   * Fails unless the inputs of {@link #prove} have this circuit's lengths.
   *
   * @throws IllegalArgumentException naming the first input of the wrong length
   */
  protected final void checkProveInputs(long[] meas, long[] proveRand, long[] jointRand) {
    checkLength(meas, measLen, "measurement");
    checkLength(proveRand, proveRandLen(), "prover randomness");
    checkLength(jointRand, jointRandLen, "joint randomness");
  }

  /**
   * Fails unless the inputs of {@link #query} have this circuit's lengths.
   *
   * @throws IllegalArgumentException naming the first input of the wrong length
   */
  protected final void checkQueryInputs(long[] meas, long[] proof, long[] queryRand, long[] jointRand) {
    checkLength(meas, measLen, "measurement");
    checkLength(proof, proofLen(), "proof");
    checkLength(queryRand, queryRandLen(), "query randomness");
    checkLength(jointRand, jointRandLen, "joint randomness");
  }

  /** The draft's {@code prove}, step by step. */
  public final long[] proveGeneric(long[] meas, long[] proveRand, long[] jointRand) {
    checkProveInputs(meas, proveRand, jointRand);
    Field f = field;
    int n = gadgets.size();
    long[][][] wires = new long[n][][];
    int[] counts = new int[n];
    int seed = 0;
    for (int g = 0; g < n; g++) {
      int p = Gadget.wirePolyLen(gadgetCalls[g]);
      wires[g] = new long[gadgets.get(g).arity()][];
      for (int j = 0; j < wires[g].length; j++) {
        wires[g][j] = f.newVector(p);
        f.copy(wires[g][j], 0, proveRand, seed++);
      }
    }
    eval(
        (g, in, out, oi) -> {
          int k = ++counts[g];
          for (int j = 0; j < wires[g].length; j++) {
            f.copy(wires[g][j], k, in, j);
          }
          gadgets.get(g).eval(f, in, 0, out, oi);
        },
        meas,
        jointRand,
        1);
    long[] proof = f.newVector(proofLen());
    int o = 0;
    for (int g = 0; g < n; g++) {
      checkCalls(g, counts[g]);
      Gadget gadget = gadgets.get(g);
      for (int j = 0; j < gadget.arity(); j++) {
        f.copy(proof, o++, wires[g][j], 0);
      }
      long[] poly = gadget.evalPoly(f, wires[g]);
      int len = Gadget.gadgetPolyLen(gadget.degree(), Gadget.wirePolyLen(gadgetCalls[g]));
      System.arraycopy(poly, 0, proof, o * f.words(), len * f.words());
      o += len;
    }
    return proof;
  }

  private void checkCalls(int g, int made) {
    if (made != gadgetCalls[g]) {
      throw new IllegalStateException("circuit called gadget " + g + " " + made + " times, declared " + gadgetCalls[g]);
    }
  }

  /** The draft's {@code query}, step by step. */
  public final long[] queryGeneric(
      long[] meas, long[] proof, long[] queryRand, long[] jointRand, int numShares)
      throws TestPointException {
    checkQueryInputs(meas, proof, queryRand, jointRand);
    Field f = field;
    int n = gadgets.size();
    long[][][] wires = new long[n][][];
    long[][] polys = new long[n][];
    int[] steps = new int[n];
    int[] counts = new int[n];
    int o = 0;
    for (int g = 0; g < n; g++) {
      Gadget gadget = gadgets.get(g);
      int p = Gadget.wirePolyLen(gadgetCalls[g]);
      wires[g] = new long[gadget.arity()][];
      for (int j = 0; j < gadget.arity(); j++) {
        wires[g][j] = f.newVector(p);
        f.copy(wires[g][j], 0, proof, o++);
      }
      int len = Gadget.gadgetPolyLen(gadget.degree(), p);
      long[] known = java.util.Arrays.copyOfRange(proof, o * f.words(), (o + len) * f.words());
      o += len;
      int size = Gadget.nextPowerOfTwo(len);
      polys[g] = Lagrange.extendValues(f, known, size);
      steps[g] = size / p;
    }
    long[] out =
        eval(
            (g, in, res, ri) -> {
              int k = ++counts[g];
              for (int j = 0; j < wires[g].length; j++) {
                f.copy(wires[g][j], k, in, j);
              }
              f.copy(res, ri, polys[g], k * steps[g]);
            },
            meas,
            jointRand,
            numShares);
    for (int g = 0; g < n; g++) {
      checkCalls(g, counts[g]);
    }
    long[] verifier = f.newVector(verifierLen());
    int testPoints = reduceOutput(out, queryRand, verifier);
    int v = 1;
    for (int g = 0; g < n; g++) {
      int p = Gadget.wirePolyLen(gadgetCalls[g]);
      int t = testPoints + g;
      if (Lagrange.isRootOfUnity(f, queryRand, t, p)) {
        throw new TestPointException();
      }
      long[] weights = Lagrange.barycentricWeights(f, queryRand, t, p);
      for (long[] wire : wires[g]) {
        Lagrange.evaluate(f, wire, weights, verifier, v++);
      }
      long[] polyWeights = Lagrange.barycentricWeights(f, queryRand, t, f.length(polys[g]));
      Lagrange.evaluate(f, polys[g], polyWeights, verifier, v++);
    }
    return verifier;
  }

  /**
   * Writes the reduced circuit output to {@code verifier[0]}: the output itself if there is one,
   * else {@code sum_i r_i out_i} with the first {@code evalOutputLen()} query randomness elements.
   *
   * @return the index in {@code queryRand} of the first test point
   */
  protected final int reduceOutput(long[] out, long[] queryRand, long[] verifier) {
    if (evalOutputLen == 1) {
      field.copy(verifier, 0, out, 0);
      return 0;
    }
    long[] acc = field.newVector(1);
    long[] tmp = field.newVector(1);
    for (int i = 0; i < evalOutputLen; i++) {
      field.mul(tmp, 0, queryRand, i, out, i);
      field.add(acc, 0, acc, 0, tmp, 0);
    }
    field.copy(verifier, 0, acc, 0);
    return evalOutputLen;
  }

  /** {@code flp.decide}: the circuit output is zero and every gadget test is consistent. */
  public final boolean decide(long[] verifier) {
    checkLength(verifier, verifierLen(), "verifier");
    Field f = field;
    boolean ok = f.isZero(verifier, 0);
    int v = 1;
    long[] out = f.newVector(1);
    for (Gadget g : gadgets) {
      long[] in = java.util.Arrays.copyOfRange(verifier, v * f.words(), (v + g.arity()) * f.words());
      v += g.arity();
      g.eval(f, in, 0, out, 0);
      ok &= f.equal(out, 0, verifier, v++);
    }
    return ok;
  }
}
