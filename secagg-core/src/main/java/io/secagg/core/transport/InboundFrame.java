package io.secagg.core.transport;

import io.secagg.core.protocol.LeaveReason;
import java.util.Objects;

/**
 * What a {@link ServerTransport} hands the driver: a frame a client sent, with the
 * (transport-authenticated) id of its sender, or the news that a client is gone for good ({@link
 * #clientLeft}).
 */
public final class InboundFrame {
  private final int clientId;
  private final byte[] frame;
  private final LeaveReason leaveReason;

  /**
   * A received frame.
   *
   * @param clientId the sender as authenticated by the transport
   * @param frame the received bytes (not copied: the transport hands ownership to the driver)
   * @throws NullPointerException if {@code frame} is null
   */
  public InboundFrame(int clientId, byte[] frame) {
    this.clientId = clientId;
    this.frame = Objects.requireNonNull(frame, "frame");
    this.leaveReason = null;
  }

  private InboundFrame(int clientId, LeaveReason reason) {
    this.clientId = clientId;
    this.frame = null;
    this.leaveReason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The news that client {@code clientId} is gone for good: its connection closed, its stream
   * was cancelled (and will not be resumed), or it left explicitly. A transport returns it after
   * the client's last frame and never returns a frame of that client afterwards; the driver then
   * stops waiting for the client at once instead of at the round's deadline.
   *
   * @param clientId the client as authenticated by the transport
   * @param reason how the transport learnt it
   * @throws NullPointerException if {@code reason} is null
   */
  public static InboundFrame clientLeft(int clientId, LeaveReason reason) {
    return new InboundFrame(clientId, reason);
  }

  /** The sender, or the client that left. */
  public int clientId() {
    return clientId;
  }

  /** True iff this is the news that the client left ({@link #clientLeft}), not a frame. */
  public boolean isDeparture() {
    return leaveReason != null;
  }

  /**
   * How the client left.
   *
   * @throws IllegalStateException if this is a frame
   */
  public LeaveReason leaveReason() {
    if (leaveReason == null) {
      throw new IllegalStateException("a frame, not a departure");
    }
    return leaveReason;
  }

  /**
   * The received bytes (the driver's to read; not copied).
   *
   * @throws IllegalStateException if this is a departure
   */
  public byte[] frame() {
    if (frame == null) {
      throw new IllegalStateException("a departure carries no frame");
    }
    return frame;
  }

  @Override
  public String toString() {
    return leaveReason != null
        ? "InboundFrame[client=" + clientId + " left: " + leaveReason + "]"
        : "InboundFrame[client=" + clientId + ", " + frame.length + " bytes]";
  }
}
