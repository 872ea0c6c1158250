package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.cli.IdentityKeys.IdentityFileException;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The identity-key file formats: round trips, and strict, line-numbered rejections. */
class IdentityKeysTest {
  // Literals, not computed: the parameterized cases below use them in annotations.
  private static final String A = "0000000000000000000000000000000000000000000000000000000000000001";
  private static final String B = "0000000000000000000000000000000000000000000000000000000000000002";
  private static final String C = "abababababababababababababababababababababababababababababababab";
  private static final String C_UPPER = "ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB";

  @TempDir Path dir;

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("f" + System.nanoTime()), content);
  }

  @Test
  void privateAndPublicFilesRoundTrip() throws Exception {
    List<byte[]> publics = new ArrayList<>();
    List<Ed25519KeyPair> pairs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Ed25519KeyPair k = Ed25519.create().generateKeyPair();
      pairs.add(k);
      publics.add(k.publicKey());
      IdentityKeys.writePrivate(IdentityKeys.privateFile(dir, i), i, k);
    }
    Path list = dir.resolve(IdentityKeys.PUBLIC_FILE);
    IdentityKeys.writePublic(list, publics);
    List<byte[]> read = IdentityKeys.readPublic(list, 3);
    for (int i = 1; i <= 3; i++) {
      Ed25519KeyPair back = IdentityKeys.readPrivate(IdentityKeys.privateFile(dir, i));
      assertArrayEquals(publics.get(i - 1), back.publicKey());
      assertArrayEquals(publics.get(i - 1), read.get(i - 1));
      assertTrue(back.privateKey().equalsConstantTime(pairs.get(i - 1).privateKey()));
    }
    List<String> lines = Files.readAllLines(IdentityKeys.privateFile(dir, 2));
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("# secagg identity key v1") && lines.get(0).contains("participant 2"));
    assertTrue(lines.get(1).matches("[0-9a-f]{64}"), lines.get(1));
    List<String> listLines = Files.readAllLines(list);
    assertTrue(listLines.get(0).startsWith("#"));
    assertEquals(HexFormat.of().formatHex(publics.get(0)), listLines.get(1));
  }

  @Test
  void privateFileIsOwnerOnlyAndNeverOverwritten() throws Exception {
    Ed25519KeyPair k = Ed25519.create().generateKeyPair();
    Path f = IdentityKeys.privateFile(dir, 1);
    IdentityKeys.writePrivate(f, 1, k);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
      assertFalse(IdentityKeys.readableByOthers(f));
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
      assertTrue(IdentityKeys.readableByOthers(f));
    }
    byte[] before = Files.readAllBytes(f);
    assertThrows(FileAlreadyExistsException.class,
        () -> IdentityKeys.writePrivate(f, 1, Ed25519.create().generateKeyPair()));
    assertArrayEquals(before, Files.readAllBytes(f));
    assertThrows(FileAlreadyExistsException.class, () -> IdentityKeys.writePublic(f, List.of()));
  }

  @Test
  void publicListAllowsCommentsBlanksAroundKeysUppercaseAndTrailingBlankLines() throws Exception {
    Path f = file("\uFEFF# header\n  " + A + "  \r\n   # indented comment\n" + C_UPPER + "\n" + B + "\n\n\n");
    List<byte[]> keys = IdentityKeys.readPublic(f, 3);
    assertEquals(A, HexFormat.of().formatHex(keys.get(0)));
    assertEquals(C, HexFormat.of().formatHex(keys.get(1)));
    assertEquals(B, HexFormat.of().formatHex(keys.get(2)));
    assertEquals(2, IdentityKeys.readPublic(file(A + "\n" + B), 2).size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "short key       | #h\\n" + A + "\\n0102\\n      | :3: 4 hex digits; a key is 64 (32 bytes) (participant 2's public key)",
        "not hex         | " + A + "\\nzz" + "\\n          | :2: character 'z' at column 1 is not a hex digit",
        "non-ascii digit | " + A + "\\n\u0661\\n          | :2: character '\u0661' at column 1 is not a hex digit",
        "blank in middle | " + A + "\\n\\n" + B + "\\n    | :2: an empty line before key 2",
        "too many        | " + A + "\\n" + B + "\\n" + C + "\\n | :3: key 3, but there are 2 participants; the file must hold exactly 2 keys",
        "too few         | # only one\\n" + A + "\\n     | : holds 1 key, but there are 2 participants",
        "none            | # nothing\\n                 | : holds 0 keys, but there are 2 participants",
        "duplicate       | " + C + "\\n# x\\n" + C_UPPER + "\\n | :3: participant 2 has the same key as line 1",
      })
  void publicListRejectsWithTheLine(String name, String content, String message) throws Exception {
    Path f = file(content.replace("\\n", "\n"));
    IdentityFileException e = assertThrows(IdentityFileException.class, () -> IdentityKeys.readPublic(f, 2));
    assertTrue(e.getMessage().startsWith(f + message), e.getMessage());
  }

  @Test
  void publicListRejectsOverlongLinesMissingFilesAndNonUtf8() throws Exception {
    Path longLine = file("#" + "x".repeat(IdentityKeys.MAX_LINE_CHARS + 5) + "\n");
    assertTrue(assertThrows(IdentityFileException.class, () -> IdentityKeys.readPublic(longLine, 1))
        .getMessage().endsWith(":1: a line longer than 1024 characters; not an identity-key list"));
    Path missing = dir.resolve("missing.txt");
    assertEquals(missing + ": no such file",
        assertThrows(IdentityFileException.class, () -> IdentityKeys.readPublic(missing, 1)).getMessage());
    Path binary = Files.write(dir.resolve("bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertEquals(binary + ": not UTF-8 text",
        assertThrows(IdentityFileException.class, () -> IdentityKeys.readPublic(binary, 1)).getMessage());
  }

  @Test
  void privateFileAcceptsCommentsBlankLinesAndUppercase() throws Exception {
    Ed25519KeyPair k = IdentityKeys.readPrivate(file("# mine\n\n  " + C_UPPER + " \r\n# end\n"));
    assertEquals(Ed25519.create().keyPairFromPrivateKey(
        io.secagg.core.crypto.SecretBytes.copyOf(HexFormat.of().parseHex(C))).toString(), k.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no key      | # nothing here\\n\\n          | : holds no key (only comments or blank lines)",
        "two keys    | " + A + "\\n" + B + "\\n       | :2: a second key line (the first is line 1); an identity key file holds exactly one private key (is this the public list identities.txt?)",
        "short       | #\\n" + "abcd" + "\\n          | :2: not 64 hex digits",
        "bad digit   | " + "gbababababababababababababababababababababababababababababababab\\n | :1: not 64 hex digits",
        "pem         | -----BEGIN PRIVATE KEY-----\\nMC4\\n | :1: a PEM line, not a hex key; --identity-key takes participant-<i>.identity",
      })
  void privateFileRejectsWithTheLineAndNeverTheKey(String name, String content, String message) throws Exception {
    Path f = file(content.replace("\\n", "\n"));
    IdentityFileException e = assertThrows(IdentityFileException.class, () -> IdentityKeys.readPrivate(f));
    assertTrue(e.getMessage().startsWith(f + message), e.getMessage());
    assertFalse(e.getMessage().contains("abcd") || e.getMessage().contains(C.substring(1, 20)), e.getMessage());
  }

  @Test
  void privateFileRejectsLargeAndMissingFiles() throws Exception {
    Path big = Files.write(dir.resolve("big"), ("#" + "x".repeat(IdentityKeys.MAX_PRIVATE_FILE_BYTES) + "\n" + C)
        .getBytes(StandardCharsets.US_ASCII));
    assertTrue(assertThrows(IdentityFileException.class, () -> IdentityKeys.readPrivate(big)).getMessage()
        .startsWith(big + ": larger than 4096 bytes"));
    Path missing = dir.resolve("none");
    assertEquals(missing + ": no such file",
        assertThrows(IdentityFileException.class, () -> IdentityKeys.readPrivate(missing)).getMessage());
  }
}
