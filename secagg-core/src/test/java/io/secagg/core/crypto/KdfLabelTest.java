package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KdfLabelTest {

  @Test
  void protocolLabelsHaveTheSpecifiedStrings() {
    assertEquals("secagg/v1 session-id", KdfLabel.SESSION_ID.value());
    assertEquals("secagg/v1 pairwise-mask-seed", KdfLabel.PAIRWISE_MASK_SEED.value());
    assertEquals("secagg/v1 share-encryption-key", KdfLabel.SHARE_ENCRYPTION_KEY.value());
    assertEquals("secagg/v1 config-digest", KdfLabel.CONFIG_DIGEST.value());
    assertEquals("secagg/v1 graph-seed", KdfLabel.GRAPH_SEED.value());
    assertEquals("secagg/v1 keystream-mask", KdfLabel.KEYSTREAM_MASK.value());
    assertEquals("secagg/v1 keystream-graph", KdfLabel.KEYSTREAM_GRAPH.value());
    assertEquals(
        "secagg/v1 keystream-quant-rounding", KdfLabel.KEYSTREAM_QUANT_ROUNDING.value());
    assertEquals("secagg/v1 keystream-dp-bits", KdfLabel.KEYSTREAM_DP_BITS.value());
    assertEquals(
        "secagg/v1 keystream-dp-rotation-signs", KdfLabel.KEYSTREAM_DP_ROTATION_SIGNS.value());
    assertEquals(
        "secagg/v1 keystream-deterministic-random",
        KdfLabel.KEYSTREAM_DETERMINISTIC_RANDOM.value());
    assertEquals("secagg/v1 self-mask-commitment", KdfLabel.SELF_MASK_COMMITMENT.value());
    assertEquals(
        List.of(
            KdfLabel.SESSION_ID,
            KdfLabel.PAIRWISE_MASK_SEED,
            KdfLabel.SHARE_ENCRYPTION_KEY,
            KdfLabel.CONFIG_DIGEST,
            KdfLabel.GRAPH_SEED,
            KdfLabel.KEYSTREAM_MASK,
            KdfLabel.KEYSTREAM_GRAPH,
            KdfLabel.KEYSTREAM_QUANT_ROUNDING,
            KdfLabel.KEYSTREAM_DP_BITS,
            KdfLabel.KEYSTREAM_DP_ROTATION_SIGNS,
            KdfLabel.KEYSTREAM_DETERMINISTIC_RANDOM,
            KdfLabel.SELF_MASK_COMMITMENT),
        KdfLabel.protocolLabels());
  }

  @Test
  void protocolLabelsAreDistinctAndPassTheirOwnValidation() {
    Set<String> seen = new HashSet<>();
    for (KdfLabel label : KdfLabel.protocolLabels()) {
      assertTrue(seen.add(label.value()), "duplicate " + label);
      assertEquals(label, KdfLabel.of(label.value()));
    }
  }

  @Test
  void infoIsLabelThenZeroThenContext() {
    byte[] info = KdfLabel.SESSION_ID.info(new byte[] {7, 8});
    byte[] label = "secagg/v1 session-id".getBytes(StandardCharsets.US_ASCII);
    assertEquals(label.length + 3, info.length);
    for (int i = 0; i < label.length; i++) {
      assertEquals(label[i], info[i]);
    }
    assertEquals(0, info[label.length]);
    assertEquals(7, info[label.length + 1]);
    assertEquals(8, info[label.length + 2]);
  }

  @Test
  void infoWithEmptyContextEndsWithTheSeparator() {
    byte[] info = KdfLabel.SESSION_ID.info(new byte[0]);
    assertEquals(0, info[info.length - 1]);
  }

  /** A label that extends another must not collide with it through the context. */
  @Test
  void labelExtensionsCannotCollideThroughTheContext() {
    byte[] a = KdfLabel.of("secagg/v1 a").info(new byte[] {'b'});
    byte[] ab = KdfLabel.of("secagg/v1 ab").info(new byte[0]);
    assertFalse(Arrays.equals(a, ab));
  }

  @Test
  void acceptsTheLongestAllowedLabel() {
    String name = "x".repeat(KdfLabel.MAX_LENGTH - KdfLabel.PREFIX.length());
    assertEquals(KdfLabel.MAX_LENGTH, KdfLabel.of(KdfLabel.PREFIX + name).value().length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "secagg/v1 ",
        "secagg/v1",
        "secagg/v2 session-id",
        "Secagg/v1 session-id",
        "secagg/v1 Session-id",
        "secagg/v1 session id",
        "secagg/v1 session_id",
        "secagg/v1 -session",
        "secagg/v1 session\u0000id",
        "secagg/v1 caf\u00e9",
        "session-id"
      })
  void rejectsMalformedLabels(String label) {
    assertThrows(IllegalArgumentException.class, () -> KdfLabel.of(label));
  }

  @Test
  void rejectsTooLongLabels() {
    String name = "x".repeat(KdfLabel.MAX_LENGTH - KdfLabel.PREFIX.length() + 1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KdfLabel.of(KdfLabel.PREFIX + name));
    assertTrue(e.getMessage().contains("65"), e.getMessage());
  }

  @Test
  void rejectsNulls() {
    assertThrows(NullPointerException.class, () -> KdfLabel.of(null));
    assertThrows(NullPointerException.class, () -> KdfLabel.SESSION_ID.info(null));
  }

  @Test
  void bytesAreACopy() {
    byte[] b = KdfLabel.SESSION_ID.toBytes();
    b[0] = 'X';
    assertArrayEquals(
        "secagg/v1 session-id".getBytes(StandardCharsets.US_ASCII), KdfLabel.SESSION_ID.toBytes());
  }

  @Test
  void valueSemantics() {
    assertEquals(KdfLabel.of("secagg/v1 session-id"), KdfLabel.SESSION_ID);
    assertEquals(KdfLabel.SESSION_ID.hashCode(), KdfLabel.of("secagg/v1 session-id").hashCode());
    assertNotEquals(KdfLabel.SESSION_ID, KdfLabel.PAIRWISE_MASK_SEED);
    assertEquals("secagg/v1 session-id", KdfLabel.SESSION_ID.toString());
  }
}
