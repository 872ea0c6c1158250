package io.secagg.vectors.internal.core;

import io.secagg.vectors.internal.VectorFileGenerator;
import java.util.List;

/** The generators of the secagg-core files. */
public final class CoreGenerators {
  private CoreGenerators() {}

  /** One generator per core file. */
  public static List<VectorFileGenerator> all() {
    return List.of(
        new AeadAesGcmGenerator(),
        new Ed25519Generator(),
        new KdfLabelsGenerator(),
        new X25519Generator(),
        new HararyVectorGenerator(),
        new QuantVectorGenerator(),
        new PrgAes128CtrGenerator(),
        new TranscriptVectorGenerator(),
        new ShamirVectorGenerator(),
        new VectorEncodingGenerator());
  }
}
