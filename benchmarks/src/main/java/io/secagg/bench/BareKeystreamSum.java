package io.secagg.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The baseline of the client masking benchmarks: {@code peers + 1} bare AES-128-CTR keystreams of
 * {@code 4 L} bytes, produced in 32 KiB chunks as the library does, added into an {@code int[L]}.
 * Keys and buffers are made once, at construction, outside the timed region.
 */
final class BareKeystreamSum {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int CHUNK = 32 * 1024;

  private final int[] accumulator;
  private final byte[] keystream = new byte[CHUNK];
  private final byte[] zeros = new byte[CHUNK];
  private final Cipher cipher;
  private final SecretKeySpec[] keys;

  BareKeystreamSum(int peers, int length) throws GeneralSecurityException {
    accumulator = new int[length];
    cipher = BareAesCtr.newCipher();
    keys = new SecretKeySpec[peers + 1];
    for (int i = 0; i <= peers; i++) {
      byte[] k = new byte[16];
      k[0] = (byte) i;
      k[1] = (byte) (i >>> 8);
      keys[i] = new SecretKeySpec(k, "AES");
    }
  }

  /** Adds every key's keystream into the accumulator; returns the accumulator. */
  int[] run() throws GeneralSecurityException {
    int bytes = 4 * accumulator.length;
    for (SecretKeySpec key : keys) {
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
      for (int off = 0; off < bytes; off += CHUNK) {
        int len = Math.min(CHUNK, bytes - off);
        cipher.update(zeros, 0, len, keystream, 0);
        addChunk(accumulator, off >>> 2, keystream, len >>> 2);
      }
    }
    return accumulator;
  }

  // Never inlined: C2 vectorises this loop only when it is compiled away from the Cipher call
  // (PERFORMANCE.md); the library keeps its kernel apart the same way, through a method handle.
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  static void addChunk(int[] acc, int start, byte[] ks, int count) {
    for (int i = 0; i < count; i++) {
      acc[start + i] += (int) INT_LE.get(ks, i << 2);
    }
  }
}
