package io.secagg.vdaf;

import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import java.util.List;

/**
 * The project's own known-answer files of secagg-vdaf: every {@code test-vectors/v1/vdaf_*.json}
 * (the draft's official vectors run in {@link OfficialVectorsTest}).
 */
class VdafKnownAnswerTest extends AbstractKnownAnswerTest {
  @Override
  protected List<VectorChecker> checkers() {
    return List.of(new Prio3Vectors(), new XofVectors());
  }

  @Override
  protected List<VectorFileGenerator> generators() {
    return List.of(new Prio3Vectors(), new XofVectors());
  }

  @Override
  protected boolean ownsFile(String name) {
    return name.startsWith("vdaf_");
  }
}
