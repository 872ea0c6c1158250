package io.secagg.transport.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.transport.InboundFrame;
import io.secagg.transport.grpc.internal.EnvelopeCodec;
import io.secagg.transport.grpc.internal.SessionProtocol;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.Frame;
import io.secagg.transport.grpc.internal.proto.Hello;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import io.secagg.transport.grpc.internal.proto.Welcome;
import java.security.MessageDigest;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server's side of one Join stream: enforces the Hello rules, attaches the stream to its
 * participant's {@link Slot}, and moves frames between the stream and the group's session.
 * Every write to the response observer happens under this object's monitor (gRPC observers are
 * not thread-safe); a failure here closes only this stream.
 */
final class ServerStream implements StreamObserver<byte[]> {
  private final SecAggGrpcServer server;
  private final ServerCallStreamObserver<ServerEnvelope> out;
  /** The participant named by the client certificate, 0 if none; -1 without mutual TLS. */
  private final int certificateId;
  private ScheduledFuture<?> helloTimer;
  /** The participant this stream named so far (certificate, then Hello), 0 if none: for reports. */
  private volatile int named;
  private boolean helloSeen;
  private boolean closed;
  private Slot slot; // set once, by the thread handling the Hello

  ServerStream(SecAggGrpcServer server, ServerCallStreamObserver<ServerEnvelope> out, int certificateId) {
    this.server = server;
    this.out = out;
    this.certificateId = certificateId;
    this.named = Math.max(certificateId, 0);
    out.setOnCancelHandler(this::peerGone);
  }

  void startHelloTimer() {
    helloTimer = server.schedule(this::helloDeadline, server.helloTimeoutNanos(), TimeUnit.NANOSECONDS);
  }

  private void helloDeadline() {
    Status status = Status.DEADLINE_EXCEEDED.withDescription("no Hello within the hello timeout");
    boolean closedNow;
    synchronized (this) {
      closedNow = !helloSeen && failLocked(status);
    }
    if (closedNow) {
      reportRefused(status);
    }
  }

  @Override
  public void onNext(byte[] message) {
    ClientEnvelope env;
    try {
      env = EnvelopeCodec.parseClient(message);
    } catch (InvalidEnvelopeException e) {
      fail(Status.INVALID_ARGUMENT.withDescription("a message that is not a session envelope"));
      return;
    }
    onEnvelope(env);
  }

  private void onEnvelope(ClientEnvelope env) {
    boolean first;
    synchronized (this) {
      if (closed) {
        return;
      }
      first = !helloSeen;
      helloSeen = true;
    }
    if (first) {
      if (helloTimer != null) {
        helloTimer.cancel(false);
      }
      if (!env.hasHello()) {
        fail(Status.INVALID_ARGUMENT.withDescription("the first message must be a Hello"));
        return;
      }
      hello(env.getHello());
    } else if (env.hasHello()) {
      fail(Status.INVALID_ARGUMENT.withDescription("a second Hello on the same stream"));
    } else if (env.hasFrame()) {
      frame(env.getFrame());
    } else {
      fail(Status.INVALID_ARGUMENT.withDescription("an envelope without a Hello or a Frame"));
    }
  }

  private void hello(Hello h) {
    if (h.getVersion() != SessionProtocol.VERSION) {
      fail(Status.INVALID_ARGUMENT.withDescription("unsupported session version " + h.getVersion()));
      return;
    }
    int id = h.getParticipantId();
    if (id >= 1 && id <= server.plan().participantCount() && certificateId <= 0) {
      named = id;
    }
    if (id < 1 || id > server.plan().participantCount()) {
      fail(Status.INVALID_ARGUMENT.withDescription(
          "unknown participant " + Integer.toUnsignedString(id) + "; this server has 1.." + server.plan().participantCount()));
      return;
    }
    if (certificateId == 0) {
      fail(Status.PERMISSION_DENIED.withDescription("the client certificate names no participant"));
      return;
    }
    if (certificateId > 0 && certificateId != id) {
      fail(Status.PERMISSION_DENIED.withDescription(
          "the client certificate names participant " + certificateId + ", not " + id));
      return;
    }
    int tokenLength = h.getResumeToken().size();
    if (tokenLength != 0 && tokenLength != SessionProtocol.TOKEN_LENGTH) {
      fail(Status.INVALID_ARGUMENT.withDescription("a resume token has " + SessionProtocol.TOKEN_LENGTH + " bytes"));
      return;
    }
    ServerRound round = server.currentRound();
    if (round == null) {
      fail(Status.UNAVAILABLE.withDescription("no round is open"));
      return;
    }
    Slot s = round.slot(id);
    synchronized (s) {
      if (tokenLength == 0) {
        boolean rejoin = s.token != null && certificateId > 0 && s.lastAccepted == 0;
        if (s.token != null && !rejoin) {
          fail(Status.ALREADY_EXISTS.withDescription("participant " + id + " has already joined this round"));
          return;
        }
        if (s.ended) {
          fail(Status.FAILED_PRECONDITION.withDescription("the participant's group has already ended"));
          return;
        }
        if (h.getLastReceived() != 0) {
          fail(Status.INVALID_ARGUMENT.withDescription("a first Hello must have last_received 0"));
          return;
        }
        if (rejoin && s.gone) {
          fail(Status.FAILED_PRECONDITION.withDescription(
              "the participant was counted as gone: its stream ended and was not resumed in time"));
          return;
        }
        if (rejoin) {
          // The certificate proves it is the same participant, and the server holds nothing from
          // it yet, so no state can diverge: typically its stream broke before the Welcome
          // arrived and it never learnt its token. It starts over from the first server frame.
          if (s.attached != null && s.attached != this) {
            s.attached.fail(Status.ABORTED.withDescription("replaced by a new join of the same participant"));
          }
        } else {
          s.token = server.newToken();
        }
      } else {
        if (s.gone) {
          fail(Status.FAILED_PRECONDITION.withDescription(
              "the participant was counted as gone: its stream ended and was not resumed in time"));
          return;
        }
        if (s.token == null) {
          fail(Status.FAILED_PRECONDITION.withDescription("no session of this participant to resume in this round"));
          return;
        }
        if (!MessageDigest.isEqual(s.token, h.getResumeToken().toByteArray())) {
          fail(Status.PERMISSION_DENIED.withDescription("wrong resume token"));
          return;
        }
        if (h.getLastReceived() > s.out.size()) {
          fail(Status.FAILED_PRECONDITION.withDescription("last_received is beyond what the server sent"));
          return;
        }
        if (s.attached != null && s.attached != this) {
          s.attached.fail(Status.ABORTED.withDescription("replaced by a resumed stream"));
        }
      }
      if (!attach(s, round, h.getLastReceived())) {
        return;
      }
    }
    server.fireConnected(s.participant, s.channel.group, s.clientId);
  }

  /** Sends the Welcome and the frames the client has not received. Called holding the slot. */
  private synchronized boolean attach(Slot s, ServerRound round, long lastReceived) {
    if (closed) {
      return false;
    }
    slot = s;
    Welcome w = Welcome.newBuilder()
        .setVersion(SessionProtocol.VERSION)
        .setRoundId(round.roundId)
        .setGroup(s.channel.group)
        .setGroupCount(round.groups.length)
        .setClientId(s.clientId)
        .setConfig(round.encodedConfig(s.channel.group))
        .setResumeToken(ByteString.copyFrom(s.token))
        .setLastReceived(s.lastAccepted)
        .build();
    if (!write(ServerEnvelope.newBuilder().setWelcome(w).setAck(s.lastAccepted).build())) {
      return false;
    }
    for (int seq = (int) lastReceived + 1; seq <= s.out.size(); seq++) {
      sendFrameLocked(seq, s.out.get(seq - 1), s.lastAccepted);
    }
    if (s.ended) {
      completeLocked();
    } else {
      s.attached = this;
    }
    return true;
  }

  private void frame(Frame f) {
    Slot s = slot;
    synchronized (s) {
      if (s.attached != this || s.ended) {
        return; // replaced, or the session is over: nothing from this stream counts any more
      }
      long seq = f.getSeq();
      if (seq <= s.lastAccepted) {
        return; // a resubmission: delivered once already, never twice
      }
      if (seq != s.lastAccepted + 1) {
        fail(Status.FAILED_PRECONDITION.withDescription("frame sequence gap: expected " + (s.lastAccepted + 1)));
        return;
      }
      if (seq > SessionProtocol.MAX_CLIENT_FRAMES) {
        fail(Status.RESOURCE_EXHAUSTED.withDescription("more than " + SessionProtocol.MAX_CLIENT_FRAMES + " frames in a round"));
        return;
      }
      if (f.getPayload().size() > s.channel.maxClientFrame) {
        fail(Status.RESOURCE_EXHAUSTED.withDescription("frame longer than the session allows"));
        return;
      }
      s.lastAccepted = seq;
      s.channel.inbox.add(new InboundFrame(s.clientId, f.getPayload().toByteArray()));
      if (server.hooks().expireRoundAfterQueued(s.participant, seq)) {
        s.channel.expireRound();
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    peerGone();
  }

  @Override
  public void onCompleted() {
    // The client half-closed: it has nothing more to send in this round, so it has left (a
    // client half-closes after its part of the session, or after declining it).
    detach(LeaveReason.EXPLICIT_LEAVE, true);
    synchronized (this) {
      completeLocked();
    }
  }

  private void peerGone() {
    synchronized (this) {
      closed = true;
    }
    if (helloTimer != null) {
      helloTimer.cancel(false);
    }
    detach(LeaveReason.STREAM_CANCELLED, false);
  }

  /**
   * Detaches this stream from its slot. The participant is reported gone to its session at once
   * ({@code immediate}, an orderly end) or, for a broken stream, when the resume grace passes
   * without a resumption (spec/transport.md section 7.4).
   */
  private void detach(LeaveReason reason, boolean immediate) {
    Slot s = slot;
    if (s == null) {
      return;
    }
    boolean was;
    synchronized (s) {
      was = s.attached == this && !s.ended;
      if (s.attached == this) {
        s.attached = null;
      }
      if (was) {
        int generation = ++s.breaks;
        long grace = server.resumeGraceNanos();
        if (immediate || grace == 0) {
          reportGone(s, reason);
        } else if (server.schedule(() -> graceExpired(s, generation), grace, TimeUnit.NANOSECONDS) == null) {
          reportGone(s, reason); // the server is closing: nothing will resume
        }
      }
    }
    if (was) {
      server.fireDisconnected(s.participant);
    }
  }

  private void graceExpired(Slot s, int generation) {
    synchronized (s) {
      if (s.breaks == generation) {
        reportGone(s, LeaveReason.STREAM_CANCELLED);
      }
    }
  }

  /** Tells the session the participant is gone, after its last frame. Called holding the slot. */
  private void reportGone(Slot s, LeaveReason reason) {
    if (s.ended || s.gone || s.attached != null) {
      return;
    }
    s.gone = true;
    s.channel.inbox.add(InboundFrame.clientLeft(s.clientId, reason));
    server.fireLeft(s.participant, reason);
  }

  synchronized void sendFrame(long seq, byte[] payload, long ack) {
    sendFrameLocked(seq, payload, ack);
  }

  private void sendFrameLocked(long seq, byte[] payload, long ack) {
    write(ServerEnvelope.newBuilder()
        .setFrame(Frame.newBuilder().setSeq(seq).setPayload(ByteString.copyFrom(payload)))
        .setAck(ack)
        .build());
  }

  private boolean write(ServerEnvelope env) {
    if (closed) {
      return false;
    }
    try {
      out.onNext(env);
      return true;
    } catch (RuntimeException e) {
      // The call was cancelled underneath us: this stream is gone, the slot keeps the frames.
      closed = true;
      return false;
    }
  }

  synchronized void complete() {
    completeLocked();
  }

  private void completeLocked() {
    if (!closed) {
      closed = true;
      try {
        out.onCompleted();
      } catch (RuntimeException e) {
        // Already cancelled by the peer.
      }
    }
  }

  /**
   * Closes this stream with an error status (this stream only) and reports it as a refusal,
   * unless it is only "no round is open" (the client retries) or a replacement by a resumption.
   */
  void fail(Status status) {
    boolean closedNow;
    synchronized (this) {
      closedNow = failLocked(status);
    }
    detach(LeaveReason.STREAM_CANCELLED, false);
    if (closedNow) {
      reportRefused(status);
    }
  }

  private void reportRefused(Status status) {
    Status.Code code = status.getCode();
    if (code != Status.Code.UNAVAILABLE && code != Status.Code.ABORTED) {
      server.fireRefused(named, code.name(), status.getDescription());
    }
  }

  private boolean failLocked(Status status) {
    if (closed) {
      return false;
    }
    closed = true;
    try {
      out.onError(status.asRuntimeException());
    } catch (RuntimeException e) {
      // Already cancelled by the peer.
    }
    return true;
  }

  @Override
  public String toString() {
    Slot s = slot;
    return "ServerStream[" + (s == null ? "before Hello" : "participant " + s.participant) + "]";
  }
}
