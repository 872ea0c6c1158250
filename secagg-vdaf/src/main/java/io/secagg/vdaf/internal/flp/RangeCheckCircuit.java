package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Lagrange;
import java.util.List;

/**
 * The range check shared by the draft's {@code SumVec}, {@code Histogram} and
 * {@code MultihotCountVec} circuits: one gadget {@code ParallelSum(Mul, chunk)} called
 * {@code ceil(MEAS_LEN / chunk)} times; call {@code k} (from 1) with joint randomness {@code r}
 * feeds the pairs {@code (r^(j+1) x, x - 1/shares)} for the chunk's elements {@code x} (zero past
 * the end), so the sum of the outputs is a random combination of {@code x^2 - x} over every
 * element. Subclasses add affine outputs ({@link #affineOutputs}).
 *
 * <p><b>Fused kernels.</b> {@link #prove} and {@link #query} compute exactly what the draft's
 * shims compute, without materialising the {@code 2 * chunk} wire polynomials of length
 * {@code p}:
 * <ul>
 *   <li>the prover builds one pair of wires at a time (a strided gather with the powers of each
 *       call's {@code r} kept per call), adds their products on the {@code p}-th roots and, after
 *       two coset transforms ({@code O(p log p)}), on the coset, into the gadget polynomial's even
 *       and odd values;
 *   <li>the verifier never builds wires: a wire polynomial at the test point {@code t} is
 *       {@code sum_k c_k w[k]} with barycentric weights {@code c_k}, so it streams over the
 *       measurement once, accumulating {@code c_k r^(j+1) x} and {@code c_k x} per column
 *       {@code j}, and corrects for the constant {@code -1/shares} once per column at the end.
 * </ul>
 * The left wire of each pair is carried in the field's multiplier form, so every product in the
 * loops costs one reduction ({@link Field}).
 */
public abstract class RangeCheckCircuit extends Circuit {
  /** Elements per gadget call. */
  protected final int chunk;
  /** Gadget calls. */
  protected final int calls;
  private final int p;

  protected RangeCheckCircuit(Field field, int measLen, int chunk, int outputLen, int evalOutputLen) {
    super(
        field,
        List.of(new ParallelSum(Mul.INSTANCE, chunk)),
        new int[] {callsFor(measLen, chunk)},
        measLen,
        callsFor(measLen, chunk),
        outputLen,
        evalOutputLen);
    this.chunk = chunk;
    this.calls = callsFor(measLen, chunk);
    this.p = Gadget.wirePolyLen(calls);
  }

  private static int callsFor(int measLen, int chunk) {
    if (measLen < 1 || chunk < 1) {
      throw new IllegalArgumentException("measurement and chunk lengths must be positive");
    }
    return (int) ((measLen + (long) chunk - 1) / chunk);
  }

  /** The chunk length. */
  public final int chunkLength() {
    return chunk;
  }

  /**
   * Writes the circuit's outputs after the range check (indices 1 to {@code evalOutputLen() - 1})
   * into {@code out}; they must be affine in the measurement.
   */
  protected abstract void affineOutputs(long[] meas, long[] sharesInverse, long[] out);

  @Override
  public final long[] eval(GadgetCalls g, long[] meas, long[] jointRand, int numShares) {
    Field f = field;
    long[] sI = sharesInverse(numShares);
    long[] out = f.newVector(evalOutputLen());
    long[] in = f.newVector(2 * chunk);
    long[] r = f.newVector(1);
    long[] rPow = f.newVector(1);
    long[] x = f.newVector(1);
    long[] gadgetOut = f.newVector(1);
    int measLen = measLen();
    for (int i = 0; i < calls; i++) {
      f.copy(r, 0, jointRand, i);
      f.copy(rPow, 0, r, 0);
      for (int j = 0; j < chunk; j++) {
        int index = i * chunk + j;
        if (index < measLen) {
          f.copy(x, 0, meas, index);
        } else {
          f.set(x, 0, 0);
        }
        f.mul(in, 2 * j, rPow, 0, x, 0);
        f.sub(in, 2 * j + 1, x, 0, sI, 0);
        f.mul(rPow, 0, rPow, 0, r, 0);
      }
      g.call(0, in, gadgetOut, 0);
      f.add(out, 0, out, 0, gadgetOut, 0);
    }
    affineOutputs(meas, sI, out);
    return out;
  }

  @Override
  public final long[] prove(long[] meas, long[] proveRand, long[] jointRand) {
    checkProveInputs(meas, proveRand, jointRand);
    Field f = field;
    int w = f.words();
    int measLen = measLen();
    // Per call k (index k, from 1): r_k in multiplier form, and r_k^(j+1) in the multiplier form
    // of the multiplier form, so that x * pow * R^-1 is r^(j+1) x in multiplier form.
    long[] rM = f.newVector(calls + 1);
    long[] pow = f.newVector(calls + 1);
    for (int k = 1; k <= calls; k++) {
      f.toMultiplier(rM, k, jointRand, k - 1);
      f.toMultiplier(pow, k, rM, k);
    }
    long[] one = f.newVector(1);
    f.set(one, 0, 1);
    long[] minusOne = f.newVector(1);
    f.set(minusOne, 0, -1);
    long[] left = f.newVector(p);
    long[] right = f.newVector(p);
    long[] leftOdd = f.newVector(p);
    long[] rightOdd = f.newVector(p);
    long[] even = f.newVector(p);
    long[] odd = f.newVector(p);
    long[] proof = f.newVector(proofLen());
    System.arraycopy(proveRand, 0, proof, 0, 2 * chunk * w);
    for (int j = 0; j < chunk; j++) {
      f.toMultiplier(left, 0, proveRand, 2 * j);
      f.copy(right, 0, proveRand, 2 * j + 1);
      for (int k = 1; k <= calls; k++) {
        int index = (k - 1) * chunk + j;
        if (index < measLen) {
          f.mulByMultiplier(left, k, meas, index, pow, k);
          f.sub(right, k, meas, index, one, 0);
        } else {
          f.set(left, k, 0);
          f.copy(right, k, minusOne, 0);
        }
        f.mulByMultiplier(pow, k, pow, k, rM, k);
      }
      // Positions calls+1 .. p-1 are never written: the draft pads the wires with zeros, so
      // their products vanish.
      f.mulAccumulate(even, left, right, calls + 1);
      Lagrange.cosetValues(f, left, leftOdd, p);
      Lagrange.cosetValues(f, right, rightOdd, p);
      f.mulAccumulate(odd, leftOdd, rightOdd, p);
    }
    // The gadget polynomial on the 2p-th roots interleaves the two halves; the proof keeps the
    // first 2p - 1 values (degree 2 (p - 1)).
    int o = 2 * chunk;
    for (int i = 0; i < 2 * p - 1; i++) {
      f.copy(proof, o + i, (i & 1) == 0 ? even : odd, i >>> 1);
    }
    return proof;
  }

  @Override
  public final long[] query(long[] meas, long[] proof, long[] queryRand, long[] jointRand, int numShares)
      throws TestPointException {
    checkQueryInputs(meas, proof, queryRand, jointRand);
    Field f = field;
    int w = f.words();
    int measLen = measLen();
    int testPoint = evalOutputLen() > 1 ? evalOutputLen() : 0;
    if (Lagrange.isRootOfUnity(f, queryRand, testPoint, p)) {
      throw new TestPointException();
    }
    int arity = 2 * chunk;
    long[] known = java.util.Arrays.copyOfRange(proof, arity * w, (arity + 2 * p - 1) * w);
    long[] poly = Lagrange.extendValues(f, known, 2 * p);
    long[] out = f.newVector(evalOutputLen());
    for (int k = 1; k <= calls; k++) {
      f.add(out, 0, out, 0, poly, 2 * k);
    }
    long[] sI = sharesInverse(numShares);
    affineOutputs(meas, sI, out);

    long[] c = Lagrange.barycentricWeights(f, queryRand, testPoint, p);
    long[] accL = f.newVector(chunk);
    long[] accR = f.newVector(chunk);
    for (int j = 0; j < chunk; j++) {
      f.mulByMultiplier(accL, j, proof, 2 * j, c, 0);
      f.mulByMultiplier(accR, j, proof, 2 * j + 1, c, 0);
    }
    long[] sumC = f.newVector(1);
    long[] rM = f.newVector(1);
    long[] s = f.newVector(1);
    long[] tmp = f.newVector(1);
    for (int k = 1; k <= calls; k++) {
      f.add(sumC, 0, sumC, 0, c, k);
      f.toMultiplier(rM, 0, jointRand, k - 1);
      f.mulByMultiplier(s, 0, c, k, rM, 0); // c_k r, multiplier form
      int base = (k - 1) * chunk;
      int n = Math.min(chunk, measLen - base);
      columnSums(f, meas, base, n, s, rM, c, k, accL, accR, tmp);
    }
    // The right wires also carry -1/shares at every call, padding included.
    long[] correction = f.newVector(1);
    f.mulByMultiplier(correction, 0, sI, 0, sumC, 0);
    for (int j = 0; j < chunk; j++) {
      f.sub(accR, j, accR, j, correction, 0);
    }

    long[] verifier = f.newVector(verifierLen());
    reduceOutput(out, queryRand, verifier);
    for (int j = 0; j < chunk; j++) {
      f.copy(verifier, 1 + 2 * j, accL, j);
      f.copy(verifier, 2 + 2 * j, accR, j);
    }
    long[] polyWeights = Lagrange.barycentricWeights(f, queryRand, testPoint, 2 * p);
    Lagrange.evaluate(f, poly, polyWeights, verifier, 1 + arity);
    return verifier;
  }

  /**
   * One call's contribution to the column sums: for {@code j < n}, {@code accL[j] += s_j x_j}
   * with {@code s_j = c_k r^(j+1)} (updated in place) and {@code accR[j] += c_k x_j}.
   */
  private static void columnSums(
      Field f, long[] meas, int base, int n, long[] s, long[] rM, long[] c, int k,
      long[] accL, long[] accR, long[] tmp) {
    for (int j = 0; j < n; j++) {
      f.mulByMultiplier(tmp, 0, meas, base + j, s, 0);
      f.add(accL, j, accL, j, tmp, 0);
      f.mulByMultiplier(s, 0, s, 0, rM, 0);
      f.mulByMultiplier(tmp, 0, meas, base + j, c, k);
      f.add(accR, j, accR, j, tmp, 0);
    }
  }
}
