package io.secagg.cli;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.he.PaillierInputException;
import io.secagg.he.aggregation.AggregationConfig;
import io.secagg.he.packing.PackingLayout;
import io.secagg.he.threshold.ThresholdKeyDealer;
import io.secagg.he.threshold.ThresholdKeySet;
import io.secagg.session.PaillierReport;
import io.secagg.session.PaillierRound;
import io.secagg.session.PhaseReport;
import io.secagg.session.RoundListener;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code secagg simulate --scheme paillier}: a dealer deals a t-of-w key to the decryption
 * committee (timed here as KEY_DEAL), then the library's {@link PaillierRound} runs the round
 * phase by phase: every client encrypts its packed vector of random signed quantized values and
 * serializes it, the server parses, validates and adds the uploads, t committee members partially
 * decrypt the sum only, and the shares are verified and combined; the decrypted sum is checked
 * against the plaintext sum. This class writes the plan and the report; {@code keyBits} is a fresh
 * key's modulus bits, or null for the fixed demonstration key.
 *
 * <p>Key: without {@code --key-bits}, the key is dealt from two fixed, published 1024-bit safe
 * primes (a 2048-bit modulus, production size, through the production validation path): the
 * timings are those of a real 2048-bit key, but since the factorization is public the key protects
 * nothing. {@code --key-bits B} generates fresh safe primes of B/2 bits (seconds to minutes:
 * finding a 1024-bit safe prime takes seconds to a minute on one core).
 */
record PaillierRun(int clients, int length, Integer keyBits, int committee, int committeeThreshold,
    int valueBits, int threads, long seed, boolean seedGiven) {
  /** The fixed demonstration primes (1024-bit safe primes; public, so the key is not secret). */
  static final BigInteger DEMO_P = new BigInteger(
      "162385737781390544105330619045114430702662934857161220156017819877014861061203478978340669108174629169974542852163465218554114174090674046319152177924038226153209928566202300627087766877796978026915349899888266069931013120514843383440524059540518501126525938519041458278399714573316042328113224059023004658507");
  static final BigInteger DEMO_Q = new BigInteger(
      "142340952196858641212678885639333593215725619992370260897389478819609445982444377587273779433145635014786085753690791086037572429989699783637242054303621023965736811685124684302011681712610512295545702640362136987948339378004436788635808271360009505800857417221621435073258761771808628608138464907284286052983");

  /** The configuration this run uses; throws IllegalArgumentException/IllegalStateException if invalid. */
  AggregationConfig config() {
    return AggregationConfig.builder().vectorLength(length).valueBits(valueBits).maxClients(clients)
        .minClients(2).build();
  }

  /**
   * Runs the round, writing the plan first and the report after.
   *
   * @return true iff the decrypted sum equals the plaintext sum
   */
  boolean run(PrintWriter out, PrintWriter err) {
    AggregationConfig config = config();
    out.println("secagg simulate --scheme paillier");
    line(out, "Clients", clients + ", each encrypting " + length + " signed " + valueBits + "-bit values");
    line(out, "Committee", String.format(Locale.ROOT,
        "%d members, any %d decrypt (threshold Paillier, trusted dealer)", committee, committeeThreshold));
    line(out, "Key", keyBits == null
        ? "2048-bit modulus dealt from fixed published safe primes: production size,"
            + " NOT secret (timings only; --key-bits B generates a fresh key)"
        : keyBits + "-bit modulus from freshly generated safe primes");
    line(out, "Threads", String.valueOf(threads));
    line(out, "Seed", seedGiven ? String.valueOf(seed) : seed + " (random; --seed " + seed + " repeats this run)");
    out.flush();

    long start = System.nanoTime();
    err.println("paillier: dealing the " + (keyBits == null ? "fixed 2048-bit" : keyBits + "-bit") + " key");
    err.flush();
    // Simulation only: the dealer's randomness comes from the seed, like every other value.
    DeterministicRandom keyRandom = DeterministicRandom.forTestVectorsOnly(
        ByteBuffer.allocate(8 + 12).putLong(seed).put("paillier-key".getBytes(StandardCharsets.US_ASCII)).array());
    long t0 = System.nanoTime();
    ThresholdKeySet keys;
    PaillierReport report;
    long dealNanos;
    try {
      keys = keyBits == null
          ? ThresholdKeyDealer.dealFromSafePrimes(DEMO_P, DEMO_Q, committeeThreshold, committee, keyRandom)
          : ThresholdKeyDealer.deal(keyBits, committeeThreshold, committee, keyRandom);
      dealNanos = System.nanoTime() - t0;
      report = PaillierRound.builder(keys, config).clients(clients).threads(threads).seed(seed)
          .listener(new RoundListener() {
            @Override
            public void phaseStarted(String phase, int participants) {
              err.println("paillier: " + phase + (participants > 0 ? " (" + participants + ")" : ""));
              err.flush();
            }
          })
          .build().run();
    } catch (PaillierInputException | IllegalStateException e) {
      // Every party of this run is honest code in this JVM: a rejection (the round reports one
      // as an IllegalStateException caused by it) means a bug, reported like a mismatch rather
      // than as a stack trace.
      Throwable rejection = e instanceof PaillierInputException ? e : e.getCause();
      if (!(rejection instanceof PaillierInputException)) {
        throw (IllegalStateException) e;
      }
      out.println();
      line(out, "Result", "REJECTED: an honest party's message was refused (" + rejection.getMessage() + ")");
      out.flush();
      return false;
    }
    long total = System.nanoTime() - start;
    PhaseReport setup = report.phases().get(0);
    PhaseReport upload = report.phases().get(1);
    PhaseReport partial = report.phases().get(2);
    PhaseReport combine = report.phases().get(3);
    PackingLayout layout = report.layout();

    out.println();
    out.println(String.format(Locale.ROOT, "%-25s %10s %10s %10s", "Phase", "total", "avg", "max"));
    phase(out, "KEY_DEAL", dealNanos, 1, dealNanos);
    phase(out, "ENCRYPTOR_SETUP", setup.participantNanosTotal(), 1, setup.participantNanosMax());
    phase(out, "ENCRYPT (per client)", upload.participantNanosTotal(), upload.answers(), upload.participantNanosMax());
    phase(out, "ADD (server)", upload.serverNanos(), upload.answers(), -1);
    phase(out, "PARTIAL_DECRYPT", partial.participantNanosTotal(), partial.answers(), partial.participantNanosMax());
    phase(out, "COMBINE", combine.serverNanos(), 1, combine.serverNanos());
    out.println();
    line(out, "Packing", String.format(Locale.ROOT,
        "%d values per ciphertext (%d-bit slots: %d value bits + headroom for %d summands),"
            + " %d ciphertexts per client", layout.slotsPerCiphertext(), layout.slotBits(),
        valueBits, clients, report.ciphertextsPerClient()));
    line(out, "Bytes per client", Units.bytes(report.bytesPerClient()) + String.format(Locale.ROOT,
        " of ciphertext (%.2f bytes per value; plaintext %d bits per value)",
        report.bytesPerClient() / (double) length, valueBits));
    line(out, "Committee bytes", Units.bytes(report.bytesPerCommitteeMember()) + " of partial decryptions per member");
    line(out, "Time", Units.duration(total) + " in all (phases above, plus input generation"
        + " and the plaintext check)");
    boolean verified = report.verified();
    line(out, "Result", verified
        ? "VERIFIED: the threshold-decrypted sum equals the plaintext sum of the " + clients + " inputs"
        : "MISMATCH: the threshold-decrypted sum differs from the plaintext sum");
    out.flush();
    return verified;
  }

  private static void phase(PrintWriter out, String name, long total, int count, long max) {
    out.println(String.format(Locale.ROOT, "  %-23s %10s %10s %10s", name, Units.duration(total),
        Units.duration(total / Math.max(1, count)), max < 0 ? "" : Units.duration(max)));
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(String.format(Locale.ROOT, "%-18s", label) + value);
  }
}
