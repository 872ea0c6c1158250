package io.secagg.transport.grpc;

import io.secagg.core.UntrustedInputException;

/**
 * The peer sent a session envelope ({@code spec/secagg-session.proto}) that breaks the session
 * protocol: bytes that are not a well-formed envelope (an unknown field, a field twice, both
 * bodies, a truncated or overlong length), or a well-formed one that the protocol does not allow
 * at that point (a second Welcome, a Welcome with fields out of range, a frame sequence that
 * skips a number, a frame longer than the session allows). Checked, the transport's member of
 * secagg-core's {@link UntrustedInputException} family: a malicious or broken server causes it,
 * not the caller. The client does not retry it. The message names the rule, never content.
 */
public final class InvalidEnvelopeException extends UntrustedInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the broken rule
   */
  public InvalidEnvelopeException(String message) {
    super(message);
  }
}
