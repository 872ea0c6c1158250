package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.testing.TightHeap;
import org.junit.jupiter.api.Test;

/**
 * The Paillier parsers check every count and length against the bytes that remain before they
 * allocate (spec/paillier.md section 10): headers that claim gigabytes over a body of a few
 * bytes are rejected in a JVM whose heap is only {@link TightHeap#FIXED_MARGIN_BYTES}.
 */
class PaillierHeapBoundTest {
  @Test
  void headersClaimingHugeSizesAreRejectedWithoutAllocatingThem() throws Exception {
    TightHeap.Run run = TightHeap.run(HostileEncodingProbe.class, TightHeap.FIXED_MARGIN_BYTES);
    assertEquals(0, run.exitCode(), () -> "probe died (out of memory?): " + run.stderr() + run.lines());
    for (String name : new String[] {"public-key-huge-integer", "private-key-five-huge-primes",
        "encrypted-vector-max-length", "threshold-key-huge-modulus"}) {
      String outcome = run.outcome(name);
      assertTrue(outcome != null && outcome.startsWith("REJECTED"), () -> name + ": " + outcome);
    }
  }
}
