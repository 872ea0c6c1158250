package io.secagg.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tests every module's untrusted-input coverage test runs, as a JUnit test interface: a
 * module's test class implements {@link #surface()} and inherits these.
 */
public interface UntrustedInputContract {
  /**
   * A module's untrusted-input surface as its coverage test states it.
   *
   * @param anyClass a class of the module, whose exported methods {@link
   *     UntrustedInputSurface#methods} scans
   * @param covered method to the fuzz target that covers it ({@link UntrustedInputSurface.Target#name()})
   * @param exempt method to the reason it takes no untrusted input
   * @param targets the module's fuzz targets
   */
  record Surface(
      Class<?> anyClass,
      Map<String, String> covered,
      Map<String, String> exempt,
      List<UntrustedInputSurface.Target> targets) {}

  /** The module's surface. */
  Surface surface();

  @Test
  default void everyExportedDecoderHasAFuzzTargetOrAStatedExemption() throws Exception {
    Surface s = surface();
    List<String> found = UntrustedInputSurface.methods(s.anyClass());
    assertEquals(
        List.of(), UntrustedInputSurface.coverageProblems(found, s.covered(), s.exempt(), s.targets()));
  }

  @Test
  default void malformedInputsYieldOnlyTheDocumentedExceptions() {
    assertEquals(List.of(), UntrustedInputSurface.runMalformed(surface().targets()));
  }
}
