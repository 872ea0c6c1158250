package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code simulate --scheme paillier}, the options each scheme owns and their ranges, and
 * {@code simulate --dp-epsilon}.
 */
class SchemeModesTest {
  @Test
  void paillierRoundIsVerifiedAndReportsEveryPhaseAndThePacking() {
    // One ciphertext per client keeps the 2048-bit run to a few seconds.
    Run r = Run.of("simulate", "--scheme", "paillier", "-n", "3", "-l", "50", "--committee", "3",
        "--committee-threshold", "2", "--threads", "1", "--seed", "4", "--progress", "none").assertOk();
    assertTrue(r.line("Result").startsWith("VERIFIED"), r::toString);
    assertTrue(r.line("Key").startsWith("2048-bit modulus dealt from fixed published safe primes"), r::toString);
    assertEquals("3 members, any 2 decrypt (threshold Paillier, trusted dealer)", r.line("Committee"));
    assertEquals("3, each encrypting 50 signed 16-bit values", r.line("Clients"));
    for (String phase : new String[] {
        "KEY_DEAL", "ENCRYPTOR_SETUP", "ENCRYPT (per client)", "ADD (server)", "PARTIAL_DECRYPT", "COMBINE"}) {
      assertTrue(r.out().contains("  " + phase + " "), () -> phase + " missing\n" + r);
    }
    Matcher packing = Pattern.compile("(\\d+) values per ciphertext .* (\\d+) ciphertexts per client")
        .matcher(r.line("Packing"));
    assertTrue(packing.matches(), r::toString);
    assertTrue(Integer.parseInt(packing.group(1)) >= 50, r::toString);
    assertEquals("1", packing.group(2));
    assertTrue(r.line("Bytes per client").matches("\\d+(\\.\\d+)? (B|KiB) of ciphertext .*"), r::toString);
    assertNotNull(r.line("Committee bytes"), r::toString);
  }

  /**
   * Every usage error of a scheme's options: an option another scheme owns names the schemes it
   * applies to, and a value out of range names the option and the value.
   */
  @ParameterizedTest(name = "simulate {0} {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    "--scheme paillier | --malicious              | --malicious applies only to --scheme secagg",
    "--scheme paillier | --graph SPARSE           | --graph applies only to --scheme secagg",
    "--scheme paillier | --dropout 0.2            | --dropout applies only to --scheme secagg",
    "--scheme paillier | --modulus-bits 20        | --modulus-bits applies only to --scheme secagg",
    "--scheme paillier | --threshold 3            | --threshold applies only to --scheme secagg",
    "--scheme paillier | --dp-epsilon 1           | --dp-epsilon applies only to --scheme secagg",
    "-n 5 -l 4         | --key-bits 2048          | --key-bits applies only to --scheme paillier",
    "-n 5 -l 4         | --committee 4            | --committee applies only to --scheme paillier",
    "-n 5 -l 4         | --committee-threshold 2  | --committee-threshold applies only to --scheme paillier",
    "-n 5 -l 4         | --value-bits 8           | --value-bits applies only to --scheme paillier",
    "--scheme prio3    | --graph SPARSE           | --graph applies only to --scheme secagg or paillier",
    "--scheme prio3    | --dropout 0.2            | --dropout applies only to --scheme secagg or paillier",
    "--scheme prio3    | --committee 4            | --committee applies only to --scheme secagg or paillier",
    "--scheme prio3    | --dp-clip 2              | --dp-clip applies only to --scheme secagg or paillier",
    "--scheme prio3    | --modulus-bits 20        | --modulus-bits applies only to --scheme secagg or paillier",
    "-n 5 -l 4         | --malicious-fraction 0.1 | --malicious-fraction applies only to --scheme prio3",
    "-n 5 -l 4         | --clip 2                 | --clip applies only to --scheme prio3",
    "--scheme paillier | --committee-threshold 6  | Invalid value for --committee-threshold: 6",
    "--scheme paillier | --committee 1            | Invalid value for --committee: 1",
    "--scheme paillier | --value-bits 33          | Invalid value for --value-bits: 33",
    "--scheme paillier | --key-bits 1024          | Invalid value for --key-bits: 1024",
    "--scheme paillier | --key-bits 2049          | Invalid value for --key-bits: 2049",
    "--scheme paillier | --clients 1              | Invalid value for --clients: 1",
    "--scheme prio3    | --malicious-fraction 1   | Invalid value for --malicious-fraction: 1.0",
    "--scheme prio3    | --value-bits 1           | Invalid value for --value-bits: 1",
    "--scheme prio3    | --clip 0                 | Invalid value for --clip: 0.0",
    "--scheme prio3    | --clients 1              | Invalid value for --clients: 1",
    "--scheme prio3    | --length 0               | Invalid value for --length: 0",
    "--scheme prio3    | --dp-epsilon 1           | --dp-epsilon and --dp-delta go together",
  })
  void eachSchemeRejectsForeignOptionsAndOutOfRangeValues(String mode, String args, String message) {
    simulate(mode, args).assertUsageError(message);
  }

  /**
   * Fixed seed, so the outcome is deterministic; the bound of 1.5 times the predicted std holds
   * for a 200-coordinate RMS with a false-failure rate far below 1e-6 over random seeds (the
   * squared error is a mean of 200 near-Gaussian terms, and the prediction bounds the rounding).
   */
  @Test
  void dpRunDecodesTheSumWithinTheStatedMultipleOfThePredictedNoiseAndPrintsEpsilon() {
    Run r = Run.of("simulate", "-n", "10", "-l", "200", "--threads", "1", "--seed", "11",
        "--dropout", "0.2", "--threshold", "4", "--progress", "none",
        "--dp-epsilon", "2", "--dp-delta", "1e-5", "--dp-clip", "0.5", "--dp-rounds", "3").assertOk();
    assertTrue(r.line("Result").startsWith("VERIFIED"), r::toString);
    assertTrue(r.line("Vectors").startsWith("256 elements in Z_m"), r::toString);
    assertTrue(r.line("DP").contains("target epsilon 2.000 at delta 1.000e-05 over 3 rounds; clip 0.5000"), r::toString);
    Matcher privacy = Pattern.compile("epsilon (\\S+) at delta 1.000e-05 with the (\\d+) included clients' noise.*;"
        + " (\\S+) with all 10 clients' noise; at most (\\S+) whenever a round completes \\(the target 2.000\\)")
        .matcher(r.line("DP privacy"));
    assertTrue(privacy.matches(), r::toString);
    double actual = Double.parseDouble(privacy.group(1));
    double full = Double.parseDouble(privacy.group(3));
    double planned = Double.parseDouble(privacy.group(4));
    // The noise is sized for the threshold (4): the round meets the target whatever the dropouts.
    assertTrue(r.line("DP survivors").startsWith("noise sized for 4 included clients"), r::toString);
    assertTrue(actual <= 2.0 + 1e-9 && full <= 2.0 + 1e-9 && planned <= 2.0 + 1e-9, r::toString);
    assertTrue(actual <= planned + 1e-3 && full <= planned + 1e-3, r::toString);
    assertTrue(r.line("DP signal/noise").startsWith("noise "), r::toString);
    int included = Integer.parseInt(r.line("Included clients").replace(" of 10", ""));
    assertEquals(included, Integer.parseInt(privacy.group(2)));
    Matcher error = Pattern.compile("RMS (\\S+) per coordinate .* predicted std (\\S+) \\(ratio .*")
        .matcher(r.line("DP error"));
    assertTrue(error.matches(), r::toString);
    double rmse = Double.parseDouble(error.group(1));
    double predicted = Double.parseDouble(error.group(2));
    assertTrue(rmse > 0.5 * predicted && rmse < 1.5 * predicted, r::toString);
  }

  /** Issue 15, item 8: 10 clients at epsilon 1 over 1000 coordinates drown in their noise. */
  @Test
  void dpRunWarnsWhenTheNoiseExceedsTheSignal() {
    Run r = Run.of("simulate", "-n", "10", "-l", "1000", "--threads", "1", "--seed", "3", "--progress", "none",
        "--dp-epsilon", "1", "--dp-delta", "1e-5").assertOk();
    assertTrue(r.line("DP WARNING").contains("exceeds the largest possible signal"), r::toString);
    Run clear = Run.of("simulate", "-n", "10", "-l", "4", "--threads", "1", "--seed", "3", "--progress", "none",
        "--dp-epsilon", "50", "--dp-delta", "1e-5").assertOk();
    assertTrue(clear.line("DP signal/noise") != null && clear.line("DP WARNING") == null, clear::toString);
  }

  @ParameterizedTest
  @CsvSource({
    "--dp-epsilon 1, --dp-epsilon needs --dp-delta",
    "--dp-delta 1e-5, --dp-delta needs --dp-epsilon",
    "--dp-clip 2, --dp-clip needs --dp-epsilon",
    "--dp-epsilon 0 --dp-delta 1e-5, Invalid value for --dp-epsilon: 0.0",
    "--dp-epsilon 1 --dp-delta 1, Invalid value for --dp-delta: 1.0",
    "--dp-epsilon 1 --dp-delta 1e-5 --dp-clip -1, Invalid value for --dp-clip: -1.0",
    "--dp-epsilon 1 --dp-delta 1e-5 --dp-rounds 0, Invalid value for --dp-rounds: 0",
    "--dp-epsilon 1 --dp-delta 1e-5 --modulus 1000003, needs a modulus 2^b with b <= 62",
    "--dp-epsilon 1 --dp-delta 1e-5 --modulus-bits 64, needs a modulus 2^b with b <= 62",
    "--dp-epsilon 1 --dp-delta 1e-5 --modulus-bits 4, Invalid combination for --dp-epsilon",
  })
  void dpOptionsAreValidated(String args, String message) {
    simulate("-n 5 -l 4", args).assertUsageError(message);
  }

  /** Runs {@code simulate} with each of {@code parts} split into words at single spaces. */
  private static Run simulate(String... parts) {
    List<String> argv = new ArrayList<>(List.of("simulate"));
    for (String part : parts) {
      argv.addAll(List.of(part.split(" ")));
    }
    return Run.of(argv.toArray(String[]::new));
  }
}
