package io.secagg.vectors.internal;

import io.secagg.vectors.internal.core.AeadAesGcmChecker;
import io.secagg.vectors.internal.core.Ed25519Checker;
import io.secagg.vectors.internal.core.HararyVectorChecker;
import io.secagg.vectors.internal.core.KdfLabelsChecker;
import io.secagg.vectors.internal.core.PrgAes128CtrChecker;
import io.secagg.vectors.internal.core.QuantVectorChecker;
import io.secagg.vectors.internal.core.ShamirVectorChecker;
import io.secagg.vectors.internal.core.TranscriptVectorChecker;
import io.secagg.vectors.internal.core.VectorEncodingChecker;
import io.secagg.vectors.internal.core.X25519Checker;
import io.secagg.vectors.internal.dp.DpVectors;
import io.secagg.vectors.internal.he.HeVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every checker of this library, one per known-answer file. */
public final class Checkers {
  private static final String VDAF_REASON =
      "checked by secagg-vdaf's own known-answer tests (mvn -pl secagg-vdaf -am test):"
          + " its checkers use that module's internal XOF and field classes";
  private static final String FEDERATED_REASON =
      "checked by secagg-federated's own known-answer tests (mvn -pl secagg-federated -am test):"
          + " its checker recomputes the digest input with that module's package-private planning";
  private static final List<VectorChecker> ALL = build();

  private Checkers() {}

  private static final Map<String, String> ELSEWHERE =
      Map.of(
          "PRIO3", VDAF_REASON,
          "VDAF-XOF", VDAF_REASON,
          "SECAGG-FEDERATED-PLAN", FEDERATED_REASON);

  /**
   * Algorithms this library's verifier does not run, each with the reason: their checkers use the
   * owning module's internal classes, so they run in that module's own tests.
   */
  public static Map<String, String> checkedElsewhere() {
    return ELSEWHERE;
  }

  /** The checkers, one per file; stateless, so one list serves every caller. */
  public static List<VectorChecker> all() {
    return ALL;
  }

  private static List<VectorChecker> build() {
    List<VectorChecker> all = new ArrayList<>();
    all.add(new AeadAesGcmChecker());
    all.add(new Ed25519Checker());
    all.add(new KdfLabelsChecker());
    all.add(new X25519Checker());
    all.add(new HararyVectorChecker());
    all.add(new QuantVectorChecker());
    all.add(new PrgAes128CtrChecker());
    all.add(new TranscriptVectorChecker());
    all.add(new ShamirVectorChecker());
    all.add(new VectorEncodingChecker());
    all.addAll(HeVectors.checkers());
    all.addAll(DpVectors.checkers());
    return List.copyOf(all);
  }
}
