package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variant end to end with random valid measurements: shard, verify (the general API for any
 * number of aggregators, and the ping-pong topology for two), aggregate, unshard, and compare with
 * the plain sum of the measurements.
 */
class Prio3RoundTripTest {
  private static final byte[] CTX = "secagg-vdaf test".getBytes(StandardCharsets.US_ASCII);

  /** A variant, a measurement generator and the plain aggregation of measurements. */
  record Scenario<M, R>(
      String name, Prio3<M, R> prio3, Function<SecureRandom, M> measurement, Function<List<M>, Object> plainSum) {
    @Override
    public String toString() {
      return name + " (" + prio3.shares() + " aggregators)";
    }
  }

  static Stream<Arguments> scenarios() {
    List<Scenario<?, ?>> out = new ArrayList<>();
    for (int shares : new int[] {2, 3, 5}) {
      out.add(new Scenario<>("Count", Prio3Count.builder().shares(shares).build(), r -> r.nextBoolean(),
          ms -> ms.stream().filter(b -> b).count()));
      out.add(new Scenario<>("Sum", Prio3Sum.builder().shares(shares).maxMeasurement(1337).build(), r -> (long) r.nextInt(1338),
          ms -> BigInteger.valueOf(ms.stream().mapToLong(Long::longValue).sum())));
      out.add(new Scenario<>("SumVec", Prio3SumVec.builder().shares(shares).length(37).maxMeasurement(1000).chunkLength(11).build(),
          r -> randomVector(r, 37, 1000), Prio3RoundTripTest::sumVectors));
      out.add(new Scenario<>("Histogram", Prio3Histogram.builder().shares(shares).length(23).build(), r -> r.nextInt(23),
          ms -> {
            long[] h = new long[23];
            ms.forEach(m -> h[m]++);
            return h;
          }));
      out.add(new Scenario<>("MultihotCountVec", Prio3MultihotCountVec.builder().shares(shares).length(17).maxWeight(5).build(),
          r -> multihot(r, 17, 5),
          ms -> {
            long[] c = new long[17];
            ms.forEach(m -> {
              for (int i = 0; i < 17; i++) {
                c[i] += m[i] ? 1 : 0;
              }
            });
            return c;
          }));
      out.add(new Scenario<>("SumVecWithMultiproof",
          Prio3SumVecWithMultiproof.builder().shares(shares).field(VdafField.FIELD64).proofs(3).length(12).maxMeasurement(65535).build(),
          r -> randomVector(r, 12, 65535), Prio3RoundTripTest::sumVectors));
    }
    return out.stream().map(Arguments::of);
  }

  static long[] randomVector(SecureRandom r, int length, long max) {
    long[] v = new long[length];
    for (int i = 0; i < length; i++) {
      v[i] = Math.floorMod(r.nextLong(), max + 1);
    }
    v[0] = max; // the maximum is always exercised
    return v;
  }

  static boolean[] multihot(SecureRandom r, int length, int maxWeight) {
    boolean[] v = new boolean[length];
    int weight = r.nextInt(maxWeight + 1);
    for (int k = 0; k < weight; k++) {
      v[r.nextInt(length)] = true;
    }
    return v;
  }

  static BigInteger[] sumVectors(List<long[]> ms) {
    BigInteger[] s = new BigInteger[ms.get(0).length];
    java.util.Arrays.fill(s, BigInteger.ZERO);
    for (long[] m : ms) {
      for (int i = 0; i < s.length; i++) {
        s[i] = s[i].add(BigInteger.valueOf(m[i]));
      }
    }
    return s;
  }

  private static void assertResult(Object expected, Object actual) {
    if (expected instanceof long[]) {
      assertArrayEquals((long[]) expected, (long[]) actual);
    } else if (expected instanceof BigInteger[]) {
      assertArrayEquals((BigInteger[]) expected, (BigInteger[]) actual);
    } else {
      assertEquals(expected, actual);
    }
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  <M, R> void aggregatesValidMeasurementsExactly(Scenario<M, R> s) throws Exception {
    Prio3<M, R> prio3 = s.prio3();
    SecureRandom random = DeterministicRandom.forTestVectorsOnly(s.toString().getBytes(StandardCharsets.UTF_8));
    VerifyKey key = VerifyKey.generate(random);
    List<AggregateShare> aggs = new ArrayList<>();
    for (int i = 0; i < prio3.shares(); i++) {
      aggs.add(prio3.newAggregateShare());
    }
    List<M> measurements = new ArrayList<>();
    for (int report = 0; report < 6; report++) {
      M m = s.measurement().apply(random);
      measurements.add(m);
      Prio3Report r = prio3.shard(CTX, m, random);
      assertEquals(prio3.publicShareLength(), r.publicShare().length);
      List<VerifyInitResult> inits = new ArrayList<>();
      List<byte[]> verifierShares = new ArrayList<>();
      for (int a = 0; a < prio3.shares(); a++) {
        assertEquals(prio3.inputShareLength(a), r.inputShare(a).length);
        VerifyInitResult init = prio3.verifyInit(key, CTX, a, r.nonce(), r.publicShare(), r.inputShare(a));
        assertEquals(prio3.verifierShareLength(), init.verifierShare().length);
        inits.add(init);
        verifierShares.add(init.verifierShare());
      }
      byte[] message = prio3.verifierSharesToMessage(CTX, verifierShares);
      for (int a = 0; a < prio3.shares(); a++) {
        aggs.get(a).add(prio3.verifyNext(inits.get(a).state(), message));
      }
    }
    List<AggregateShare> received = new ArrayList<>();
    for (AggregateShare a : aggs) {
      received.add(prio3.decodeAggregateShare(a.encode()));
    }
    assertResult(s.plainSum().apply(measurements), prio3.unshard(received, measurements.size()));
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  <M, R> void pingPongGivesTheSameOutputSharesAsTheGeneralApi(Scenario<M, R> s) throws Exception {
    Prio3<M, R> prio3 = s.prio3();
    if (prio3.shares() != 2) {
      return;
    }
    SecureRandom random = DeterministicRandom.forTestVectorsOnly(("pp" + s).getBytes(StandardCharsets.UTF_8));
    VerifyKey key = VerifyKey.generate(random);
    PingPongLeader leader = prio3.leader(key, CTX);
    PingPongHelper helper = prio3.helper(key, CTX);
    List<M> measurements = new ArrayList<>();
    AggregateShare a0 = prio3.newAggregateShare();
    AggregateShare a1 = prio3.newAggregateShare();
    for (int report = 0; report < 4; report++) {
      M m = s.measurement().apply(random);
      measurements.add(m);
      Prio3Report r = prio3.shard(CTX, m, random);
      PingPongState.Continued l = leader.init(r.nonce(), r.publicShare(), r.inputShare(0));
      PingPongState h = helper.init(r.nonce(), r.publicShare(), r.inputShare(1), l.outbound().orElseThrow());
      assertTrue(h instanceof PingPongState.FinishedWithOutbound);
      PingPongState done = leader.continued(l, h.outbound().orElseThrow());
      assertTrue(done instanceof PingPongState.Finished);
      assertTrue(done.outbound().isEmpty());
      a0.add(done.outputShare().orElseThrow());
      a1.add(h.outputShare().orElseThrow());
      // The general API on the same report yields the same output shares.
      VerifyInitResult i0 = prio3.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), r.inputShare(0));
      VerifyInitResult i1 = prio3.verifyInit(key, CTX, 1, r.nonce(), r.publicShare(), r.inputShare(1));
      byte[] msg = prio3.verifierSharesToMessage(CTX, List.of(i0.verifierShare(), i1.verifierShare()));
      assertArrayEquals(done.outputShare().orElseThrow().encode(), prio3.verifyNext(i0.state(), msg).encode());
      assertArrayEquals(h.outputShare().orElseThrow().encode(), prio3.verifyNext(i1.state(), msg).encode());
    }
    assertResult(s.plainSum().apply(measurements), prio3.unshard(List.of(a0, a1), measurements.size()));
  }
}
