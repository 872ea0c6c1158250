package io.secagg.transport.grpc;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.secagg.core.UntrustedInputException;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.ClientAbort;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientState;
import io.secagg.core.session.ConfigRejectedException;
import io.secagg.core.transport.ClientDriver;
import io.secagg.core.transport.ClientTransport;
import io.secagg.core.vector.ModVector;
import io.secagg.core.wire.ConfigCodec;
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import io.secagg.transport.grpc.internal.EnvelopeCodec;
import io.secagg.transport.grpc.internal.SessionProtocol;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.Frame;
import io.secagg.transport.grpc.internal.proto.Hello;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import io.secagg.transport.grpc.internal.proto.Welcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One participation of a client in one round, run on the caller's thread: joins, checks the
 * Welcome, runs the client machine, and resumes the stream when it breaks. gRPC callbacks only
 * enqueue events; every decision is taken on the caller's thread.
 */
final class ClientSession implements ClientTransport {
  private static final long BACKOFF_START_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long BACKOFF_MAX_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final long DECLINE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** An event from a call's listener, tagged with the call's generation. */
  private record Event(int generation, ServerEnvelope message, Status status) {}

  /** The server completed the stream (OK) before the client machine finished. */
  private static final class ServerEnded extends IOException {
    private static final long serialVersionUID = 1L;

    ServerEnded() {
      super("the server ended the session");
    }
  }

  private final SecAggGrpcClient client;
  private final ManagedChannel channel;
  private final ClientHooks hooks;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private int generation;
  private ClientCall<ClientEnvelope, ServerEnvelope> call;
  private int callLimit = SessionProtocol.MAX_WELCOME_MESSAGE;

  // Fixed by the first Welcome.
  private ByteString roundId;
  private ByteString encodedConfig;
  private byte[] token;
  private int group;
  private int clientId;
  private SecAggConfig config;
  private WireCodec codec;

  private final List<byte[]> sent = new ArrayList<>();
  private long lastReceived;
  private int reconnects;
  private boolean dead;

  ClientSession(SecAggGrpcClient client, ManagedChannel channel, ClientHooks hooks) {
    this.client = client;
    this.channel = channel;
    this.hooks = hooks;
  }

  Participation run(Function<SecAggConfig, ModVector> input)
      throws ConfigRejectedException, UntrustedInputException, IOException, InterruptedException {
    try {
      return runSession(input);
    } catch (ServerViolation v) {
      throw v.violation;
    }
  }

  /**
   * A message from the server broke the session protocol. It travels as an {@link IOException}
   * through the {@code ClientTransport} calls, whose signature allows nothing else, and {@link
   * #run} rethrows its cause.
   */
  private static final class ServerViolation extends IOException {
    private static final long serialVersionUID = 1L;
    /** Serializable: every UntrustedInputException is. */
    @SuppressWarnings("serial")
    final UntrustedInputException violation;

    ServerViolation(UntrustedInputException violation) {
      super(violation.getMessage(), violation);
      this.violation = violation;
    }
  }

  private static ServerViolation violation(String message) {
    return new ServerViolation(new InvalidEnvelopeException(message));
  }

  /** Turns a close caused by an envelope this client could not decode into a violation. */
  private static void malformedReply(Status status) throws ServerViolation {
    InvalidEnvelopeException bad = EnvelopeCodec.invalidEnvelope(status);
    if (bad != null) {
      throw new ServerViolation(bad);
    }
  }

  private Participation runSession(Function<SecAggConfig, ModVector> input)
      throws ConfigRejectedException, IOException, InterruptedException {
    boolean ok = false;
    try {
      Welcome w = establish(false);
      SecAggConfig cfg;
      try {
        cfg = ConfigCodec.decode(w.getConfig().toByteArray());
      } catch (WireFormatException e) {
        throw new ServerViolation(e);
      }
      if (w.getGroupCount() < 1 || w.getGroup() >= w.getGroupCount() || !cfg.isClientId(w.getClientId())
          || w.getResumeToken().size() != SessionProtocol.TOKEN_LENGTH
          || w.getRoundId().size() != SessionProtocol.ROUND_ID_LENGTH) {
        throw violation("the server sent a malformed Welcome");
      }
      try {
        client.policy().check(cfg);
      } catch (ConfigRejectedException e) {
        decline(cfg);
        throw e;
      }
      roundId = w.getRoundId();
      encodedConfig = w.getConfig();
      token = w.getResumeToken().toByteArray();
      group = w.getGroup();
      clientId = w.getClientId();
      config = cfg;
      codec = WireCodec.forConfig(cfg);
      ClientMachine machine;
      try {
        ModVector in = Objects.requireNonNull(input.apply(cfg), "the input function returned null");
        ClientMachine.Builder mb = ClientMachine.builder(cfg, clientId).input(in);
        if (client.random() != null) {
          mb.random(client.random());
        }
        if (cfg.securityMode() == SecurityMode.MALICIOUS && client.identityKey() != null) {
          mb.identityKey(client.identityKey());
        }
        machine = mb.build();
      } catch (RuntimeException e) {
        // The input or the identity key does not fit the offered session: decline it like a
        // policy rejection, so the server need not wait for this participant.
        decline(cfg);
        throw e;
      }
      client.listener().welcomed(group, clientId, config);
      long needed = (long) codec.maxServerFrameLength() + SessionProtocol.ENVELOPE_OVERHEAD;
      if (needed > callLimit) {
        // The first call's limit only covered the Welcome: continue on a call sized for this
        // session's frames, by the ordinary resumption.
        callLimit = (int) Math.min(Integer.MAX_VALUE, needed);
        call.cancel("resizing", null);
        acceptResumed(establish(true));
      }
      ClientState end;
      try {
        end = ClientDriver.builder(machine, this).idleTimeout(client.idleTimeout()).build().run().finalState();
      } catch (ServerEnded e) {
        end = machine.state();
      }
      ok = true;
      return new Participation(client.participantId(), group, clientId, config, end, reconnects);
    } finally {
      ClientCall<ClientEnvelope, ServerEnvelope> c = call;
      if (c != null && !dead) {
        try {
          if (ok) {
            c.halfClose(); // lets the last frame reach the server before the stream ends
          } else {
            c.cancel("the client gave up", null);
          }
        } catch (RuntimeException ignored) {
          // Already closed.
        }
      }
    }
  }

  // ---------------------------------------------------------------- ClientTransport

  @Override
  public void send(byte[] frame) throws IOException {
    if (dead) {
      throw new IOException("the client was stopped");
    }
    long seq = sent.size() + 1L;
    try {
      Round round = answeredRound(frame);
      if (round != null) {
        client.listener().answering(round);
      }
      hooks.beforeSend(seq);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    if (hooks.dieBeforeSend(seq)) {
      dead = true;
      channel.shutdownNow();
      throw new IOException("the client was stopped");
    }
    sent.add(frame);
    write(seq, frame);
    if (hooks.dieAfterSend(seq)) {
      dead = true;
      channel.shutdownNow();
      throw new IOException("the client was stopped");
    }
    if (hooks.breakAfterSend(seq)) {
      call.cancel("test: break the stream", null);
    }
  }

  @Override
  public byte[] receive(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (dead) {
        throw new IOException("the client was stopped");
      }
      long remaining = deadline - System.nanoTime();
      Event e = events.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
      if (e == null) {
        return null;
      }
      if (e.generation != generation) {
        continue; // from a call already replaced
      }
      if (e.status != null) {
        if (e.status.isOk()) {
          throw new ServerEnded();
        }
        malformedReply(e.status);
        if (isRefusal(e.status)) {
          throw refused(e.status);
        }
        acceptResumed(establish(true));
        reconnects++;
        client.listener().resumed(reconnects);
        continue;
      }
      call.request(1);
      ServerEnvelope env = e.message;
      if (!env.hasFrame()) {
        throw violation("the server sent a Welcome in the middle of a session");
      }
      Frame f = env.getFrame();
      if (f.getSeq() <= lastReceived) {
        continue; // a duplicate of a frame already delivered
      }
      if (f.getSeq() != lastReceived + 1) {
        throw violation("the server's frames skip a sequence number");
      }
      if (f.getPayload().size() > codec.maxServerFrameLength()) {
        throw violation("the server sent a frame longer than the session allows");
      }
      lastReceived = f.getSeq();
      return f.getPayload().toByteArray();
    }
  }

  // ---------------------------------------------------------------- streams

  private void write(long seq, byte[] frame) {
    try {
      call.sendMessage(ClientEnvelope.newBuilder()
          .setFrame(Frame.newBuilder().setSeq(seq).setPayload(ByteString.copyFrom(frame)))
          .setAck(lastReceived)
          .build());
    } catch (RuntimeException e) {
      // The call is already closed: its close event triggers resumption, which resends.
    }
  }

  /**
   * Tells the server, best effort, that this participant will not take part: an abort notice as
   * its first frame, then the end of its stream. The server drops it at once instead of waiting
   * for it until the join deadline; the wait for the server's close is short and bounded because
   * the caller cancels the stream afterwards, which would discard a notice still in flight.
   */
  private void decline(SecAggConfig cfg) throws InterruptedException {
    try {
      write(1, WireCodec.forConfig(cfg).encode(new ClientAbort(AbortReason.CANCELLED)));
      call.halfClose();
    } catch (RuntimeException e) {
      return; // the stream is already gone: the server will time the participant out
    }
    long end = System.nanoTime() + DECLINE_WAIT_NANOS;
    while (true) {
      Event e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null || (e.generation == generation && e.status != null)) {
        return;
      }
      if (e.generation == generation) {
        call.request(1); // a server frame already on its way; keep draining until the close
      }
    }
  }

  /** Checks that a resumed Welcome is for the same session and resends what the server lacks. */
  private void acceptResumed(Welcome w) throws IOException {
    if (!w.getRoundId().equals(roundId) || !w.getConfig().equals(encodedConfig)
        || w.getClientId() != clientId || w.getGroup() != group) {
      throw violation("the resumed session differs from the one joined");
    }
    long serverHas = w.getLastReceived();
    if (serverHas > sent.size()) {
      throw violation("the server claims frames this client never sent");
    }
    long from = hooks.resendAllOnResume() ? 1 : serverHas + 1;
    for (long seq = from; seq <= sent.size(); seq++) {
      write(seq, sent.get((int) (seq - 1)));
    }
  }

  /**
   * The round a frame from this client answers, read from its header, or null for an abort
   * notice. Frames come from the codec, whose encoding is canonical (spec 5.10): {@code version}
   * first ({@code 0x08 0x01}), then the tag of the one body field, a single byte for field
   * numbers up to 15.
   */
  static Round answeredRound(byte[] frame) {
    if (frame.length < 3) {
      return null;
    }
    switch (frame[2] >>> 3) {
      case 2:
        return Round.ADVERTISE_KEYS;
      case 3:
        return Round.SHARE_KEYS;
      case 4:
        return Round.MASKED_INPUT_COLLECTION;
      case 5:
        return Round.CONSISTENCY_CHECK;
      case 6:
        return Round.UNMASKING;
      default:
        return null;
    }
  }

  /**
   * Opens calls until one is welcomed or the connect window closes.
   *
   * @param resume false for the first join of the round, true to resume with the token
   */
  private Welcome establish(boolean resume) throws IOException, InterruptedException {
    long windowEnd = System.nanoTime() + client.connectWindow().toNanos();
    long backoff = BACKOFF_START_NANOS;
    Status last = null;
    boolean first = true;
    attempts:
    while (true) {
      if (dead) {
        throw new IOException("the client was stopped");
      }
      if (!first) {
        long wait = Math.min(backoff, windowEnd - System.nanoTime());
        if (wait <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.sleep(wait);
        backoff = Math.min(BACKOFF_MAX_NANOS, backoff * 2);
      }
      first = false;
      open(resume);
      while (true) {
        long remaining = windowEnd - System.nanoTime();
        Event e = events.poll(Math.max(0, remaining), TimeUnit.NANOSECONDS);
        if (e == null) {
          call.cancel("no Welcome within the connect window", null);
          break attempts;
        }
        if (e.generation != generation) {
          continue;
        }
        if (e.status != null) {
          malformedReply(e.status);
          if (isRefusal(e.status)) {
            throw refused(e.status);
          }
          String tls = tlsFailure(e.status);
          if (tls != null) {
            // Certificates and trust do not change between attempts: retrying would only hide
            // the reason behind a connect-window timeout.
            TlsHandshakeException.Problem problem =
                TlsHandshakeException.classify(tls, client.presentsCertificate());
            throw new TlsHandshakeException(problem, "TLS handshake with " + client.target() + " failed: "
                + problem.description() + " (" + tls + ")");
          }
          last = e.status;
          break;
        }
        call.request(1);
        if (!e.message.hasWelcome()) {
          call.cancel("protocol error", null);
          throw violation("the server's first message is not a Welcome");
        }
        Welcome w = e.message.getWelcome();
        if (w.getVersion() != SessionProtocol.VERSION) {
          call.cancel("protocol error", null);
          throw violation("unsupported session version " + Integer.toUnsignedString(w.getVersion()));
        }
        return w;
      }
      if (System.nanoTime() - windowEnd >= 0) {
        break;
      }
    }
    throw new IOException("could not " + (resume ? "resume" : "join") + " within the connect window"
        + (last == null ? "" : "; last status " + last.getCode()
            + (last.getDescription() == null ? "" : " (" + last.getDescription() + ")")));
  }

  private void open(boolean resume) {
    ClientCall<ClientEnvelope, ServerEnvelope> old = call;
    if (old != null) {
      try {
        old.cancel("replaced", null);
      } catch (RuntimeException ignored) {
        // Already closed.
      }
    }
    int gen = ++generation;
    call = channel.newCall(SessionProtocol.JOIN, CallOptions.DEFAULT.withMaxInboundMessageSize(callLimit));
    call.start(new ClientCall.Listener<ServerEnvelope>() {
      @Override
      public void onMessage(ServerEnvelope message) {
        events.add(new Event(gen, message, null));
      }

      @Override
      public void onClose(Status status, Metadata trailers) {
        events.add(new Event(gen, null, status));
      }
    }, new Metadata());
    call.request(1);
    Hello.Builder h = Hello.newBuilder().setVersion(SessionProtocol.VERSION).setParticipantId(client.participantId());
    if (resume) {
      h.setResumeToken(ByteString.copyFrom(token)).setLastReceived(lastReceived);
    }
    call.sendMessage(ClientEnvelope.newBuilder().setHello(h).setAck(lastReceived).build());
  }

  private static boolean isRefusal(Status s) {
    switch (s.getCode()) {
      case PERMISSION_DENIED:
      case INVALID_ARGUMENT:
      case ALREADY_EXISTS:
      case FAILED_PRECONDITION:
      case UNAUTHENTICATED:
      case RESOURCE_EXHAUSTED:
      case UNIMPLEMENTED:
        return true;
      default:
        return false;
    }
  }

  /**
   * The reason if the status comes from a failed TLS handshake, else null: the message of the
   * deepest cause below the first SSL exception (a certificate path or name error is more
   * specific than the engine's "handshake failed").
   */
  static String tlsFailure(Status s) {
    boolean tls = false;
    String reason = null;
    for (Throwable t = s.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      tls |= t instanceof javax.net.ssl.SSLException;
      if (tls) {
        reason = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      }
    }
    return reason;
  }

  private static SessionRefusedException refused(Status s) {
    return new SessionRefusedException(s.getCode().name(), s.getDescription() == null ? "refused" : s.getDescription());
  }

  @Override
  public String toString() {
    return "ClientSession[participant=" + client.participantId() + ", reconnects=" + reconnects + "]";
  }
}
