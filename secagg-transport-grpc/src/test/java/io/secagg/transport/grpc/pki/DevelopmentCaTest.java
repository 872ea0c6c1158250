package io.secagg.transport.grpc.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentCaTest {
  private static DevelopmentCa ca;

  @BeforeAll
  static void createAuthority() throws Exception {
    ca = DevelopmentCa.generate("secagg test CA", Duration.ofDays(1), new SecureRandom());
  }

  @Test
  void issuesAServerCertificateForNamesAndAddressesSignedByTheAuthority() throws Exception {
    IssuedCertificate server = ca.issueServer(List.of("localhost", "127.0.0.1", "::1"));
    X509Certificate cert = server.certificate();
    cert.verify(ca.certificate().getPublicKey());
    cert.checkValidity();
    Collection<List<?>> names = cert.getSubjectAlternativeNames();
    assertEquals(3, names.size());
    assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    assertEquals(-1, cert.getBasicConstraints(), "not a CA");
    assertEquals(0, ca.certificate().getBasicConstraints(), "the authority is a CA of path length 0");
  }

  @Test
  void participantCertificateNamesItsParticipant() throws Exception {
    X509Certificate cert = ca.issueParticipant(42).certificate();
    cert.verify(ca.certificate().getPublicKey());
    assertEquals(OptionalInt.of(42), ParticipantIdentity.of(cert));
    assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"), "clientAuth");
  }

  @Test
  void aServerCertificateNamesNoParticipant() throws Exception {
    assertEquals(OptionalInt.empty(), ParticipantIdentity.of(ca.issueServer(List.of("localhost")).certificate()));
    assertEquals(OptionalInt.empty(), ParticipantIdentity.of(ca.certificate()));
  }

  @Test
  void writesPemThatTheJdkParsesAndAnOwnerOnlyKey(@TempDir Path dir) throws Exception {
    IssuedCertificate client = ca.issueParticipant(7);
    Path chain = dir.resolve("client.pem");
    Path key = dir.resolve("client.key");
    client.writeCertificateChain(chain);
    client.writePrivateKey(key);
    ca.writeCertificate(dir.resolve("ca.pem"));
    try (InputStream in = Files.newInputStream(chain)) {
      Collection<? extends java.security.cert.Certificate> parsed =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      assertEquals(2, parsed.size());
    }
    String keyText = Files.readString(key, StandardCharsets.US_ASCII);
    assertTrue(keyText.startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
  }

  @Test
  void neverOverwritesAnExistingFile(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("server.key");
    Files.writeString(key, "keep me");
    assertThrows(FileAlreadyExistsException.class, () -> ca.issueServer(List.of("localhost")).writePrivateKey(key));
    assertEquals("keep me", Files.readString(key));
  }

  @Test
  void toStringNamesTheSubjectButNeverTheKey() throws Exception {
    IssuedCertificate c = ca.issueParticipant(3);
    assertTrue(c.toString().contains("secagg participant 3"));
    assertFalse(c.toString().contains("PRIVATE"));
    assertTrue(ca.toString().contains("secagg test CA"));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> ca.issueParticipant(0));
    assertThrows(IllegalArgumentException.class, () -> ca.issueServer(List.of()));
    assertThrows(IllegalArgumentException.class, () -> ca.issueServer(List.of("")));
    assertThrows(
        IllegalArgumentException.class,
        () -> DevelopmentCa.generate("x", Duration.ofDays(4000), new SecureRandom()));
    assertThrows(IllegalArgumentException.class, () -> ParticipantIdentity.uri(-1));
  }
}
