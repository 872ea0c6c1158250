package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.transport.grpc.TlsHandshakeException.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TLS library's texts (JDK and BoringSSL wordings) read as problems a user can act on. */
class TlsHandshakeExceptionTest {
  @ParameterizedTest(name = "{0} (client certificate: {1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "No name matching localhost found | false | SERVER_NAME_MISMATCH",
        "No subject alternative names matching IP address 127.0.0.1 found | true | SERVER_NAME_MISMATCH",
        "PKIX path building failed: unable to find valid certification path to requested target | false | SERVER_NOT_TRUSTED",
        "Signature does not match. | true | SERVER_NOT_TRUSTED",
        "PKIX path validation failed: validity check failed | false | SERVER_NOT_TRUSTED",
        "error:1000045c:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED | false | CLIENT_CERTIFICATE_REQUIRED",
        "Received fatal alert: certificate_required | false | CLIENT_CERTIFICATE_REQUIRED",
        "error:10000438:SSL routines:OPENSSL_internal:TLSV1_ALERT_INTERNAL_ERROR | true | CLIENT_CERTIFICATE_REFUSED",
        "error:10000418:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA | true | CLIENT_CERTIFICATE_REFUSED",
        "Received fatal alert: bad_certificate | true | CLIENT_CERTIFICATE_REFUSED",
        "error:10000438:SSL routines:OPENSSL_internal:TLSV1_ALERT_INTERNAL_ERROR | false | OTHER",
        "Received fatal alert: protocol_version | true | OTHER",
      })
  void classifiesTheLibrarysTextAsAProblem(String text, boolean presented, Problem expected) {
    assertEquals(expected, TlsHandshakeException.classify(text, presented));
  }

  @org.junit.jupiter.api.Test
  void keepsItsProblemAndRejectsANullOne() {
    assertEquals(Problem.OTHER, new TlsHandshakeException("x").problem());
    assertEquals(Problem.SERVER_NOT_TRUSTED, new TlsHandshakeException(Problem.SERVER_NOT_TRUSTED, "x").problem());
    assertThrows(NullPointerException.class, () -> new TlsHandshakeException(null, "x"));
  }
}
