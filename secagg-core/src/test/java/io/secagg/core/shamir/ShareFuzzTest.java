package io.secagg.core.shamir;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.testing.FuzzChecks;

/**
 * Jazzer fuzz test of {@link Share#decode}: only {@link InvalidShareException} may come out,
 * and an accepted share re-encodes to exactly its bytes (the encoding is canonical).
 */
public class ShareFuzzTest {
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void shares(byte[] input) {
    share(input);
  }

  /** One encoded share. */
  public static void share(byte[] input) {
    FuzzChecks.canonical(input, InvalidShareException.class, Share::decode, Share::encode, "share");
  }
}
