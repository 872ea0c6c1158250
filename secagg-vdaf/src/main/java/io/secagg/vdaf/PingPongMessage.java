package io.secagg.vdaf;

import java.util.ArrayList;
import java.util.List;

/**
 * The ping-pong topology's {@code Message} ("The Ping-Pong Topology"): a type byte, then one or two
 * items, each a 4-byte big-endian length and that many bytes. {@code initialize} (0) carries a
 * verifier share, {@code continue} (1) a verifier message and a verifier share, {@code finish}
 * (2) a verifier message.
 */
final class PingPongMessage {
  static final int INITIALIZE = 0;
  static final int CONTINUE = 1;
  static final int FINISH = 2;

  final int type;
  final List<byte[]> items;

  private PingPongMessage(int type, List<byte[]> items) {
    this.type = type;
    this.items = items;
  }

  static byte[] encode(int type, byte[]... items) {
    int len = 1;
    for (byte[] item : items) {
      len = Math.addExact(len, 4 + item.length);
    }
    byte[] out = new byte[len];
    out[0] = (byte) type;
    int o = 1;
    for (byte[] item : items) {
      out[o] = (byte) (item.length >>> 24);
      out[o + 1] = (byte) (item.length >>> 16);
      out[o + 2] = (byte) (item.length >>> 8);
      out[o + 3] = (byte) item.length;
      System.arraycopy(item, 0, out, o + 4, item.length);
      o += 4 + item.length;
    }
    return out;
  }

  /**
   * Decodes a message. Every length is checked against the bytes that remain before anything is
   * copied, so a length field cannot make us allocate more than the message holds.
   */
  static PingPongMessage decode(byte[] encoded) throws MalformedMessageException {
    if (encoded.length < 1) {
      throw MalformedMessageException.wrongLength("ping-pong message", 0, 1);
    }
    int type = encoded[0] & 0xFF;
    int count;
    if (type == INITIALIZE || type == FINISH) {
      count = 1;
    } else if (type == CONTINUE) {
      count = 2;
    } else {
      throw new MalformedMessageException(
          VdafException.Reason.UNKNOWN_MESSAGE_TYPE, "unknown ping-pong message type " + type);
    }
    List<byte[]> items = new ArrayList<>(count);
    int o = 1;
    for (int i = 0; i < count; i++) {
      if (encoded.length - o < 4) {
        throw truncated();
      }
      long len = ((encoded[o] & 0xFFL) << 24) | ((encoded[o + 1] & 0xFFL) << 16)
          | ((encoded[o + 2] & 0xFFL) << 8) | (encoded[o + 3] & 0xFFL);
      o += 4;
      if (len > encoded.length - o) {
        throw truncated();
      }
      items.add(java.util.Arrays.copyOfRange(encoded, o, o + (int) len));
      o += (int) len;
    }
    if (o != encoded.length) {
      throw new MalformedMessageException(
          VdafException.Reason.WRONG_LENGTH, "ping-pong message has " + (encoded.length - o) + " trailing bytes");
    }
    return new PingPongMessage(type, items);
  }

  private static MalformedMessageException truncated() {
    return new MalformedMessageException(VdafException.Reason.WRONG_LENGTH, "ping-pong message is truncated");
  }

  static MalformedMessageException unexpected(int type, String state) {
    return new MalformedMessageException(
        VdafException.Reason.UNEXPECTED_MESSAGE_TYPE, "ping-pong message type " + type + " not expected " + state);
  }
}
