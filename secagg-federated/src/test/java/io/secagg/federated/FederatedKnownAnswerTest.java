package io.secagg.federated;

import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import java.util.List;

/** Runs and regenerates every {@code test-vectors/v1/federated_*.json} file. */
class FederatedKnownAnswerTest extends AbstractKnownAnswerTest {
  @Override
  protected List<VectorChecker> checkers() {
    return List.of(new FederatedPlanVectors());
  }

  @Override
  protected List<VectorFileGenerator> generators() {
    return List.of(new FederatedPlanVectors());
  }

  @Override
  protected boolean ownsFile(String name) {
    return name.startsWith("federated_");
  }
}
