package io.secagg.cli;

import static io.secagg.cli.Run.assertUsageHint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.transport.grpc.pki.ParticipantIdentity;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertsCommandTest {
  @TempDir Path dir;

  private static X509Certificate load(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  @Test
  void writesCaServerAndParticipantCertificates() throws Exception {
    Path out = dir.resolve("certs");
    Run r = Run.of("certs", "--out", out.toString(), "--hosts", "localhost,127.0.0.1,example.org",
        "--participants", "3", "--validity-days", "2").assertOk();
    assertTrue(r.out().contains("DEVELOPMENT certificate authority"), r::toString);
    X509Certificate ca = load(out.resolve("ca.pem"));
    X509Certificate server = load(out.resolve("server.pem"));
    server.verify(ca.getPublicKey());
    assertTrue(server.getSubjectAlternativeNames().stream()
        .anyMatch(n -> n.get(1).equals("example.org")), server::toString);
    for (int i = 1; i <= 3; i++) {
      X509Certificate p = load(out.resolve("participant-" + i + ".pem"));
      p.verify(ca.getPublicKey());
      assertEquals(OptionalInt.of(i), ParticipantIdentity.of(p));
      assertTrue(Files.readString(out.resolve("participant-" + i + ".key")).contains("PRIVATE KEY"));
    }
    assertFalse(Files.exists(out.resolve("participant-4.pem")));
    assertTrue(Files.readString(out.resolve("server.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
  }

  @Test
  void zeroParticipantsWritesOnlyCaAndServer() throws Exception {
    Run.of("certs", "--out", dir.toString(), "--participants", "0").assertOk();
    try (var files = Files.list(dir)) {
      assertEquals(List.of("ca.pem", "server.key", "server.pem"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void refusesToOverwriteAndWritesNothing() throws Exception {
    Files.writeString(dir.resolve("participant-2.key"), "mine");
    Run r = Run.of("certs", "--out", dir.toString(), "--participants", "2");
    assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("participant-2.key exists; refusing to overwrite"), r::toString);
    assertFalse(Files.exists(dir.resolve("ca.pem")), "nothing written");
    assertEquals("mine", Files.readString(dir.resolve("participant-2.key")));
  }

  @Test
  void identitiesWritesAPrivateKeyPerParticipantAndThePublicListWithoutPrintingSeeds() throws Exception {
    Run r = Run.of("certs", "--out", dir.toString(), "--participants", "3", "--identities").assertOk();
    List<byte[]> list = IdentityKeys.readPublic(dir.resolve("identities.txt"), 3);
    for (int i = 1; i <= 3; i++) {
      Path f = dir.resolve("participant-" + i + ".identity");
      Ed25519KeyPair k = IdentityKeys.readPrivate(f);
      assertArrayEquals(list.get(i - 1), k.publicKey(), "key line " + i + " is participant " + i + "'s");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
      }
      String seed = HexFormat.of().formatHex(k.privateKey().toByteArray());
      assertFalse(r.out().contains(seed) || r.err().contains(seed), "a private key was printed");
    }
    assertTrue(r.line("Identity keys").contains("participant-1.identity .. ")
        && r.line("Identity keys").contains("secagg join --identity-key"), r::toString);
    assertTrue(r.line("Identity list").contains("identities.txt (their public keys: secagg serve --malicious"
        + " --identity-keys)"), r::toString);
    assertTrue(r.out().contains("Keep the .key and .identity files private."), r::toString);
  }

  @Test
  void identitiesRefusesAnExistingIdentityFileAndWritesNothing() throws Exception {
    Files.writeString(dir.resolve("identities.txt"), "mine");
    Run r = Run.of("certs", "--out", dir.toString(), "--participants", "2", "--identities");
    assertEquals(Secagg.EXIT_FAILURE, r.exitCode(), r::toString);
    assertTrue(r.err().contains("identities.txt exists; refusing to overwrite"), r::toString);
    assertFalse(Files.exists(dir.resolve("ca.pem")), "nothing written");
    assertFalse(Files.exists(dir.resolve("participant-1.identity")), "nothing written");
    Run.of("certs", "--out", dir.resolve("z").toString(), "--participants", "0", "--identities")
        .assertUsageError("--identities needs --participants 1 or more");
  }

  @Test
  void rejectsBadOptionsWithUsageError() {
    for (String[] args : new String[][] {
        {"certs", "--out", dir.toString(), "--participants", "-1"},
        {"certs", "--out", dir.toString(), "--participants", "100001"},
        {"certs", "--out", dir.toString(), "--participants", "1", "--validity-days", "0"},
        {"certs", "--out", dir.toString(), "--participants", "1", "--validity-days", "3651"},
        {"certs", "--out", dir.toString(), "--participants", "1", "--hosts", ",x"},
        {"certs", "--participants", "1"},
        {"certs", "--out", dir.toString()}}) {
      Run r = Run.of(args);
      assertEquals(Secagg.EXIT_USAGE, r.exitCode(), r::toString);
      assertUsageHint(r, "certs");
    }
  }
}
