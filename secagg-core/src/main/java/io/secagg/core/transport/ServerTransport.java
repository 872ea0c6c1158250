package io.secagg.core.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * The server's end of whatever carries frames between the server and its clients: the SPI a
 * framework author implements over their own RPC layer.
 *
 * <p>Frames are opaque byte arrays produced and checked by {@code io.secagg.core.wire.WireCodec};
 * a transport only moves them and says who sent each one. The driver never interprets a
 * transport failure as protocol evidence: a client whose frames stop arriving simply misses the
 * round deadline and is treated as dropped.
 *
 * <p><b>Departures.</b> A transport that can tell that a client is gone for good (its connection
 * closed, its stream was cancelled and will not be resumed, or it left explicitly) SHOULD say so
 * by returning {@link InboundFrame#clientLeft} from {@link #receive}, after that client's last
 * frame. The driver then counts the client as a dropout at once (see {@code
 * ServerMachine.clientLeft}), so a round closes as soon as every client it waits for has
 * answered or left, instead of at its deadline. A transport that cannot tell never does, and its
 * lost clients cost the round's timeout. Reporting a client that may still send frames is a
 * mistake (its later frames are ignored): a transport that resumes broken streams reports a
 * client only once it will not be resumed.
 *
 * <p>A minimal implementation over an existing message bus is a few lines:
 *
 * <pre>{@code
 * final class MyBusServerTransport implements ServerTransport {
 *   private final BlockingQueue<InboundFrame> inbox = new LinkedBlockingQueue<>();
 *   MyBusServerTransport(MyBus bus) {
 *     bus.onMessage((clientId, bytes) -> inbox.add(new InboundFrame(clientId, bytes)));
 *     bus.onDisconnect(clientId ->
 *         inbox.add(InboundFrame.clientLeft(clientId, LeaveReason.CONNECTION_CLOSED)));
 *   }
 *   public void send(int clientId, byte[] frame) { bus.sendTo(clientId, frame); }
 *   public InboundFrame receive(Duration timeout) throws InterruptedException {
 *     return inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
 *   }
 * }
 * }</pre>
 *
 * <p>The client id a transport reports MUST be authenticated by the transport (for example by
 * the TLS client certificate or the framework's session): the protocol trusts it to tell which
 * client a frame came from.
 */
public interface ServerTransport {
  /**
   * Sends one frame to one client, best effort; may return before delivery.
   *
   * @param clientId the receiver, 1..n
   * @param frame the encoded message; the transport must not modify it
   * @throws IOException if the frame cannot be handed to the network; the driver then treats the
   *     client as unreachable for the rest of the session
   */
  void send(int clientId, byte[] frame) throws IOException;

  /**
   * Waits up to {@code timeout} for the next frame from any client.
   *
   * @param timeout the longest wait; zero means "only what is already there"
   * @return the next frame or departure, or {@code null} if none arrived in time
   * @throws IOException if the transport has failed as a whole (the driver aborts the session)
   * @throws InterruptedException if the waiting thread is interrupted
   */
  InboundFrame receive(Duration timeout) throws IOException, InterruptedException;
}
