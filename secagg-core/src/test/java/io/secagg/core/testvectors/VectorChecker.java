package io.secagg.core.testvectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the test cases of one kind of vector file, identified by its {@code algorithm} and
 * {@code schema} fields.
 *
 * <p>A checker must understand every field it is given: unknown group parameters are an error
 * ({@link #checkGroup}), so a file can never pass because nobody looked at it.
 */
public interface VectorChecker {
  /** The file's {@code algorithm} value this checker handles. */
  String algorithm();

  /** The file's {@code schema} value this checker handles. */
  String schema();

  /**
   * Validates a test group's shared parameters.
   *
   * @throws Exception (typically {@link AssertionError}) if the group is not understood
   */
  void checkGroup(JsonNode group) throws Exception;

  /**
   * Checks one test case of {@code group}. For {@code "result": "valid"} the implementation must
   * recompute every output and compare; for {@code "invalid"} it must observe the documented
   * exception type (see {@link Vectors#expectInvalid}).
   *
   * @throws Exception or {@link AssertionError} describing the failure
   */
  void checkTest(JsonNode group, JsonNode test) throws Exception;
}
