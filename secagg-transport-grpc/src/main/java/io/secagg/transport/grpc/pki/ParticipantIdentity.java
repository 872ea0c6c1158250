package io.secagg.transport.grpc.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a client certificate names the participant it belongs to: exactly one subject alternative
 * name of type URI, {@code urn:secagg:participant:<id>} with {@code <id>} a decimal integer in
 * 1..{@value #MAX_PARTICIPANT} without leading zeros.
 *
 * <p>With mutual TLS the server takes a participant's id from its certificate (never from what
 * the client claims), so a client cannot speak for another participant.
 */
public final class ParticipantIdentity {
  /** The URI prefix of a participant's subject alternative name. */
  public static final String URI_PREFIX = "urn:secagg:participant:";
  /** The largest participant id a certificate can carry. */
  public static final int MAX_PARTICIPANT = Integer.MAX_VALUE;

  private static final int URI_NAME = 6;

  private ParticipantIdentity() {}

  /**
   * The subject alternative name URI of participant {@code id}.
   *
   * @throws IllegalArgumentException if {@code id} is below 1
   */
  public static String uri(int id) {
    if (id < 1) {
      throw new IllegalArgumentException("Invalid participant id " + id + "; must be >= 1");
    }
    return URI_PREFIX + id;
  }

  /**
   * The participant a certificate names.
   *
   * @return the id, or empty if the certificate has no participant URI, more than one, or a
   *     malformed one (the caller then refuses the connection)
   * @throws NullPointerException if {@code certificate} is null
   */
  public static OptionalInt of(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return OptionalInt.empty();
    }
    if (names == null) {
      return OptionalInt.empty();
    }
    OptionalInt found = OptionalInt.empty();
    for (List<?> name : names) {
      if (name.size() < 2 || !Integer.valueOf(URI_NAME).equals(name.get(0))) {
        continue;
      }
      Object value = name.get(1);
      if (!(value instanceof String) || !((String) value).startsWith(URI_PREFIX)) {
        continue;
      }
      OptionalInt id = parse(((String) value).substring(URI_PREFIX.length()));
      if (id.isEmpty() || found.isPresent()) {
        // Malformed, or a second participant name: the certificate is ambiguous.
        return OptionalInt.empty();
      }
      found = id;
    }
    return found;
  }

  private static OptionalInt parse(String digits) {
    if (digits.isEmpty() || digits.length() > 10 || digits.charAt(0) == '0') {
      return OptionalInt.empty();
    }
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalInt.empty();
      }
      v = v * 10 + (c - '0');
    }
    return v > MAX_PARTICIPANT ? OptionalInt.empty() : OptionalInt.of((int) v);
  }
}
