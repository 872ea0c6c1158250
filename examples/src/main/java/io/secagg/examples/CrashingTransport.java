package io.secagg.examples;

import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.InMemoryNetwork;
import java.io.IOException;
import java.time.Duration;

/**
 * A client's endpoint of an {@link InMemoryNetwork} that dies like a crashed process when it
 * would send one frame more than a given number: the connection closes ({@link
 * InMemoryNetwork#disconnect}, which the network reports to the server at once) and that send
 * throws {@link IOException}, so the client's thread stops with an error. Receiving is never
 * affected.
 *
 * <p>The examples let a client send two frames (its keys, then its encrypted key shares), so it
 * dies when it would send its masked update, after it has received its key shares. Dying at that
 * point, after the server has moved past the key-sharing phase, makes the server's view (and so
 * the bytes the others send to recover the crashed client's masks) the same in every run.
 */
public final class CrashingTransport {
  private CrashingTransport() {}

  /**
   * Client {@code id}'s endpoint of {@code network}, dying at its send number {@code frames + 1}.
   *
   * @param network the network the client is on
   * @param id the client's id, 1..n of the network
   * @param frames how many frames the client sends before it dies, {@code >= 0}
   * @return a transport for one client thread, like the endpoint it wraps
   * @throws IllegalArgumentException if {@code frames < 0} or {@code id} is not a client of
   *     {@code network}
   */
  public static ClientTransport afterSending(InMemoryNetwork network, int id, int frames) {
    if (frames < 0) {
      throw new IllegalArgumentException("frames < 0: " + frames);
    }
    ClientTransport endpoint = network.clientEndpoint(id);
    return new ClientTransport() {
      private int sent;

      @Override
      public void send(byte[] frame) throws IOException {
        if (sent == frames) {
          network.disconnect(id);
          throw new IOException("client " + id + " crashed");
        }
        endpoint.send(frame);
        sent++;
      }

      @Override
      public byte[] receive(Duration timeout) throws IOException, InterruptedException {
        return endpoint.receive(timeout);
      }
    };
  }
}
