package io.secagg.cli;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The public-seed demo inputs of {@code secagg join --random} and {@code secagg serve
 * --verify-random-seed}: the one place both commands derive them, so a server can recompute the
 * inputs of the participants it included and check its sum.
 *
 * <p><b>Not private data.</b> Anyone who knows the seed (default 0) and a participant's id can
 * compute that participant's input; the demo shows the protocol working end to end, it protects
 * nothing.
 *
 * <p>Derivation: a {@link DeterministicRandom} seeded with {@code ASCII("secagg/cli demo-input")
 * || seed (8 bytes, big-endian) || participant (4 bytes, big-endian)}; element i is the i-th
 * group of 8 stream bytes read as an unsigned little-endian integer, masked to b bits for m =
 * 2^b and reduced mod m otherwise (the modulo bias is irrelevant for demo data). The input for
 * length L is therefore a prefix of the input for any longer length.
 */
final class DemoInputs {
  private static final byte[] LABEL = "secagg/cli demo-input".getBytes(StandardCharsets.US_ASCII);
  // Elements are drawn in batches so a long vector never needs a second 8L-byte buffer.
  private static final int BATCH = 4096;

  private DemoInputs() {}

  /**
   * The demo input of one participant.
   *
   * @param seed the public seed
   * @param participant the participant's global id, at least 1
   * @param modulus m
   * @param length L, 1..{@link ModVector#MAX_LENGTH}
   * @throws IllegalArgumentException if {@code participant} is below 1 or the length out of range
   * @throws NullPointerException if {@code modulus} is null
   */
  static ModVector of(long seed, int participant, Modulus modulus, int length) {
    Objects.requireNonNull(modulus, "modulus");
    if (participant < 1) {
      throw new IllegalArgumentException("Invalid participant " + participant + "; must be at least 1");
    }
    if (length < 1 || length > ModVector.MAX_LENGTH) {
      throw new IllegalArgumentException("Invalid length " + length + "; must be 1.." + ModVector.MAX_LENGTH);
    }
    DeterministicRandom random = DeterministicRandom.forTestVectorsOnly(
        ByteBuffer.allocate(LABEL.length + 12).put(LABEL).putLong(seed).putInt(participant).array());
    boolean pow2 = modulus.isPowerOfTwo();
    long mask = modulus.maxElement();
    long m = pow2 ? 0 : modulus.longValueExact();
    long[] elements = new long[length];
    byte[] bytes = new byte[8 * Math.min(BATCH, length)];
    for (int start = 0; start < length; start += BATCH) {
      int n = Math.min(BATCH, length - start);
      byte[] chunk = n * 8 == bytes.length ? bytes : new byte[8 * n];
      random.nextBytes(chunk);
      ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < n; i++) {
        long x = b.getLong();
        elements[start + i] = pow2 ? x & mask : Long.remainderUnsigned(x, m);
      }
    }
    return ModVector.of(modulus, elements);
  }

  /**
   * The sum mod m of the demo inputs of {@code participants}.
   *
   * @throws IllegalArgumentException as {@link #of}
   * @throws NullPointerException if an argument is null
   */
  static ModVector sum(long seed, Iterable<Integer> participants, Modulus modulus, int length) {
    ModVector total = ModVector.zeros(modulus, length);
    for (int p : participants) {
      total.addInPlace(of(seed, p, modulus, length));
    }
    return total;
  }
}
