package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code simulate --scheme prio3}: a small version of the 1000 x 10000 run (its option
 * checks are in {@link SchemeModesTest}).
 */
class Prio3SimulateTest {
  @Test
  void rejectsEveryMaliciousReportAcceptsEveryHonestOneAndVerifiesTheSum() {
    // 40 clients, 20% malicious: two of each of the five kinds.
    Run r = Run.of("simulate", "--scheme", "prio3", "-n", "40", "-l", "64", "--malicious-fraction", "0.25",
        "--threads", "2", "--seed", "11", "--progress", "none").assertOk();
    assertTrue(r.line("Result").startsWith("VERIFIED"), r::toString);
    assertEquals("30 of 40 reports: 30 of 30 honest, 0 of 10 malicious", r.line("Accepted"), r::toString);
    assertEquals("WRONG_LENGTH 2, NON_CANONICAL_FIELD_ELEMENT 2, PROOF_REJECTED 4, REPLAYED_NONCE 2", r.line("Rejected"));
    for (String kind : new String[] {"out_of_range", "bad_proof", "truncated", "garbled", "replayed_nonce"}) {
      assertEquals("2 of 2 rejected", r.line("  " + kind), r::toString);
    }
    assertTrue(r.line("Sum").startsWith("equals the plaintext sum of the 30 accepted honest clients"), r::toString);
    assertTrue(r.line("Time").matches("\\d+(\\.\\d+)? (ms|s) in all.*"), r::toString);
    assertTrue(r.line("VDAF").startsWith("Prio3SumVecWithMultiproof (FIELD64, 3 proofs, draft-irtf-cfrg-vdaf-20)"), r::toString);
    assertTrue(r.line("Clients").startsWith("40, each an update of 64 floats clipped to [-1.0, 1.0] and quantized to 8 bits"),
        r::toString);
  }

  @Test
  void withNoiseTheSumIsVerifiedWithinTheNoiseBound() {
    Run r = Run.of("simulate", "--scheme", "prio3", "-n", "10", "-l", "16", "--dp-epsilon", "2", "--dp-delta", "1e-6",
        "--seed", "3", "--progress", "none").assertOk();
    assertTrue(r.line("Noise").startsWith("discrete Gaussian at each aggregator"), r::toString);
    assertTrue(r.line("Sum").startsWith("within 7.0 noise standard deviations"), r::toString);
  }
}
