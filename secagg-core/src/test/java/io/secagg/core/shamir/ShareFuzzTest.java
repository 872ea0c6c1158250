package io.secagg.core.shamir;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import java.util.Arrays;

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
    Share s;
    try {
      s = Share.decode(input);
    } catch (InvalidShareException e) {
      return;
    }
    if (!Arrays.equals(s.encode(), input)) {
      throw new AssertionError("an accepted share does not re-encode to itself");
    }
  }
}
