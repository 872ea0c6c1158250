package io.secagg.cli;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A participant's input for {@code secagg join --input FILE}: a UTF-8 text file of decimal
 * integers, read strictly.
 *
 * <p>Format: values are unsigned decimal integers (ASCII digits only, leading zeros allowed),
 * separated by whitespace and/or single commas (a comma must stand between two values); a line
 * whose first non-blank character is {@code #} is a comment. Anything else (a sign, a decimal
 * point, a letter, two commas in a row, a leading or trailing comma, a {@code #} after a value)
 * is an error that names the line and column. A leading byte-order mark is skipped.
 *
 * <p>The file is read when the command starts ({@link #read}), so syntax errors appear before
 * any connection; the count and the range are checked against the round's configuration when
 * the server has sent it ({@link #toVector}).
 */
final class InputFile {
  private static final int MAX_VALUES = SecAggConfig.MAX_VECTOR_LENGTH;

  private final Path file;
  private final long[] values;
  private final int maxIndex;

  private InputFile(Path file, long[] values, int maxIndex) {
    this.file = file;
    this.values = values;
    this.maxIndex = maxIndex;
  }

  /** Why a file is not a valid input; the message names the file, the line and the column. */
  static final class InputFileException extends Exception {
    private static final long serialVersionUID = 1L;

    InputFileException(String message) {
      super(message);
    }
  }

  /**
   * Reads and checks the syntax of {@code file}.
   *
   * @throws InputFileException if the file is missing, unreadable, not UTF-8 text, empty, holds
   *     more than {@link SecAggConfig#MAX_VECTOR_LENGTH} values, or breaks the format
   */
  static InputFile read(Path file) throws InputFileException {
    Objects.requireNonNull(file, "file");
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
      Scanner s = new Scanner(file, r);
      s.scan();
      if (s.count == 0) {
        throw new InputFileException(file + ": holds no values");
      }
      return new InputFile(file, Arrays.copyOf(s.values, s.count), s.maxIndex);
    } catch (NoSuchFileException e) {
      throw new InputFileException(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new InputFileException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new InputFileException(file + ": cannot read it (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  /** The number of values in the file. */
  int length() {
    return values.length;
  }

  /**
   * The values as a vector of the round's configuration.
   *
   * @throws InputFileException if the file holds a different number of values than L, or a
   *     value that is not below m (the message names its position, never a value)
   */
  ModVector toVector(SecAggConfig config) throws InputFileException {
    if (values.length != config.vectorLength()) {
      throw new InputFileException(file + ": holds " + values.length + " values but the round has L = "
          + config.vectorLength());
    }
    Modulus m = config.modulus();
    if (!m.contains(values[maxIndex])) {
      throw new InputFileException(String.format(Locale.ROOT,
          "%s: value %d of %d is not below the round's modulus m = %s (values must be in [0, m))",
          file, maxIndex + 1, values.length, m));
    }
    return ModVector.of(m, values);
  }

  /** A streaming tokenizer: one pass, constant memory beyond the values themselves. */
  private static final class Scanner {
    private final Path file;
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private long[] values = new long[1024];
    private int count;
    private int maxIndex;
    private long line = 1;
    private long column;

    Scanner(Path file, Reader in) {
      this.file = file;
      this.in = in;
    }

    /** Makes a character available at {@code pos}; false at the end of the input. */
    private boolean fill() throws IOException {
      if (pos == limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return false;
        }
      }
      return true;
    }

    /** The next character, or -1 at the end; advances line and column. */
    private int next() throws IOException {
      if (!fill()) {
        return -1;
      }
      char c = buffer[pos++];
      if (c == '\n') {
        line++;
        column = 0;
      } else {
        column++;
      }
      return c;
    }

    private int peek() throws IOException {
      if (!fill()) {
        return -1;
      }
      return buffer[pos];
    }

    private InputFileException error(String what) {
      return new InputFileException(file + ":" + line + ":" + column + ": " + what);
    }

    void scan() throws IOException, InputFileException {
      boolean lineStart = true;
      boolean afterValue = false;
      boolean commaPending = false;
      if (peek() == '\uFEFF') {
        next();
        column = 0;
      }
      int c;
      while ((c = next()) != -1) {
        if (c == '\n') {
          lineStart = true;
        } else if (Character.isWhitespace(c)) {
          // Blanks keep a line "starting" so an indented # still opens a comment.
        } else if (c == '#' && lineStart) {
          skipLine();
          lineStart = true;
        } else if (c == ',') {
          if (!afterValue) {
            throw error(count == 0 ? "a comma before the first value" : "two commas with no value between them");
          }
          afterValue = false;
          commaPending = true;
          lineStart = false;
        } else if (c >= '0' && c <= '9') {
          add(number(c));
          afterValue = true;
          commaPending = false;
          lineStart = false;
        } else if (c == '#') {
          throw error("a '#' after a value; comments take a line of their own");
        } else if (c == '-') {
          throw error("a negative value; values must be in [0, m)");
        } else {
          throw error("unexpected " + describe(c) + (lineStart ? "" : "; values are decimal integers"
              + " separated by whitespace or commas"));
        }
      }
      if (commaPending) {
        throw error("a trailing comma after the last value");
      }
    }

    private void skipLine() throws IOException {
      int c;
      while ((c = peek()) != -1 && c != '\n') {
        next();
      }
    }

    /** Reads the digits that start with {@code first}, checks what follows them. */
    private long number(int first) throws IOException, InputFileException {
      long startLine = line;
      long startColumn = column;
      long value = first - '0';
      boolean overflow = false;
      int c;
      while ((c = peek()) >= '0' && c <= '9') {
        next();
        int d = c - '0';
        // value * 10 + d as an unsigned 64-bit integer, noting overflow.
        if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, 10)) > 0) {
          overflow = true;
        }
        value = value * 10 + d;
      }
      if (overflow) {
        throw new InputFileException(file + ":" + startLine + ":" + startColumn
            + ": a value above 2^64 - 1, the largest any modulus allows");
      }
      if (c != -1 && c != ',' && !Character.isWhitespace(c)) {
        next();
        throw error("unexpected " + describe(c) + " after a number; values are decimal integers"
            + " separated by whitespace or commas");
      }
      return value;
    }

    private void add(long value) throws InputFileException {
      if (count == MAX_VALUES) {
        throw error("more than " + MAX_VALUES + " values, the largest vector length");
      }
      if (count == values.length) {
        values = Arrays.copyOf(values, (int) Math.min(MAX_VALUES, 2L * values.length));
      }
      if (Long.compareUnsigned(value, values[maxIndex]) > 0 || count == 0) {
        maxIndex = count;
      }
      values[count++] = value;
    }

    private static String describe(int c) {
      if (c >= 0x21 && c < 0x7f) {
        return "character '" + (char) c + "'";
      }
      return String.format(Locale.ROOT, "character U+%04X", c);
    }
  }
}
