package io.secagg.vdaf.internal.flp;

import io.secagg.vdaf.internal.field.Field;
import java.util.Arrays;

/**
 * The parallel-sum gadget: {@code count} copies of a sub-circuit on consecutive groups of inputs,
 * summed (arity {@code count * sub.arity()}, degree {@code sub.degree()}).
 */
public final class ParallelSum extends Gadget {
  private final Gadget sub;
  private final int count;

  /** @throws IllegalArgumentException if {@code count < 1} */
  public ParallelSum(Gadget sub, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    Math.multiplyExact(sub.arity(), count);
    this.sub = sub;
    this.count = count;
  }

  @Override
  public int arity() {
    return sub.arity() * count;
  }

  @Override
  public int degree() {
    return sub.degree();
  }

  @Override
  public void eval(Field f, long[] in, int off, long[] out, int oi) {
    long[] acc = f.newVector(1);
    long[] tmp = f.newVector(1);
    for (int i = 0; i < count; i++) {
      sub.eval(f, in, off + i * sub.arity(), tmp, 0);
      f.add(acc, 0, acc, 0, tmp, 0);
    }
    f.copy(out, oi, acc, 0);
  }

  @Override
  public long[] evalPoly(Field f, long[][] inputs) {
    int a = sub.arity();
    long[] sum = null;
    for (int i = 0; i < count; i++) {
      long[] part = sub.evalPoly(f, Arrays.copyOfRange(inputs, i * a, (i + 1) * a));
      if (sum == null) {
        sum = part;
      } else {
        f.addInPlace(sum, part);
      }
    }
    return sum;
  }
}
