package io.secagg.dp.ddg;

/**
 * Every intermediate of one client encoding, for known-answer vectors and debugging: the rotated
 * real vector (after clipping and scaling), the rounded integers, the noise, and the wrapped
 * output. Arrays are copies; immutable.
 */
public final class DdgEncoding {
  private final double[] rotated;
  private final long[] rounded;
  private final long[] noise;
  private final long[] wrapped;
  private final int roundingAttempts;

  DdgEncoding(double[] rotated, long[] rounded, long[] noise, long[] wrapped, int roundingAttempts) {
    this.rotated = rotated;
    this.rounded = rounded;
    this.noise = noise;
    this.wrapped = wrapped;
    this.roundingAttempts = roundingAttempts;
  }

  /** {@code s * H diag(xi) pad(clip(x)) / sqrt(D)}, length D. */
  public double[] rotatedScaled() {
    return rotated.clone();
  }

  /** The conditionally rounded integers, length D. */
  public long[] rounded() {
    return rounded.clone();
  }

  /** The integer noise added, length D. */
  public long[] noise() {
    return noise.clone();
  }

  /** {@code (rounded + noise) mod m}, each in {@code [0, m)}: what the client submits. */
  public long[] wrapped() {
    return wrapped.clone();
  }

  /** How many rounding attempts conditional rounding took (1 in most rounds). */
  public int roundingAttempts() {
    return roundingAttempts;
  }
}
