package io.secagg.transport.grpc;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.secagg.transport.grpc.internal.SessionProtocol;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.Frame;
import io.secagg.transport.grpc.internal.proto.Hello;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A hand-driven client for tests of the server's stream rules: sends any envelope (or any bytes)
 * on the Join method and records what comes back.
 */
final class RawClient<Q> implements AutoCloseable {
  /** The Join method with raw bytes in both directions (for garbage that is not an envelope). */
  static final MethodDescriptor<byte[], byte[]> RAW_JOIN =
      SessionProtocol.JOIN.toBuilder(SessionProtocol.rawBytes(), SessionProtocol.rawBytes())
          .build();

  final ManagedChannel channel;
  final ClientCall<Q, ?> call;
  final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

  private RawClient(ManagedChannel channel, MethodDescriptor<Q, ?> method) {
    this.channel = channel;
    this.call = start(channel, method);
  }

  private <R> ClientCall<Q, R> start(ManagedChannel ch, MethodDescriptor<Q, R> method) {
    ClientCall<Q, R> c = ch.newCall(method, CallOptions.DEFAULT);
    c.start(new ClientCall.Listener<R>() {
      @Override
      public void onMessage(R message) {
        received.add(message);
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        received.add(status);
      }
    }, new Metadata());
    c.request(Integer.MAX_VALUE);
    return c;
  }

  static RawClient<ClientEnvelope> envelopes(int port, ClientTls tls) throws IOException {
    ManagedChannel ch = Grpc.newChannelBuilderForAddress("127.0.0.1", port, tls.credentials())
        .maxInboundMessageSize(SessionProtocol.MAX_WELCOME_MESSAGE).build();
    return new RawClient<>(ch, SessionProtocol.JOIN);
  }

  static RawClient<byte[]> bytes(int port, ClientTls tls) throws IOException {
    ManagedChannel ch = Grpc.newChannelBuilderForAddress("127.0.0.1", port, tls.credentials()).build();
    return new RawClient<>(ch, RAW_JOIN);
  }

  static ClientEnvelope hello(int id, byte[] token, long lastReceived) {
    Hello.Builder h = Hello.newBuilder().setVersion(1).setParticipantId(id).setLastReceived(lastReceived);
    if (token != null) {
      h.setResumeToken(ByteString.copyFrom(token));
    }
    return ClientEnvelope.newBuilder().setHello(h).build();
  }

  static ClientEnvelope frame(long seq, byte[] payload) {
    return ClientEnvelope.newBuilder().setFrame(Frame.newBuilder().setSeq(seq).setPayload(ByteString.copyFrom(payload))).build();
  }

  void send(Q message) {
    call.sendMessage(message);
  }

  /** The next message or final Status, or null after {@link Harness#PATIENCE_SECONDS}. */
  Object next() throws InterruptedException {
    return received.poll(Harness.PATIENCE_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Skips messages until the call's final status arrives; null if none within {@link
   * Harness#PATIENCE_SECONDS}.
   */
  Status status() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Harness.PATIENCE_SECONDS);
    while (true) {
      Object o = received.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (o == null) {
        return null;
      }
      if (o instanceof Status) {
        return (Status) o;
      }
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(Harness.PATIENCE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
