package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code simulate --scheme prio3}: a small version of the 1000 x 10000 run, and its options. */
class Prio3SimulateTest {
  @Test
  void rejectsEveryMaliciousReportAcceptsEveryHonestOneAndVerifiesTheSum() {
    // 40 clients, 20% malicious: two of each of the five kinds.
    Run r = Run.of("simulate", "--scheme", "prio3", "-n", "40", "-l", "64", "--malicious-fraction", "0.25",
        "--threads", "2", "--seed", "11", "--progress", "none");
    assertEquals(Secagg.EXIT_OK, r.exitCode(), r::toString);
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
        "--seed", "3", "--progress", "none");
    assertEquals(Secagg.EXIT_OK, r.exitCode(), r::toString);
    assertTrue(r.line("Noise").startsWith("discrete Gaussian at each aggregator"), r::toString);
    assertTrue(r.line("Sum").startsWith("within 7.0 noise standard deviations"), r::toString);
  }

  @ParameterizedTest
  @CsvSource({"--graph,SPARSE", "--dropout,0.2", "--committee,4", "--dp-clip,2", "--modulus-bits,20"})
  void prio3RejectsOptionsOfTheOtherSchemes(String option, String value) {
    Run r = Run.of("simulate", "--scheme", "prio3", option, value);
    assertEquals(Secagg.EXIT_USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains(option + " applies only to --scheme secagg or paillier"), r::toString);
  }

  @ParameterizedTest
  @CsvSource({"--malicious-fraction,0.1", "--clip,2"})
  void theOtherSchemesRejectPrio3Options(String option, String value) {
    Run r = Run.of("simulate", "-n", "5", "-l", "4", option, value);
    assertEquals(Secagg.EXIT_USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains(option + " applies only to --scheme prio3"), r::toString);
  }

  @ParameterizedTest
  @CsvSource({
    "--malicious-fraction 1, Invalid value for --malicious-fraction: 1.0",
    "--value-bits 1, Invalid value for --value-bits: 1",
    "--clip 0, Invalid value for --clip: 0.0",
    "--clients 1, Invalid value for --clients: 1",
    "--length 0, Invalid value for --length: 0",
    "--dp-epsilon 1, --dp-epsilon and --dp-delta go together",
  })
  void prio3RejectsOutOfRangeValues(String args, String message) {
    String[] a = args.split(" ");
    Run r = Run.of("simulate", "--scheme", "prio3", a[0], a[1]);
    assertEquals(Secagg.EXIT_USAGE, r.exitCode(), r::toString);
    assertTrue(r.err().contains(message), r::toString);
  }
}
