package io.secagg.cli;

import io.secagg.session.MaliciousKind;
import io.secagg.session.PhaseReport;
import io.secagg.session.Prio3Round;
import io.secagg.session.Prio3RoundReport;
import io.secagg.session.RoundListener;
import io.secagg.vdaf.BoundedVector;
import io.secagg.vdaf.VdafException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * {@code secagg simulate --scheme prio3}: the library's {@link Prio3Round} with n clients, a leader
 * and a helper aggregator and a fraction of malicious clients (their kinds in turn: out-of-range
 * coordinate, bad proof, truncated upload, garbled share, replayed nonce). This class writes the
 * plan and the report; {@code epsilon} is null without noise.
 */
record Prio3Run(int clients, int length, int bits, double clip, double maliciousFraction, Double epsilon, Double delta,
    int threads, long seed, boolean seedGiven) {
  /** The configuration; throws IllegalArgumentException/IllegalStateException if invalid. */
  BoundedVector config() {
    BoundedVector.Builder b = BoundedVector.builder().dimension(length).clipBound(clip).bits(bits).maxClients(clients);
    if (epsilon != null) {
      b.privacy(epsilon, delta);
    }
    return b.build();
  }

  /**
   * Runs the round, writing the plan first and the report after.
   *
   * @return true iff every honest report was aggregated, every malicious one rejected and the sum
   *     verified
   */
  boolean run(PrintWriter out, PrintWriter err) {
    BoundedVector fl = config();
    Prio3Round round = Prio3Round.builder(fl).clients(clients).maliciousFraction(maliciousFraction).threads(threads)
        .seed(seed).listener(new RoundListener() {
          @Override
          public void phaseStarted(String phase, int participants) {
            err.println("prio3: " + phase + (participants > 0 ? " (" + participants + ")" : ""));
            err.flush();
          }
        }).build();
    out.println("secagg simulate --scheme prio3");
    line(out, "Clients", String.format(Locale.ROOT, "%d, each an update of %d floats clipped to [-%s, %s] and"
        + " quantized to %d bits (range [0, %d], step %s)", clients, length, clip, clip, bits, fl.maxCoordinate(),
        fl.resolution()));
    line(out, "Malicious", String.format(Locale.ROOT, "%d (fraction %s), kinds in turn: %s",
        Math.round(maliciousFraction * clients), maliciousFraction, kinds()));
    line(out, "VDAF", fl.prio3().name() + " (" + fl.prio3().vdafField() + ", " + fl.prio3().proofs() + " proofs, "
        + io.secagg.vdaf.Prio3.DRAFT + "), two aggregators");
    line(out, "Noise", fl.privacyGuarantee().map(g -> String.format(Locale.ROOT,
        "discrete Gaussian at each aggregator, sigma %.4g per coordinate; one honest aggregator alone gives"
            + " (%.4g, %.3g)-DP per round", Math.sqrt(fl.noiseSigma2().orElseThrow().doubleValue()) * fl.resolution(),
        g.epsilon(), g.delta())).orElse("none"));
    line(out, "Threads", String.valueOf(threads));
    line(out, "Seed", seedGiven ? String.valueOf(seed) : seed + " (random; --seed " + seed + " repeats this run)");
    out.flush();

    Prio3RoundReport r = round.run();
    PhaseReport upload = r.phases().get(0);
    PhaseReport verify = r.phases().get(1);
    PhaseReport collect = r.phases().get(2);
    out.println();
    out.println(String.format(Locale.ROOT, "%-25s %10s %10s %10s", "Phase", "total", "avg", "max"));
    phase(out, "SHARD (per client)", upload.participantNanosTotal(), r.clients(), upload.participantNanosMax());
    phase(out, "UPLOAD (aggregators)", upload.serverNanos(), r.clients(), -1);
    phase(out, "VERIFY (leader)", verify.serverNanos(), upload.answers(), -1);
    phase(out, "VERIFY (helper)", verify.participantNanosTotal(), upload.answers(), -1);
    phase(out, "COLLECT", collect.serverNanos(), 1, collect.serverNanos());
    out.println();
    line(out, "Accepted", String.format(Locale.ROOT, "%d of %d reports: %d of %d honest, %d of %d malicious",
        r.result().reports(), r.clients(), r.honestAccepted(), r.honestClients(), r.maliciousAccepted(),
        r.maliciousClients()));
    StringBuilder reasons = new StringBuilder();
    for (Map.Entry<VdafException.Reason, Long> e : r.rejectedByReason().entrySet()) {
      reasons.append(reasons.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
    }
    line(out, "Rejected", r.rejectedByReason().isEmpty() ? "none" : reasons.toString());
    for (MaliciousKind k : MaliciousKind.values()) {
      int sent = r.maliciousByKind().getOrDefault(k, 0);
      if (sent > 0) {
        line(out, "  " + k.name().toLowerCase(Locale.ROOT), r.rejectedByKind().getOrDefault(k, 0) + " of " + sent
            + " rejected");
      }
    }
    line(out, "Bytes per client", Units.bytes(r.bytesPerClient()) + " of uploads (both aggregators)");
    line(out, "Aggregator bytes", Units.bytes(r.aggregatorBytes()) + " between leader and helper");
    line(out, "Time", Units.duration(r.protocolNanos()) + " in all (input generation and the plaintext check"
        + " included)");
    line(out, "Sum", r.sumVerified()
        ? (fl.noised() ? "within " + Prio3Round.NOISE_TOLERANCE_SIGMAS + " noise standard deviations of" : "equals")
            + " the plaintext sum of the " + r.honestAccepted() + " accepted honest clients"
        : "DIFFERS from the plaintext sum of the accepted honest clients");
    boolean verified = r.verified();
    line(out, "Result", verified
        ? "VERIFIED: every malicious report rejected, every honest one aggregated, the sum checked"
        : "MISMATCH: " + (r.maliciousAccepted() > 0 ? "a malicious report was aggregated" : r.honestAccepted()
            < r.honestClients() ? "an honest report was rejected" : "the sum differs"));
    out.flush();
    return verified;
  }

  private static String kinds() {
    StringBuilder s = new StringBuilder();
    for (MaliciousKind k : MaliciousKind.values()) {
      s.append(s.length() == 0 ? "" : ", ").append(k.name().toLowerCase(Locale.ROOT));
    }
    return s.toString();
  }

  private static void phase(PrintWriter out, String name, long total, int count, long max) {
    out.println(String.format(Locale.ROOT, "  %-23s %10s %10s %10s", name, Units.duration(total),
        Units.duration(total / Math.max(1, count)), max < 0 ? "" : Units.duration(max)));
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(String.format(Locale.ROOT, "%-18s", label) + value);
  }
}
