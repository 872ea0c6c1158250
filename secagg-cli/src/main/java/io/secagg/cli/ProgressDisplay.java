package io.secagg.cli;

import io.secagg.session.RoundListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a round runner's progress, one phase (protocol round) at a time, with the elapsed time
 * of the phase (the report's own per-phase times come from the runner):
 *
 * <ul>
 *   <li>{@link Style#LIVE}, for a terminal: one line per phase, redrawn in place several times a
 *       second (clients done, answers received, elapsed time, a spinner) and left in place
 *       when the phase ends;
 *   <li>{@link Style#PLAIN}, for logs and pipes: a line when a phase starts and one when it ends;
 *   <li>{@link Style#QUIET}: nothing (the phase times are still measured).
 * </ul>
 *
 * <p>The runner calls the listener methods from its threads; in the live style a daemon thread
 * redraws the line, so every state change is guarded by this object's lock.
 */
final class ProgressDisplay implements RoundListener, AutoCloseable {
  /** How progress is shown. */
  enum Style {
    LIVE,
    PLAIN,
    QUIET
  }

  private static final long REDRAW_MILLIS = 125;
  private static final char[] SPINNER = {'|', '/', '-', '\\'};
  // Wide enough for the longest round name, MASKED_INPUT_COLLECTION.
  private static final int NAME_WIDTH = 23;
  // Erases from the cursor to the end of the line (ANSI/VT100), after a carriage return.
  private static final String CLEAR_TO_END = "\u001b[K";

  private final Style style;
  private final PrintWriter out;
  private final int totalRounds;
  private final ScheduledExecutorService ticker;

  private String round;
  private int index;
  private int recipients;
  private int done;
  private int received;
  private long roundStart;
  private int spin;
  private boolean closed;

  /**
   * @param style how to show progress
   * @param out where to show it (the error stream, so the report on standard output stays clean)
   * @param totalRounds how many rounds the session has, for the "[i/total]" prefix
   */
  ProgressDisplay(Style style, PrintWriter out, int totalRounds) {
    this.style = Objects.requireNonNull(style, "style");
    this.out = Objects.requireNonNull(out, "out");
    this.totalRounds = totalRounds;
    if (style == Style.LIVE) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "secagg-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  @Override
  public synchronized void phaseStarted(String r, int count) {
    endRound();
    round = r;
    index++;
    recipients = count;
    done = 0;
    received = 0;
    roundStart = System.nanoTime();
    if (style == Style.PLAIN) {
      out.println(String.format(Locale.ROOT, "%s: request sent to %d clients", label(), count));
      out.flush();
    } else if (style == Style.LIVE) {
      draw(false);
    }
  }

  @Override
  public synchronized void participantDone(String r, int doneSoFar, int count) {
    if (r.equals(round)) {
      done = doneSoFar;
    }
  }

  @Override
  public synchronized void answerReceived(String r, int receivedSoFar) {
    if (r.equals(round)) {
      received = receivedSoFar;
    }
  }

  /** Ends the last phase (the run is over) and stops redrawing. Idempotent. */
  @Override
  public void close() {
    if (ticker != null) {
      // A redraw still running holds this object's lock and checks closed, so none can print
      // after the last line: no need to wait for the ticker.
      ticker.shutdownNow();
    }
    synchronized (this) {
      if (!closed) {
        endRound();
        closed = true;
      }
    }
  }

  private void endRound() {
    if (round == null || closed) {
      return;
    }
    long wall = System.nanoTime() - roundStart;
    if (style == Style.PLAIN) {
      out.println(String.format(
          Locale.ROOT, "%s: %d/%d clients done, %d answers, %s",
          label(), done, recipients, received, Units.duration(wall)));
      out.flush();
    } else if (style == Style.LIVE) {
      draw(true);
    }
    round = null;
  }

  private synchronized void redraw() {
    if (round != null && !closed) {
      draw(false);
    }
  }

  // The live line: rewritten in place, and ended with a newline once the phase is over.
  private void draw(boolean finished) {
    long elapsed = System.nanoTime() - roundStart;
    String line = String.format(
        Locale.ROOT, "%s  clients %d/%d  answers %d  %s",
        prefix(), done, recipients, received, Units.duration(elapsed));
    if (finished) {
      out.print("\r" + line + CLEAR_TO_END + System.lineSeparator());
    } else {
      spin = (spin + 1) % SPINNER.length;
      out.print("\r" + line + " " + SPINNER[spin] + CLEAR_TO_END);
    }
    out.flush();
  }

  private String label() {
    return String.format(Locale.ROOT, "[%d/%d] %s", index, totalRounds, round);
  }

  private String prefix() {
    return String.format(Locale.ROOT, "[%d/%d] %-" + NAME_WIDTH + "s", index, totalRounds, round);
  }
}
