package io.secagg.transport.grpc;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * The TLS handshake with the server failed: the server's certificate is not trusted or does not
 * name the host the client connected to, the server requires a client certificate the client
 * did not present (or does not accept the one it did), or the two sides share no protocol
 * version or cipher suite. A configuration problem, so the client does not retry it.
 *
 * <p>{@link #problem()} says which, as far as the TLS library's error tells; the message states
 * it in plain words, names the host, and ends with the TLS library's own text in parentheses. It
 * never contains key material.
 */
public final class TlsHandshakeException extends IOException {
  private static final long serialVersionUID = 1L;

  /** What made the handshake fail. */
  public enum Problem {
    /** The server's certificate does not name the host or address the client connected to. */
    SERVER_NAME_MISMATCH("the server's certificate does not name the host or address connected to"),
    /**
     * The server's certificate is not issued by an authority the client trusts, or is outside
     * its validity period.
     */
    SERVER_NOT_TRUSTED("the server's certificate is not issued by the authority this client trusts"
        + " (or is outside its validity period)"),
    /** The server requires a client certificate (mutual TLS) and the client presented none. */
    CLIENT_CERTIFICATE_REQUIRED("the server requires a client certificate and this client presented none"),
    /**
     * The server did not accept the client's certificate: not issued by the authority the server
     * trusts for clients, or outside its validity period.
     */
    CLIENT_CERTIFICATE_REFUSED("the server did not accept this client's certificate (not issued by the"
        + " authority the server trusts for clients, or outside its validity period)"),
    /** Anything else: no common protocol version or cipher suite, an unexpected alert. */
    OTHER("the TLS library reported an error");

    private final String description;

    Problem(String description) {
      this.description = description;
    }

    /** The problem in plain words (no host, no library text). */
    public String description() {
      return description;
    }
  }

  private final Problem problem;

  /**
   * A failure of kind {@link Problem#OTHER}.
   *
   * @param message the host and the reason
   */
  public TlsHandshakeException(String message) {
    this(Problem.OTHER, message);
  }

  /**
   * @param problem what made the handshake fail
   * @param message the host and the reason
   * @throws NullPointerException if {@code problem} is null
   */
  public TlsHandshakeException(Problem problem, String message) {
    super(message);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** What made the handshake fail, as far as the TLS library's error tells. */
  public Problem problem() {
    return problem;
  }

  /**
   * Reads the TLS library's error text (JDK or BoringSSL wording) as a {@link Problem}.
   *
   * @param libraryText the deepest message of the handshake failure
   * @param presentedCertificate whether this client presented a certificate
   */
  static Problem classify(String libraryText, boolean presentedCertificate) {
    String t = libraryText.toLowerCase(Locale.ROOT);
    if (t.contains("no name matching") || t.contains("no subject alternative")
        || t.contains("hostname") || t.contains("does not match the host")) {
      return Problem.SERVER_NAME_MISMATCH;
    }
    if (t.contains("certificate_required") || t.contains("peer_did_not_return_a_certificate")
        || t.contains("empty client certificate")) {
      return Problem.CLIENT_CERTIFICATE_REQUIRED;
    }
    // Checks of the server's chain run in this process, through the JDK's trust manager.
    if (t.contains("pkix") || t.contains("certification path") || t.contains("signature does not match")
        || t.contains("trust anchor") || t.contains("validity check") || t.contains("notafter")
        || t.contains("notbefore") || t.contains("certificate expired") || t.contains("not yet valid")) {
      return Problem.SERVER_NOT_TRUSTED;
    }
    // Alerts the server sends when its own check of the client's certificate fails.
    if (presentedCertificate && (t.contains("unknown_ca") || t.contains("bad_certificate")
        || t.contains("certificate_unknown") || t.contains("certificate_expired")
        || t.contains("alert_internal_error") || t.contains("decrypt_error"))) {
      return Problem.CLIENT_CERTIFICATE_REFUSED;
    }
    return Problem.OTHER;
  }
}
