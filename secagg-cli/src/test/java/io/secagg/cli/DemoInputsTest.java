package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoInputsTest {
  private static final Modulus M32 = Modulus.powerOfTwo(32);

  @Test
  void isAFunctionOfSeedParticipantModulusAndLength() {
    assertEquals(DemoInputs.of(5, 3, M32, 100), DemoInputs.of(5, 3, M32, 100));
    assertNotEquals(DemoInputs.of(5, 3, M32, 100), DemoInputs.of(6, 3, M32, 100));
    assertNotEquals(DemoInputs.of(5, 3, M32, 100), DemoInputs.of(5, 4, M32, 100));
  }

  @Test
  void shorterInputIsAPrefixOfTheLongerOne() {
    long[] longer = DemoInputs.of(1, 2, M32, 10_000).toLongArray();
    assertArrayEquals(Arrays.copyOf(longer, 4097), DemoInputs.of(1, 2, M32, 4097).toLongArray());
  }

  @Test
  void elementsAreInRangeForGeneralAndFullWidthModuli() {
    for (Modulus m : new Modulus[] {Modulus.of(1_000_003), Modulus.powerOfTwo(64), Modulus.powerOfTwo(1)}) {
      ModVector v = DemoInputs.of(9, 1, m, 1000);
      for (long x : v.toLongArray()) {
        assertTrue(m.contains(x));
      }
    }
  }

  @Test
  void firstElementsMatchTheDocumentedDerivation() {
    // Recomputed by hand from the class description: DeterministicRandom over label || seed || id.
    byte[] seed = new byte["secagg/cli demo-input".length() + 12];
    System.arraycopy("secagg/cli demo-input".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, seed, 0, 21);
    seed[21 + 7] = 7;
    seed[21 + 11] = 2;
    byte[] stream = new byte[16];
    io.secagg.core.crypto.DeterministicRandom.forTestVectorsOnly(seed).nextBytes(stream);
    long first = java.nio.ByteBuffer.wrap(stream).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(first & 0xffffffffL, DemoInputs.of(7, 2, M32, 2).get(0));
  }

  @Test
  void sumAddsTheParticipantsInputs() {
    ModVector expected = DemoInputs.of(3, 1, M32, 50);
    expected.addInPlace(DemoInputs.of(3, 4, M32, 50));
    assertEquals(expected, DemoInputs.sum(3, List.of(1, 4), M32, 50));
  }

  @Test
  void rejectsBadParticipantAndLength() {
    assertThrows(IllegalArgumentException.class, () -> DemoInputs.of(0, 0, M32, 5));
    assertThrows(IllegalArgumentException.class, () -> DemoInputs.of(0, 1, M32, 0));
  }
}
