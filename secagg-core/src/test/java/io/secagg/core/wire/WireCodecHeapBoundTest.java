package io.secagg.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.testing.TightHeap;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 1: decoding allocates at most a small constant times the frame limit. Each
 * probe runs in a JVM whose heap is four times the session's largest frame limit plus {@link
 * TightHeap#FIXED_MARGIN_BYTES}; before the bounded decoder, the first case of {@code small}
 * allocated about 400 MB and died at {@code -Xmx192m}.
 */
class WireCodecHeapBoundTest {
  /** Heap per frame-limit byte: the frame itself, the decoded copy, its message, slack. */
  static final int HEAP_PER_FRAME_BYTE = 4;

  private static TightHeap.Run probe(String name) throws Exception {
    WireCodec codec = WireCodec.forConfig(HostileFrameProbe.config(name));
    long limit = Math.max(codec.maxClientFrameLength(), codec.maxServerFrameLength());
    TightHeap.Run run =
        TightHeap.run(HostileFrameProbe.class, HEAP_PER_FRAME_BYTE * limit + TightHeap.FIXED_MARGIN_BYTES, name);
    assertEquals(0, run.exitCode(), () -> "probe died (out of memory?): " + run.stderr() + run.lines());
    return run;
  }

  private static void rejected(TightHeap.Run run, String name, String messagePart) {
    String outcome = run.outcome(name);
    assertTrue(outcome != null && outcome.startsWith("REJECTED") && outcome.contains(messagePart),
        () -> name + ": " + outcome);
  }

  @Test
  void theLargestClientFramesOfEmptyEntriesAreRejectedWithinTheBound() throws Exception {
    TightHeap.Run run = probe("small");
    rejected(run, "share-keys-empty-entries", "shares list has more than 4 entries");
    rejected(run, "unmasking-response-empty-self-shares", "self_mask_shares list has more than 4 entries");
    rejected(run, "unmasking-response-empty-key-shares", "key_shares list has more than 4 entries");
    rejected(run, "masked-input-request-empty-entries", "shares list has more than 4 entries");
    assertEquals("ACCEPTED", run.outcome("valid-masked-input"));
  }

  @Test
  void theLargestServerFramesOfEmptyEntriesAreRejectedWithinTheBound() throws Exception {
    TightHeap.Run run = probe("wide");
    rejected(run, "share-keys-request-empty-entries", "keys list has more than 65535 entries");
    rejected(run, "masked-input-request-empty-entries", "shares list has more than 65534 entries");
    rejected(run, "consistency-check-packed-survivors", "survivors list has more than 65535 entries");
    rejected(run, "unmasking-request-packed-alive", "alive list has more than 65534 entries");
    rejected(run, "unmasking-request-packed-dropped", "dropped list has more than 65534 entries");
    rejected(run, "unmasking-request-empty-signatures", "signatures list has more than 0 entries");
    rejected(run, "share-keys-empty-entries", "shares list has more than 65534 entries");
    rejected(run, "unmasking-response-empty-self-shares", "self_mask_shares list has more than 65534 entries");
  }
}
