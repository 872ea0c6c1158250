package io.secagg.core.protocol.client;

/**
 * The client has sent its unmasking response: its part of the session is done. Terminal; the
 * machine ignores every further message, so no later request can extract another share.
 */
public final class Completed extends ClientState {
  Completed() {}

  @Override
  public boolean isTerminal() {
    return true;
  }
}
