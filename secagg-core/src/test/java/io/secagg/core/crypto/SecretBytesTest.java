package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretBytesTest {
  private static final byte[] SECRET = {1, 2, 3, 4, 5, 6, 7, 8};

  @Test
  void copiesInSoLaterChangesToTheSourceDoNotLeakIn() {
    byte[] source = SECRET.clone();
    SecretBytes s = SecretBytes.copyOf(source);
    source[0] = 99;
    assertArrayEquals(SECRET, s.toByteArray());
  }

  @Test
  void copiesOutSoCallersCannotModifyTheSecret() {
    SecretBytes s = SecretBytes.copyOf(SECRET);
    byte[] out = s.toByteArray();
    out[0] = 99;
    assertArrayEquals(SECRET, s.toByteArray());
  }

  @Test
  void equalsComparesContent() {
    SecretBytes a = SecretBytes.copyOf(SECRET);
    SecretBytes b = SecretBytes.copyOf(SECRET.clone());
    assertEquals(a, b);
    assertTrue(a.equalsConstantTime(b));
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void equalsRejectsADifferentByteInAnyPosition() {
    SecretBytes a = SecretBytes.copyOf(SECRET);
    for (int i = 0; i < SECRET.length; i++) {
      byte[] other = SECRET.clone();
      other[i] ^= 1;
      assertFalse(a.equalsConstantTime(SecretBytes.copyOf(other)), "position " + i);
    }
  }

  @Test
  void equalsRejectsDifferentLengthsAndOtherTypes() {
    SecretBytes a = SecretBytes.copyOf(SECRET);
    assertNotEquals(a, SecretBytes.copyOf(new byte[] {1, 2, 3}));
    assertNotEquals(a, SecretBytes.copyOf(new byte[0]));
    assertFalse(a.equals(SECRET));
    assertFalse(a.equals(null));
  }

  @Test
  void hashCodeDependsOnlyOnTheLength() {
    assertEquals(
        SecretBytes.copyOf(new byte[] {1, 2}).hashCode(),
        SecretBytes.copyOf(new byte[] {3, 4}).hashCode());
  }

  @Test
  void toStringShowsOnlyTheLength() {
    SecretBytes s = SecretBytes.copyOf(new byte[] {(byte) 0xab, (byte) 0xcd, (byte) 0xef});
    assertEquals("SecretBytes[3 bytes]", s.toString());
  }

  @Test
  void destroyZeroesAndMakesEveryAccessorThrow() {
    byte[] raw = SECRET.clone();
    SecretBytes s = SecretBytes.wrap(raw);
    SecretBytes other = SecretBytes.copyOf(SECRET);
    assertFalse(s.isDestroyed());
    s.destroy();
    assertTrue(s.isDestroyed());
    assertArrayEquals(new byte[SECRET.length], raw, "the held array is overwritten");
    assertThrows(IllegalStateException.class, s::toByteArray);
    assertThrows(IllegalStateException.class, s::length);
    assertThrows(IllegalStateException.class, () -> s.equalsConstantTime(other));
    assertThrows(IllegalStateException.class, () -> other.equalsConstantTime(s));
    assertEquals("SecretBytes[8 bytes]", s.toString());
  }

  @Test
  void destroyIsIdempotent() {
    SecretBytes s = SecretBytes.copyOf(SECRET);
    s.destroy();
    s.destroy();
    assertTrue(s.isDestroyed());
  }

  @Test
  void emptySecretIsAllowed() {
    SecretBytes s = SecretBytes.copyOf(new byte[0]);
    assertEquals(0, s.length());
    assertEquals(SecretBytes.copyOf(new byte[0]), s);
  }

  @Test
  void randomDrawsExactlyTheRequestedBytesFromTheSource() {
    byte[] recorded = {9, 8, 7, 6};
    FixedBytesRandom source = FixedBytesRandom.of(recorded);
    SecretBytes s = SecretBytes.random(4, source);
    assertArrayEquals(recorded, s.toByteArray());
    assertEquals(0, source.remaining());
  }

  @Test
  void randomRejectsNegativeLength() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SecretBytes.random(-1, DeterministicRandom.forTestVectorsOnly(1)));
  }

  @Test
  void rejectsNullArguments() {
    assertThrows(NullPointerException.class, () -> SecretBytes.copyOf(null));
    assertThrows(NullPointerException.class, () -> SecretBytes.random(1, null));
    assertThrows(
        NullPointerException.class, () -> SecretBytes.copyOf(SECRET).equalsConstantTime(null));
  }
}
