package io.secagg.core.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * One client's end of the connection to the server: the client half of the SPI.
 *
 * <p>Frames are opaque byte arrays (see {@link ServerTransport}). A minimal implementation over
 * an existing bidirectional stream is a few lines:
 *
 * <pre>{@code
 * final class MyStreamClientTransport implements ClientTransport {
 *   private final BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
 *   MyStreamClientTransport(MyStream stream) { stream.onMessage(inbox::add); }
 *   public void send(byte[] frame) { stream.write(frame); }
 *   public byte[] receive(Duration timeout) throws InterruptedException {
 *     return inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
 *   }
 * }
 * }</pre>
 */
public interface ClientTransport {
  /**
   * Sends one frame to the server, best effort.
   *
   * @param frame the encoded message; the transport must not modify it
   * @throws IOException if the frame cannot be handed to the network
   */
  void send(byte[] frame) throws IOException;

  /**
   * Waits up to {@code timeout} for the next frame from the server.
   *
   * @param timeout the longest wait; zero means "only what is already there"
   * @return the next frame, or {@code null} if none arrived in time
   * @throws IOException if the connection has failed
   * @throws InterruptedException if the waiting thread is interrupted
   */
  byte[] receive(Duration timeout) throws IOException, InterruptedException;
}
