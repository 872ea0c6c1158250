package io.secagg.session;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Calls a {@link RoundListener} one event at a time from any of a runner's threads, and logs
 * instead of propagating what it throws, so that a faulty display cannot break a round.
 */
final class SafeListener implements RoundListener {
  private final RoundListener delegate;
  private final Logger log;

  SafeListener(RoundListener delegate, Logger log) {
    this.delegate = delegate;
    this.log = log;
  }

  @Override
  public synchronized void phaseStarted(String phase, int participants) {
    call(() -> delegate.phaseStarted(phase, participants));
  }

  @Override
  public synchronized void participantDone(String phase, int done, int participants) {
    call(() -> delegate.participantDone(phase, done, participants));
  }

  @Override
  public synchronized void answerReceived(String phase, int received) {
    call(() -> delegate.answerReceived(phase, received));
  }

  @Override
  public synchronized void phaseEnded(PhaseReport report) {
    call(() -> delegate.phaseEnded(report));
  }

  private void call(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "a RoundListener threw; the round goes on", e);
    }
  }
}
