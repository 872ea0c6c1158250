package io.secagg.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.secagg.core.testing.UntrustedInputSurface;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * secagg-session decodes no peer input of its own (the runners hand every message to the
 * machines and decoders of core, dp and he, which have their fuzz targets); this keeps it so: a
 * public method named like a decoder must be exempted here with a reason, or get a fuzz target.
 */
class SessionUntrustedInputCoverageTest {
  static final Map<String, String> EXEMPT = Map.of(
      "io.secagg.session.DpReport#decodedSum",
      "an accessor of a round's report: takes no input");

  @Test
  void noExportedMethodDecodesPeerInput() throws Exception {
    List<String> found = UntrustedInputSurface.methods(SecAggRound.class);
    assertEquals(List.of(), UntrustedInputSurface.coverageProblems(found, Map.of(), EXEMPT, List.of()));
  }
}
