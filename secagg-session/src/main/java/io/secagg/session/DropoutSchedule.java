package io.secagg.session;

import io.secagg.core.protocol.Round;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When clients of an in-memory round ({@link SecAggRound}, {@link DpRound}) crash. A client that
 * "drops at round r" receives the round-r request and crashes before answering it: its
 * connection closes, the server is told at once and stops waiting for it, and it receives
 * nothing afterwards; its earlier messages stand.
 *
 * <p>Implementations must be pure functions of their arguments (the runner may ask in any
 * order), so a schedule is reproducible.
 */
@FunctionalInterface
public interface DropoutSchedule {
  /**
   * True iff {@code clientId} drops at {@code round} (asked only while it is still alive).
   *
   * @param round the round whose request the client has just received
   * @param clientId the client, 1..n
   */
  boolean dropsAt(Round round, int clientId);

  /** No client ever drops. */
  static DropoutSchedule none() {
    return (round, id) -> false;
  }

  /**
   * Every alive client independently drops in each round with probability {@code p}, decided by
   * a hash of (seed, round, client), so the schedule is reproducible and order-independent.
   *
   * @throws IllegalArgumentException if {@code p} is not in [0, 1]
   */
  static DropoutSchedule perRound(double p, long seed) {
    checkProbability(p);
    return (round, id) -> Coin.flip(seed, round.ordinal(), id) < p;
  }

  /**
   * Each client drops out during the session with probability {@code p}, spread evenly over the
   * {@code answeredRounds} rounds it answers: in each it drops with probability q = 1 - (1 -
   * p)^(1/R), so that p is its chance of dropping in one of them ({@link #perRound}(q, seed)).
   *
   * @param p in [0, 1]
   * @param answeredRounds R: 4, or 5 in malicious-server mode
   * @throws IllegalArgumentException if {@code p} is not in [0, 1] or {@code answeredRounds} is
   *     outside 1..5
   */
  static DropoutSchedule overSession(double p, int answeredRounds, long seed) {
    checkProbability(p);
    if (answeredRounds < 1 || answeredRounds > Round.values().length) {
      throw new IllegalArgumentException("Invalid round count " + answeredRounds + "; must be 1.." + Round.values().length);
    }
    return perRound(1 - Math.pow(1 - p, 1.0 / answeredRounds), seed);
  }

  /**
   * Each client independently drops at {@code round} with probability {@code fraction} (and
   * never elsewhere). {@code atRound(MASKED_INPUT_COLLECTION, 0.3, s)} is the server's worst case
   * of Bonawitz et al.'s 30% dropout: keys shared, inputs missing, pairwise masks to recover.
   *
   * @throws NullPointerException if {@code round} is null
   * @throws IllegalArgumentException if {@code fraction} is not in [0, 1]
   */
  static DropoutSchedule atRound(Round round, double fraction, long seed) {
    Objects.requireNonNull(round, "round");
    checkProbability(fraction);
    return (r, id) -> r == round && Coin.flip(seed, -1, id) < fraction;
  }

  /** A builder of an explicit schedule: which clients drop at which round. */
  static Scripted.Builder scripted() {
    return new Scripted.Builder();
  }

  private static void checkProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("Invalid probability " + p + "; must be in [0, 1]");
    }
  }

  /** An explicit schedule. */
  final class Scripted implements DropoutSchedule {
    private final Map<Round, Set<Integer>> drops;

    private Scripted(Map<Round, Set<Integer>> drops) {
      this.drops = drops;
    }

    @Override
    public boolean dropsAt(Round round, int clientId) {
      Set<Integer> ids = drops.get(round);
      return ids != null && ids.contains(clientId);
    }

    @Override
    public String toString() {
      return "DropoutSchedule.scripted" + drops;
    }

    /** Builds a {@link Scripted} schedule. */
    public static final class Builder {
      private final Map<Round, Set<Integer>> drops = new EnumMap<>(Round.class);

      private Builder() {}

      /**
       * Makes {@code clientIds} drop at {@code round}.
       *
       * @throws NullPointerException if an argument is null
       */
      public Builder drop(Round round, int... clientIds) {
        Objects.requireNonNull(round, "round");
        Set<Integer> set = drops.computeIfAbsent(round, r -> new HashSet<>());
        for (int id : clientIds) {
          set.add(id);
        }
        return this;
      }

      /** The schedule. */
      public Scripted build() {
        Map<Round, Set<Integer>> copy = new EnumMap<>(Round.class);
        drops.forEach((r, s) -> copy.put(r, Set.copyOf(s)));
        return new Scripted(copy);
      }
    }
  }
}
