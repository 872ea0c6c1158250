package io.secagg.core;

import io.secagg.core.graph.HararyVectorChecker;
import io.secagg.core.graph.HararyVectorGenerator;
import io.secagg.core.quant.QuantVectorChecker;
import io.secagg.core.quant.QuantVectorGenerator;
import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import java.util.List;

/** Known-answer tests of secagg-core: every vector file not owned by secagg-he or secagg-dp. */
class CoreKnownAnswerTest extends AbstractKnownAnswerTest {
  @Override
  protected List<VectorChecker> checkers() {
    return List.of(
        new HararyVectorChecker(),
        new QuantVectorChecker());
  }

  @Override
  protected List<VectorFileGenerator> generators() {
    return List.of(
        new HararyVectorGenerator(),
        new QuantVectorGenerator());
  }

  @Override
  protected boolean ownsFile(String name) {
    return !name.startsWith("paillier_") && !name.startsWith("dp_");
  }
}
