package io.secagg.dp.internal;

import io.secagg.core.crypto.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The randomized Walsh-Hadamard rotation of the DDG pipeline and its inverse. */
public final class Hadamard {
  private static final byte[] SIGN_INFO = "secagg/v1 dp ddg rotation signs".getBytes(StandardCharsets.US_ASCII);

  private Hadamard() {}

  /**
   * The sign vector: {@code key = HKDF-SHA256(seed, salt = empty, info = "secagg/v1 dp ddg
   * rotation signs", 16)}; the AES-128-CTR keystream (zero IV) under that key, bit {@code i} taken
   * as bit {@code i mod 8} (least significant first) of byte {@code floor(i/8)}; sign {@code -1}
   * where the bit is 1.
   */
  public static double[] signs(byte[] seed, int n) {
    byte[] key = Hkdf.derive(seed, new byte[0], SIGN_INFO, 16);
    byte[] stream = new byte[(n + 7) / 8];
    try {
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      stream = c.doFinal(stream);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR unavailable", e);
    }
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
