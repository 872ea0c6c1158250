package io.secagg.session;

import io.secagg.core.testing.UntrustedInputContract;
import java.util.List;
import java.util.Map;

/**
 * secagg-session decodes no peer input of its own (the runners hand every message to the
 * machines and decoders of core, dp and he, which have their fuzz targets); this keeps it so: a
 * public method named like a decoder must be exempted here with a reason, or get a fuzz target.
 */
class SessionUntrustedInputCoverageTest implements UntrustedInputContract {
  static final Map<String, String> EXEMPT = Map.of(
      "io.secagg.session.DpReport#decodedSum",
      "an accessor of a round's report: takes no input");

  @Override
  public Surface surface() {
    return new Surface(SecAggRound.class, Map.of(), EXEMPT, List.of());
  }
}
