package io.secagg.vdaf.internal.xof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.secagg.vdaf.internal.field.Field128;
import io.secagg.vdaf.internal.field.Field64;
import org.junit.jupiter.api.Test;

/**
 * Rejection sampling keeps the accepted candidates in stream order and draws replacements from the
 * continuing stream (the draft's {@code next_vec}). The official vectors never hit a rejection
 * (probability 2^-32 per Field64 element), so a scripted word stream exercises it.
 */
class XofSupportTest {
  /** Hands out the given words in order. */
  private static XofSupport.WordSource script(long... words) {
    int[] next = {0};
    return (out, off, count) -> {
      for (int i = 0; i < count; i++) {
        out[off + i] = words[next[0]++];
      }
    };
  }

  @Test
  void field64SkipsCandidatesAtOrAboveTheModulus() {
    long p = Field64.P;
    long[] v = XofSupport.nextVec(Field64.INSTANCE, 3, script(5, p, 7, -1L, p - 1, 9));
    assertArrayEquals(new long[] {5, 7, p - 1}, v);
  }

  @Test
  void field128SkipsCandidatesAtOrAboveTheModulus() {
    long pLo = 1;
    long pHi = 0xFFFFFFFFFFFFFFE4L;
    long[] v =
        XofSupport.nextVec(Field128.INSTANCE, 2, script(pLo, pHi, 3, 4, -1L, -1L, 0, pHi, 8, 9));
    assertArrayEquals(new long[] {3, 4, 0, pHi}, v);
  }

  @Test
  void emptyVectorsReadNothing() {
    assertArrayEquals(new long[0], XofSupport.nextVec(Field64.INSTANCE, 0, script()));
  }
}
