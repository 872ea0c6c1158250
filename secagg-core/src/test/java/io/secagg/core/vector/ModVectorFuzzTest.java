package io.secagg.core.vector;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.testing.FuzzChecks;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Jazzer fuzz test of {@link ModVector#decode}: only {@link VectorEncodingException} may come
 * out, and an accepted vector re-encodes to exactly its bytes.
 *
 * <p>Input: {@code u64(m - 1)} (as in the configuration encoding; inputs naming no supported
 * modulus are skipped), {@code u16(L)} with {@code L <= }{@value #MAX_LENGTH}, then the
 * encoding. The modulus and the length are the caller's parameters in the real API, so they
 * are chosen here only among valid values.
 */
public class ModVectorFuzzTest {
  public static final int MAX_LENGTH = 1 << 12;

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void vectors(byte[] input) {
    vector(input);
  }

  /** {@code u64(m - 1) || u16(L) || encoding}. */
  public static void vector(byte[] input) {
    if (input.length < 10) {
      return;
    }
    ByteBuffer b = ByteBuffer.wrap(input);
    Modulus m = modulus(b.getLong());
    int length = b.getShort() & 0xffff;
    if (m == null || length > MAX_LENGTH) {
      return;
    }
    byte[] encoded = Arrays.copyOfRange(input, 10, input.length);
    FuzzChecks.canonical(
        encoded, VectorEncodingException.class, e -> ModVector.decode(m, length, e), ModVector::encode, "vector");
  }

  /** The seed layout. */
  public static byte[] seedOf(Modulus m, int length, byte[] encoded) {
    return ByteBuffer.allocate(10 + encoded.length)
        .putLong(m.maxElement()).putShort((short) length).put(encoded).array();
  }

  private static Modulus modulus(long maxElement) {
    if (maxElement == -1L) {
      return Modulus.powerOfTwo(64);
    }
    long m = maxElement + 1;
    if (m > 1 && (m & (m - 1)) == 0) {
      return Modulus.powerOfTwo(Long.numberOfTrailingZeros(m));
    }
    if (m >= 2 && m <= Modulus.MAX_GENERAL) {
      return Modulus.of(m);
    }
    return null;
  }
}
