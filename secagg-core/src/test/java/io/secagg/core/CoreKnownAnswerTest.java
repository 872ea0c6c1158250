package io.secagg.core;

import io.secagg.core.testvectors.AbstractKnownAnswerTest;
import io.secagg.core.testvectors.VectorChecker;
import io.secagg.core.testvectors.VectorFileGenerator;
import java.util.List;

/**
 * Every known-answer file of secagg-core: all of test-vectors/v1 but paillier_*, dp_*, vdaf_* and
 * federated_*.
 */
class CoreKnownAnswerTest extends AbstractKnownAnswerTest {
  @Override
  protected List<VectorChecker> checkers() {
    return List.of(
        new io.secagg.core.crypto.AeadAesGcmVectors(),
        new io.secagg.core.crypto.Ed25519Vectors(),
        new io.secagg.core.crypto.KdfLabelsVectors(),
        new io.secagg.core.crypto.X25519Vectors(),
        new io.secagg.core.graph.HararyVectorChecker(),
        new io.secagg.core.quant.QuantVectorChecker(),
        new io.secagg.core.prg.PrgAes128CtrVectors(),
        new io.secagg.core.protocol.TranscriptVectorChecker(),
        new io.secagg.core.shamir.ShamirVectorChecker(),
        new io.secagg.core.vector.VectorEncodingVectors()
    );
  }

  @Override
  protected List<VectorFileGenerator> generators() {
    return List.of(
        new io.secagg.core.crypto.AeadAesGcmVectors(),
        new io.secagg.core.crypto.Ed25519Vectors(),
        new io.secagg.core.crypto.KdfLabelsVectors(),
        new io.secagg.core.crypto.X25519Vectors(),
        new io.secagg.core.graph.HararyVectorGenerator(),
        new io.secagg.core.quant.QuantVectorGenerator(),
        new io.secagg.core.prg.PrgAes128CtrVectors(),
        new io.secagg.core.protocol.TranscriptVectorGenerator(),
        new io.secagg.core.shamir.ShamirVectorGenerator(),
        new io.secagg.core.vector.VectorEncodingVectors()
    );
  }

  @Override
  protected boolean ownsFile(String name) {
    return !name.startsWith("paillier_") && !name.startsWith("dp_") && !name.startsWith("vdaf_")
        && !name.startsWith("federated_");
  }
}
