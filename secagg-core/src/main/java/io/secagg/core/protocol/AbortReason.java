package io.secagg.core.protocol;

import java.util.Objects;

/**
 * Why a party aborted a session, with a stable numeric code that travels in {@code AbortNotice}
 * frames (see {@code spec/secagg.md, section 5}, "Abort reasons").
 *
 * <p>A reason says which rule failed, never any secret value. Codes are stable across versions;
 * a decoder that meets an unknown code maps it to {@link #UNKNOWN}.
 */
public enum AbortReason {
  /** A code this implementation does not know (only ever produced by decoding). */
  UNKNOWN(0),
  /** A frame could not be decoded, or a field has the wrong length or range. */
  MALFORMED_MESSAGE(1),
  /** A well-formed message arrived in a state that does not expect it. */
  UNEXPECTED_MESSAGE(2),
  /** The relayed key list is unsorted, out of range, has duplicates, or misquotes our own keys. */
  INVALID_KEY_LIST(3),
  /** An Ed25519 signature (advertise keys or consistency check) does not verify. */
  INVALID_SIGNATURE(4),
  /** Fewer than t members of the share group (the party and its neighbours) are still alive. */
  TOO_FEW_NEIGHBOURS(5),
  /** An encrypted share did not authenticate under its expected key and associated data. */
  SHARE_DECRYPTION_FAILED(6),
  /** A decrypted share or a share in an unmasking response is not a valid share for us. */
  INVALID_SHARE(7),
  /** The relayed ciphertext list is unsorted, has duplicates, or names non-neighbours. */
  INVALID_SHARE_LIST(8),
  /** The consistency-check survivor set is malformed or inconsistent with what we know. */
  INVALID_SURVIVOR_SET(9),
  /**
   * The unmasking lists are malformed: overlapping, duplicated, naming non-neighbours, listing
   * the client itself as dropped, or disagreeing with the signed survivor set.
   */
  INVALID_UNMASKING_REQUEST(10),
  /** The server: fewer than t clients survive a round. */
  TOO_FEW_SURVIVORS(11),
  /** The server: some secret it must recover has fewer than t shares. */
  INSUFFICIENT_SHARES(12),
  /** The server: a recovered masking key does not match its advertised public key. */
  RECONSTRUCTION_MISMATCH(13),
  /** A key agreement produced the all-zero shared secret (a low-order peer key). */
  KEY_AGREEMENT_FAILED(14),
  /** The peer sent an abort notice. */
  PEER_ABORTED(15),
  /** The local caller stopped the session. */
  CANCELLED(16);

  private final int code;

  AbortReason(int code) {
    this.code = code;
  }

  /** The stable wire code, 0..16. */
  public int code() {
    return code;
  }

  /**
   * Whether an abort notice may carry this reason: every reason except {@link #UNKNOWN} (a
   * decoding artefact) and {@link #PEER_ABORTED} (a party's state after receiving a notice).
   * Decoders reject notices with the other two (spec section 5.11).
   */
  public boolean isSentOnTheWire() {
    return this != UNKNOWN && this != PEER_ABORTED;
  }

  /**
   * {@code reason}, checked as the reason of an abort notice ({@link ClientAbort}, {@link
   * ServerAbort}).
   *
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if it is not {@link #isSentOnTheWire() sent on the wire}
   */
  static AbortReason requireSendable(AbortReason reason) {
    if (!Objects.requireNonNull(reason, "reason").isSentOnTheWire()) {
      throw new IllegalArgumentException("an abort notice never carries " + reason);
    }
    return reason;
  }

  /**
   * The reason with this wire code, or {@link #UNKNOWN} for any code this version does not know
   * (including negative ones).
   */
  public static AbortReason fromCode(int code) {
    for (AbortReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return UNKNOWN;
  }
}
