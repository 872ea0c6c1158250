package io.secagg.bench;

import io.secagg.core.crypto.Keystream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * The raw limit of every keystream benchmark: the JDK's AES-128-CTR cipher itself, without
 * secagg's key derivation, buffering or checks. The library reads AES-CTR only through {@link
 * Keystream}; the benchmarks' baselines take their bare cipher here and nowhere else, naming the
 * transformation by {@link Keystream#JCE_TRANSFORMATION} so that both measure the same JCE code.
 */
final class BareAesCtr {
  private BareAesCtr() {}

  /** A new unkeyed JCE AES-CTR cipher; the baseline keys it per mask. */
  static Cipher newCipher() throws GeneralSecurityException {
    return Cipher.getInstance(Keystream.JCE_TRANSFORMATION);
  }
}
