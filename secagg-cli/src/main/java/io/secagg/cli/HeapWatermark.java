package io.secagg.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The JVM heap's high-water mark over a stretch of work: the peak usage of every heap memory
 * pool, reset at the start and summed at the end. The pools peak at different moments, so the
 * sum is an upper bound of the heap that was ever in use at once (garbage not yet collected
 * included); it covers the whole JVM, which in a simulation holds every party.
 */
final class HeapWatermark {
  private final List<MemoryPoolMXBean> pools;

  private HeapWatermark(List<MemoryPoolMXBean> pools) {
    this.pools = pools;
  }

  /** Resets the heap pools' peaks and starts watching. */
  static HeapWatermark start() {
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
            .toList();
    for (MemoryPoolMXBean p : heap) {
      p.resetPeakUsage();
    }
    return new HeapWatermark(heap);
  }

  /** The sum of the heap pools' peak usage since {@link #start()}, in bytes. */
  long peakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean p : pools) {
      if (p.isValid()) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The most heap the JVM may use ({@code -Xmx}), in bytes, or -1 if unbounded. */
  static long maxHeapBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
  }
}
