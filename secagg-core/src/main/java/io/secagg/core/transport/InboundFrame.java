package io.secagg.core.transport;

import java.util.Objects;

/** A frame the server received, with the (transport-authenticated) id of its sender. */
public final class InboundFrame {
  private final int clientId;
  private final byte[] frame;

  /**
   * @param clientId the sender as authenticated by the transport
   * @param frame the received bytes (not copied: the transport hands ownership to the driver)
   * @throws NullPointerException if {@code frame} is null
   */
  public InboundFrame(int clientId, byte[] frame) {
    this.clientId = clientId;
    this.frame = Objects.requireNonNull(frame, "frame");
  }

  /** The sender. */
  public int clientId() {
    return clientId;
  }

  /** The received bytes (the driver's to read; not copied). */
  public byte[] frame() {
    return frame;
  }

  @Override
  public String toString() {
    return "InboundFrame[client=" + clientId + ", " + frame.length + " bytes]";
  }
}
