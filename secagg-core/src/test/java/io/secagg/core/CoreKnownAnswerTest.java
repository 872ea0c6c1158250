package io.secagg.core;

import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import java.util.List;

/** Runs every known-answer file secagg-core owns: all files not prefixed paillier_ or dp_. */
class CoreKnownAnswerTest extends AbstractKnownAnswerTest {
  @Override
  protected List<VectorChecker> checkers() {
    return List.of(
        new io.secagg.core.prg.PrgAes128CtrVectors(),
        new io.secagg.core.vector.VectorEncodingVectors()
    );
  }

  @Override
  protected List<VectorFileGenerator> generators() {
    return List.of(
        new io.secagg.core.prg.PrgAes128CtrVectors(),
        new io.secagg.core.vector.VectorEncodingVectors()
    );
  }

  @Override
  protected boolean ownsFile(String name) {
    return !name.startsWith("paillier_") && !name.startsWith("dp_");
  }
}
