package io.secagg.federated;

import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.session.SessionPlan;
import io.secagg.core.session.SessionPlanner;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgPrivacyPlan;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The rules that turn {@link AveragingParameters} into per-round protocol configurations: which
 * of the session layer's graph and threshold rules applies, the parameter digest, the round
 * context and the DP rotation seed. No graph or threshold rule lives here: {@link
 * SessionPlanner} and {@code GraphParameters} own them. The normative text is {@code
 * spec/federated.md}.
 */
final class Planning {
  static final KdfLabel PARAMETERS_LABEL = KdfLabel.of("secagg/v1 federated-parameters");
  static final KdfLabel ROTATION_SEED_LABEL = KdfLabel.of("secagg/v1 federated-rotation-seed");

  /** The encoding version of the digest input; a new planning rule gets a new version. */
  private static final int DIGEST_VERSION = 1;

  private Planning() {}

  /**
   * The session plan for n clients of which at most {@code dropouts} drop out and at most {@code
   * corrupted} collude with the server: the session layer's rules for exactly D dropped and C
   * corrupted clients ({@link GraphRequirements#rateOf}) against {@code threat}, at the default
   * security and correctness targets. Without DP the recommended graph ({@link
   * SessionPlanner#sparseGraph()}: SecAgg+ when one meets its bounds, else the complete graph);
   * with DP the complete graph with the largest threshold the dropouts allow ({@link
   * SessionPlanner#completeGraphLargestThreshold()}), so that a completed round always includes
   * at least n - D clients, whatever the server does. The noise is sized for that floor.
   *
   * @throws IllegalArgumentException if D or C is not below n, or the session layer finds no
   *     graph and threshold (its message says why)
   */
  static SessionPlan plan(int n, int dropouts, int corrupted, ThreatModel threat, boolean dp) {
    if (dropouts >= n || corrupted >= n) {
      throw new IllegalArgumentException("Invalid dropout or corrupted count for " + n
          + " clients: " + dropouts + " and " + corrupted + " (each must be below n)");
    }
    SessionPlanner planner = SessionPlanner.of(GraphRequirements.builder()
        .dropoutRate(GraphRequirements.rateOf(dropouts, n))
        .corruptionRate(GraphRequirements.rateOf(corrupted, n))
        .threatModel(threat)
        .build());
    return (dp ? planner.completeGraphLargestThreshold() : planner.sparseGraph()).plan(n);
  }

  /** The planned quantization of rounds without DP, as it enters the digest. */
  static final class QuantPlan {
    final int scaleExponent;
    final long offset;

    QuantPlan(int scaleExponent, long offset) {
      this.scaleExponent = scaleExponent;
      this.offset = offset;
    }

    static QuantPlan of(QuantizerConfig c) {
      return new QuantPlan(c.scaleExponent(), c.offset());
    }
  }

  /** The planned DDG parameters of rounds with DP, as they enter the digest. */
  static final class DpPlan {
    final double epsilon;
    final double delta;
    final long rounds;
    final long honestClients;
    final long maximumClients;
    final int paddedDimension;
    final double scale;
    final double beta;
    final String localVariance;
    final String noiseKind;
    final long maxNormSquared;

    DpPlan(double epsilon, double delta, long rounds, long honestClients, long maximumClients,
        int paddedDimension, double scale, double beta, String localVariance, String noiseKind,
        long maxNormSquared) {
      this.epsilon = epsilon;
      this.delta = delta;
      this.rounds = rounds;
      this.honestClients = honestClients;
      this.maximumClients = maximumClients;
      this.paddedDimension = paddedDimension;
      this.scale = scale;
      this.beta = beta;
      this.localVariance = localVariance;
      this.noiseKind = noiseKind;
      this.maxNormSquared = maxNormSquared;
    }

    static DpPlan of(DdgParameters p) {
      DdgPrivacyPlan plan = p.privacyPlan().orElseThrow();
      return new DpPlan(plan.targetEpsilon(), plan.delta(), plan.rounds(),
          plan.minimumSurvivors(), plan.maximumClients(), p.paddedDimension(), p.scale(),
          p.beta(), p.localVariance().toString(), p.noiseKind().name(), p.maxNormSquared());
    }
  }

  /**
   * The digest input E of spec/federated.md section 3: every parameter and planned value, in a
   * fixed order. Exactly one of {@code quant} and {@code dp} is non-null.
   */
  static byte[] encoding(int clients, int dimension, boolean l2Bound, double bound,
      Modulus modulus, int dropouts, int corrupted, GraphKind kind, int degree, int threshold,
      QuantPlan quant, DpPlan dp,
      List<byte[]> identityKeys, byte[] context) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(DIGEST_VERSION);
      out.writeInt(clients);
      out.writeInt(dimension);
      out.writeByte(l2Bound ? 1 : 2);
      out.writeLong(Double.doubleToLongBits(bound));
      out.writeUTF(modulus.toString());
      out.writeInt(dropouts);
      out.writeInt(corrupted);
      out.writeByte(kind == GraphKind.COMPLETE ? 1 : 2);
      out.writeInt(degree);
      out.writeInt(threshold);
      if (dp == null) {
        out.writeByte(1);
        out.writeInt(quant.scaleExponent);
        out.writeLong(quant.offset);
      } else {
        out.writeByte(2);
        out.writeLong(Double.doubleToLongBits(dp.epsilon));
        out.writeLong(Double.doubleToLongBits(dp.delta));
        out.writeLong(dp.rounds);
        out.writeLong(dp.honestClients);
        out.writeLong(dp.maximumClients);
        out.writeInt(dp.paddedDimension);
        out.writeLong(Double.doubleToLongBits(dp.scale));
        out.writeLong(Double.doubleToLongBits(dp.beta));
        out.writeUTF(dp.localVariance);
        out.writeUTF(dp.noiseKind);
        out.writeLong(dp.maxNormSquared);
      }
      out.writeInt(identityKeys.size());
      for (byte[] k : identityKeys) {
        out.write(k);
      }
      out.writeInt(context.length);
      out.write(context);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  /** The 32-byte digest of an encoding E (spec/federated.md section 3). */
  static byte[] digest(byte[] encoding) {
    return Hkdf.derive(encoding, new byte[0], PARAMETERS_LABEL, new byte[0], 32);
  }

  /**
   * The protocol context of round {@code round}: digest || round (8 bytes, big-endian).
   *
   * @throws IllegalArgumentException if {@code round} is negative
   */
  static byte[] roundContext(byte[] digest, long round) {
    return ByteBuffer.allocate(digest.length + 8).put(digest).putLong(checkRound(round)).array();
  }

  /** The public 32-byte DDG rotation seed of round {@code round}. */
  static byte[] rotationSeed(byte[] digest, long round) {
    byte[] r = ByteBuffer.allocate(8).putLong(checkRound(round)).array();
    return Hkdf.derive(digest, new byte[0], ROTATION_SEED_LABEL, r, 32);
  }

  static long checkRound(long round) {
    if (round < 0) {
      throw new IllegalArgumentException("Invalid round " + round + "; must be >= 0");
    }
    return round;
  }
}
