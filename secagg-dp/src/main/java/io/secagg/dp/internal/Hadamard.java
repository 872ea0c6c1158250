package io.secagg.dp.internal;

import io.secagg.core.crypto.Keystream;
import io.secagg.core.crypto.KeystreamPurpose;

/** The randomized Walsh-Hadamard rotation of the DDG pipeline and its inverse. */
public final class Hadamard {
  private static final byte[] NO_CONTEXT = new byte[0];

  private Hadamard() {}

  /**
   * The sign vector: the first {@code ceil(n/8)} bytes of the {@link Keystream} of purpose {@link
   * KeystreamPurpose#DP_ROTATION_SIGNS} from the 32-byte {@code seed} (empty context); bit {@code
   * i} is bit {@code i mod 8} (least significant first) of byte {@code floor(i/8)}, which is bit
   * {@code i mod 64} of the little-endian word {@code floor(i/64)}; sign {@code -1} where the bit
   * is 1.
   *
   * @throws IllegalArgumentException if {@code seed} is not 32 bytes
   */
  public static double[] signs(byte[] seed, int n) {
    byte[] stream = new byte[(n + 7) / 8];
    Keystream.open(KeystreamPurpose.DP_ROTATION_SIGNS, seed, NO_CONTEXT).nextBytes(stream);
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = ((stream[i >>> 3] >>> (i & 7)) & 1) == 0 ? 1.0 : -1.0;
    }
    return s;
  }

  /** In place, the unnormalized fast Walsh-Hadamard transform (Sylvester order); length a power of 2. */
  public static void transform(double[] a) {
    int n = a.length;
    for (int h = 1; h < n; h <<= 1) {
      for (int i = 0; i < n; i += h << 1) {
        for (int j = i; j < i + h; j++) {
          double x = a[j];
          double y = a[j + h];
          a[j] = x + y;
          a[j + h] = x - y;
        }
      }
    }
  }

  /** {@code y = H diag(signs) x / sqrt(n)} in place. */
  public static void rotate(double[] x, double[] signs) {
    for (int i = 0; i < x.length; i++) {
      x[i] *= signs[i];
    }
    transform(x);
    double norm = 1 / Math.sqrt(x.length);
    for (int i = 0; i < x.length; i++) {
      x[i] *= norm;
    }
  }

  /** {@code x = diag(signs) H y / sqrt(n)} in place: the inverse of {@link #rotate}. */
  public static void unrotate(double[] y, double[] signs) {
    transform(y);
    double norm = 1 / Math.sqrt(y.length);
    for (int i = 0; i < y.length; i++) {
      y[i] *= norm * signs[i];
    }
  }
}
