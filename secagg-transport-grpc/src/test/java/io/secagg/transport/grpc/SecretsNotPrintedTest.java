package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** toString of TLS material, tokens and results never shows key material or sums. */
class SecretsNotPrintedTest {
  @TempDir Path dir;

  private static String keyBody(Path pem) throws IOException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    return text.split("\n")[1]; // a line of the key's base64 body
  }

  @Test
  void tlsObjectsNeverPrintTheirKeys() throws Exception {
    TestPki pki = TestPki.create(dir);
    String body = keyBody(pki.serverKey);
    ServerTls server = pki.serverTls(true);
    assertFalse(server.toString().contains(body));
    assertFalse(server.toString().contains("PRIVATE"));
    ClientTls client = pki.clientTls(3);
    assertFalse(client.toString().contains("PRIVATE"));
    SecAggGrpcClient c = SecAggGrpcClient.builder("127.0.0.1", 1, client).participantId(3).build();
    assertFalse(c.toString().contains("PRIVATE"));
  }

  @Test
  void slotNeverPrintsItsResumeToken() {
    GroupChannel ch = new GroupChannel(0, TestPki.config(3, 4), 1, 1L);
    Slot s = ch.slots[0];
    s.token = new byte[32];
    java.util.Arrays.fill(s.token, (byte) 0xab);
    assertFalse(s.toString().toLowerCase().contains("abab"));
    assertFalse(s.toString().contains(java.util.Base64.getEncoder().encodeToString(s.token).substring(0, 8)));
  }

  @Test
  void rejectsAKeyThatIsNotTheCertificatesOwn() throws Exception {
    TestPki pki = TestPki.create(dir);
    Path[] one = pki.participantFiles(1);
    Path[] two = pki.participantFiles(2);
    IOException client = assertThrows(IOException.class, () -> pki.clientTls().withClientCertificate(one[0], two[1]));
    assertEquals(two[1] + " is not the private key of the certificate in " + one[0], client.getMessage());
    IOException server = assertThrows(IOException.class, () -> ServerTls.fromPem(pki.serverChain, two[1]));
    assertEquals(two[1] + " is not the private key of the certificate in " + pki.serverChain, server.getMessage());
    pki.clientTls().withClientCertificate(one[0], one[1]); // the matching pair is accepted
  }

  @Test
  void rejectsFilesThatAreNotPem() throws Exception {
    Path junk = dir.resolve("junk.pem");
    Files.writeString(junk, "not a certificate " + HexFormat.of().formatHex(new byte[16]));
    assertThrows(IOException.class, () -> ClientTls.trusting(junk));
    assertThrows(IOException.class, () -> ServerTls.fromPem(junk, junk));
    IOException e = assertThrows(IOException.class, () -> ServerTls.fromPem(TestPki.create(dir.resolve("x").toFile().mkdirs() ? dir.resolve("x") : dir).serverChain, junk));
    assertFalse(e.getMessage().contains("0000000000"));
  }
}
