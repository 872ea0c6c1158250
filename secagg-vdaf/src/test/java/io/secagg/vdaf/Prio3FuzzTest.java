package io.secagg.vdaf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz tests of every Prio3 step that decodes bytes from a client or a peer aggregator:
 * the report parts ({@code verifyInit}), verifier shares ({@code verifierSharesToMessage}),
 * verifier messages ({@code verifyNext}), ping-pong messages (helper init, leader continued) and
 * aggregate shares ({@code decodeAggregateShare}). Only {@link MalformedMessageException} and
 * {@link ReportRejectedException} may come out; whatever is accepted is checked (lengths of what
 * is produced, re-encoding of an aggregate share).
 *
 * <p>The first input byte chooses an instance of {@link #INSTANCES} (those of the draft's
 * vectors {@code Prio3Count_0}, {@code Prio3Histogram_0} and {@code Prio3SumVecWithMultiproof_0},
 * with their key and context). Each has a fixture: the report the draft's vectors shard from
 * nonce {@code 00..0f} and rand {@code 00 01 02 ...}, so the seeds are the vectors' own bytes.
 */
public class Prio3FuzzTest {
  static final byte[] CTX = "some application".getBytes(StandardCharsets.US_ASCII);
  static final VerifyKey KEY = VerifyKey.fromBytes(counting(32));

  /** The instances, as in the draft's vectors. */
  static final List<Prio3<?, ?>> INSTANCES = List.of(
      Prio3Count.create(),
      Prio3Histogram.builder().length(4).chunkLength(2).build(),
      Prio3SumVecWithMultiproof.builder().field(VdafField.FIELD64).proofs(3).length(10).maxMeasurement(255)
          .chunkLength(9).build());

  /** One valid report per instance, sharded as the draft's vectors shard their first report. */
  static final List<Prio3Report> FIXTURES = fixtures();

  static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Prio3Report> fixtures() {
    Object[] measurements = {true, 2, new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}};
    List<Prio3Report> out = new ArrayList<>();
    for (int i = 0; i < INSTANCES.size(); i++) {
      Prio3 p = INSTANCES.get(i);
      out.add(p.shardForTestVectorsOnly(CTX, measurements[i], counting(Prio3.NONCE_SIZE), counting(p.randSize())));
    }
    return out;
  }

  private static int pick(byte b) {
    return (b & 0xFF) % INSTANCES.size();
  }

  /** Fails a fuzz run with {@code what} unless {@code ok}. */
  static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  /**
   * {@code u8(instance) || u8(aggregator) || u8(len) || nonce || u16(len) || public share ||
   * input share}; short inputs are ignored.
   */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void reports(byte[] input) {
    if (input.length < 5) {
      return;
    }
    Prio3<?, ?> p = INSTANCES.get(pick(input[0]));
    int aggregator = (input[1] & 0xFF) % p.shares();
    ByteBuffer b = ByteBuffer.wrap(input, 2, input.length - 2);
    byte[] nonce = take(b, b.get() & 0xFF);
    if (nonce == null || b.remaining() < 2) {
      return;
    }
    byte[] pub = take(b, b.getShort() & 0xFFFF);
    if (pub == null) {
      return;
    }
    byte[] share = take(b, b.remaining());
    try {
      VerifyInitResult r = p.verifyInit(KEY, CTX, aggregator, nonce, pub, share);
      check(r.verifierShare().length == p.verifierShareLength(), "verifier share of the wrong length");
    } catch (MalformedMessageException | ReportRejectedException e) {
      // documented outcomes
    }
  }

  /** The seed layout of {@link #reports}. */
  public static byte[] reportSeed(int instance, int aggregator, byte[] nonce, byte[] pub, byte[] share) {
    return ByteBuffer.allocate(5 + nonce.length + pub.length + share.length)
        .put((byte) instance).put((byte) aggregator).put((byte) nonce.length).put(nonce)
        .putShort((short) pub.length).put(pub).put(share).array();
  }

  private static byte[] take(ByteBuffer b, int n) {
    if (n > b.remaining()) {
      return null;
    }
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  /** {@code u8(instance) || u16(len) || leader's verifier share || helper's verifier share}. */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void verifierShares(byte[] input) {
    if (input.length < 3) {
      return;
    }
    Prio3<?, ?> p = INSTANCES.get(pick(input[0]));
    ByteBuffer b = ByteBuffer.wrap(input, 1, input.length - 1);
    byte[] first = take(b, b.getShort() & 0xFFFF);
    if (first == null) {
      return;
    }
    byte[] second = take(b, b.remaining());
    try {
      byte[] message = p.verifierSharesToMessage(CTX, List.of(first, second));
      check(message.length == p.verifierMessageLength(), "verifier message of the wrong length");
    } catch (MalformedMessageException | ReportRejectedException e) {
      // documented outcomes
    }
  }

  /** The seed layout of {@link #verifierShares}. */
  public static byte[] verifierShareSeed(int instance, byte[] first, byte[] second) {
    return ByteBuffer.allocate(3 + first.length + second.length)
        .put((byte) instance).putShort((short) first.length).put(first).put(second).array();
  }

  /**
   * {@code u8(instance) || u8(role) || message}: an even role gives the message to the helper with
   * the instance's fixture report; an odd role starts the leader on the fixture and gives it the
   * message as the helper's answer (so it also reaches {@code verifyNext}).
   */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void pingPongMessages(byte[] input) {
    if (input.length < 2) {
      return;
    }
    int i = pick(input[0]);
    Prio3<?, ?> p = INSTANCES.get(i);
    Prio3Report r = FIXTURES.get(i);
    byte[] message = Arrays.copyOfRange(input, 2, input.length);
    try {
      if ((input[1] & 1) == 0) {
        PingPongState s = p.helper(KEY, CTX).init(r.nonce(), r.publicShare(), r.inputShare(1), message);
        check(s instanceof PingPongState.FinishedWithOutbound, "the helper must finish in one round");
      } else {
        PingPongLeader leader = p.leader(KEY, CTX);
        PingPongState.Continued c = leader.init(r.nonce(), r.publicShare(), r.inputShare(0));
        PingPongState s = leader.continued(c, message);
        check(s instanceof PingPongState.Finished, "the leader must finish on the helper's answer");
      }
    } catch (MalformedMessageException | ReportRejectedException e) {
      // documented outcomes
    }
  }

  /** The seed layout of {@link #pingPongMessages}. */
  public static byte[] pingPongSeed(int instance, int role, byte[] message) {
    return ByteBuffer.allocate(2 + message.length).put((byte) instance).put((byte) role).put(message).array();
  }

  /** {@code u8(instance) || aggregate share}: an accepted share re-encodes to the same bytes. */
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void aggregateShares(byte[] input) {
    if (input.length < 1) {
      return;
    }
    Prio3<?, ?> p = INSTANCES.get(pick(input[0]));
    byte[] encoded = Arrays.copyOfRange(input, 1, input.length);
    try {
      AggregateShare a = p.decodeAggregateShare(encoded);
      check(Arrays.equals(encoded, a.encode()), "an accepted aggregate share must re-encode to its bytes");
    } catch (MalformedMessageException e) {
      // the documented outcome
    }
  }

  /** The seed layout of {@link #aggregateShares}. */
  public static byte[] aggregateShareSeed(int instance, byte[] encoded) {
    return ByteBuffer.allocate(1 + encoded.length).put((byte) instance).put(encoded).array();
  }
}
