package io.secagg.core;

import java.security.GeneralSecurityException;

/**
 * Input from outside the caller's control was rejected: bytes from a peer (a frame, a
 * configuration offered by a server, an encoded vector) or a share another party produced. Every
 * such rejection in secagg-core, and in the modules built on it (secagg-dp, the gRPC transport),
 * is a subtype of this class, so one {@code catch} separates "a peer sent something invalid"
 * from the caller's own bugs.
 *
 * <p>The split this library keeps everywhere:
 * <ul>
 *   <li>Untrusted input, which the caller cannot prevent and must handle (typically by dropping
 *       the peer or aborting the round): a checked subtype of this class. Known subtypes are
 *       {@link io.secagg.core.wire.WireFormatException} (a frame or configuration),
 *       {@link io.secagg.core.shamir.InvalidShareException} (a share) and
 *       {@link io.secagg.core.vector.VectorEncodingException} (an encoded vector).
 *   <li>Caller bugs, which the caller controls and can prevent: unchecked ({@link
 *       NullPointerException}, {@link IllegalArgumentException} for an out-of-range argument,
 *       {@link IllegalStateException} for a call in the wrong state).
 * </ul>
 *
 * <p>Messages name the rule that failed and, where useful, an index or a count; they never
 * contain the rejected bytes, a share value or any other secret. Subclasses add a
 * machine-readable reason where one exists.
 */
public abstract class UntrustedInputException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which rule the input broke (no secrets, no input bytes)
   */
  protected UntrustedInputException(String message) {
    super(message);
  }

  /**
   * @param message which rule the input broke (no secrets, no input bytes)
   * @param cause the lower-level failure, if any
   */
  protected UntrustedInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
