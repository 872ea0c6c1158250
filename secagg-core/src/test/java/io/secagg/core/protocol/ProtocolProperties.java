package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.ServerCompleted;
import io.secagg.core.vector.Modulus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * End to end: for random n &lt;= 30, graph, mode, t, L, m and dropout schedule, the server
 * outputs exactly the plaintext sum of exactly the clients it says it included whenever the
 * survivors can recover every needed secret, and aborts (with a survivor-count reason)
 * otherwise. Recoverability is decided by an oracle that replays the schedule on the graph
 * directly, independently of the machines' bookkeeping.
 */
class ProtocolProperties {
  private static final List<Modulus> MODULI =
      List.of(
          Modulus.powerOfTwo(1), Modulus.powerOfTwo(7), Modulus.powerOfTwo(32), Modulus.powerOfTwo(33),
          Modulus.powerOfTwo(64), Modulus.of(3), Modulus.of(1_000_003), Modulus.of((1L << 62) - 57),
          Modulus.of((1L << 31) - 1));

  /** One random session. */
  static final class Scenario {
    final int n;
    final boolean harary;
    final int k;
    final SecurityMode mode;
    final int t;
    final int length;
    final Modulus modulus;
    final List<Integer> drops;
    final long seed;

    Scenario(int n, boolean harary, int k, SecurityMode mode, double tFraction, int length,
        Modulus modulus, List<Integer> drops, long seed) {
      this.n = n;
      this.harary = harary && n >= 4;
      this.k = this.harary ? k : n - 1;
      this.mode = mode;
      int lo = mode == SecurityMode.MALICIOUS ? this.k / 2 + 1 : 2;
      lo = Math.max(2, lo);
      this.t = Math.min(this.k, lo + (int) (tFraction * (this.k - lo + 1)));
      this.length = length;
      this.modulus = modulus;
      this.drops = drops;
      this.seed = seed;
    }

    Round dropRound(int id) {
      int r = drops.get(id - 1);
      return r < 0 ? null : Round.values()[r];
    }

    @Override
    public String toString() {
      return "Scenario[n=" + n + (harary ? ", harary k=" + k : ", complete") + ", " + mode + ", t=" + t
          + ", L=" + length + ", m=" + modulus + ", drops=" + drops + ", seed=" + seed + "]";
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Arbitraries.integers().between(3, 30).flatMap(n -> {
      Arbitrary<Integer> evenDegree = Arbitraries.integers().between(1, Math.max(1, (n - 1) / 2)).map(h -> 2 * h);
      Arbitrary<Integer> drop =
          Arbitraries.frequencyOf(
              Tuple.of(6, Arbitraries.just(-1)), Tuple.of(2, Arbitraries.integers().between(0, 4)));
      return Combinators.combine(
              Arbitraries.of(false, true), evenDegree, Arbitraries.of(SecurityMode.values()),
              Arbitraries.doubles().between(0, 0.99), Arbitraries.integers().between(1, 24),
              Arbitraries.of(MODULI), drop.list().ofSize(n), Arbitraries.longs())
          .as((harary, k, mode, tf, length, m, drops, seed) ->
              new Scenario(n, harary, k, mode, tf, length, m, drops, seed));
    });
  }

  @Property(tries = 60)
  // The outcome and graph mix is collected for whoever debugs the property, not printed on every build.
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void outputIsThePlaintextSumOfTheIncludedClientsOrTheRoundAborts(@ForAll("scenarios") Scenario s) {
    SecAggConfig.Builder b =
        SecAggConfig.builder().clientCount(s.n).threshold(s.t).vectorLength(s.length).modulus(s.modulus);
    if (s.harary) {
      b.hararyGraph(s.k);
    } else {
      b.completeGraph();
    }
    Harness h = Harness.create(b, s.mode, s.n, s.seed);
    for (int id = 1; id <= s.n; id++) {
      if (s.dropRound(id) != null) {
        h.dropAt.put(id, s.dropRound(id));
      }
    }
    h.start();
    h.runToEnd();

    Set<Integer> expectedIncluded = oracle(s, h.server.sessionId() == null ? null : h.graph());
    Statistics.label("outcome").collect(expectedIncluded != null ? "completed" : "aborted");
    Statistics.label("graph").collect(s.harary ? "harary" : "complete");
    if (expectedIncluded != null) {
      ServerCompleted done = (ServerCompleted) h.server.state();
      assertEquals(new ArrayList<>(expectedIncluded), done.result().includedClients());
      assertEquals(h.plaintextSum(expectedIncluded), done.result().sum());
    } else {
      assertTrue(h.server.state() instanceof ServerAborted, () -> "expected an abort, got " + h.server.state());
      AbortReason reason = ((ServerAborted) h.server.state()).reason();
      assertTrue(
          reason == AbortReason.TOO_FEW_SURVIVORS || reason == AbortReason.INSUFFICIENT_SHARES,
          reason::toString);
    }
    if (!s.harary) {
      // Complete graph, in closed form: success iff at least t + 1 clients answer every round.
      int always = 0;
      for (int id = 1; id <= s.n; id++) {
        Round r = s.dropRound(id);
        if (r == null || (r == Round.CONSISTENCY_CHECK && s.mode == SecurityMode.SEMI_HONEST)) {
          always++;
        }
      }
      assertEquals(always >= s.t + 1, expectedIncluded != null);
    }
    // With an honest server, honest clients only stop for lack of neighbours or on its word.
    for (int id = 1; id <= s.n; id++) {
      if (h.clients[id].state() instanceof ClientAborted) {
        AbortReason r = ((ClientAborted) h.clients[id].state()).reason();
        assertTrue(r == AbortReason.TOO_FEW_NEIGHBOURS || r == AbortReason.PEER_ABORTED, r::toString);
      }
    }
  }

  /** The included set if the session must complete, or null if it must abort. */
  private static Set<Integer> oracle(Scenario s, MaskingGraph g) {
    int n = s.n;
    boolean[] u1 = new boolean[n + 1];
    boolean any = false;
    for (int id = 1; id <= n; id++) {
      u1[id] = s.dropRound(id) != Round.ADVERTISE_KEYS;
      any |= u1[id];
    }
    if (!any || g == null) {
      return null;
    }
    boolean[] s2 = new boolean[n + 1];
    for (int id = 1; id <= n; id++) {
      s2[id] = u1[id] && count(g, id, u1) >= s.t && s.dropRound(id) != Round.SHARE_KEYS;
    }
    boolean[] u2 = peel(g, s2, s.t);
    boolean[] u3 = new boolean[n + 1];
    boolean[] dropped = new boolean[n + 1];
    Set<Integer> included = new TreeSet<>();
    for (int id = 1; id <= n; id++) {
      u3[id] = u2[id] && s.dropRound(id) != Round.MASKED_INPUT_COLLECTION;
      dropped[id] = u2[id] && !u3[id];
      if (u3[id]) {
        included.add(id);
      }
    }
    if (included.isEmpty()) {
      return null;
    }
    boolean[] responders = new boolean[n + 1];
    for (int id = 1; id <= n; id++) {
      responders[id] =
          u3[id] && (s.mode == SecurityMode.SEMI_HONEST || s.dropRound(id) != Round.CONSISTENCY_CHECK);
    }
    if (s.mode == SecurityMode.MALICIOUS) {
      responders = peel(g, responders, s.t);
    }
    if (!recoverable(g, u3, dropped, responders, s.t)) {
      return null;
    }
    boolean[] u5 = new boolean[n + 1];
    for (int id = 1; id <= n; id++) {
      u5[id] = responders[id] && s.dropRound(id) != Round.UNMASKING;
    }
    return recoverable(g, u3, dropped, u5, s.t) ? included : null;
  }

  private static boolean recoverable(MaskingGraph g, boolean[] u3, boolean[] dropped, boolean[] from, int t) {
    for (int v = 1; v < u3.length; v++) {
      if ((u3[v] || dropped[v]) && count(g, v, from) < t) {
        return false;
      }
    }
    return true;
  }

  private static int count(MaskingGraph g, int u, boolean[] set) {
    int c = 0;
    for (int v : g.neighbours(u)) {
      if (set[v]) {
        c++;
      }
    }
    return c;
  }

  private static boolean[] peel(MaskingGraph g, boolean[] in, int t) {
    boolean[] set = in.clone();
    ArrayDeque<Integer> work = new ArrayDeque<>();
    for (int u = 1; u < set.length; u++) {
      work.add(u);
    }
    while (!work.isEmpty()) {
      int u = work.poll();
      if (set[u] && count(g, u, set) < t) {
        set[u] = false;
        for (int v : g.neighbours(u)) {
          work.add(v);
        }
      }
    }
    return set;
  }
}
