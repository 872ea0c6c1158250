package io.secagg.core.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The embedded transport: one server and clients 1..n in one JVM, connected by unbounded
 * in-memory queues. Thread-safe; used by tests, the simulator and single-process deployments.
 *
 * <p>It counts the bytes each party sends and receives, and can {@link #disconnect} a client to
 * model a dropout: after that, frames from and to that client vanish silently, exactly as on a
 * network whose peer went away.
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
        if (isDisconnected(clientId)) {
          return;
        }
        sent.addAndGet(clientId, frame.length);
        received.addAndGet(0, frame.length);
        serverInbox.add(new InboundFrame(clientId, frame.clone()));
      }

      @Override
      public byte[] receive(Duration timeout) throws InterruptedException {
        return clientInboxes.get(clientId).poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      }
    };
  }

  /**
   * Cuts client {@code clientId} off for good: its queued and future frames to the server, and
   * the server's future frames to it, are dropped. Idempotent.
   *
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public void disconnect(int clientId) {
    checkClient(clientId);
    synchronized (disconnected) {
      disconnected[clientId] = true;
    }
    clientInboxes.get(clientId).clear();
    serverInbox.removeIf(f -> f.clientId() == clientId);
  }

  /**
   * True iff {@link #disconnect} was called for {@code clientId}.
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
