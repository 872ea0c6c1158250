package io.secagg.dp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.testvectors.ReferenceKeystream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HadamardTest {
  private static byte[] seed() {
    byte[] s = new byte[32];
    for (int i = 0; i < s.length; i++) {
      s[i] = (byte) (3 * i + 1);
    }
    return s;
  }

  @Test
  void signsAreTheRotationSignKeystreamLeastSignificantBitFirst() {
    int n = 1000;
    ReferenceKeystream ks =
        ReferenceKeystream.open("secagg/v1 keystream-dp-rotation-signs", seed(), new byte[0]);
    double[] signs = Hadamard.signs(seed(), n);
    assertEquals(n, signs.length);
    int minus = 0;
    for (int i = 0; i < n; i += 8) {
      int b = ks.nextByte();
      for (int j = 0; j < 8 && i + j < n; j++) {
        double expected = ((b >>> j) & 1) == 1 ? -1.0 : 1.0;
        assertEquals(expected, signs[i + j], "sign " + (i + j));
        minus += expected < 0 ? 1 : 0;
      }
    }
    // Both signs occur (a stuck stream would give one only): fails with probability 2^-999.
    assertTrue(minus > 0 && minus < n, "minus signs " + minus);
  }

  @Test
  void signsArePrefixesOfEachOther() {
    double[] longer = Hadamard.signs(seed(), 4096);
    assertEquals(Arrays.toString(Arrays.copyOf(longer, 13)), Arrays.toString(Hadamard.signs(seed(), 13)));
  }

  @Test
  void rejectsRotationSeedsThatAreNotThirtyTwoBytes() {
    assertThrows(IllegalArgumentException.class, () -> Hadamard.signs(new byte[31], 8));
    assertThrows(IllegalArgumentException.class, () -> Hadamard.signs(new byte[33], 8));
  }

  @Test
  void unrotateInvertsRotate() {
    int n = 64;
    double[] signs = Hadamard.signs(seed(), n);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.sin(i + 1);
    }
    double[] y = x.clone();
    Hadamard.rotate(y, signs);
    Hadamard.unrotate(y, signs);
    for (int i = 0; i < n; i++) {
      assertEquals(x[i], y[i], 1e-12, "coordinate " + i);
    }
  }
}
