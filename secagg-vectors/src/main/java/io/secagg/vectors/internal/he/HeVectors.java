package io.secagg.vectors.internal.he;

import io.secagg.vectors.internal.VectorChecker;
import java.util.List;

/** The checkers of the secagg-he files: {@code paillier_*.json}. */
public final class HeVectors {
  private HeVectors() {}

  /** The checkers of the six Paillier files. */
  public static List<VectorChecker> checkers() {
    return List.of(
        new PaillierVectors.KeysChecker(),
        new PaillierVectors.EncryptionChecker(),
        new MultiPrimeVectors.Checker(),
        new FixedPointVectors.Checker(),
        new PackingVectors.Checker(),
        new ThresholdVectors.Checker());
  }
}
