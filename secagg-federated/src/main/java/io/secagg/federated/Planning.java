package io.secagg.federated;

import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgPrivacyPlan;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The rules that turn {@link AveragingParameters} into per-round protocol configurations:
 * graph and threshold, the parameter digest, the round context and the DP rotation seed. The
 * normative text is {@code spec/federated.md}.
 */
final class Planning {
  static final KdfLabel PARAMETERS_LABEL = KdfLabel.of("secagg/v1 federated-parameters");
  static final KdfLabel ROTATION_SEED_LABEL = KdfLabel.of("secagg/v1 federated-rotation-seed");

  /** The encoding version of the digest input; a new planning rule gets a new version. */
  private static final int DIGEST_VERSION = 1;

  private Planning() {}

  /** A graph and threshold. */
  static final class Graph {
    final GraphKind kind;
    final int degree;
    final int threshold;

    Graph(GraphKind kind, int degree, int threshold) {
      this.kind = kind;
      this.degree = degree;
      this.threshold = threshold;
    }
  }

  /**
   * The graph and threshold for n clients of which at most {@code dropouts} drop out and at most
   * {@code corrupted} collude with the server.
   *
   * <p>Without DP, exactly what {@link GraphParameters#recommend} gives for D and C against
   * {@code threat} (a SecAgg+ graph when one meets its bounds, else the complete graph with its
   * threshold). With DP, the complete graph with t = n - 1 - D: the largest threshold that still
   * tolerates D dropouts, so that a completed round always includes at least n - D clients (each
   * survivor's self mask needs t shares from other survivors), whatever the server does. The
   * noise is sized for that floor.
   *
   * @throws IllegalArgumentException if no graph fits: with DP, t = n - 1 - D must be at least 2
   *     and above C (semi-honest) or above (n - 1 + C) / 2 (malicious server); without DP, as
   *     {@link GraphParameters#recommend}
   */
  static Graph graph(int n, int dropouts, int corrupted, ThreatModel threat, boolean dp) {
    if (!dp) {
      if (dropouts >= n || corrupted >= n) {
        throw new IllegalArgumentException("Invalid dropout or corrupted count for " + n
            + " clients: " + dropouts + " and " + corrupted + " (each must be below n)");
      }
      GraphParameters p = GraphParameters.recommend(
          n, rate(dropouts, n), rate(corrupted, n), threat,
          GraphParameters.DEFAULT_SECURITY_BITS, GraphParameters.DEFAULT_CORRECTNESS_BITS);
      return new Graph(p.kind(), p.degree(), p.threshold());
    }
    int t = n - 1 - dropouts;
    // The smallest secure threshold for the complete graph (k = n - 1 neighbours, C of them
    // corrupted), as GraphParameters states it: t > C, or 2t > k + C against a lying server.
    int minimum = Math.max(2,
        threat == ThreatModel.SEMI_HONEST ? corrupted + 1 : (n - 1 + corrupted) / 2 + 1);
    if (t < minimum) {
      throw new IllegalArgumentException(
          "No threshold fits " + n + " clients with " + dropouts + " dropouts and " + corrupted
              + " corrupted clients under DP (" + threat + "): the threshold n - 1 - D = " + t
              + " must be at least " + minimum);
    }
    return new Graph(GraphKind.COMPLETE, n - 1, t);
  }

  /**
   * The largest rate r with ceil(r n) = count as GraphParameters reads it (its shortest decimal
   * form times n, rounded up): count / n itself can round up in binary64 (5/7 does) and would
   * then be read as count + 1.
   */
  static double rate(int count, int n) {
    double r = (double) count / n;
    while (r > 0 && BigDecimal.valueOf(r).multiply(BigDecimal.valueOf(n))
        .setScale(0, RoundingMode.CEILING).intValueExact() > count) {
      r = Math.nextDown(r);
    }
    return r;
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
      Modulus modulus, int dropouts, int corrupted, Graph graph, QuantPlan quant, DpPlan dp,
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
      out.writeByte(graph.kind == GraphKind.COMPLETE ? 1 : 2);
      out.writeInt(graph.degree);
      out.writeInt(graph.threshold);
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
