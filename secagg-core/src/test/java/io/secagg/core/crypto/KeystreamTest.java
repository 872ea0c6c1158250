package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.testvectors.ReferenceKeystream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeystreamTest {
  private static final byte[] CONTEXT = "keystream test".getBytes(StandardCharsets.US_ASCII);

  private static byte[] seed(int tag) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) tag);
    return s;
  }

  private static byte[] bytes(Keystream s, int n) {
    byte[] b = new byte[n];
    s.nextBytes(b);
    return b;
  }

  @Test
  void everyPurposeIsTheSpecifiedDerivationAcrossBufferAndChunkBoundaries() {
    // 100,000 bytes cross several 32 KiB cipher calls; the word reads cross 8 KiB buffers.
    for (KeystreamPurpose p : KeystreamPurpose.values()) {
      byte[] expected =
          ReferenceKeystream.open(p.label().value(), seed(1), CONTEXT).nextBytes(100_000);
      assertArrayEquals(expected, bytes(Keystream.open(p, seed(1), CONTEXT), 100_000), p.name());
      Keystream words = Keystream.open(p, seed(1), CONTEXT);
      ByteBuffer le = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < 100_000 / 8; i++) {
        assertEquals(le.getLong(), words.nextLong(), p + " word " + i);
      }
    }
  }

  @Test
  void keyAndNonceAreTheLabelledHkdfOutput() {
    byte[] okm = Keystream.deriveKeyAndNonce(KeystreamPurpose.MASK, seed(2), CONTEXT);
    byte[] info = KdfLabel.KEYSTREAM_MASK.info(CONTEXT);
    assertArrayEquals(Hkdf.derive(seed(2), new byte[0], info, 24), okm);
    ReferenceKeystream ref = ReferenceKeystream.open("secagg/v1 keystream-mask", seed(2), CONTEXT);
    assertArrayEquals(ref.key(), Arrays.copyOf(okm, 16));
    assertArrayEquals(ref.iv(), Arrays.copyOf(Arrays.copyOfRange(okm, 16, 24), 16));
  }

  @Test
  void mixedReadsConsumeOneContiguousLittleEndianStream() {
    byte[] whole = bytes(Keystream.open(KeystreamPurpose.GRAPH, seed(3), CONTEXT), 60_000);
    ByteBuffer expected = ByteBuffer.wrap(whole).order(ByteOrder.LITTLE_ENDIAN);
    Keystream s = Keystream.open(KeystreamPurpose.GRAPH, seed(3), CONTEXT);
    // An int first leaves the buffer misaligned for the longs that follow.
    assertEquals(expected.getInt(), s.nextInt());
    long[] longs = new long[1500];
    s.nextLongs(longs, 0, longs.length);
    for (long w : longs) {
      assertEquals(expected.getLong(), w);
    }
    byte[] odd = new byte[7];
    s.nextBytes(odd);
    byte[] oddExpected = new byte[7];
    expected.get(oddExpected);
    assertArrayEquals(oddExpected, odd);
    assertEquals(expected.getLong(), s.nextLong());
    byte[] big = new byte[40_000];
    s.nextBytes(big, 5, 39_990);
    byte[] bigExpected = new byte[39_990];
    expected.get(bigExpected);
    assertArrayEquals(bigExpected, Arrays.copyOfRange(big, 5, 39_995));
    long[] tail = new long[10];
    s.nextLongs(tail, 3, 4);
    for (int i = 3; i < 7; i++) {
      assertEquals(expected.getLong(), tail[i]);
    }
    assertEquals(0, tail[0] | tail[1] | tail[2] | tail[7]);
  }

  @Test
  void rekeyGivesExactlyTheStreamOfAFreshOpenAndDropsUnreadBytes() {
    Keystream s = Keystream.open(KeystreamPurpose.MASK, seed(4), CONTEXT);
    s.nextInt(); // leaves buffered bytes behind
    s.rekey(KeystreamPurpose.DP_BITS, seed(5), new byte[0]);
    assertEquals(KeystreamPurpose.DP_BITS, s.purpose());
    assertArrayEquals(
        bytes(Keystream.open(KeystreamPurpose.DP_BITS, seed(5), new byte[0]), 20_000),
        bytes(s, 20_000));
    s.rekey(KeystreamPurpose.MASK, SecretBytes.copyOf(seed(4)), CONTEXT);
    assertArrayEquals(
        bytes(Keystream.open(KeystreamPurpose.MASK, seed(4), CONTEXT), 100), bytes(s, 100));
  }

  @Test
  void aRejectedRekeyLeavesTheStreamAsItWas() {
    Keystream s = Keystream.open(KeystreamPurpose.MASK, seed(6), CONTEXT);
    byte[] first = bytes(s, 10);
    assertThrows(
        IllegalArgumentException.class, () -> s.rekey(KeystreamPurpose.MASK, new byte[31], CONTEXT));
    assertThrows(
        IllegalArgumentException.class,
        () -> s.rekey(KeystreamPurpose.MASK, seed(7), new byte[Keystream.MAX_CONTEXT_LENGTH + 1]));
    byte[] whole = bytes(Keystream.open(KeystreamPurpose.MASK, seed(6), CONTEXT), 30);
    byte[] rest = bytes(s, 20);
    assertArrayEquals(Arrays.copyOf(whole, 10), first);
    assertArrayEquals(Arrays.copyOfRange(whole, 10, 30), rest);
  }

  @Test
  void purposesSeedsAndContextsSeparateStreams() {
    Set<String> seen = new HashSet<>();
    for (KeystreamPurpose p : KeystreamPurpose.values()) {
      assertTrue(seen.add(Arrays.toString(bytes(Keystream.open(p, seed(8), CONTEXT), 16))), p.name());
    }
    byte[] a = bytes(Keystream.open(KeystreamPurpose.MASK, seed(8), CONTEXT), 16);
    assertFalse(Arrays.equals(a, bytes(Keystream.open(KeystreamPurpose.MASK, seed(9), CONTEXT), 16)));
    assertFalse(
        Arrays.equals(a, bytes(Keystream.open(KeystreamPurpose.MASK, seed(8), new byte[0]), 16)));
  }

  @Test
  void everyPurposeHasItsOwnProtocolLabel() {
    Set<KdfLabel> labels = new HashSet<>();
    for (KeystreamPurpose p : KeystreamPurpose.values()) {
      assertTrue(labels.add(p.label()), p.name());
      assertTrue(KdfLabel.protocolLabels().contains(p.label()), p.name());
      assertTrue(p.label().value().startsWith("secagg/v1 keystream-"), p.name());
    }
  }

  @Test
  void secretPurposesRequireThirtyTwoByteSeedsAndTestPurposesTakeAny() {
    Set<KeystreamPurpose> anyLength =
        EnumSet.of(KeystreamPurpose.DP_BITS, KeystreamPurpose.DETERMINISTIC_RANDOM);
    for (KeystreamPurpose p : KeystreamPurpose.values()) {
      for (int length : new int[] {0, 1, 16, 31, 33, 64}) {
        boolean ok = anyLength.contains(p);
        assertEquals(ok, p.acceptsSeedLength(length), p + " " + length);
        if (ok) {
          Keystream.open(p, new byte[length], CONTEXT);
        } else {
          IllegalArgumentException e =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> Keystream.open(p, new byte[length], CONTEXT));
          assertTrue(e.getMessage().contains("seed length " + length), e.getMessage());
        }
      }
      assertTrue(p.acceptsSeedLength(32), p.name());
      assertFalse(p.acceptsSeedLength(-1), p.name());
    }
  }

  @Test
  void contextsUpToTheLimitAreAcceptedAndLongerOnesRejected() {
    Keystream.open(KeystreamPurpose.MASK, seed(1), new byte[Keystream.MAX_CONTEXT_LENGTH]);
    assertThrows(
        IllegalArgumentException.class,
        () -> Keystream.open(KeystreamPurpose.MASK, seed(1), new byte[Keystream.MAX_CONTEXT_LENGTH + 1]));
  }

  @Test
  void rejectsNullsAndRangesOutsideTheArray() {
    assertThrows(NullPointerException.class, () -> Keystream.open(null, seed(1), CONTEXT));
    assertThrows(
        NullPointerException.class, () -> Keystream.open(KeystreamPurpose.MASK, (byte[]) null, CONTEXT));
    assertThrows(
        NullPointerException.class,
        () -> Keystream.open(KeystreamPurpose.MASK, (SecretBytes) null, CONTEXT));
    assertThrows(NullPointerException.class, () -> Keystream.open(KeystreamPurpose.MASK, seed(1), null));
    Keystream s = Keystream.open(KeystreamPurpose.MASK, seed(1), CONTEXT);
    assertThrows(NullPointerException.class, () -> s.nextBytes(null));
    assertThrows(IndexOutOfBoundsException.class, () -> s.nextBytes(new byte[4], 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> s.nextBytes(new byte[4], -1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> s.nextLongs(new long[4], 3, 2));
    // Nothing was consumed by the rejected calls.
    assertArrayEquals(
        bytes(Keystream.open(KeystreamPurpose.MASK, seed(1), CONTEXT), 8), bytes(s, 8));
  }

  @Test
  void aStreamStopsAtItsByteLimitInsteadOfWrapping() {
    Keystream s = Keystream.open(KeystreamPurpose.DETERMINISTIC_RANDOM, new byte[0], CONTEXT);
    s.limitForTesting(40);
    bytes(s, 32);
    assertThrows(IllegalStateException.class, () -> bytes(s, 9));
    // Word reads refill a whole buffer, which is past the limit too.
    assertThrows(IllegalStateException.class, s::nextLong);
    s.rekey(KeystreamPurpose.DETERMINISTIC_RANDOM, new byte[0], CONTEXT);
    assertEquals(Keystream.MAX_BYTES, 1L << 52);
    bytes(s, 100_000);
  }

  @Test
  void toStringNamesThePurposeOnly() {
    Keystream s = Keystream.open(KeystreamPurpose.QUANT_ROUNDING, seed(0x41), CONTEXT);
    assertEquals("Keystream[QUANT_ROUNDING]", s.toString());
  }
}
