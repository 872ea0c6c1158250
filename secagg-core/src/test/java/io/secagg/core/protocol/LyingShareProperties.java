package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.internal.Gf61;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.ServerCompleted;
import io.secagg.core.protocol.server.ServerState;
import io.secagg.core.shamir.Share;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * One client lies in one share of its unmasking response: a self-mask share or a key share, in
 * any of the five chunks, by any non-zero amount. Whatever the configuration, the session either
 * completes with exactly the plaintext sum of the clients it includes, the lying share dropped
 * and its sender recorded, or aborts with {@link AbortReason#RECONSTRUCTION_MISMATCH}; never a
 * wrong sum. Up to three other clients stay silent in round 4, so the lied-about secret has
 * anywhere from fewer than t to many more shares. Exactly predicted: if some needed secret has
 * fewer than t shares the session aborts with INSUFFICIENT_SHARES; otherwise it completes iff the
 * lied-about secret has at least t + 2 shares (one lie is then within the correction radius
 * floor((m - t) / 2)), and aborts with RECONSTRUCTION_MISMATCH otherwise (with t shares the lie
 * cannot be located, with t + 1 it is detected but cannot be corrected).
 */
class LyingShareProperties {

  /** A session shape: the three of the issue, then three with more redundancy. */
  enum Shape {
    SEMI_HONEST_COMPLETE_5(SecurityMode.SEMI_HONEST, 5, 0, 3),
    MALICIOUS_COMPLETE_7(SecurityMode.MALICIOUS, 7, 0, 4),
    MALICIOUS_HARARY_10(SecurityMode.MALICIOUS, 10, 6, 4),
    SEMI_HONEST_COMPLETE_8(SecurityMode.SEMI_HONEST, 8, 0, 3),
    MALICIOUS_COMPLETE_9(SecurityMode.MALICIOUS, 9, 0, 5),
    MALICIOUS_HARARY_12(SecurityMode.MALICIOUS, 12, 8, 5);

    final SecurityMode mode;
    final int n;
    final int k;
    final int t;

    Shape(SecurityMode mode, int n, int k, int t) {
      this.mode = mode;
      this.n = n;
      this.k = k;
      this.t = t;
    }

    SecAggConfig.Builder builder() {
      SecAggConfig.Builder b =
          SecAggConfig.builder().clientCount(n).threshold(t).vectorLength(6).modulus(Modulus.powerOfTwo(32));
      return k == 0 ? b.completeGraph() : b.hararyGraph(k);
    }
  }

  @Provide
  Arbitrary<Long> deltas() {
    return Arbitraries.longs().between(1, Gf61.P - 1).edgeCases(c -> c.add(1L, Gf61.P - 1));
  }

  @Property(tries = 100)
  void aLyingShareIsCorrectedAndItsSenderRecordedOrTheSessionAborts(
      @ForAll Shape shape,
      @ForAll boolean keyShare,
      @ForAll @IntRange(min = 0, max = Share.CHUNK_COUNT - 1) int chunk,
      @ForAll("deltas") long delta,
      @ForAll @IntRange(min = 0, max = 1000) int liarPick,
      @ForAll @IntRange(min = 0, max = 1000) int victimPick,
      @ForAll @IntRange(min = 0, max = 3) int silentInUnmasking,
      @ForAll long seed)
      throws Exception {
    Harness h = Harness.create(shape.builder(), shape.mode, shape.n, seed);
    h.start();
    h.runUntilRequestsOf(Round.SHARE_KEYS);
    MaskingGraph graph = h.graph();
    int liar = 1 + liarPick % shape.n;
    int[] around = graph.neighbours(liar);
    int victim = around[victimPick % around.length];
    // A key share exists only for a client that shared keys and then dropped: the victim drops
    // before sending its masked input. A self-mask share is of a survivor.
    if (keyShare) {
      h.dropAt.put(victim, Round.MASKED_INPUT_COLLECTION);
    }
    // Fewer answers in round 4 leave fewer shares per secret, down to t and below.
    for (int id = 1, left = silentInUnmasking; id <= shape.n && left > 0; id++) {
      int u = 1 + (id + liar) % shape.n;
      if (u != liar && u != victim) {
        h.dropAt.put(u, Round.UNMASKING);
        left--;
      }
    }
    h.runUntilRequestsOf(Round.UNMASKING);
    UnmaskingRequest request = (UnmaskingRequest) h.take(liar);
    h.deliver(liar, request);
    UnmaskingResponse honest = (UnmaskingResponse) h.sentBy.get(liar).get(h.sentBy.get(liar).size() - 1);
    List<Integer> listed = keyShare ? request.dropped() : request.alive();
    int at = listed.indexOf(victim);
    assertTrue(at >= 0, () -> "victim " + victim + " not listed for liar " + liar + ": " + request);
    h.toServer.removeIf(m -> (Integer) m[0] == liar);
    h.toServer.add(new Object[] {liar, lieIn(honest, keyShare, at, chunk, delta)});
    h.runToEnd();

    // The oracle: a needed secret (every client but the key-share victim needs its self mask
    // removed; the victim its masking key) has one share per neighbour that answered round 4.
    int fewest = Integer.MAX_VALUE;
    for (int v = 1; v <= shape.n; v++) {
      fewest = Math.min(fewest, answeringNeighbours(h, graph, v));
    }
    int shares = answeringNeighbours(h, graph, victim);
    ServerState end = h.server.state();
    String expected =
        fewest < shape.t ? "too few shares" : shares >= shape.t + 2 ? "correctable" : "not correctable";
    Statistics.label("outcome").collect(end.name(), expected);
    if (fewest < shape.t) {
      ServerAborted aborted = assertInstanceOf(ServerAborted.class, end, () -> "expected an abort: " + end);
      assertEquals(AbortReason.INSUFFICIENT_SHARES, aborted.reason());
    } else if (shares >= shape.t + 2) {
      ServerCompleted done = assertInstanceOf(ServerCompleted.class, end, () -> "expected completion: " + end);
      assertEquals(h.plaintextSum(done.result().includedClients()), done.result().sum());
      RejectedShare.SecretKind kind =
          keyShare ? RejectedShare.SecretKind.MASKING_KEY : RejectedShare.SecretKind.SELF_MASK_SEED;
      assertEquals(List.of(new RejectedShare(liar, victim, kind)), done.result().rejectedShares());
      assertTrue(done.result().includedClients().contains(liar));
    } else {
      ServerAborted aborted = assertInstanceOf(ServerAborted.class, end, () -> "expected an abort: " + end);
      assertEquals(AbortReason.RECONSTRUCTION_MISMATCH, aborted.reason());
      assertTrue(aborted.message().contains("client " + victim + "'s"), aborted::message);
    }
  }

  private static int answeringNeighbours(Harness h, MaskingGraph graph, int v) {
    return (int) Arrays.stream(graph.neighbours(v)).filter(u -> !h.offline.contains(u)).count();
  }

  /** The honest response with one chunk of one share shifted by {@code delta} (mod p). */
  static UnmaskingResponse lieIn(UnmaskingResponse honest, boolean keyShare, int at, int chunk, long delta)
      throws Exception {
    List<byte[]> self = new ArrayList<>();
    for (int i = 0; i < honest.selfMaskShareCount(); i++) {
      self.add(honest.selfMaskShare(i));
    }
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < honest.keyShareCount(); i++) {
      keys.add(honest.keyShare(i));
    }
    List<byte[]> target = keyShare ? keys : self;
    Share share = Share.decode(target.get(at));
    long[] y = share.yValues();
    y[chunk] = Gf61.add(y[chunk], delta);
    target.set(at, Share.of(share.x(), y).encode());
    return new UnmaskingResponse(self, keys);
  }
}
