package io.secagg.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.ServerMessage;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Decoding arbitrary corruptions of valid frames either fails cleanly or is exact. */
class WireCodecProperties {
  private static byte[] mutate(byte[] frame, int position, int value, int cut) {
    byte[] b = frame.clone();
    b[position % b.length] ^= (byte) value;
    return java.util.Arrays.copyOf(b, Math.max(0, b.length - cut));
  }

  @Property(tries = 400)
  void corruptedServerFramesDecodeExactlyOrFailWithWireFormatException(
      @ForAll @IntRange(min = 0, max = 7) int which, @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int value, @ForAll @IntRange(min = 0, max = 3) int cut,
      @ForAll boolean malicious) {
    WireCodec codec = malicious ? WireCodecTest.MAL : WireCodecTest.SEMI;
    List<ServerMessage> messages = WireCodecTest.serverMessages(malicious);
    byte[] frame = mutate(codec.encode(messages.get(which % messages.size())), position, value, cut);
    try {
      ServerMessage m = codec.decodeServerMessage(frame);
      assertArrayEquals(frame, codec.encode(m));
    } catch (WireFormatException expected) {
      // the only allowed failure
    }
  }

  @Property(tries = 400)
  void corruptedClientFramesDecodeExactlyOrFailWithWireFormatException(
      @ForAll @IntRange(min = 0, max = 6) int which, @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int value, @ForAll @IntRange(min = 0, max = 3) int cut,
      @ForAll boolean malicious) {
    WireCodec codec = malicious ? WireCodecTest.MAL : WireCodecTest.SEMI;
    List<ClientMessage> messages = WireCodecTest.clientMessages(malicious);
    byte[] frame = mutate(codec.encode(messages.get(which % messages.size())), position, value, cut);
    try {
      ClientMessage m = codec.decodeClientMessage(frame);
      assertArrayEquals(frame, codec.encode(m));
    } catch (WireFormatException expected) {
      // the only allowed failure
    }
  }
}
