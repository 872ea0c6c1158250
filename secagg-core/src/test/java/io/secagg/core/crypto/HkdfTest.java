package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HkdfTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] IKM = new byte[32];
  private static final byte[] SALT = {1, 2, 3};
  private static final byte[] CONTEXT = {4, 5};

  static {
    Arrays.fill(IKM, (byte) 0x42);
  }

  /** RFC 5869, appendix A.1 (Test Case 1). */
  @Test
  void matchesRfc5869TestCase1() {
    byte[] ikm = new byte[22];
    Arrays.fill(ikm, (byte) 0x0b);
    byte[] okm =
        Hkdf.derive(
            ikm,
            HEX.parseHex("000102030405060708090a0b0c"),
            HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"),
            42);
    assertEquals(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
        HEX.formatHex(okm));
  }

  @Test
  void labelledDeriveIsHkdfWithInfoLabelZeroContext() {
    byte[] expected = Hkdf.derive(IKM, SALT, KdfLabel.PAIRWISE_MASK_SEED.info(CONTEXT), 32);
    assertArrayEquals(expected, Hkdf.derive(IKM, SALT, KdfLabel.PAIRWISE_MASK_SEED, CONTEXT, 32));
  }

  @Test
  void secretDeriveEqualsPublicDeriveAndLeavesTheInputUsable() {
    SecretBytes ikm = SecretBytes.copyOf(IKM);
    SecretBytes out = Hkdf.derive(ikm, SALT, KdfLabel.SHARE_ENCRYPTION_KEY, CONTEXT, 16);
    assertArrayEquals(
        Hkdf.derive(IKM, SALT, KdfLabel.SHARE_ENCRYPTION_KEY, CONTEXT, 16), out.toByteArray());
    assertArrayEquals(IKM, ikm.toByteArray());
  }

  @Test
  void differentLabelsGiveUnrelatedOutputs() {
    byte[] a = Hkdf.derive(IKM, SALT, KdfLabel.PAIRWISE_MASK_SEED, CONTEXT, 32);
    byte[] b = Hkdf.derive(IKM, SALT, KdfLabel.SHARE_ENCRYPTION_KEY, CONTEXT, 32);
    byte[] c = Hkdf.derive(IKM, SALT, KdfLabel.SESSION_ID, CONTEXT, 32);
    assertFalse(Arrays.equals(a, b));
    assertFalse(Arrays.equals(a, c));
    assertFalse(Arrays.equals(b, c));
  }

  @Test
  void contextChangesTheOutput() {
    assertFalse(
        Arrays.equals(
            Hkdf.derive(IKM, SALT, KdfLabel.SESSION_ID, new byte[0], 32),
            Hkdf.derive(IKM, SALT, KdfLabel.SESSION_ID, new byte[] {0}, 32)));
  }

  @Test
  void emptySaltMeansThirtyTwoZeroBytes() {
    assertArrayEquals(
        Hkdf.derive(IKM, new byte[32], KdfLabel.SESSION_ID, CONTEXT, 32),
        Hkdf.derive(IKM, new byte[0], KdfLabel.SESSION_ID, CONTEXT, 32));
  }

  @Test
  void acceptsTheExtremeOutputLengths() {
    assertEquals(1, Hkdf.derive(IKM, SALT, KdfLabel.SESSION_ID, CONTEXT, 1).length);
    assertEquals(
        Hkdf.MAX_OUTPUT_LENGTH,
        Hkdf.derive(IKM, SALT, KdfLabel.SESSION_ID, CONTEXT, Hkdf.MAX_OUTPUT_LENGTH).length);
  }

  @Test
  void rejectsOutputLengthOutsideOneTo8160() {
    for (int bad : new int[] {0, -1, Hkdf.MAX_OUTPUT_LENGTH + 1, Integer.MAX_VALUE}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> Hkdf.derive(IKM, SALT, KdfLabel.SESSION_ID, CONTEXT, bad));
      assertThrows(
          IllegalArgumentException.class,
          () -> Hkdf.derive(SecretBytes.copyOf(IKM), SALT, KdfLabel.SESSION_ID, CONTEXT, bad));
      assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(IKM, SALT, CONTEXT, bad));
      assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(new byte[32], CONTEXT, bad));
    }
  }

  @Test
  void rejectsShortPseudorandomKey() {
    assertThrows(IllegalArgumentException.class, () -> Hkdf.expand(new byte[31], CONTEXT, 32));
  }

  @Test
  void rejectsNulls() {
    KdfLabel l = KdfLabel.SESSION_ID;
    assertThrows(NullPointerException.class, () -> Hkdf.derive((byte[]) null, SALT, l, CONTEXT, 32));
    assertThrows(NullPointerException.class, () -> Hkdf.derive(IKM, null, l, CONTEXT, 32));
    assertThrows(NullPointerException.class, () -> Hkdf.derive(IKM, SALT, null, CONTEXT, 32));
    assertThrows(NullPointerException.class, () -> Hkdf.derive(IKM, SALT, l, null, 32));
    assertThrows(
        NullPointerException.class, () -> Hkdf.derive((SecretBytes) null, SALT, l, CONTEXT, 32));
    assertThrows(
        NullPointerException.class,
        () -> Hkdf.derive(SecretBytes.copyOf(IKM), null, l, CONTEXT, 32));
    assertThrows(NullPointerException.class, () -> Hkdf.derive(IKM, SALT, (byte[]) null, 32));
  }

  @Test
  void rejectsADestroyedSecret() {
    SecretBytes ikm = SecretBytes.copyOf(IKM);
    ikm.destroy();
    assertThrows(
        IllegalStateException.class,
        () -> Hkdf.derive(ikm, SALT, KdfLabel.SESSION_ID, CONTEXT, 32));
  }
}
