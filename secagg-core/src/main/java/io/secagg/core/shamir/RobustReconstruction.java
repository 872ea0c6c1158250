package io.secagg.core.shamir;

import io.secagg.core.crypto.SecretBytes;
import java.util.Objects;

/**
 * The result of {@link ShamirScheme#reconstructRobust}: a secret and the indices of the shares
 * that did not lie on its polynomials (and were therefore left out).
 *
 * <p>The secret is the one encoded by the unique set of polynomials of degree below t that agree
 * with all but at most floor((m - t) / 2) of the m given shares in every chunk. If at most that
 * many shares were altered, it is the secret that was shared and {@link #rejectedIndices()} are
 * exactly the altered shares; if more were altered it may be a different secret, so a caller
 * facing malicious shareholders must check it against a commitment (see the protocol
 * specification). Holds a secret: {@link #secret()} is the caller's to destroy.
 */
public final class RobustReconstruction {
  private final SecretBytes secret;
  private final int[] rejectedIndices;

  RobustReconstruction(SecretBytes secret, int[] rejectedIndices) {
    this.secret = Objects.requireNonNull(secret, "secret");
    this.rejectedIndices = rejectedIndices.clone();
  }

  /** The reconstructed secret, {@value ShamirScheme#SECRET_LENGTH} bytes (not a copy). */
  public SecretBytes secret() {
    return secret;
  }

  /** The x of every share left out because it disagrees with the decoded polynomials, ascending. */
  public int[] rejectedIndices() {
    return rejectedIndices.clone();
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "RobustReconstruction[" + rejectedIndices.length + " shares rejected]";
  }
}
