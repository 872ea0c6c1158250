package io.secagg.core.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * One AEAD ciphertext holding a client's two Shamir shares (of b_u and of s_u^SK) for one
 * neighbour. {@link #peerId()} is the receiver in {@link ShareKeys} and the sender in
 * {@link MaskedInputRequest}.
 */
public final class EncryptedShares {
  private final int peerId;
  private final byte[] ciphertext;

  /**
   * @param peerId the other end of the ciphertext (see the class comment)
   * @param ciphertext nonce || AES-GCM ciphertext || tag (copied)
   * @throws NullPointerException if {@code ciphertext} is null
   */
  public EncryptedShares(int peerId, byte[] ciphertext) {
    this.peerId = peerId;
    this.ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
  }

  /** The receiver (in {@link ShareKeys}) or the sender (in {@link MaskedInputRequest}). */
  public int peerId() {
    return peerId;
  }

  /** A copy of the ciphertext. */
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  /** The ciphertext length in bytes, without copying. */
  public int ciphertextLength() {
    return ciphertext.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncryptedShares
        && peerId == ((EncryptedShares) o).peerId
        && Arrays.equals(ciphertext, ((EncryptedShares) o).ciphertext);
  }

  @Override
  public int hashCode() {
    return peerId * 31 + Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "EncryptedShares[peer=" + peerId + ", " + ciphertext.length + " bytes]";
  }
}
