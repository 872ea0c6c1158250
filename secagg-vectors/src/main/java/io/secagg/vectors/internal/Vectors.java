package io.secagg.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reading a vector file's fields strictly: every accessor fails with {@link Mismatch} when a field
 * is absent or of the wrong JSON type, so a file can never pass because a field was misspelled.
 */
public final class Vectors {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Field names a test case may carry besides its own inputs and outputs ({@code error}: invalid
   * cases only, see {@link VectorChecker#invalidCasesNameTheirError()}).
   */
  public static final Set<String> COMMON_TEST_FIELDS =
      Set.of("tcId", "comment", "flags", "error", "result");

  private Vectors() {}

  /** The common test fields plus {@code own}. */
  public static Set<String> testFields(String... own) {
    java.util.Set<String> s = new java.util.HashSet<>(COMMON_TEST_FIELDS);
    s.addAll(List.of(own));
    return Set.copyOf(s);
  }

  /** A new empty object node, keys kept in insertion order. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new empty array node. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Lowercase hex of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static String hexOrNull(byte[] bytes) {
    return bytes == null ? "null" : hex(bytes);
  }

  /** Decodes field {@code name} of {@code node} from lowercase hex. */
  public static byte[] bytes(JsonNode node, String name) {
    String text = text(node, name);
    try {
      return HEX.parseHex(text);
    } catch (IllegalArgumentException e) {
      throw new Mismatch("field '" + name + "' is not hex");
    }
  }

  /** Decodes a hex string element. */
  public static byte[] bytes(JsonNode hexText) {
    if (hexText == null || !hexText.isTextual()) {
      throw new Mismatch("expected a hex string");
    }
    try {
      return HEX.parseHex(hexText.asText());
    } catch (IllegalArgumentException e) {
      throw new Mismatch("not hex: " + hexText.asText());
    }
  }

  /** Field {@code name} as text; fails if absent or not a string. */
  public static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual()) {
      throw new Mismatch("missing string field '" + name + "'");
    }
    return v.asText();
  }

  /** Field {@code name} as an int; fails if absent or not an integral number. */
  public static int integer(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new Mismatch("missing int field '" + name + "'");
    }
    return v.intValue();
  }

  /** Field {@code name}, a big integer written as a decimal string. */
  public static BigInteger bigInteger(JsonNode node, String name) {
    String text = text(node, name);
    try {
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new Mismatch("field '" + name + "' is not a decimal integer");
    }
  }

  /** Field {@code name}, which must be an array. */
  public static JsonNode array(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || !v.isArray()) {
      throw new Mismatch("missing array field '" + name + "'");
    }
    return v;
  }

  /** True iff the test's {@code result} is {@code valid}. */
  public static boolean isValid(JsonNode test) {
    String result = text(test, "result");
    switch (result) {
      case "valid":
        return true;
      case "invalid":
        return false;
      default:
        throw new Mismatch("unknown result '" + result + "'");
    }
  }

  /** Fails unless every field name of {@code node} is in {@code allowed}. */
  public static void onlyFields(JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new Mismatch("field '" + name + "' is not understood");
      }
    }
  }

  /** A body that is expected to throw. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs the body.
     *
     * @throws Exception whatever the library throws
     */
    void run() throws Exception;
  }

  /**
   * Runs {@code body} and fails unless it throws an instance of {@code expected} (the documented
   * exception type of the invalid case).
   */
  public static void expectInvalid(Class<? extends Throwable> expected, Body body) {
    Throwable thrown = thrownBy(body);
    if (thrown == null) {
      throw new Mismatch("expected " + expected.getSimpleName() + " but nothing was thrown");
    }
    if (!expected.isInstance(thrown)) {
      throw new Mismatch("expected " + expected.getSimpleName() + " but got " + thrown, thrown);
    }
  }

  /**
   * Runs {@code body} and fails unless it throws the error the invalid case names in its {@code
   * error} field, which must be the simple name of one of {@code allowed} (the types this file's
   * header documents).
   */
  @SafeVarargs
  public static void expectNamedError(
      JsonNode test, Body body, Class<? extends Throwable>... allowed) {
    expectInvalid(namedError(test, allowed), body);
  }

  /** The type among {@code allowed} whose simple name the case's {@code error} field gives. */
  @SafeVarargs
  public static Class<? extends Throwable> namedError(
      JsonNode test, Class<? extends Throwable>... allowed) {
    String name = text(test, "error");
    StringBuilder names = new StringBuilder();
    for (Class<? extends Throwable> c : allowed) {
      if (c.getSimpleName().equals(name)) {
        return c;
      }
      names.append(names.length() == 0 ? "" : ", ").append(c.getSimpleName());
    }
    throw new Mismatch("error '" + name + "' is not one this file names (" + names + ")");
  }

  /** What {@code body} throws, or null if it returns. */
  public static Throwable thrownBy(Body body) {
    try {
      body.run();
      return null;
    } catch (Exception | AssertionError e) {
      return e;
    }
  }
}
