package io.secagg.session;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A reproducible uniform number in [0, 1) per (seed, round, client), for random schedules. */
final class Coin {
  private Coin() {}

  static double flip(long seed, int round, int clientId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h = sha.digest(ByteBuffer.allocate(16).putLong(seed).putInt(round).putInt(clientId).array());
      long bits = ByteBuffer.wrap(h).getLong() >>> 11;
      return bits * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
