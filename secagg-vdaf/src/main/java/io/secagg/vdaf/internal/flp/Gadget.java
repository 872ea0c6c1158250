package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;

/**
 * A gadget of the FLP ("FLP Gadgets"): a non-affine arithmetic sub-circuit with {@link #arity()}
 * inputs, of arithmetic degree {@link #degree()}, that can be evaluated on field elements and on
 * polynomials in the Lagrange basis.
 */
public abstract class Gadget {
  Gadget() {}

  /** Number of input wires. */
  public abstract int arity();

  /** Arithmetic degree of the gadget's polynomial. */
  public abstract int degree();

  /**
   * Evaluates the gadget on {@code arity()} elements of {@code in} starting at element
   * {@code off}, writing the result to {@code out[oi]}.
   */
  public abstract void eval(Field f, long[] in, int off, long[] out, int oi);

  /**
   * Evaluates the gadget on polynomials: {@code inputs[j]} holds the {@code p} values of wire
   * polynomial {@code j} on the {@code p}-th roots of unity. Returns the gadget polynomial's values
   * on the {@code n}-th roots, {@code n = next_power_of_2(gadgetPolyLen(degree(), p))}.
   */
  public abstract long[] evalPoly(Field f, long[][] inputs);

  /** The draft's {@code wire_poly_len}: {@code next_power_of_2(1 + calls)}. */
  public static int wirePolyLen(int calls) {
    return nextPowerOfTwo(Math.addExact(1, calls));
  }

  /** The draft's {@code gadget_poly_len}: {@code degree * (p - 1) + 1}. */
  public static int gadgetPolyLen(int degree, int wirePolyLen) {
    return Math.addExact(Math.multiplyExact(degree, wirePolyLen - 1), 1);
  }

  /** Smallest power of two at least {@code x >= 1}. */
  public static int nextPowerOfTwo(int x) {
    if (x < 1 || x > (1 << 30)) {
      throw new IllegalArgumentException("size out of range: " + x);
    }
    return x == 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
  }
}
