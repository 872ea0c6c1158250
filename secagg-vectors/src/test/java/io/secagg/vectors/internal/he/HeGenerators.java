package io.secagg.vectors.internal.he;

import io.secagg.vectors.internal.VectorFileGenerator;
import java.util.List;

/** The generators of the secagg-he files. */
public final class HeGenerators {
  private HeGenerators() {}

  /** One generator per Paillier file. */
  public static List<VectorFileGenerator> all() {
    return List.of(
        new PaillierGenerators.KeysGenerator(),
        new PaillierGenerators.EncryptionGenerator(),
        new MultiPrimeGenerators.Generator(),
        new FixedPointGenerators.Generator(),
        new PackingGenerators.Generator(),
        new ThresholdGenerators.Generator());
  }
}
