package io.secagg.core.protocol;

import java.util.Objects;

/**
 * A share that the server left out when it reconstructed a secret, because it disagreed with
 * the polynomial on which the other shares lie and that polynomial gave the committed secret
 * (the owner's self-mask commitment, or its advertised masking public key). Its sender provably
 * sent a share that the owner did not deal, if at most floor((m - t) / 2) of the m shares of that
 * secret were altered; otherwise the session would have aborted instead.
 *
 * @param sender the client that sent the share in round 4 (its Shamir index)
 * @param owner the client whose secret the share was of
 * @param kind which secret of the owner
 */
public record RejectedShare(int sender, int owner, SecretKind kind) {
  /** Which of a client's two shared secrets. */
  public enum SecretKind {
    /** The self-mask seed b_v of a client whose masked input is in the sum. */
    SELF_MASK_SEED,
    /** The masking private key s_v^SK of a client that shared keys but whose input is missing. */
    MASKING_KEY
  }

  /**
   * @throws NullPointerException if {@code kind} is null
   */
  public RejectedShare {
    Objects.requireNonNull(kind, "kind");
  }
}
