package io.secagg.core.protocol.internal;

import io.secagg.core.protocol.AbortReason;
import java.util.Objects;

/**
 * A peer broke a protocol rule. Thrown inside the machines' state handlers and always caught by
 * the machine, which turns it into an abort (client) or an exclusion (server): it never leaves a
 * machine. The message names the rule, never a secret value.
 */
public final class ProtocolViolation extends Exception {
  private static final long serialVersionUID = 1L;
  private final AbortReason reason;

  /**
   * @param reason the abort reason code
   * @param message which rule failed (no secret values)
   */
  public ProtocolViolation(AbortReason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The abort reason code. */
  public AbortReason reason() {
    return reason;
  }
}
