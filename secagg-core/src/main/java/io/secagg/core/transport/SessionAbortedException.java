package io.secagg.core.transport;

import io.secagg.core.protocol.AbortReason;
import java.util.Objects;

/** The session ended without a result; {@link #reason()} says why (no secrets in the message). */
public final class SessionAbortedException extends Exception {
  private static final long serialVersionUID = 1L;
  /** The abort reason code. */
  private final AbortReason reason;
  /** The machine's description, without the code. */
  private final String detail;

  /**
   * @param reason the abort reason code
   * @param message the machine's description of the failed rule
   */
  public SessionAbortedException(AbortReason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = message;
  }

  /** The abort reason code. */
  public AbortReason reason() {
    return reason;
  }

  /**
   * The machine's description of the failed rule, without the reason code that {@link
   * #getMessage()} starts with (for reports that show the code on their own).
   */
  public String detail() {
    return detail;
  }
}
