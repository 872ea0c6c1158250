package io.secagg.core.wire;

import io.secagg.core.UntrustedInputException;

/**
 * A frame is not a valid encoding of a protocol message for this session: not protobuf, not
 * canonical, an unsupported version, an unknown field, a field of the wrong length, a list too
 * long, or a frame longer than the session allows. The message says which rule failed and never
 * contains frame content.
 *
 * <p>A checked {@link UntrustedInputException}: frames and configurations come from peers.
 */
public final class WireFormatException extends UntrustedInputException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which rule failed
   */
  public WireFormatException(String message) {
    super(message);
  }

  /**
   * @param message which rule failed
   * @param cause the parser's exception
   */
  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
