package io.secagg.cli;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.crypto.SecretBytes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The two text files of malicious-server mode's Ed25519 identity keys, written by {@code secagg
 * certs --identities} and read by {@code secagg serve --identity-keys} and {@code secagg join
 * --identity-key}.
 *
 * <p><b>Private file</b> ({@code participant-<i>.identity}, one per participant, owner-only
 * permissions): lines whose first non-blank character is {@code #} are comments, blank lines are
 * ignored, and exactly one line holds the 32-byte RFC 8032 private key (seed) as 64 hex digits
 * (written lowercase; either case is read). At most {@value #MAX_PRIVATE_FILE_BYTES} bytes.
 *
 * <p><b>Public file</b> ({@code identities.txt}): lines whose first non-blank character is
 * {@code #} are comments; every other line holds one 32-byte public key as 64 hex digits, the
 * i-th such line for participant i. Blank lines are allowed only at the end of the file (one in
 * the middle would look like a missing key). Leading and trailing blanks on a line are ignored;
 * lines are at most {@value #MAX_LINE_CHARS} characters. Keys must be distinct.
 *
 * <p>Files are created new, never overwritten. Error messages name the file and line, and never
 * contain any part of a private key.
 */
final class IdentityKeys {
  /** The name of the public list in a {@code secagg certs} directory. */
  static final String PUBLIC_FILE = "identities.txt";
  /** The largest private-key file read: a key and a few comment lines fit many times over. */
  static final int MAX_PRIVATE_FILE_BYTES = 4096;
  /** The longest line of the public file read (comments included). */
  static final int MAX_LINE_CHARS = 1024;

  private static final int HEX_DIGITS = 2 * Ed25519.PUBLIC_KEY_LENGTH;
  private static final HexFormat HEX = HexFormat.of();

  private IdentityKeys() {}

  /** Why an identity file is not valid; the message names the file and, where known, the line. */
  static final class IdentityFileException extends Exception {
    private static final long serialVersionUID = 1L;

    IdentityFileException(String message) {
      super(message);
    }
  }

  /** {@code dir/participant-<id>.identity}. */
  static Path privateFile(Path dir, int id) {
    return dir.resolve("participant-" + id + ".identity");
  }

  /**
   * Writes a new private-key file for participant {@code id}, readable by its owner only (on
   * file systems with POSIX permissions).
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists (it is not changed)
   * @throws IOException if writing fails
   */
  static void writePrivate(Path file, int id, Ed25519KeyPair key) throws IOException {
    byte[] header = ("# secagg identity key v1: the Ed25519 private key (RFC 8032 seed, 32 bytes as"
        + " hex) of participant " + id + ". KEEP PRIVATE: whoever holds it can sign as this"
        + " participant.\n").getBytes(StandardCharsets.US_ASCII);
    byte[] seed = key.privateKey().toByteArray();
    byte[] content = new byte[header.length + HEX_DIGITS + 1];
    System.arraycopy(header, 0, content, 0, header.length);
    for (int i = 0; i < seed.length; i++) {
      content[header.length + 2 * i] = (byte) Character.forDigit((seed[i] >> 4) & 0xf, 16);
      content[header.length + 2 * i + 1] = (byte) Character.forDigit(seed[i] & 0xf, 16);
    }
    content[content.length - 1] = '\n';
    Arrays.fill(seed, (byte) 0);
    writeNew(file, content, true);
  }

  /**
   * Writes a new public list: a header comment, then key i on the i-th key line, lowercase hex.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists (it is not changed)
   * @throws IOException if writing fails
   */
  static void writePublic(Path file, List<byte[]> keys) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("# secagg identity keys v1: the Ed25519 public key of participant i on the i-th line"
        + " that is not a comment (").append(keys.size()).append(" participants). Public; for"
        + " secagg serve --malicious --identity-keys.\n");
    for (byte[] k : keys) {
      sb.append(HEX.formatHex(k)).append('\n');
    }
    writeNew(file, sb.toString().getBytes(StandardCharsets.US_ASCII), false);
  }

  /**
   * Reads the public list; it must hold exactly {@code expected} keys.
   *
   * @return the keys, participant 1's first
   * @throws IdentityFileException if the file is missing, unreadable, not UTF-8, breaks the
   *     format, holds another number of keys, or holds a key twice
   */
  static List<byte[]> readPublic(Path file, int expected) throws IdentityFileException {
    Objects.requireNonNull(file, "file");
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<byte[]> keys = new ArrayList<>();
    Map<ByteBuffer, Integer> lineOf = new HashMap<>();
    try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      StringBuilder line = new StringBuilder();
      int lineNumber = 0;
      int firstBlank = 0;
      boolean more = true;
      while (more) {
        line.setLength(0);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
          if (line.length() == MAX_LINE_CHARS) {
            throw new IdentityFileException(file + ":" + (lineNumber + 1) + ": a line longer than "
                + MAX_LINE_CHARS + " characters; not an identity-key list");
          }
          line.append((char) c);
        }
        more = c != -1;
        if (!more && line.length() == 0) {
          break;
        }
        lineNumber++;
        String text = line.toString();
        if (lineNumber == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
        text = text.strip();
        if (text.startsWith("#")) {
          continue;
        }
        if (text.isEmpty()) {
          if (firstBlank == 0) {
            firstBlank = lineNumber;
          }
          continue;
        }
        if (firstBlank != 0) {
          throw new IdentityFileException(file + ":" + firstBlank + ": an empty line before key "
              + (keys.size() + 1) + "; the i-th non-comment line holds participant i's key, so"
              + " remove it (comments start with #)");
        }
        if (keys.size() == expected) {
          throw new IdentityFileException(file + ":" + lineNumber + ": key " + (keys.size() + 1)
              + ", but there are " + expected + " participants; the file must hold exactly "
              + expected + " keys");
        }
        String problem = hexProblem(text);
        if (problem != null) {
          throw new IdentityFileException(file + ":" + lineNumber + ": " + problem + " (participant "
              + (keys.size() + 1) + "'s public key)");
        }
        byte[] key = HEX.parseHex(text);
        Integer earlier = lineOf.putIfAbsent(ByteBuffer.wrap(key), lineNumber);
        if (earlier != null) {
          throw new IdentityFileException(file + ":" + lineNumber + ": participant " + (keys.size() + 1)
              + " has the same key as line " + earlier + "; every participant needs its own key");
        }
        keys.add(key);
      }
    } catch (NoSuchFileException e) {
      throw new IdentityFileException(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new IdentityFileException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new IdentityFileException(file + ": cannot read it (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    if (keys.size() != expected) {
      throw new IdentityFileException(file + ": holds " + keys.size() + " key" + (keys.size() == 1 ? "" : "s")
          + ", but there are " + expected + " participants; the file must hold exactly " + expected + " keys");
    }
    return keys;
  }

  /**
   * Reads a private-key file and recomputes its key pair.
   *
   * @throws IdentityFileException if the file is missing, unreadable, larger than {@value
   *     #MAX_PRIVATE_FILE_BYTES} bytes, or does not hold exactly one line of 64 hex digits
   */
  static Ed25519KeyPair readPrivate(Path file) throws IdentityFileException {
    Objects.requireNonNull(file, "file");
    byte[] raw;
    try {
      if (Files.size(file) > MAX_PRIVATE_FILE_BYTES) {
        throw new IdentityFileException(file + ": larger than " + MAX_PRIVATE_FILE_BYTES + " bytes;"
            + " not an identity key file (secagg certs --identities writes participant-<i>.identity)");
      }
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IdentityFileException(file + ": no such file");
    } catch (IOException e) {
      throw new IdentityFileException(file + ": cannot read it (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    byte[] seed = new byte[Ed25519.PRIVATE_KEY_LENGTH];
    try {
      int keyLine = 0;
      int lineNumber = 0;
      int start = 0;
      while (start < raw.length) {
        int end = start;
        while (end < raw.length && raw[end] != '\n') {
          end++;
        }
        lineNumber++;
        int from = start;
        int to = end;
        if (lineNumber == 1 && to - from >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB
            && (raw[2] & 0xff) == 0xBF) {
          from += 3;
        }
        while (from < to && isBlank(raw[from])) {
          from++;
        }
        while (to > from && isBlank(raw[to - 1])) {
          to--;
        }
        start = end + 1;
        if (from == to || raw[from] == '#') {
          continue;
        }
        if (keyLine != 0) {
          throw new IdentityFileException(file + ":" + lineNumber + ": a second key line (the first is"
              + " line " + keyLine + "); an identity key file holds exactly one private key (is this the"
              + " public list " + PUBLIC_FILE + "?)");
        }
        keyLine = lineNumber;
        if (to - from >= 5 && raw[from] == '-' && raw[from + 1] == '-') {
          throw new IdentityFileException(file + ":" + lineNumber + ": a PEM line, not a hex key;"
              + " --identity-key takes participant-<i>.identity, not the TLS key participant-<i>.key");
        }
        if (!decodeHex(raw, from, to, seed)) {
          throw new IdentityFileException(file + ":" + lineNumber + ": not " + HEX_DIGITS + " hex digits;"
              + " an identity key file holds the 32-byte private key as one line of " + HEX_DIGITS
              + " hex digits");
        }
      }
      if (keyLine == 0) {
        throw new IdentityFileException(file + ": holds no key (only comments or blank lines)");
      }
      SecretBytes secret = SecretBytes.copyOf(seed);
      try {
        return Ed25519.create().keyPairFromPrivateKey(secret);
      } catch (InvalidKeyException e) {
        throw new IllegalStateException("a 32-byte seed was refused", e);
      } finally {
        secret.destroy();
      }
    } finally {
      Arrays.fill(seed, (byte) 0);
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * True iff {@code file} can be read or written by users other than its owner (false where the
   * file system has no POSIX permissions, or they cannot be read).
   */
  static boolean readableByOthers(Path file) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return false;
    }
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
          || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Lowercase hex of a public key. */
  static String hex(byte[] publicKey) {
    return HEX.formatHex(publicKey);
  }

  /** Why {@code text} is not 64 hex digits, or null if it is. Public keys only: it quotes. */
  private static String hexProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
        return "character '" + text.charAt(i) + "' at column " + (i + 1) + " is not a hex digit";
      }
    }
    if (text.length() != HEX_DIGITS) {
      return text.length() + " hex digits; a key is " + HEX_DIGITS + " (32 bytes)";
    }
    return null;
  }

  /** Decodes raw[from, to) into out; false unless it is exactly 2 x out.length hex digits. */
  private static boolean decodeHex(byte[] raw, int from, int to, byte[] out) {
    if (to - from != 2 * out.length) {
      return false;
    }
    for (int i = 0; i < out.length; i++) {
      int hi = hexValue(raw[from + 2 * i]);
      int lo = hexValue(raw[from + 2 * i + 1]);
      if (hi < 0 || lo < 0) {
        Arrays.fill(out, (byte) 0);
        return false;
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return true;
  }

  private static int hexValue(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  /** Creates {@code file} new (owner-only when asked and supported), then zeroes a secret. */
  private static void writeNew(Path file, byte[] content, boolean ownerOnly) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs = ownerOnly && posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    try (OutputStream out = Files.newOutputStream(Files.createFile(file, attrs), StandardOpenOption.WRITE)) {
      out.write(content);
    } finally {
      if (ownerOnly) {
        Arrays.fill(content, (byte) 0);
      }
    }
  }
}
