package io.secagg.he.aggregation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.he.TestKeys;

/**
 * Jazzer fuzz test of {@link AggregationServer#accept}: a fresh server of {@link #CONFIG} under
 * the vector key takes the input as a client's upload, and only {@link
 * InvalidContributionException} may come out. An accepted upload is counted exactly once.
 */
public class AggregationServerFuzzTest {
  /** 50 signed 16-bit values, up to 8 clients. */
  public static final AggregationConfig CONFIG =
      AggregationConfig.builder().vectorLength(50).maxClients(8).build();

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void contributions(byte[] input) {
    contribution(input);
  }

  /** One client's serialized contribution. */
  public static void contribution(byte[] input) {
    AggregationServer server = new AggregationServer(TestKeys.vectorKey().publicKey(), CONFIG);
    try {
      server.accept("client", input, Runnable::run, 1);
    } catch (InvalidContributionException e) {
      return;
    }
    if (server.contributions() != 1) {
      throw new AssertionError("an accepted contribution was not counted once");
    }
  }
}
