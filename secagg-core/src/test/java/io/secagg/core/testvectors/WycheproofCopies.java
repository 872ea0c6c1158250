package io.secagg.core.testvectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the project's copies of the Wycheproof vectors ({@code
 * test-vectors/third_party/wycheproof/}) from a folder holding the upstream files of {@code
 * C2SP/wycheproof/testvectors_v1/}. Run it with {@code scripts/wycheproof-copies.sh}.
 *
 * <p>A copy keeps the facts only: the algorithm and schema names, every test group's parameters
 * that our tests read, and per case its {@code tcId}, {@code flags}, inputs, outputs and {@code
 * result}. The upstream prose (file header, flag notes, per-case comments) is left out, and so are
 * the alternative encodings of the same key (DER, PEM, JWK) that no test reads. Each copy names
 * its upstream file and that file's SHA-256, so anyone holding the upstream file can check the
 * copy by running this class again: the output is byte-for-byte deterministic (the project's
 * canonical JSON layout, fields in upstream order).
 *
 * <p>Every field of the upstream file must be either kept or deliberately dropped: a field this
 * class does not know (a new upstream schema) stops it with an error instead of being lost.
 */
public final class WycheproofCopies {
  /** Where the upstream files live, for the {@code upstream} block of each copy. */
  static final String UPSTREAM_REPOSITORY = "https://github.com/C2SP/wycheproof";

  static final String UPSTREAM_FOLDER = "testvectors_v1";

  /** Top-level fields: kept (in this order, {@code upstream} inserted after them) or dropped. */
  private static final List<String> FILE_KEEP = List.of("algorithm", "schema", "numberOfTests");

  private static final Set<String> FILE_DROP = Set.of("header", "notes", "generatorVersion", "testGroups");

  private static final Set<String> TEST_DROP = Set.of("comment");

  /** What is kept of one upstream file: group parameters and case fields, in upstream order. */
  record Selection(String fileName, Set<String> groupKeep, Set<String> groupDrop, Set<String> testKeep) {}

  /** The files our tests use, and the fields of each that they read. */
  static final List<Selection> SELECTIONS =
      List.of(
          new Selection(
              "aes_gcm_test.json",
              Set.of("type", "keySize", "ivSize", "tagSize"),
              Set.of("source"),
              Set.of("tcId", "flags", "key", "iv", "aad", "msg", "ct", "tag", "result")),
          new Selection(
              "ed25519_test.json",
              Set.of("type", "publicKey"),
              Set.of("source", "publicKeyDer", "publicKeyPem", "publicKeyJwk"),
              Set.of("tcId", "flags", "msg", "sig", "result")),
          new Selection(
              "hkdf_sha256_test.json",
              Set.of("type", "keySize"),
              Set.of("source"),
              Set.of("tcId", "flags", "ikm", "salt", "info", "size", "okm", "result")),
          new Selection(
              "primality_test.json",
              Set.of("type"),
              Set.of("source"),
              Set.of("tcId", "flags", "value", "result")),
          new Selection(
              "x25519_test.json",
              Set.of("type", "curve"),
              Set.of("source"),
              Set.of("tcId", "flags", "public", "private", "shared", "result")));

  private WycheproofCopies() {}

  /**
   * Writes the copy of every selected file.
   *
   * @param args the folder holding the upstream files, then the output folder (normally {@code
   *     test-vectors/third_party/wycheproof})
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: WycheproofCopies UPSTREAM_DIR OUTPUT_DIR");
      System.exit(2);
    }
    Path in = Paths.get(args[0]);
    Path out = Paths.get(args[1]);
    for (Map.Entry<String, String> e : copyAll(in).entrySet()) {
      Path target = out.resolve(e.getKey());
      Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
      System.out.println("wrote " + target);
    }
  }

  /**
   * The text of every copy, by file name, from the upstream files in {@code upstreamDir}.
   *
   * @throws IOException if an upstream file is missing or unreadable
   * @throws IllegalArgumentException if an upstream file has a field this class does not know
   */
  public static Map<String, String> copyAll(Path upstreamDir) throws IOException {
    Map<String, String> copies = new LinkedHashMap<>();
    for (Selection s : SELECTIONS) {
      byte[] raw = Files.readAllBytes(upstreamDir.resolve(s.fileName()));
      copies.put(s.fileName(), Vectors.render(copy(s, raw)));
    }
    return copies;
  }

  /** The copy of one upstream file's bytes. */
  static ObjectNode copy(Selection s, byte[] upstream) throws IOException {
    JsonNode file = Vectors.parse(upstream);
    checkKnown(file, Set.copyOf(FILE_KEEP), FILE_DROP, s.fileName());
    ObjectNode copy = Vectors.object();
    for (String field : FILE_KEEP) {
      JsonNode v = file.get(field);
      if (v == null) {
        throw new IllegalArgumentException(s.fileName() + ": no '" + field + "'");
      }
      copy.set(field, v);
    }
    ObjectNode origin = copy.putObject("upstream");
    origin.put("repository", UPSTREAM_REPOSITORY);
    origin.put("path", UPSTREAM_FOLDER + "/" + s.fileName());
    origin.put("sha256", Vectors.hex(sha256(upstream)));
    ArrayNode groups = copy.putArray("testGroups");
    int cases = 0;
    for (JsonNode group : file.get("testGroups")) {
      checkKnown(group, s.groupKeep(), union(s.groupDrop(), Set.of("tests")), s.fileName() + " group");
      ObjectNode g = groups.addObject();
      keep(group, s.groupKeep(), g);
      ArrayNode tests = g.putArray("tests");
      for (JsonNode test : group.get("tests")) {
        checkKnown(test, s.testKeep(), TEST_DROP, s.fileName() + " tcId " + test.path("tcId").asInt());
        keep(test, s.testKeep(), tests.addObject());
        cases++;
      }
    }
    if (cases != file.get("numberOfTests").asInt()) {
      throw new IllegalArgumentException(
          s.fileName() + ": numberOfTests is " + file.get("numberOfTests") + " but it holds " + cases);
    }
    return copy;
  }

  private static void keep(JsonNode from, Set<String> fields, ObjectNode to) {
    for (Map.Entry<String, JsonNode> f : from.properties()) {
      if (fields.contains(f.getKey())) {
        to.set(f.getKey(), f.getValue());
      }
    }
  }

  private static void checkKnown(JsonNode node, Set<String> keep, Set<String> drop, String where) {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!keep.contains(name) && !drop.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": fields " + unknown + " are neither kept nor dropped by the copy rules");
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
