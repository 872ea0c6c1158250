package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void bytesUseTheLargestBinaryUnitAtLeastOne() {
    assertEquals("0 B", Units.bytes(0));
    assertEquals("1023 B", Units.bytes(1023));
    assertEquals("1.0 KiB", Units.bytes(1024));
    assertEquals("97.7 KiB", Units.bytes(100_000));
    assertEquals("1.5 GiB", Units.bytes(1.5 * (1L << 30)));
  }

  @Test
  void durationsSwitchToSecondsAtOneSecond() {
    assertEquals("0.50 ms", Units.duration(500_000));
    assertEquals("312.5 ms", Units.duration(312_500_000));
    assertEquals("12.34 s", Units.duration(12_340_000_000L));
  }

  @Test
  void rejectsNegativeFigures() {
    assertThrows(IllegalArgumentException.class, () -> Units.bytes(-1));
    assertThrows(IllegalArgumentException.class, () -> Units.bytes(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Units.duration(-1));
  }
}
