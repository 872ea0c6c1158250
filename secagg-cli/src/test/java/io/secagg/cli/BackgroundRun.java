package io.secagg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A command line running on its own thread in this JVM, whose output can be read while it runs
 * (for {@code secagg serve}: the port it printed).
 */
final class BackgroundRun implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("Listening\\s+port (\\d+)");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "secagg-test-command");
    t.setDaemon(true);
    return t;
  });
  private final Future<Integer> exit;

  private BackgroundRun(String... args) {
    CommandLine cl = Secagg.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    exit = thread.submit(() -> cl.execute(args));
  }

  static BackgroundRun start(String... args) {
    return new BackgroundRun(args);
  }

  /** Waits until standard output shows the listening port, and returns it. */
  int port(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      Matcher m = PORT.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (exit.isDone()) {
        throw new AssertionError("the command ended before printing its port\n" + this);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no port within " + timeout + "\n" + this);
  }

  /** Waits for the exit code. */
  int exitCode(Duration timeout) throws InterruptedException {
    try {
      return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("still running after " + timeout + "\n" + this);
    } catch (ExecutionException e) {
      throw new AssertionError("failed\n" + this, e.getCause());
    }
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  /** Waits until the error stream contains {@code text}. */
  void awaitErr(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!err().contains(text)) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("no '" + text + "' within " + timeout + "\n" + this);
      }
      Thread.sleep(20);
    }
  }

  /** The report line that starts with {@code label}, without the label, or null. */
  String line(String label) {
    for (String l : out().split("\\R")) {
      if (l.startsWith(label + " ")) {
        return l.substring(label.length()).trim();
      }
    }
    return null;
  }

  /** Interrupts the command if it still runs (the server closes on interruption). */
  @Override
  public void close() {
    thread.shutdownNow();
  }

  @Override
  public String toString() {
    return "--- out ---\n" + out + "--- err ---\n" + err;
  }
}
