package io.secagg.session;

import io.secagg.core.crypto.DeterministicRandom;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Where a runner's parties get their randomness: one fresh {@link SecureRandom} per party, or,
 * for a simulation with a seed, one {@link DeterministicRandom} per (purpose, party) derived from
 * the seed (8-byte big-endian seed, 4-byte big-endian party, the purpose's ASCII bytes), so a run
 * can be repeated byte for byte.
 */
final class Randomness {
  private final Long seed;

  private Randomness(Long seed) {
    this.seed = seed;
  }

  static Randomness secure() {
    return new Randomness(null);
  }

  static Randomness seeded(long seed) {
    return new Randomness(seed);
  }

  boolean deterministic() {
    return seed != null;
  }

  /** The source of {@code party} for {@code purpose}. */
  SecureRandom forParty(String purpose, int party) {
    if (seed == null) {
      return new SecureRandom();
    }
    byte[] label = purpose.getBytes(StandardCharsets.US_ASCII);
    return DeterministicRandom.forTestVectorsOnly(
        ByteBuffer.allocate(8 + 4 + label.length).putLong(seed).putInt(party).put(label).array());
  }

  /** 32 bytes for {@code purpose} (a public seed, or a bit source's key). */
  byte[] bytes32(String purpose, int party) {
    byte[] b = new byte[32];
    forParty(purpose, party).nextBytes(b);
    return b;
  }
}
