package io.secagg.dp.sampling;

import io.secagg.dp.internal.ExpTables;
import io.secagg.dp.internal.LazyUniform;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Exact Bernoulli(exp(-gamma)) trials for a rational {@code gamma > 0}: each trial is the
 * comparison {@code U < e^(-gamma)} of a lazily read uniform (one word in all but about 2^-16 of
 * the trials; see {@code spec/dp.md}, Sections 2.4 and 3). Immutable and thread-safe.
 */
public final class BernoulliExp {
  private final Rational gamma;
  private final long gLo;
  private final long gHi;

  private BernoulliExp(Rational gamma) {
    this.gamma = gamma;
    BigInteger[] qr = gamma.numerator().shiftLeft(24).divideAndRemainder(gamma.denominator());
    BigInteger cap = BigInteger.valueOf(ExpTables.G_CAP);
    this.gLo = qr[0].min(cap).longValueExact();
    this.gHi = qr[0].add(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE).min(cap.add(BigInteger.ONE)).longValueExact();
  }

  /**
   * Trials with success probability {@code exp(-gamma)}.
   *
   * @throws NullPointerException if {@code gamma} is null
   */
  public static BernoulliExp withGamma(Rational gamma) {
    return new BernoulliExp(Objects.requireNonNull(gamma, "gamma"));
  }

  /** The exponent {@code gamma}. */
  public Rational gamma() {
    return gamma;
  }

  /**
   * One trial: true with probability exactly {@code exp(-gamma)}.
   *
   * @throws NullPointerException if {@code bits} is null
   */
  public boolean sample(BitSource bits) {
    long w = bits.nextLong();
    // gHi >= 1 since gamma > 0; a saturated gHi (gamma >= 63) still bounds the exponent below.
    int d = ExpTables.decide(w, gLo, Math.max(gHi, 1));
    if (d >= 0) {
      return d == 1;
    }
    return new LazyUniform(w, bits).lessThanExpNeg(gamma.numerator(), gamma.denominator());
  }

  @Override
  public String toString() {
    return "BernoulliExp[gamma=" + gamma + "]";
  }
}
