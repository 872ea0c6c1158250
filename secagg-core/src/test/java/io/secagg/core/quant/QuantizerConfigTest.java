package io.secagg.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.vector.Modulus;
import org.junit.jupiter.api.Test;

class QuantizerConfigTest {
  private static QuantizerConfig.Builder base() {
    return QuantizerConfig.builder().clipBound(1.0).modulus(Modulus.powerOfTwo(32)).maxClients(1000);
  }

  @Test
  void choosesTheLargestPowerOfTwoScaleThatCannotWrap() {
    // floor((2^32 - 1) / 2000) = 2147483 and 2^21 <= 2147483 < 2^22.
    QuantizerConfig c = base().build();
    assertEquals(21, c.scaleExponent());
    assertEquals(1L << 21, c.offset());
    assertEquals(Math.scalb(1.0, 21), c.scale());
    assertEquals(Modulus.powerOfTwo(32), c.modulus());
  }

  @Test
  void offsetIsTheCeilingOfTheScaledClipBound() {
    // 0.3 * 2^22 = 1258291.2 <= 2147483 < 0.3 * 2^23.
    QuantizerConfig c = base().clipBound(0.3).build();
    assertEquals(22, c.scaleExponent());
    assertEquals(1258292, c.offset());
  }

  @Test
  void supportsGeneralModuli() {
    // floor(1000002 / 20) = 50000; 5 * 2^13 = 40960 <= 50000 < 5 * 2^14.
    QuantizerConfig c = QuantizerConfig.builder().clipBound(5).modulus(Modulus.of(1_000_003)).maxClients(10).build();
    assertEquals(Modulus.of(1_000_003), c.modulus());
    assertEquals(13, c.scaleExponent());
    assertEquals(40960, c.offset());
  }

  @Test
  void usesTheWholeSixtyFourBitRange() {
    // One client, m = 2^64: floor((2^64 - 1) / 2) = 2^63 - 1, so e = 62 and B = 2^62.
    QuantizerConfig c = base().modulus(Modulus.powerOfTwo(64)).maxClients(1).build();
    assertEquals(62, c.scaleExponent());
    assertEquals(1L << 62, c.offset());
  }

  @Test
  void scalesDownForHugeClipBounds() {
    QuantizerConfig c = base().clipBound(1e12).build();
    assertTrue(c.scaleExponent() < 0);
    assertTrue(c.offset() <= 2147483);
  }

  @Test
  void acceptsAnExplicitScaleThatCannotWrap() {
    QuantizerConfig c = base().scaleExponent(10).build();
    assertEquals(10, c.scaleExponent());
    assertEquals(1024, c.offset());
    assertEquals(1000 * Math.scalb(1.0, -10), c.errorBound(1000));
  }

  @Test
  void rejectsAnExplicitScaleThatCouldWrap() {
    // 1000 * 2 * 2^22 > 2^32 - 1.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> base().scaleExponent(22).build());
    assertTrue(e.getMessage().contains("wrap"), e.getMessage());
  }

  @Test
  void largestSafeScaleOverridesAnExplicitOne() {
    assertEquals(21, base().scaleExponent(22).largestSafeScale().build().scaleExponent());
  }

  @Test
  void rejectsAModulusTooSmallForTheClients() {
    // Each client needs values 0..2 at least: m > 2 n_max.
    assertThrows(
        IllegalArgumentException.class,
        () -> QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(4)).maxClients(8).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(1)).maxClients(1).build());
    QuantizerConfig tight = QuantizerConfig.builder().clipBound(1).modulus(Modulus.of(17)).maxClients(8).build();
    assertEquals(1, tight.offset());
  }

  @Test
  void rejectsBadClipBounds() {
    QuantizerConfig.Builder b = QuantizerConfig.builder();
    assertThrows(IllegalArgumentException.class, () -> b.clipBound(0));
    assertThrows(IllegalArgumentException.class, () -> b.clipBound(-1));
    assertThrows(IllegalArgumentException.class, () -> b.clipBound(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> b.clipBound(Double.POSITIVE_INFINITY));
  }

  @Test
  void rejectsANullModulus() {
    assertThrows(NullPointerException.class, () -> QuantizerConfig.builder().modulus(null));
  }

  @Test
  void rejectsBadClientCountsAndExponents() {
    QuantizerConfig.Builder b = QuantizerConfig.builder();
    assertThrows(IllegalArgumentException.class, () -> b.maxClients(0));
    assertThrows(IllegalArgumentException.class, () -> b.scaleExponent(-1075));
    assertThrows(IllegalArgumentException.class, () -> b.scaleExponent(1024));
    QuantizerConfig c = base().build();
    assertThrows(IllegalArgumentException.class, () -> c.errorBound(0));
    assertThrows(IllegalArgumentException.class, () -> c.errorBound(1001));
  }

  @Test
  void buildRejectsMissingFields() {
    assertThrows(IllegalStateException.class, () -> QuantizerConfig.builder().modulus(Modulus.powerOfTwo(32)).maxClients(1).build());
    assertThrows(IllegalStateException.class, () -> QuantizerConfig.builder().clipBound(1).maxClients(1).build());
    assertThrows(IllegalStateException.class, () -> QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(32)).build());
  }

  @Test
  void rejectsConfigurationsWhoseSumsOverflowDoubles() {
    assertThrows(
        IllegalArgumentException.class,
        () -> QuantizerConfig.builder().clipBound(Double.MAX_VALUE).modulus(Modulus.powerOfTwo(32)).maxClients(2).build());
  }

  @Test
  void equalityCoversEveryParameter() {
    assertEquals(base().build(), base().build());
    assertEquals(base().build().hashCode(), base().build().hashCode());
    assertNotEquals(base().build(), base().maxClients(999).build());
    assertNotEquals(base().build(), base().scaleExponent(20).build());
    assertNotEquals(base().build(), base().modulus(Modulus.of((1L << 32) - 5)).build());
    // One modulus type: 2^20 is the same modulus however it was written.
    assertEquals(
        QuantizerConfig.builder().clipBound(1).modulus(Modulus.powerOfTwo(20)).maxClients(1).build(),
        QuantizerConfig.builder().clipBound(1).modulus(Modulus.of(1 << 20)).maxClients(1).build());
  }
}
