package io.secagg.he;

import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import java.util.List;

/** Runs and regenerates every {@code test-vectors/v1/paillier_*.json} file. */
class HeKnownAnswerTest extends AbstractKnownAnswerTest {
  @Override
  protected List<VectorChecker> checkers() {
    return List.of(
        new PaillierVectors.KeysChecker(),
        new PaillierVectors.EncryptionChecker(),
        new MultiPrimeVectors.Checker(),
        new io.secagg.he.encoding.FixedPointVectors.Checker(),
        new io.secagg.he.packing.PackingVectors.Checker(),
        new io.secagg.he.threshold.ThresholdVectors.Checker());
  }

  @Override
  protected List<VectorFileGenerator> generators() {
    return List.of(
        new PaillierVectors.KeysGenerator(),
        new PaillierVectors.EncryptionGenerator(),
        new MultiPrimeVectors.Generator(),
        new io.secagg.he.encoding.FixedPointVectors.Generator(),
        new io.secagg.he.packing.PackingVectors.Generator(),
        new io.secagg.he.threshold.ThresholdVectors.Generator());
  }

  @Override
  protected boolean ownsFile(String name) {
    return name.startsWith("paillier_");
  }
}
