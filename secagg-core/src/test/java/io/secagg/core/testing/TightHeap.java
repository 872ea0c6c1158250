package io.secagg.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a fresh JVM whose heap is capped, so that a test can show that
 * decoding hostile bytes ends in the documented exception and never in an {@link
 * OutOfMemoryError}: in the test's own JVM the heap is large and shared, so an allocation bound
 * could not be observed there.
 *
 * <p>A probe prints one line per case, {@code CASE <name> <outcome>}, and exits 0; an {@link
 * OutOfMemoryError} makes the JVM exit non-zero ({@code -XX:+ExitOnOutOfMemoryError}). Shipped
 * in secagg-core's test-jar so every module's probes run the same way.
 */
public final class TightHeap {
  /** What the JVM needs besides the probe's data: classes, the parser's tables, the runtime. */
  public static final long FIXED_MARGIN_BYTES = 48L << 20;

  private TightHeap() {}

  /** The result of one forked run. */
  public record Run(int exitCode, List<String> lines, String stderr) {
    /** The outcome printed for {@code name}, or null if the probe printed none. */
    public String outcome(String name) {
      String prefix = "CASE " + name + " ";
      for (String l : lines) {
        if (l.startsWith(prefix)) {
          return l.substring(prefix.length());
        }
      }
      return null;
    }
  }

  /**
   * Runs {@code probe.main(args)} with {@code -Xmx} set to {@code maxHeapBytes} (rounded up to
   * a whole MiB) on this JVM's class path.
   *
   * @throws IOException if the JVM cannot be started
   * @throws InterruptedException if interrupted while waiting
   */
  public static Run run(Class<?> probe, long maxHeapBytes, String... args)
      throws IOException, InterruptedException {
    long mib = (maxHeapBytes + (1 << 20) - 1) >> 20;
    Path out = Files.createTempFile("tight-heap", ".out");
    Path err = Files.createTempFile("tight-heap", ".err");
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + mib + "m");
      cmd.add("-Xms" + Math.min(mib, 16) + "m");
      // One heap region layout everywhere, and a quick death instead of a thrashing JVM.
      cmd.add("-XX:+UseSerialGC");
      cmd.add("-XX:+ExitOnOutOfMemoryError");
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(probe.getName());
      cmd.addAll(List.of(args));
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      // Generous: the probe does seconds of work, but the machine may be loaded.
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("probe " + probe.getName() + " did not finish in 10 minutes");
      }
      return new Run(
          p.exitValue(),
          Files.readAllLines(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
