package io.secagg.vectors.internal;

import java.util.Objects;

/**
 * A {@link VectorChecker} that is told its file name, {@code algorithm} and {@code schema} once, at
 * construction, so each checker states only how it checks groups and cases.
 */
public abstract class NamedVectorChecker implements VectorChecker {
  private final String fileName;
  private final String algorithm;
  private final String schema;

  /**
   * @param fileName the file the vectors ship as, for example {@code x25519_test.json}
   * @param algorithm the file's {@code algorithm} value
   * @param schema the file's {@code schema} value, a file name under {@code schemas/}
   * @throws NullPointerException if any argument is null
   */
  protected NamedVectorChecker(String fileName, String algorithm, String schema) {
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    this.schema = Objects.requireNonNull(schema, "schema");
  }

  @Override
  public final String fileName() {
    return fileName;
  }

  @Override
  public final String algorithm() {
    return algorithm;
  }

  @Override
  public final String schema() {
    return schema;
  }
}
