package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The copies of the official vectors are exactly what {@code sync.sh} copied: every file listed in
 * {@code SHA256SUMS} has that digest, every JSON file is listed, and the licence and upstream
 * notes sit beside them. (To compare with the draft's own repository, run
 * {@code test-vectors/third_party/vdaf/sync.sh --check DIR}.)
 */
class ThirdPartyCopiesTest {
  @Test
  void copiesMatchTheirRecordedDigests() throws IOException, NoSuchAlgorithmException {
    Path dir = OfficialVectorsTest.thirdPartyDir();
    assertTrue(Files.isRegularFile(dir.resolve("LICENSE.md")), "LICENSE.md beside the copies");
    assertTrue(Files.isRegularFile(dir.resolve("UPSTREAM")), "UPSTREAM beside the copies");
    List<String> lines = Files.readAllLines(dir.resolve("SHA256SUMS"), StandardCharsets.UTF_8);
    Set<String> listed = new TreeSet<>();
    for (String line : lines) {
      String[] parts = line.split("  ", 2);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(parts[1])));
      assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1]);
      listed.add(parts[1]);
    }
    Set<String> present;
    try (Stream<Path> files = Files.walk(dir)) {
      present =
          files.filter(p -> p.toString().endsWith(".json"))
              .map(p -> dir.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(present, listed, "every JSON copy is listed in SHA256SUMS");
    assertEquals(20, listed.size(), "18 Prio3 files and 2 XOF files");
  }
}
