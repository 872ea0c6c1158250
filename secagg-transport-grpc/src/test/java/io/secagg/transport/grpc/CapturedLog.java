package io.secagg.transport.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what a library logs through {@code java.util.logging} under one logger name while a
 * test provokes it on purpose (for example gRPC's warning about an oversized message), so that
 * the expected message can be asserted instead of printed into the build log. Everything else
 * still reaches the console. Restores the logger on close.
 */
final class CapturedLog extends Handler implements AutoCloseable {
  private final Logger logger;
  private final boolean parentHandlers;
  private final List<LogRecord> records = new ArrayList<>();

  private CapturedLog(String name) {
    this.logger = Logger.getLogger(name);
    this.parentHandlers = logger.getUseParentHandlers();
    logger.addHandler(this);
    logger.setUseParentHandlers(false);
  }

  /** Starts capturing the records of logger {@code name} and its children. */
  static CapturedLog of(String name) {
    return new CapturedLog(name);
  }

  /** Every captured record's message and its exception's text, one per line. */
  synchronized String text() {
    StringBuilder b = new StringBuilder();
    for (LogRecord r : records) {
      b.append(r.getLevel()).append(' ').append(r.getMessage());
      if (r.getThrown() != null) {
        b.append(": ").append(r.getThrown());
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(parentHandlers);
  }
}
