package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.cli.InputFile.InputFileException;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFileTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path f = dir.resolve("input.txt");
    Files.write(f, text.getBytes(StandardCharsets.UTF_8));
    return f;
  }

  private static SecAggConfig config(int length, Modulus m) {
    return SecAggConfig.builder().clientCount(3).threshold(2).vectorLength(length).modulus(m)
        .completeGraph().build();
  }

  @Test
  void acceptsWhitespaceCommasAndCommentLines() throws Exception {
    InputFile in = InputFile.read(write(
        "\uFEFF# a comment\n1 2,3\r\n  # indented comment\n\n4 ,\t5,\n6\n007 18446744073709551615\n"));
    assertEquals(8, in.length());
    assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, -1L},
        in.toVector(config(8, Modulus.powerOfTwo(64))).toLongArray());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 2 -3            | input.txt:1:5: a negative value",
        "1 2.5             | input.txt:1:4: unexpected character '.' after a number",
        "1\\n2 x           | input.txt:2:3: unexpected character 'x'",
        "1,,2              | input.txt:1:3: two commas with no value between them",
        ", 1               | input.txt:1:1: a comma before the first value",
        "1, 2,             | a trailing comma after the last value",
        "1 2 # note        | input.txt:1:5: a '#' after a value",
        "12a               | input.txt:1:3: unexpected character 'a' after a number",
        "+1                | input.txt:1:1: unexpected character '+'",
        "18446744073709551616 | input.txt:1:1: a value above 2^64 - 1",
        "99999999999999999999999 | input.txt:1:1: a value above 2^64 - 1",
        "# only a comment  | holds no values",
        "1 \u00a02         | input.txt:1:3: unexpected character U+00A0",
      })
  void rejectsMalformedFilesNamingLineAndColumn(String text, String message) throws IOException {
    Path f = write(text.trim().replace("\\n", "\n"));
    InputFileException e = assertThrows(InputFileException.class, () -> InputFile.read(f));
    assertTrue(e.getMessage().contains(message), e::getMessage);
    assertTrue(e.getMessage().startsWith(f.toString()), e::getMessage);
  }

  @Test
  void rejectsEmptyMissingAndNonUtf8Files() throws IOException {
    assertTrue(assertThrows(InputFileException.class, () -> InputFile.read(write("")))
        .getMessage().endsWith("holds no values"));
    assertTrue(assertThrows(InputFileException.class, () -> InputFile.read(dir.resolve("nope")))
        .getMessage().endsWith("no such file"));
    Path bad = dir.resolve("latin1.txt");
    Files.write(bad, new byte[] {'1', ' ', (byte) 0xe9});
    assertTrue(assertThrows(InputFileException.class, () -> InputFile.read(bad))
        .getMessage().endsWith("not UTF-8 text"));
  }

  @Test
  void checksCountAndRangeAgainstTheRound() throws Exception {
    InputFile in = InputFile.read(write("1 2 256 3"));
    InputFileException count =
        assertThrows(InputFileException.class, () -> in.toVector(config(5, Modulus.powerOfTwo(8))));
    assertTrue(count.getMessage().endsWith("holds 4 values but the round has L = 5"), count::getMessage);
    InputFileException range =
        assertThrows(InputFileException.class, () -> in.toVector(config(4, Modulus.powerOfTwo(8))));
    assertTrue(range.getMessage().contains("value 3 of 4 is not below the round's modulus m = 2^8"),
        range::getMessage);
    assertArrayEquals(new long[] {1, 2, 256, 3}, in.toVector(config(4, Modulus.of(257))).toLongArray());
  }

  @Test
  void readsLongFilesAcrossBufferBoundaries() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      b.append(i).append(i % 7 == 0 ? ",\n" : " ");
    }
    InputFile in = InputFile.read(write(b.toString()));
    long[] v = in.toVector(config(50_000, Modulus.powerOfTwo(32))).toLongArray();
    for (int i = 0; i < v.length; i++) {
      assertEquals(i, v[i]);
    }
  }
}
