package io.secagg.examples.hospitals;

/**
 * What {@link HospitalsDemo#run} is asked to do: how many hospitals, how many rounds, the
 * privacy target of the DP run and the seed. Immutable; built with {@link #builder()}, whose
 * setters validate at once.
 */
public final class HospitalsSettings {
  /** The fewest hospitals: a round with DP and one dropout needs a threshold of at least 2. */
  public static final int MIN_HOSPITALS = 4;
  /** The most hospitals: the smallest then still holds 7 training patients. */
  public static final int MAX_HOSPITALS = 10;
  /** The most rounds. */
  public static final int MAX_ROUNDS = 200;

  private final int hospitals;
  private final int rounds;
  private final double epsilon;
  private final double delta;
  private final long seed;

  private HospitalsSettings(Builder b) {
    this.hospitals = b.hospitals;
    this.rounds = b.rounds;
    this.epsilon = b.epsilon;
    this.delta = b.delta;
    this.seed = b.seed;
  }

  /** A builder with the defaults: 5 hospitals, 20 rounds, (epsilon 10, delta 10^-5), seed 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of hospitals, {@value #MIN_HOSPITALS}..{@value #MAX_HOSPITALS}. */
  public int hospitals() {
    return hospitals;
  }

  /** The number of federated rounds, 1..{@value #MAX_ROUNDS}. */
  public int rounds() {
    return rounds;
  }

  /** The DP run's epsilon over all its rounds, for every hospital. */
  public double epsilon() {
    return epsilon;
  }

  /** The DP run's delta. */
  public double delta() {
    return delta;
  }

  /** The seed of the split, the training order and the simulated parties' randomness. */
  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "HospitalsSettings[hospitals=" + hospitals + ", rounds=" + rounds + ", epsilon="
        + epsilon + ", delta=" + delta + ", seed=" + seed + "]";
  }

  /** Builds {@link HospitalsSettings}. */
  public static final class Builder {
    private int hospitals = 5;
    private int rounds = 20;
    private double epsilon = 10;
    private double delta = 1e-5;
    private long seed = 1;

    private Builder() {}

    /**
     * Sets the number of hospitals.
     *
     * @throws IllegalArgumentException if outside {@value #MIN_HOSPITALS}..{@value
     *     #MAX_HOSPITALS}
     */
    public Builder hospitals(int n) {
      if (n < MIN_HOSPITALS || n > MAX_HOSPITALS) {
        throw new IllegalArgumentException("Invalid number of hospitals " + n + "; must be "
            + MIN_HOSPITALS + ".." + MAX_HOSPITALS);
      }
      this.hospitals = n;
      return this;
    }

    /**
     * Sets the number of rounds.
     *
     * @throws IllegalArgumentException if outside 1..{@value #MAX_ROUNDS}
     */
    public Builder rounds(int n) {
      if (n < 1 || n > MAX_ROUNDS) {
        throw new IllegalArgumentException(
            "Invalid number of rounds " + n + "; must be 1.." + MAX_ROUNDS);
      }
      this.rounds = n;
      return this;
    }

    /**
     * Sets the DP run's epsilon over all rounds.
     *
     * @throws IllegalArgumentException unless finite and positive
     */
    public Builder epsilon(double e) {
      if (!(e > 0) || Double.isInfinite(e)) {
        throw new IllegalArgumentException("Invalid epsilon " + e + "; must be finite and > 0");
      }
      this.epsilon = e;
      return this;
    }

    /**
     * Sets the DP run's delta.
     *
     * @throws IllegalArgumentException unless in (0, 1)
     */
    public Builder delta(double d) {
      if (!(d > 0 && d < 1)) {
        throw new IllegalArgumentException("Invalid delta " + d + "; must be in (0, 1)");
      }
      this.delta = d;
      return this;
    }

    /** Sets the seed (any value). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** The settings. */
    public HospitalsSettings build() {
      return new HospitalsSettings(this);
    }
  }
}
