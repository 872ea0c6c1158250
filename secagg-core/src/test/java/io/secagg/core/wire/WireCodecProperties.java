package io.secagg.core.wire;

import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.testing.FuzzChecks;
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

  /**
   * Both directions in one property: a corrupted frame of either kind is rejected with {@link
   * WireFormatException} or decodes to a message that re-encodes to exactly that frame.
   */
  @Property(tries = 800)
  void corruptedFramesOfEitherDirectionDecodeExactlyOrFailWithWireFormatException(
      @ForAll boolean serverFrame, @ForAll @IntRange(min = 0, max = 7) int which,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll @IntRange(min = 1, max = 255) int value, @ForAll @IntRange(min = 0, max = 3) int cut,
      @ForAll boolean malicious) {
    WireCodec codec = malicious ? WireCodecTest.MAL : WireCodecTest.SEMI;
    if (serverFrame) {
      List<ServerMessage> messages = WireCodecTest.serverMessages(malicious);
      byte[] frame = mutate(codec.encode(messages.get(which % messages.size())), position, value, cut);
      FuzzChecks.<ServerMessage, WireFormatException>canonical(
          frame, WireFormatException.class, codec::decodeServerMessage, codec::encode, "server frame");
    } else {
      List<ClientMessage> messages = WireCodecTest.clientMessages(malicious);
      byte[] frame = mutate(codec.encode(messages.get(which % messages.size())), position, value, cut);
      FuzzChecks.<ClientMessage, WireFormatException>canonical(
          frame, WireFormatException.class, codec::decodeClientMessage, codec::encode, "client frame");
    }
  }
}
