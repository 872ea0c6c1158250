package io.secagg.core.transport;

import io.secagg.core.protocol.LeaveReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The embedded transport: one server and clients 1..n in one JVM, connected by unbounded
 * in-memory queues. Thread-safe; used by tests, the simulator and single-process deployments.
 *
 * <p>It counts the bytes each party sends and receives, and can cut a client off to model a
 * dropout: after that, frames from and to that client vanish. {@link #disconnect} models a crash
 * the network notices (a closed connection): the server endpoint reports the client gone ({@link
 * InboundFrame#clientLeft}), so the server stops waiting for it at once. {@link
 * #disconnectSilently} models a peer that vanished unnoticed: the server learns nothing and the
 * client misses the round's deadline.
 */
public final class InMemoryNetwork {
  /** The largest number of clients one network connects. */
  public static final int MAX_CLIENTS = 1 << 20;

  private final int clientCount;
  private final BlockingQueue<InboundFrame> serverInbox = new LinkedBlockingQueue<>();
  private final List<BlockingQueue<byte[]>> clientInboxes;
  private final boolean[] disconnected;
  // Index 0 is the server; index i is client i.
  private final AtomicLongArray sent;
  private final AtomicLongArray received;

  /**
   * A network for clients 1..{@code clientCount}.
   *
   * @throws IllegalArgumentException if {@code clientCount} is outside 1..{@link #MAX_CLIENTS}
   */
  public InMemoryNetwork(int clientCount) {
    if (clientCount < 1 || clientCount > MAX_CLIENTS) {
      throw new IllegalArgumentException(
          "Invalid client count " + clientCount + "; must be 1.." + MAX_CLIENTS);
    }
    this.clientCount = clientCount;
    this.clientInboxes = new ArrayList<>(clientCount + 1);
    for (int i = 0; i <= clientCount; i++) {
      clientInboxes.add(new LinkedBlockingQueue<>());
    }
    this.disconnected = new boolean[clientCount + 1];
    this.sent = new AtomicLongArray(clientCount + 1);
    this.received = new AtomicLongArray(clientCount + 1);
  }

  /** The number of clients n. */
  public int clientCount() {
    return clientCount;
  }

  /** The server's endpoint. Every call returns an endpoint onto the same queues. */
  public ServerTransport serverEndpoint() {
    return new ServerTransport() {
      @Override
      public void send(int clientId, byte[] frame) {
        checkClient(clientId);
        sent.addAndGet(0, frame.length);
        if (!isDisconnected(clientId)) {
          received.addAndGet(clientId, frame.length);
          clientInboxes.get(clientId).add(frame.clone());
        }
      }

      @Override
      public InboundFrame receive(Duration timeout) throws InterruptedException {
        return serverInbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      }
    };
  }

  /**
   * The endpoint of client {@code clientId}.
   *
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public ClientTransport clientEndpoint(int clientId) {
    checkClient(clientId);
    return new ClientTransport() {
      @Override
      public void send(byte[] frame) {
        byte[] copy = frame.clone();
        synchronized (disconnected) {
          if (disconnected[clientId]) {
            return;
          }
          sent.addAndGet(clientId, copy.length);
          received.addAndGet(0, copy.length);
          serverInbox.add(new InboundFrame(clientId, copy));
        }
      }

      @Override
      public byte[] receive(Duration timeout) throws InterruptedException {
        return clientInboxes.get(clientId).poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      }
    };
  }

  /**
   * Cuts client {@code clientId} off for good, as a closed connection does: its queued and future
   * frames to the server, and the server's future frames to it, are dropped, and the server
   * endpoint reports it gone ({@link LeaveReason#CONNECTION_CLOSED}). Idempotent: the departure
   * is reported once.
   *
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public void disconnect(int clientId) {
    disconnect(clientId, LeaveReason.CONNECTION_CLOSED);
  }

  /**
   * As {@link #disconnect(int)}, reporting {@code reason} (for example {@link
   * LeaveReason#EXPLICIT_LEAVE} for a client that says goodbye).
   *
   * @throws NullPointerException if {@code reason} is null
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public void disconnect(int clientId, LeaveReason reason) {
    Objects.requireNonNull(reason, "reason");
    if (cutOff(clientId)) {
      serverInbox.add(InboundFrame.clientLeft(clientId, reason));
    }
  }

  /**
   * Cuts client {@code clientId} off for good without the server noticing, as a peer behind a
   * dead link: frames vanish as with {@link #disconnect(int)}, but no departure is reported, so
   * the server waits for the client until the round's deadline. Idempotent.
   *
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public void disconnectSilently(int clientId) {
    cutOff(clientId);
  }

  /** Marks the client disconnected and drops its queued frames; false if it already was. */
  private boolean cutOff(int clientId) {
    checkClient(clientId);
    synchronized (disconnected) {
      if (disconnected[clientId]) {
        return false;
      }
      disconnected[clientId] = true;
      // Under the lock, so that a departure is queued after every frame the client managed to
      // send and no frame of the client can follow it (send checks the flag under the same lock).
      clientInboxes.get(clientId).clear();
      serverInbox.removeIf(f -> f.clientId() == clientId);
    }
    return true;
  }

  /**
   * True iff {@link #disconnect} or {@link #disconnectSilently} was called for {@code clientId}.
   *
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public boolean isDisconnected(int clientId) {
    checkClient(clientId);
    synchronized (disconnected) {
      return disconnected[clientId];
    }
  }

  /** Bytes the server has sent (including frames to disconnected clients). */
  public long serverBytesSent() {
    return sent.get(0);
  }

  /** Bytes the server has been sent. */
  public long serverBytesReceived() {
    return received.get(0);
  }

  /**
   * Bytes client {@code clientId} has sent while connected.
   *
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public long clientBytesSent(int clientId) {
    checkClient(clientId);
    return sent.get(clientId);
  }

  /**
   * Bytes delivered to client {@code clientId}.
   *
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public long clientBytesReceived(int clientId) {
    checkClient(clientId);
    return received.get(clientId);
  }

  private void checkClient(int clientId) {
    if (clientId < 1 || clientId > clientCount) {
      throw new IllegalArgumentException(
          "Invalid client id " + clientId + "; must be 1.." + clientCount);
    }
  }

  @Override
  public String toString() {
    return "InMemoryNetwork[" + clientCount + " clients]";
  }
}
