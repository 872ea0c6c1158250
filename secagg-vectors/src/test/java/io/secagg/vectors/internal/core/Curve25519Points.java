package io.secagg.vectors.internal.core;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public facts about Curve25519 that the X25519 tests and vectors need: the field prime, the
 * u-coordinates of the points of small order (orders 1, 2, 4 and 8 on the curve and its twist)
 * and little-endian encoding.
 */
final class Curve25519Points {
  /** The field prime 2^255 - 19. */
  public static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  private Curve25519Points() {}

  /**
   * Name to 32-byte encoding of every u-coordinate whose X25519 result is zero for every clamped
   * scalar: the five canonical small-order values, their non-canonical forms {@code u + p} (only
   * possible for u &lt; 19), and forms with the ignored bit 255 set.
   */
  public static Map<String, byte[]> smallOrderEncodings() {
    Map<String, BigInteger> canonical = new LinkedHashMap<>();
    canonical.put("u=0 (the point at infinity's image, order 1 or 4)", BigInteger.ZERO);
    canonical.put("u=1 (order 4 on the twist)", BigInteger.ONE);
    canonical.put("u=p-1 (order 2)", P.subtract(BigInteger.ONE));
    canonical.put(
        "u of order 8 (first)",
        new BigInteger(
            "325606250916557431795983626356110631294008115727848805560023387167927233504"));
    canonical.put(
        "u of order 8 (second)",
        new BigInteger(
            "39382357235489614581723060781553021112529911719440698176882885853963445705823"));
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, BigInteger> e : canonical.entrySet()) {
      out.put(e.getKey(), encode(e.getValue()));
      byte[] high = encode(e.getValue());
      high[31] |= (byte) 0x80;
      out.put(e.getKey() + " with bit 255 set", high);
    }
    out.put("u=p (non-canonical 0)", encode(P));
    out.put("u=p+1 (non-canonical 1)", encode(P.add(BigInteger.ONE)));
    return out;
  }

  /** The 32-byte little-endian encoding of {@code 0 <= u < 2^256}. */
  public static byte[] encode(BigInteger u) {
    if (u.signum() < 0 || u.bitLength() > 256) {
      throw new IllegalArgumentException("u out of range");
    }
    byte[] be = u.toByteArray();
    byte[] le = new byte[32];
    // toByteArray is big-endian and may carry one leading sign byte, which the bound excludes.
    for (int i = 0; i < 32 && i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }
}
