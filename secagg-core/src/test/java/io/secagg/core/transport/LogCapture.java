package io.secagg.core.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what one logger writes through the JDK's default {@code System.Logger} backend
 * (java.util.logging) while a test provokes it, so that an expected warning is checked and kept
 * out of the build log.
 */
final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final boolean useParent;
  private final Level level;
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      synchronized (records) {
        records.add(r);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private LogCapture(String name) {
    this.logger = Logger.getLogger(name);
    this.useParent = logger.getUseParentHandlers();
    this.level = logger.getLevel();
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** Starts capturing every record of the logger {@code name}. */
  static LogCapture of(String name) {
    return new LogCapture(name);
  }

  /** The records captured so far. */
  List<LogRecord> records() {
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(level);
    logger.setUseParentHandlers(useParent);
  }
}
