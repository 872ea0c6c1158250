package io.secagg.transport.grpc;

import java.io.IOException;

/**
 * The TLS handshake with the server failed: the server's certificate is not trusted or does not
 * name the host the client connected to, the server requires a client certificate the client
 * did not present (or does not trust the one it did), or the two sides share no protocol
 * version or cipher suite. A configuration problem, so the client does not retry it. The
 * message names the host and the TLS library's reason, never key material.
 */
public final class TlsHandshakeException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the host and the reason
   */
  public TlsHandshakeException(String message) {
    super(message);
  }
}
