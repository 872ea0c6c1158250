package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter validation, misuse of states and shares, impossible aggregates, and secret hygiene. */
class ApiContractTest {
  private static final byte[] CTX = "contract".getBytes(StandardCharsets.US_ASCII);
  private final SecureRandom random = DeterministicRandom.forTestVectorsOnly(new byte[] {7});

  @Test
  void buildersRejectParametersOutsideTheDraftsRanges() {
    assertThrows(IllegalArgumentException.class, () -> Prio3Count.builder().shares(1));
    assertThrows(IllegalArgumentException.class, () -> Prio3Count.builder().shares(256));
    assertThrows(IllegalArgumentException.class, () -> Prio3Sum.builder().maxMeasurement(0));
    assertThrows(IllegalStateException.class, () -> Prio3Sum.builder().build());
    assertThrows(IllegalStateException.class, () -> Prio3SumVec.builder().length(3).build());
    assertThrows(IllegalArgumentException.class, () -> Prio3SumVec.builder().length(0));
    assertThrows(IllegalArgumentException.class, () -> Prio3SumVec.builder().length(3).maxMeasurement(1).chunkLength(4).build());
    assertThrows(IllegalArgumentException.class, () -> Prio3SumVec.builder().length((1 << 21) + 1).maxMeasurement(255).build());
    assertThrows(IllegalArgumentException.class, () -> Prio3MultihotCountVec.builder().length(3).maxWeight(4).build());
    assertThrows(IllegalArgumentException.class,
        () -> Prio3SumVecWithMultiproof.builder().field(VdafField.FIELD64).proofs(2).length(4).maxMeasurement(1).build());
    assertThrows(IllegalArgumentException.class, () -> Prio3SumVecWithMultiproof.builder().proofs(256));
    assertThrows(IllegalArgumentException.class, () -> Prio3SumVecWithMultiproof.builder().algorithmId(5));
    assertEquals(1, Prio3SumVecWithMultiproof.builder().field(VdafField.FIELD128).proofs(1).length(4).maxMeasurement(1).build().proofs());
  }

  @Test
  void defaultChunkLengthIsTheFloorOfTheSquareRootOfTheEncodedLength() {
    // 100,000 elements of 8 bits: sqrt(800,000) = 894.4 (the chunk length of the benchmark anchor).
    Prio3<long[], BigInteger[]> p = Prio3SumVec.builder().length(100_000).maxMeasurement(255).build();
    assertEquals(894, ((io.secagg.vdaf.internal.flp.RangeCheckCircuit) p.circuit()).chunkLength());
    assertEquals(1, ((io.secagg.vdaf.internal.flp.RangeCheckCircuit) Prio3Histogram.builder().length(3).build().circuit()).chunkLength());
    assertEquals(4, ((io.secagg.vdaf.internal.flp.RangeCheckCircuit) Prio3Histogram.builder().length(16).build().circuit()).chunkLength());
  }

  @Test
  void shortestProofChunkLengthMinimisesTheProofLength() {
    assertEquals(783, Prio3SumVec.shortestProofChunkLength(100_000, 255));
    assertEquals(1565, Prio3SumVec.shortestProofChunkLength(100_000, 65535));
    for (int length : new int[] {1, 2, 3, 7, 10, 100, 1000, 4097}) {
      int measLen = length * 4;
      int best = Prio3SumVec.shortestProofChunkLength(length, 15);
      int bestLen = Prio3SumVec.builder().length(length).maxMeasurement(15).chunkLength(best).build().proofLength();
      for (int chunk = 1; chunk <= measLen; chunk++) {
        int len = Prio3SumVec.builder().length(length).maxMeasurement(15).chunkLength(chunk).build().proofLength();
        assertTrue(bestLen <= len, "length " + length + ": chunk " + chunk + " gives " + len + " < " + bestLen);
      }
    }
  }

  @Test
  void clientsRejectInvalidMeasurementsBeforeSharding() {
    assertThrows(IllegalArgumentException.class, () -> Prio3Sum.builder().maxMeasurement(10).build().shard(CTX, 11L, random));
    assertThrows(IllegalArgumentException.class, () -> Prio3Sum.builder().maxMeasurement(10).build().shard(CTX, -1L, random));
    Prio3<long[], BigInteger[]> vec = Prio3SumVec.builder().length(3).maxMeasurement(7).build();
    assertThrows(IllegalArgumentException.class, () -> vec.shard(CTX, new long[] {1, 2}, random));
    assertThrows(IllegalArgumentException.class, () -> vec.shard(CTX, new long[] {1, 2, 8}, random));
    assertThrows(IllegalArgumentException.class, () -> Prio3Histogram.builder().length(4).build().shard(CTX, 4, random));
    assertThrows(IllegalArgumentException.class,
        () -> Prio3MultihotCountVec.builder().length(4).maxWeight(1).build().shard(CTX, new boolean[] {true, true, false, false}, random));
    assertThrows(IllegalArgumentException.class, () -> Prio3Count.create().shard(new byte[Prio3.MAX_CONTEXT_LENGTH + 1], true, random));
    assertThrows(IllegalArgumentException.class,
        () -> Prio3Count.create().shardForTestVectorsOnly(CTX, true, new byte[15], new byte[64]));
    assertThrows(IllegalArgumentException.class,
        () -> Prio3Count.create().shardForTestVectorsOnly(CTX, true, new byte[16], new byte[63]));
  }

  @Test
  void largestMeasurementsOfEveryWidthRoundTrip() throws Exception {
    for (long max : new long[] {1, 2, 3, 255, 256, 1L << 40, Long.MAX_VALUE}) {
      Prio3<Long, BigInteger> sum = Prio3Sum.builder().maxMeasurement(max).build();
      VerifyKey key = VerifyKey.generate(random);
      AggregateShare[] aggs = {sum.newAggregateShare(), sum.newAggregateShare()};
      for (long m : new long[] {max, 0, max / 2 + 1}) {
        Prio3Report r = sum.shard(CTX, Math.min(m, max), random);
        PingPongState.Continued l = sum.leader(key, CTX).init(r.nonce(), r.publicShare(), r.inputShare(0));
        PingPongState h = sum.helper(key, CTX).init(r.nonce(), r.publicShare(), r.inputShare(1), l.outbound().orElseThrow());
        aggs[0].add(sum.leader(key, CTX).continued(l, h.outbound().orElseThrow()).outputShare().orElseThrow());
        aggs[1].add(h.outputShare().orElseThrow());
      }
      BigInteger expected = BigInteger.valueOf(max).add(BigInteger.valueOf(max / 2 + 1));
      assertEquals(expected, sum.unshard(List.of(aggs), 3), "max " + max);
    }
  }

  @Test
  void statesAndSharesBelongToOneInstanceAndStatesAreSingleUse() throws Exception {
    Prio3<Boolean, Long> a = Prio3Count.create();
    Prio3<Boolean, Long> b = Prio3Count.create();
    VerifyKey key = VerifyKey.generate(random);
    Prio3Report r = a.shard(CTX, true, random);
    VerifyInitResult i0 = a.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), r.inputShare(0));
    VerifyInitResult i1 = a.verifyInit(key, CTX, 1, r.nonce(), r.publicShare(), r.inputShare(1));
    byte[] msg = a.verifierSharesToMessage(CTX, List.of(i0.verifierShare(), i1.verifierShare()));
    assertThrows(IllegalArgumentException.class, () -> b.verifyNext(i0.state(), msg));
    OutputShare out = a.verifyNext(i0.state(), msg);
    assertThrows(IllegalStateException.class, () -> a.verifyNext(i0.state(), msg));
    assertThrows(IllegalArgumentException.class, () -> b.newAggregateShare().add(out));
    assertThrows(IllegalArgumentException.class, () -> b.newAggregateShare().merge(a.newAggregateShare()));
    assertThrows(IllegalArgumentException.class, () -> a.verifyInit(key, CTX, 2, r.nonce(), r.publicShare(), r.inputShare(0)));
    assertThrows(IllegalArgumentException.class, () -> a.verifierSharesToMessage(CTX, List.of(i0.verifierShare())));
    assertThrows(IllegalArgumentException.class, () -> a.unshard(List.of(a.newAggregateShare()), 1));
    assertThrows(IllegalArgumentException.class, () -> a.unshard(List.of(a.newAggregateShare(), b.newAggregateShare()), 1));
    assertThrows(IllegalArgumentException.class, () -> a.unshard(List.of(a.newAggregateShare(), a.newAggregateShare()), -1));
    assertThrows(IllegalStateException.class, () -> Prio3Count.builder().shares(3).build().leader(key, CTX));
    assertThrows(IllegalArgumentException.class, () -> VerifyKey.fromBytes(new byte[31]));
  }

  @Test
  void impossibleAggregatesAreRejected() throws Exception {
    Prio3<Boolean, Long> count = Prio3Count.create();
    AggregateShare x = count.decodeAggregateShare(MalformedMessageTest.le(BigInteger.valueOf(5).toByteArray(), 8));
    assertEquals(5L, count.unshard(List.of(x, count.newAggregateShare()), 5));
    InvalidAggregateException e =
        assertThrows(InvalidAggregateException.class, () -> count.unshard(List.of(x, count.newAggregateShare()), 4));
    assertEquals(VdafException.Reason.IMPOSSIBLE_AGGREGATE, e.reason());
    Prio3<Integer, long[]> hist = Prio3Histogram.builder().length(2).build();
    byte[] enc = new byte[32];
    enc[0] = 2;
    enc[16] = 1;
    AggregateShare h = hist.decodeAggregateShare(enc);
    assertArrayEquals(new long[] {2, 1}, hist.unshard(List.of(h, hist.newAggregateShare()), 3));
    assertThrows(InvalidAggregateException.class, () -> hist.unshard(List.of(h, hist.newAggregateShare()), 4));
    assertThrows(InvalidAggregateException.class, () -> hist.unshard(List.of(h, hist.newAggregateShare()), 2));
    // A negative count (a corrupt share) is a huge field element: impossible.
    AggregateShare neg = count.decodeAggregateShare(MalformedMessageTest.le(VdafField.FIELD64.modulus().subtract(BigInteger.ONE).toByteArray(), 8));
    assertThrows(InvalidAggregateException.class, () -> count.unshard(List.of(neg, count.newAggregateShare()), 1000));
  }

  @Test
  void noSecretAppearsInToString() throws Exception {
    byte[] keyBytes = new byte[32];
    random.nextBytes(keyBytes);
    VerifyKey key = VerifyKey.fromBytes(keyBytes);
    String hex = HexFormat.of().formatHex(keyBytes);
    assertFalse(key.toString().contains(hex.substring(0, 8)));
    assertEquals(key, VerifyKey.fromBytes(keyBytes));
    assertNotEquals(key, VerifyKey.generate(random));
    assertEquals(key.hashCode(), VerifyKey.generate(random).hashCode());
    Prio3<long[], BigInteger[]> vec = Prio3SumVec.builder().length(2).maxMeasurement(3).build();
    Prio3Report r = vec.shard(CTX, new long[] {3, 2}, random);
    String shareHex = HexFormat.of().formatHex(r.inputShare(0)).substring(0, 16);
    assertFalse(r.toString().contains(shareHex));
    VerifyInitResult i = vec.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), r.inputShare(0));
    assertFalse(i.toString().contains(shareHex));
    assertTrue(i.state().toString().startsWith("VerifyState[aggregator 0"));
    assertTrue(vec.toString().contains("Prio3SumVec"));
  }
}
