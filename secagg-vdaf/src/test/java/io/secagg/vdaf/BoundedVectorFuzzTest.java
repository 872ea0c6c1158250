package io.secagg.vdaf;

import static io.secagg.vdaf.Prio3FuzzTest.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.testing.FuzzBudget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz tests of every {@link BoundedVector} step that takes frames from a client or the
 * other aggregator: uploads ({@code acceptUpload}), the leader's verify-init frames
 * ({@code acceptVerifyInit}), the helper's answers ({@code acceptVerifyResponse}), commits
 * ({@code acceptCommit}) and aggregate-share frames ({@code collect}). Only the documented
 * {@link VdafException} subtypes may come out; what is accepted is checked.
 *
 * <p>Fixtures: a 10 x 8-bit configuration, a fixed key and one report sharded from a
 * deterministic source, and the frames an honest run of that report exchanges; they are the
 * seeds of the corpus.
 */
public class BoundedVectorFuzzTest {
  static final BoundedVector FL = BoundedVector.builder().dimension(10).clipBound(1).bits(8).maxClients(4)
      .context("fuzz".getBytes(StandardCharsets.US_ASCII)).build();
  static final VerifyKey KEY = VerifyKey.fromBytes(Prio3FuzzTest.counting(32));
  static final Prio3Report REPORT =
      FL.shard(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 128}, DeterministicRandom.forTestVectorsOnly(new byte[] {1}));
  static final byte[] UPLOAD_LEADER = FL.uploadFrame(REPORT, 0);
  static final byte[] UPLOAD_HELPER = FL.uploadFrame(REPORT, 1);
  static final byte[] INIT;
  static final byte[] RESPONSE;
  static final byte[] COMMIT;
  static final byte[] SHARE_LEADER;
  static final byte[] SHARE_HELPER;

  static {
    try {
      BoundedVectorAggregator leader = leaderWithFixture();
      BoundedVectorAggregator helper = helperWithFixture();
      INIT = leader.startVerification(1, Runnable::run).orElseThrow();
      RESPONSE = helper.acceptVerifyInit(INIT, Runnable::run);
      COMMIT = leader.acceptVerifyResponse(RESPONSE);
      helper.acceptCommit(COMMIT);
      SecureRandom r = DeterministicRandom.forTestVectorsOnly(new byte[] {2});
      SHARE_LEADER = leader.aggregateShareFrame(r);
      SHARE_HELPER = helper.aggregateShareFrame(r);
    } catch (VdafException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static BoundedVectorAggregator leaderWithFixture() {
    return withUpload(FL.leader(KEY), UPLOAD_LEADER);
  }

  private static BoundedVectorAggregator helperWithFixture() {
    return withUpload(FL.helper(KEY), UPLOAD_HELPER);
  }

  private static BoundedVectorAggregator withUpload(BoundedVectorAggregator aggregator, byte[] upload) {
    try {
      aggregator.acceptUpload(upload);
    } catch (VdafException e) {
      throw new AssertionError("the fixture must upload", e);
    }
    return aggregator;
  }

  /** {@code u8(aggregator) || frame}: an even first byte gives the frame to the leader. */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void uploads(byte[] input) {
    if (input.length < 1) {
      return;
    }
    BoundedVectorAggregator a = (input[0] & 1) == 0 ? FL.leader(KEY) : FL.helper(KEY);
    try {
      byte[] nonce = a.acceptUpload(Arrays.copyOfRange(input, 1, input.length));
      check(nonce.length == Prio3.NONCE_SIZE && a.pendingUploads() == 1, "an accepted upload must be pending");
    } catch (MalformedMessageException | ReportRejectedException e) {
      // documented outcomes
    }
  }

  /** The seed layout of {@link #uploads}. */
  public static byte[] uploadSeed(int aggregator, byte[] frame) {
    return ByteBuffer.allocate(1 + frame.length).put((byte) aggregator).put(frame).array();
  }

  /** A verify-init frame for a helper holding the fixture's upload. */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void verifyInits(byte[] input) {
    try {
      BoundedVectorAggregator helper = helperWithFixture();
      byte[] response = helper.acceptVerifyInit(input, Runnable::run);
      check(response.length >= 10, "a response frame has a header, a job and a count");
    } catch (MalformedMessageException e) {
      // the documented outcome
    }
  }

  /** A verify-response frame for a leader that has sent the fixture's verify-init frame. */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void verifyResponses(byte[] input) {
    BoundedVectorAggregator leader = leaderWithFixture();
    leader.startVerification(1, Runnable::run).orElseThrow();
    try {
      leader.acceptVerifyResponse(input);
      List<ReportOutcome> outcomes = leader.takeOutcomes();
      check(outcomes.size() == 1, "the job's one report must get an outcome");
      check(leader.aggregatedReports() == (outcomes.get(0).aggregated() ? 1 : 0), "accepted means aggregated");
    } catch (MalformedMessageException e) {
      // the documented outcome
    }
  }

  /** A commit frame for a helper that has answered the fixture's verify-init frame. */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void commits(byte[] input) {
    BoundedVectorAggregator helper = helperWithFixture();
    try {
      helper.acceptVerifyInit(INIT, Runnable::run);
    } catch (VdafException e) {
      throw new AssertionError("the fixture must verify", e);
    }
    try {
      helper.acceptCommit(input);
      check(helper.aggregatedReports() <= 1, "at most the job's one report is aggregated");
    } catch (MalformedMessageException e) {
      // the documented outcome
    }
  }

  /** {@code u16(len) || leader's frame || helper's frame}, given to the collector. */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void aggregateShares(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int len = ((input[0] & 0xFF) << 8) | (input[1] & 0xFF);
    if (len > input.length - 2) {
      return;
    }
    try {
      BoundedVectorResult r = FL.collect(Arrays.copyOfRange(input, 2, 2 + len), Arrays.copyOfRange(input, 2 + len, input.length));
      check(r.reports() <= FL.maxClients() && r.integerSum().length == FL.dimension(), "an accepted result fits the configuration");
      for (long v : r.integerSum()) {
        check(v >= 0 && v <= r.reports() * FL.maxCoordinate(), "an accepted sum without noise is within range");
      }
    } catch (MalformedMessageException | InvalidAggregateException e) {
      // documented outcomes
    } catch (VdafException e) {
      throw new AssertionError("undocumented exception", e);
    }
  }

  /** The seed layout of {@link #aggregateShares}. */
  public static byte[] aggregateShareSeed(byte[] leader, byte[] helper) {
    return ByteBuffer.allocate(2 + leader.length + helper.length).putShort((short) leader.length).put(leader).put(helper).array();
  }
}
