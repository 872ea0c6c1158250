package io.secagg.vectors.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A {@link VectorFileGenerator} that writes the file its {@link VectorChecker} checks: the file
 * name, {@code algorithm} and {@code schema} come from the checker, so the two cannot disagree.
 */
public abstract class CheckedFileGenerator implements VectorFileGenerator {
  private final VectorChecker checker;

  /**
   * @param checker the checker of the file this generator writes
   * @throws NullPointerException if {@code checker} is null
   */
  protected CheckedFileGenerator(VectorChecker checker) {
    this.checker = Objects.requireNonNull(checker, "checker");
  }

  @Override
  public final String fileName() {
    return checker.fileName();
  }

  /**
   * A new file with the checker's name, algorithm and schema and the file's notes from the data
   * table, as {@link VectorFiles#newFile}.
   */
  protected final ObjectNode newFile(String header) {
    return VectorFiles.newFile(fileName(), checker.algorithm(), checker.schema(), header);
  }
}
