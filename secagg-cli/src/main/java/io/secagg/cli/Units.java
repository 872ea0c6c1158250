package io.secagg.cli;

import java.util.Locale;

/** Human-readable figures for the reports: binary byte units and adaptive time units. */
final class Units {
  private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private Units() {}

  /**
   * {@code bytes} in the largest binary unit that keeps the number at least 1, with one decimal
   * ("512 B", "97.7 KiB", "1.2 GiB").
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  static String bytes(double bytes) {
    if (!(bytes >= 0)) {
      throw new IllegalArgumentException("Invalid byte count " + bytes + "; must be >= 0");
    }
    if (bytes < 1024) {
      return String.format(Locale.ROOT, "%.0f B", bytes);
    }
    int unit = 0;
    double v = bytes;
    while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
      v /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, BYTE_UNITS[unit]);
  }

  /**
   * {@code nanos} in milliseconds below one second ("0.04 ms", "312.5 ms") and in seconds
   * above ("12.34 s").
   *
   * @throws IllegalArgumentException if {@code nanos} is negative
   */
  static String duration(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("Invalid duration " + nanos + " ns; must be >= 0");
    }
    if (nanos < 10_000_000L) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    if (nanos < 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
