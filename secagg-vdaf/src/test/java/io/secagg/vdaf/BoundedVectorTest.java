package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.quant.NonFiniteValueException;
import io.secagg.core.quant.QuantizedVector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The federated-learning API end to end without a transport: honest updates aggregate exactly,
 * every kind of invalid report is rejected with its reason while the rest aggregate, the frames
 * and the job protocol refuse what does not fit, and the collector refuses shares that disagree.
 */
class BoundedVectorTest {
  static final int DIM = 40;
  static final BoundedVector FL = BoundedVector.builder().dimension(DIM).clipBound(0.5).bits(8).maxClients(100)
      .context("task 7".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build();

  private final SecureRandom random = DeterministicRandom.forTestVectorsOnly(new byte[] {42});
  private final VerifyKey key = VerifyKey.generate(random);

  static float[] update(SecureRandom r, double scale) {
    float[] u = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      u[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
    return u;
  }

  /** Both aggregators, with the frames passed between them by hand. */
  static final class Pair {
    final BoundedVector fl;
    final BoundedVectorAggregator leader;
    final BoundedVectorAggregator helper;
    final List<ReportOutcome> outcomes = new ArrayList<>();

    Pair(BoundedVector fl, VerifyKey key) {
      this.fl = fl;
      this.leader = fl.leader(key);
      this.helper = fl.helper(key);
    }

    /** Gives {@code r} to both aggregators; returns the leader's answer (the report's nonce). */
    byte[] upload(Prio3Report r) throws VdafException {
      byte[] nonce = leader.acceptUpload(fl.uploadFrame(r, 0));
      helper.acceptUpload(fl.uploadFrame(r, 1));
      return nonce;
    }

    /** Shards and uploads a random honest update of coordinates in {@code [-0.4, 0.4]}. */
    Prio3Report uploadUpdate(SecureRandom random) throws VdafException {
      Prio3Report r = fl.shard(fl.quantize(update(random, 0.4), random).vector().toLongArray(), random);
      upload(r);
      return r;
    }

    void verifyAll() throws VdafException {
      while (leader.pendingUploads() > 0) {
        Optional<byte[]> init = leader.startVerification(7, Runnable::run);
        if (init.isPresent()) {
          helper.acceptCommit(leader.acceptVerifyResponse(helper.acceptVerifyInit(init.get(), Runnable::run)));
        }
        outcomes.addAll(leader.takeOutcomes());
      }
    }

    BoundedVectorResult collect(SecureRandom r) throws VdafException {
      return fl.collect(leader.aggregateShareFrame(r), helper.aggregateShareFrame(r));
    }
  }

  @Test
  void honestUpdatesAggregateToTheExactSumOfTheirQuantizedValues() throws Exception {
    Pair pair = new Pair(FL, key);
    long[] expected = new long[DIM];
    double[] clippedSum = new double[DIM];
    int n = 15;
    for (int c = 0; c < n; c++) {
      float[] u = update(random, 0.8); // some coordinates beyond the clip bound 0.5
      QuantizedVector q = FL.quantize(u, random);
      for (int i = 0; i < DIM; i++) {
        assertTrue(q.vector().get(i) >= 0 && q.vector().get(i) <= FL.maxCoordinate());
        expected[i] += q.vector().get(i);
        clippedSum[i] += Math.max(-0.5, Math.min(0.5, u[i]));
      }
      pair.upload(FL.shard(q.vector().toLongArray(), random));
    }
    pair.verifyAll();
    assertEquals(n, pair.outcomes.size());
    assertTrue(pair.outcomes.stream().allMatch(ReportOutcome::aggregated));
    BoundedVectorResult result = pair.collect(random);
    assertEquals(n, result.reports());
    assertArrayEquals(expected, result.integerSum());
    double[] sum = result.sum();
    for (int i = 0; i < DIM; i++) {
      assertTrue(Math.abs(sum[i] - clippedSum[i]) < result.errorBound(), "coordinate " + i);
    }
    assertEquals(n * FL.resolution(), result.errorBound());
    assertEquals(sum[3] / n, result.mean()[3], 1e-12);
    assertEquals(0.0, result.noiseStddev());
  }

  @Test
  void theEncodingUsesCoresQuantizerWithinTheStatedRange() {
    assertEquals(8, FL.bits());
    // One client, modulus 2^8: c 2^e <= 127, so 0.5 * 2^8 = 128 is too much and e = 7, B = 64.
    assertEquals(7, FL.quantizerConfig().scaleExponent());
    assertEquals(64, FL.quantizerConfig().offset());
    assertEquals(128, FL.maxCoordinate());
    assertEquals(BoundedVector.PROOFS, FL.prio3().proofs());
    assertEquals(VdafField.FIELD64, FL.prio3().vdafField());
    assertEquals("Prio3SumVecWithMultiproof", FL.prio3().name());
  }

  @Test
  void invalidReportsAreRejectedWithTheirReasonWhileTheRestAggregate() throws Exception {
    Pair pair = new Pair(FL, key);
    long[] expected = new long[DIM];
    List<byte[]> honestNonces = new ArrayList<>();
    Prio3Report firstHonest = null;
    for (int c = 0; c < 6; c++) {
      QuantizedVector q = FL.quantize(update(random, 0.4), random);
      Prio3Report r = FL.shard(q.vector().toLongArray(), random);
      firstHonest = firstHonest == null ? r : firstHonest;
      honestNonces.add(pair.upload(r));
      for (int i = 0; i < DIM; i++) {
        expected[i] += q.vector().get(i);
      }
    }
    long[] values = FL.quantize(update(random, 0.4), random).vector().toLongArray();

    // Out of range: a coordinate of 2B + 1.
    Prio3Report outOfRange = FL.forgeOutOfRangeReportForTestingOnly(values, 5, random);
    pair.leader.acceptUpload(FL.uploadFrame(outOfRange, 0));
    pair.helper.acceptUpload(FL.uploadFrame(outOfRange, 1));
    // Bad proof: one bit of the leader's proof share flipped (the proofs follow the measurement).
    Prio3Report good = FL.shard(values, random);
    byte[] badProof = FL.uploadFrame(good, 0);
    int proofStart = badProof.length - FL.prio3().proofLength() * FL.prio3().proofs() * 8 - Prio3.SEED_SIZE;
    badProof[proofStart + 8] ^= 1;
    pair.leader.acceptUpload(badProof);
    pair.helper.acceptUpload(FL.uploadFrame(good, 1));
    // Missing helper share: uploaded to the leader only.
    Prio3Report leaderOnly = FL.shard(values, random);
    pair.leader.acceptUpload(FL.uploadFrame(leaderOnly, 0));
    // Non-canonical field element in the leader's measurement share.
    Prio3Report nonCanonical = FL.shard(values, random);
    byte[] nc = FL.uploadFrame(nonCanonical, 0);
    int measStart = 2 + 16 + 4 + FL.prio3().publicShareLength() + 4;
    Arrays.fill(nc, measStart, measStart + 8, (byte) 0xFF);
    pair.leader.acceptUpload(nc);
    pair.helper.acceptUpload(FL.uploadFrame(nonCanonical, 1));
    // Truncated and garbled frames, and a replay of an honest report.
    byte[] full = FL.uploadFrame(FL.shard(values, random), 0);
    MalformedMessageException truncated =
        assertThrows(MalformedMessageException.class, () -> pair.leader.acceptUpload(Arrays.copyOf(full, full.length - 1)));
    assertEquals(VdafException.Reason.WRONG_LENGTH, truncated.reason());
    byte[] garbled = full.clone();
    garbled[2 + 16 + 3] ^= 0x40; // the public share's length field
    assertThrows(MalformedMessageException.class, () -> pair.leader.acceptUpload(garbled));
    Prio3Report replay = firstHonest;
    ReportRejectedException replayed =
        assertThrows(ReportRejectedException.class, () -> pair.leader.acceptUpload(FL.uploadFrame(replay, 0)));
    assertEquals(VdafException.Reason.REPLAYED_NONCE, replayed.reason());
    assertThrows(ReportRejectedException.class, () -> pair.helper.acceptUpload(FL.uploadFrame(replay, 1)));

    pair.verifyAll();
    Map<String, VdafException.Reason> byNonce = new java.util.HashMap<>();
    for (ReportOutcome o : pair.outcomes) {
      byNonce.put(java.util.HexFormat.of().formatHex(o.nonce()), o.rejectionReason().orElse(null));
    }
    for (byte[] n : honestNonces) {
      assertTrue(byNonce.containsKey(hex(n)) && byNonce.get(hex(n)) == null, "honest report rejected");
    }
    assertEquals(VdafException.Reason.PROOF_REJECTED, byNonce.get(hex(outOfRange.nonce())));
    assertEquals(VdafException.Reason.PROOF_REJECTED, byNonce.get(hex(good.nonce())));
    assertEquals(VdafException.Reason.UNKNOWN_REPORT, byNonce.get(hex(leaderOnly.nonce())));
    assertEquals(VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT, byNonce.get(hex(nonCanonical.nonce())));
    assertEquals(Map.of(VdafException.Reason.PROOF_REJECTED, 2L, VdafException.Reason.UNKNOWN_REPORT, 1L,
        VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT, 1L, VdafException.Reason.WRONG_LENGTH, 2L,
        VdafException.Reason.REPLAYED_NONCE, 1L), pair.leader.rejections());

    BoundedVectorResult result = pair.collect(random);
    assertEquals(6, result.reports());
    assertArrayEquals(expected, result.integerSum());
  }

  @Test
  void theHelperAggregatesOnlyWhatTheLeaderCommits() throws Exception {
    // The helper verified the report, but the leader rejects the helper's answer (here altered on
    // the way): without the commit step the two aggregates would cover different reports.
    Pair pair = new Pair(FL, key);
    pair.uploadUpdate(random);
    byte[] response = pair.helper.acceptVerifyInit(pair.leader.startVerification(1, Runnable::run).orElseThrow(), Runnable::run);
    response[response.length - 1] ^= 1; // the joint randomness seed of the finish message
    pair.helper.acceptCommit(pair.leader.acceptVerifyResponse(response));
    assertEquals(Optional.of(VdafException.Reason.JOINT_RANDOMNESS_MISMATCH),
        pair.leader.takeOutcomes().get(0).rejectionReason());
    assertEquals(0, pair.helper.aggregatedReports());
    assertEquals(0, pair.collect(random).reports());
  }

  @Test
  void verificationOnManyThreadsGivesTheSameAggregate() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Pair serial = new Pair(FL, key);
      Pair parallel = new Pair(FL, key);
      for (int c = 0; c < 10; c++) {
        Prio3Report r = FL.shard(FL.quantize(update(random, 0.4), random).vector().toLongArray(), random);
        serial.upload(r);
        parallel.upload(r);
      }
      serial.verifyAll();
      byte[] init = parallel.leader.startVerification(100, pool).orElseThrow();
      parallel.helper.acceptCommit(parallel.leader.acceptVerifyResponse(parallel.helper.acceptVerifyInit(init, pool)));
      assertArrayEquals(serial.collect(random).integerSum(), parallel.collect(random).integerSum());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theJobProtocolRefusesFramesOutOfOrder() throws Exception {
    Pair pair = new Pair(FL, key);
    for (int c = 0; c < 2; c++) {
      pair.uploadUpdate(random);
    }
    assertThrows(IllegalStateException.class, () -> pair.helper.startVerification(1, Runnable::run));
    assertThrows(IllegalStateException.class, () -> pair.leader.acceptVerifyResponse(new byte[] {1, 3}));
    byte[] init = pair.leader.startVerification(1, Runnable::run).orElseThrow();
    assertThrows(IllegalStateException.class, () -> pair.leader.startVerification(1, Runnable::run));
    assertThrows(IllegalStateException.class, () -> pair.leader.aggregateShareFrame(random));
    byte[] response = pair.helper.acceptVerifyInit(init, Runnable::run);
    // A second init while the job awaits its commit, and a replayed init, are refused.
    MalformedMessageException again = assertThrows(MalformedMessageException.class,
        () -> pair.helper.acceptVerifyInit(init, Runnable::run));
    assertEquals(VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, again.reason());
    // A response for another job is refused and the job stays open.
    byte[] otherJob = response.clone();
    otherJob[5] ^= 1;
    assertThrows(MalformedMessageException.class, () -> pair.leader.acceptVerifyResponse(otherJob));
    byte[] commit = pair.leader.acceptVerifyResponse(response);
    byte[] wrongCommit = commit.clone();
    wrongCommit[5] ^= 1;
    assertThrows(MalformedMessageException.class, () -> pair.helper.acceptCommit(wrongCommit));
    pair.helper.acceptCommit(commit);
    assertThrows(MalformedMessageException.class, () -> pair.helper.acceptVerifyInit(init, Runnable::run));
    pair.verifyAll();
    assertEquals(2, pair.collect(random).reports());
    assertThrows(IllegalStateException.class, () -> pair.leader.aggregateShareFrame(random));
  }

  @Test
  void framesWithAnotherVersionTypeOrTrailingBytesAreRefused() throws Exception {
    BoundedVectorAggregator leader = FL.leader(key);
    byte[] frame = FL.uploadFrame(FL.shard(new long[DIM], random), 0);
    byte[] v2 = frame.clone();
    v2[0] = 2;
    assertEquals(VdafException.Reason.UNSUPPORTED_VERSION,
        assertThrows(MalformedMessageException.class, () -> leader.acceptUpload(v2)).reason());
    byte[] type = frame.clone();
    type[1] = Frames.COMMIT;
    assertEquals(VdafException.Reason.MALFORMED_FRAME,
        assertThrows(MalformedMessageException.class, () -> leader.acceptUpload(type)).reason());
    byte[] longer = Arrays.copyOf(frame, frame.length + 1);
    assertEquals(VdafException.Reason.MALFORMED_FRAME,
        assertThrows(MalformedMessageException.class, () -> leader.acceptUpload(longer)).reason());
    assertThrows(MalformedMessageException.class, () -> leader.acceptUpload(new byte[0]));
    // A count no frame of this size can hold is refused before anything is allocated.
    BoundedVectorAggregator helper = FL.helper(key);
    byte[] huge = {1, Frames.VERIFY_INIT, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertEquals(VdafException.Reason.MALFORMED_FRAME,
        assertThrows(MalformedMessageException.class, () -> helper.acceptVerifyInit(huge, Runnable::run)).reason());
    assertEquals(Map.of(VdafException.Reason.UNSUPPORTED_VERSION, 1L, VdafException.Reason.MALFORMED_FRAME, 2L,
        VdafException.Reason.WRONG_LENGTH, 1L), leader.rejections());
  }

  @Test
  void theCollectorRefusesSharesThatCoverDifferentReports() throws Exception {
    Pair pair = new Pair(FL, key);
    pair.uploadUpdate(random);
    pair.verifyAll();
    byte[] leaderShare = pair.leader.aggregateShareFrame(random);
    byte[] helperShare = pair.helper.aggregateShareFrame(random);
    byte[] count = helperShare.clone();
    count[3 + 7] ^= 1;
    assertEquals(VdafException.Reason.AGGREGATORS_DISAGREE,
        assertThrows(InvalidAggregateException.class, () -> FL.collect(leaderShare, count)).reason());
    byte[] checksum = helperShare.clone();
    checksum[3 + 8] ^= 1;
    assertEquals(VdafException.Reason.AGGREGATORS_DISAGREE,
        assertThrows(InvalidAggregateException.class, () -> FL.collect(leaderShare, checksum)).reason());
    assertEquals(VdafException.Reason.MALFORMED_FRAME,
        assertThrows(MalformedMessageException.class, () -> FL.collect(helperShare, leaderShare)).reason());
    byte[] noised = helperShare.clone();
    noised[3 + 8 + 32] = 1;
    assertThrows(MalformedMessageException.class, () -> FL.collect(leaderShare, noised));
    // A share shifted by the helper: 1 report cannot sum to more than 2B in a coordinate.
    byte[] shifted = helperShare.clone();
    shifted[shifted.length - 1] = 0x40;
    assertEquals(VdafException.Reason.IMPOSSIBLE_AGGREGATE,
        assertThrows(InvalidAggregateException.class, () -> FL.collect(leaderShare, shifted)).reason());
    assertEquals(1, FL.collect(leaderShare, helperShare).reports());
  }

  @Test
  void anAggregatorTakesNoMoreReportsThanTheBatchMayHold() throws Exception {
    BoundedVector two = BoundedVector.builder().dimension(DIM).clipBound(0.5).bits(8).maxClients(2).build();
    BoundedVectorAggregator leader = two.leader(key);
    leader.acceptUpload(two.uploadFrame(two.shard(new long[DIM], random), 0));
    Prio3Report second = two.shard(new long[DIM], random);
    leader.acceptUpload(two.uploadFrame(second, 0));
    ReportRejectedException full = assertThrows(ReportRejectedException.class,
        () -> leader.acceptUpload(two.uploadFrame(two.shard(new long[DIM], random), 0)));
    assertEquals(VdafException.Reason.BATCH_FULL, full.reason());
    // A replay is still named as such when the batch is full.
    assertEquals(VdafException.Reason.REPLAYED_NONCE, assertThrows(ReportRejectedException.class,
        () -> leader.acceptUpload(two.uploadFrame(second, 0))).reason());
    assertEquals(2, leader.pendingUploads());
  }

  @Test
  void buildersAndClientCallsRejectMisuse() {
    assertThrows(IllegalStateException.class, () -> BoundedVector.builder().dimension(3).build());
    assertThrows(IllegalArgumentException.class, () -> BoundedVector.builder().bits(1));
    assertThrows(IllegalArgumentException.class, () -> BoundedVector.builder().bits(33));
    assertThrows(IllegalArgumentException.class, () -> BoundedVector.builder().clipBound(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> BoundedVector.builder().maxClients(0));
    assertThrows(IllegalArgumentException.class, () -> BoundedVector.builder().privacy(1, 1));
    assertThrows(IllegalArgumentException.class, () -> FL.quantize(new float[DIM + 1], random));
    float[] nan = new float[DIM];
    nan[3] = Float.NaN;
    assertThrows(NonFiniteValueException.class, () -> FL.encode(nan, random));
    long[] tooBig = new long[DIM];
    tooBig[0] = FL.maxCoordinate() + 1;
    assertThrows(IllegalArgumentException.class, () -> FL.shard(tooBig, random));
    assertThrows(IllegalArgumentException.class, () -> FL.uploadFrame(FL.shard(new long[DIM], random), 2));
    Prio3Report other = BoundedVector.builder().dimension(DIM + 1).clipBound(0.5).bits(8).maxClients(1).build()
        .shard(new long[DIM + 1], random);
    assertThrows(IllegalArgumentException.class, () -> FL.uploadFrame(other, 0));
    assertFalse(FL.toString().contains("task 7"));
  }

  static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
