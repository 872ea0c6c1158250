package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.crypto.DeterministicRandom;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every decoded message is validated before use: lengths, canonical field elements, ping-pong
 * framing and message types, each with a specific {@link VdafException.Reason}; a length field
 * can never make the decoder allocate more than the message holds.
 */
class MalformedMessageTest {
  private static final byte[] CTX = "malformed".getBytes(StandardCharsets.US_ASCII);
  private final SecureRandom random = DeterministicRandom.forTestVectorsOnly(new byte[] {42});
  private final VerifyKey key = VerifyKey.generate(random);
  private final Prio3<Integer, long[]> hist = Prio3Histogram.builder().length(5).build();
  private final Prio3<Boolean, Long> count = Prio3Count.create();

  private static void expect(VdafException.Reason reason, Executable body) {
    MalformedMessageException e = assertThrows(MalformedMessageException.class, body);
    assertEquals(reason, e.reason());
  }

  private static byte[] resize(byte[] b, int delta) {
    return Arrays.copyOf(b, b.length + delta);
  }

  @Test
  void rejectsReportPartsOfTheWrongLength() {
    Prio3Report r = hist.shard(CTX, 2, random);
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyInit(key, CTX, 0, resize(r.nonce(), -1), r.publicShare(), r.inputShare(0)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyInit(key, CTX, 0, r.nonce(), resize(r.publicShare(), 1), r.inputShare(0)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyInit(key, CTX, 0, r.nonce(), new byte[0], r.inputShare(0)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), resize(r.inputShare(0), -1)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), resize(r.inputShare(0), 1)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyInit(key, CTX, 1, r.nonce(), r.publicShare(), resize(r.inputShare(1), -32)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyInit(key, CTX, 1, r.nonce(), r.publicShare(), r.inputShare(0)));
    Prio3Report c = count.shard(CTX, true, random);
    expect(VdafException.Reason.WRONG_LENGTH, () -> count.verifyInit(key, CTX, 0, c.nonce(), new byte[32], c.inputShare(0)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> count.verifyInit(key, CTX, 1, c.nonce(), c.publicShare(), resize(c.inputShare(1), 32)));
  }

  @Test
  void rejectsNonCanonicalFieldElementsInTheLeaderShare() {
    Prio3Report r = hist.shard(CTX, 2, random);
    for (int element : new int[] {0, 4, hist.measurementLength() + 3}) {
      byte[] share = r.inputShare(0);
      // p itself (the smallest non-canonical value) and 2^128 - 1.
      byte[] p = le(VdafField.FIELD128.modulus().toByteArray(), 16);
      System.arraycopy(p, 0, share, 16 * element, 16);
      expect(VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT, () -> hist.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), share));
      Arrays.fill(share, 16 * element, 16 * element + 16, (byte) 0xFF);
      expect(VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT, () -> hist.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), share));
    }
    Prio3Report c = count.shard(CTX, false, random);
    byte[] share = c.inputShare(0);
    System.arraycopy(le(VdafField.FIELD64.modulus().toByteArray(), 8), 0, share, 0, 8);
    expect(VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT, () -> count.verifyInit(key, CTX, 0, c.nonce(), c.publicShare(), share));
  }

  /** Big-endian two's complement (BigInteger.toByteArray) to {@code len} little-endian bytes. */
  static byte[] le(byte[] be, int len) {
    byte[] out = new byte[len];
    for (int i = 0; i < len && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  @Test
  void rejectsMalformedVerifierSharesMessagesAndAggregateShares() throws Exception {
    Prio3Report r = hist.shard(CTX, 0, random);
    VerifyInitResult a = hist.verifyInit(key, CTX, 0, r.nonce(), r.publicShare(), r.inputShare(0));
    VerifyInitResult b = hist.verifyInit(key, CTX, 1, r.nonce(), r.publicShare(), r.inputShare(1));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifierSharesToMessage(CTX, List.of(a.verifierShare(), resize(b.verifierShare(), -1))));
    byte[] bad = a.verifierShare();
    Arrays.fill(bad, 0, 16, (byte) 0xFF);
    expect(VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT, () -> hist.verifierSharesToMessage(CTX, List.of(bad, b.verifierShare())));
    byte[] msg = hist.verifierSharesToMessage(CTX, List.of(a.verifierShare(), b.verifierShare()));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyNext(a.state(), resize(msg, 1)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.verifyNext(a.state(), new byte[0]));
    // The state was not consumed by the malformed messages.
    hist.verifyNext(a.state(), msg);
    expect(VdafException.Reason.WRONG_LENGTH, () -> hist.decodeAggregateShare(new byte[16 * 5 - 1]));
    byte[] agg = new byte[16 * 5];
    Arrays.fill(agg, 32, 48, (byte) 0xFF);
    expect(VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT, () -> hist.decodeAggregateShare(agg));
    Prio3Report c = count.shard(CTX, true, random);
    VerifyInitResult ca = count.verifyInit(key, CTX, 0, c.nonce(), c.publicShare(), c.inputShare(0));
    expect(VdafException.Reason.WRONG_LENGTH, () -> count.verifyNext(ca.state(), new byte[32]));
  }

  @Test
  void pingPongFramingIsStrict() throws Exception {
    Prio3Report r = hist.shard(CTX, 4, random);
    PingPongLeader leader = hist.leader(key, CTX);
    PingPongHelper helper = hist.helper(key, CTX);
    PingPongState.Continued l = leader.init(r.nonce(), r.publicShare(), r.inputShare(0));
    byte[] init = l.outbound().orElseThrow();
    byte[] nonce = r.nonce();
    byte[] pub = r.publicShare();
    byte[] in1 = r.inputShare(1);
    expect(VdafException.Reason.WRONG_LENGTH, () -> helper.init(nonce, pub, in1, new byte[0]));
    expect(VdafException.Reason.UNKNOWN_MESSAGE_TYPE, () -> helper.init(nonce, pub, in1, new byte[] {3, 0, 0, 0, 0}));
    expect(VdafException.Reason.WRONG_LENGTH, () -> helper.init(nonce, pub, in1, resize(init, 1)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> helper.init(nonce, pub, in1, resize(init, -1)));
    // A length field of 2^32 - 1 over a short message: rejected without allocating it.
    expect(VdafException.Reason.WRONG_LENGTH, () -> helper.init(nonce, pub, in1, new byte[] {0, -1, -1, -1, -1, 1, 2, 3}));
    expect(VdafException.Reason.WRONG_LENGTH, () -> helper.init(nonce, pub, in1, new byte[] {0, 0, 0}));
    // A verifier share of the wrong length inside a well-framed message.
    expect(VdafException.Reason.WRONG_LENGTH, () -> helper.init(nonce, pub, in1, PingPongMessage.encode(0, new byte[7])));
    // The helper expects initialize, the leader finish.
    byte[] share = Arrays.copyOfRange(init, 5, init.length);
    expect(VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, () -> helper.init(nonce, pub, in1, PingPongMessage.encode(2, share)));
    expect(VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, () -> helper.init(nonce, pub, in1, PingPongMessage.encode(1, new byte[32], share)));
    PingPongState h = helper.init(nonce, pub, in1, init);
    byte[] finish = h.outbound().orElseThrow();
    expect(VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, () -> leader.continued(l, init));
    expect(VdafException.Reason.UNEXPECTED_MESSAGE_TYPE,
        () -> leader.continued(l, PingPongMessage.encode(1, Arrays.copyOfRange(finish, 5, finish.length), share)));
    expect(VdafException.Reason.WRONG_LENGTH, () -> leader.continued(l, resize(finish, 2)));
    assertThrows(IllegalArgumentException.class, () -> helper.continued(l, finish));
    // After all the rejected messages the leader's state is still usable.
    leader.continued(l, finish);
  }
}
