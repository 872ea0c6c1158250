package io.secagg.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.vector.Modulus;
import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ConfigCodecTest {
  private static final SecAggConfig SEMI = WireCodecTest.config(SecurityMode.SEMI_HONEST);
  private static final SecAggConfig MAL = WireCodecTest.config(SecurityMode.MALICIOUS);

  @Test
  void encodesTheBytesTheDigestIsComputedOver() {
    assertArrayEquals(Derivations.configEncoding(SEMI), ConfigCodec.encode(SEMI));
  }

  @Test
  void roundTripsBothSecurityModes() throws WireFormatException {
    assertEquals(SEMI, ConfigCodec.decode(ConfigCodec.encode(SEMI)));
    assertEquals(MAL, ConfigCodec.decode(ConfigCodec.encode(MAL)));
  }

  @Property(tries = 200)
  void roundTripsHararyConfigurationsWithAnyModulusAndContext(
      @ForAll @IntRange(min = 5, max = 500) int n,
      @ForAll @IntRange(min = 1, max = 64) int bits,
      @ForAll @IntRange(min = 0, max = 40) int contextLength,
      @ForAll @IntRange(min = 1, max = 1_000_000) int length,
      @ForAll boolean generalModulus) throws WireFormatException {
    int k = 2 * Math.max(1, Math.min(n / 2 - 1, 3));
    Modulus m = generalModulus && bits <= 62 && bits >= 2 ? Modulus.of((1L << bits) - 1) : Modulus.powerOfTwo(bits);
    SecAggConfig config =
        SecAggConfig.builder().clientCount(n).threshold(2).vectorLength(length).modulus(m)
            .hararyGraph(k).context(new byte[contextLength]).build();
    assertEquals(config, ConfigCodec.decode(ConfigCodec.encode(config)));
  }

  @Test
  void rejectsUnknownVersion() {
    byte[] e = ConfigCodec.encode(SEMI);
    e[0] = 2;
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(e));
  }

  @Test
  void rejectsTruncatedAndTrailingBytes() {
    byte[] e = ConfigCodec.encode(MAL);
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(Arrays.copyOf(e, e.length - 1)));
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(Arrays.copyOf(e, e.length + 1)));
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(new byte[0]));
  }

  @Test
  void rejectsACompleteGraphWhoseDegreeIsNotNMinusOne() {
    byte[] e = ConfigCodec.encode(SEMI);
    ByteBuffer.wrap(e).putInt(1 + 4 + 4 + 4 + 8 + 1, 2);
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(e));
  }

  @Test
  void rejectsThresholdAboveTheDegree() {
    byte[] e = ConfigCodec.encode(SEMI);
    ByteBuffer.wrap(e).putInt(1 + 4, 5);
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(e));
  }

  @Test
  void rejectsUnknownGraphAndModeBytes() {
    byte[] graph = ConfigCodec.encode(SEMI);
    graph[1 + 4 + 4 + 4 + 8] = 2;
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(graph));
    byte[] mode = ConfigCodec.encode(SEMI);
    mode[1 + 4 + 4 + 4 + 8 + 1 + 4] = 7;
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(mode));
  }

  @Test
  void rejectsAModulusOutsideBothFamilies() {
    byte[] e = ConfigCodec.encode(SEMI);
    // m - 1 = 2^63, so m = 2^63 + 1: not a power of two and above 2^62.
    ByteBuffer.wrap(e).putLong(1 + 4 + 4 + 4, Long.MIN_VALUE);
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(e));
  }

  @Test
  void rejectsAContextLengthLongerThanAllowedWithoutAllocatingIt() {
    byte[] e = ConfigCodec.encode(SEMI);
    ByteBuffer.wrap(e).putInt(1 + 4 + 4 + 4 + 8 + 1 + 4 + 1, Integer.MAX_VALUE);
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(e));
  }

  @Test
  void rejectsOversizedInputUnread() {
    assertThrows(WireFormatException.class, () -> ConfigCodec.decode(new byte[ConfigCodec.MAX_LENGTH + 1]));
  }

  @Test
  void decodesTheLargestModulus() throws WireFormatException {
    SecAggConfig config =
        SecAggConfig.builder().clientCount(3).threshold(2).vectorLength(1)
            .modulus(Modulus.powerOfTwo(64)).completeGraph().build();
    assertEquals(Modulus.powerOfTwo(64), ConfigCodec.decode(ConfigCodec.encode(config)).modulus());
  }
}
