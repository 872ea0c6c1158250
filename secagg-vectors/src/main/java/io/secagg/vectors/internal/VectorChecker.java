package io.secagg.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the test cases of one kind of vector file, identified by its {@code algorithm} and
 * {@code schema} fields.
 *
 * <p>A checker must understand every field it is given: unknown group parameters are an error
 * ({@link #checkGroup}), so a file can never pass because nobody looked at it.
 */
public interface VectorChecker {
  /** The name of the file this checker's vectors ship as, for example {@code x25519_test.json}. */
  String fileName();

  /** The file's {@code algorithm} value this checker handles. */
  String algorithm();

  /** The file's {@code schema} value this checker handles: a file name under {@code schemas/}. */
  String schema();

  /**
   * True if every invalid case of this file names its expected error in an {@code error} field
   * (the simple name of the documented exception type, as the spec's brackets name it). The
   * transcript file says false: a tampered session's expected behaviour is its recorded outcome
   * (which party aborts, with which reason), not one error.
   */
  default boolean invalidCasesNameTheirError() {
    return true;
  }

  /**
   * Validates a test group's shared parameters.
   *
   * @throws Exception (typically {@link Mismatch}) if the group is not understood
   */
  void checkGroup(JsonNode group) throws Exception;

  /**
   * Checks one test case of {@code group}. For {@code "result": "valid"} the implementation must
   * recompute every output and compare; for {@code "invalid"} it must observe the error the file
   * names for the case.
   *
   * @throws Exception (typically {@link Mismatch}) describing the failure
   */
  void checkTest(JsonNode group, JsonNode test) throws Exception;
}
