package io.secagg.transport.grpc;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.transport.InboundFrame;
import io.secagg.core.transport.ServerTransport;
import io.secagg.core.wire.WireCodec;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@link ServerTransport} of one group's session: frames from the group's participant
 * streams arrive in one queue; frames to a participant are logged in its {@link Slot} and pushed
 * to its stream if one is attached.
 *
 * <p>It is also the session's clock ({@link #nanoTime()}): real time, plus a skew that only
 * {@link #expireRound()} adds to, for tests ({@link ServerHooks}). The expiry travels through the
 * inbox behind the frames already queued, so the session handles those first.
 */
final class GroupChannel implements ServerTransport {
  /** Queued by {@link #expireRound()}; never handed to the driver. */
  private static final InboundFrame EXPIRE = new InboundFrame(0, new byte[0]);

  final int group;
  final SecAggConfig config;
  final int maxClientFrame;
  final Slot[] slots; // index clientId - 1
  final BlockingQueue<InboundFrame> inbox = new LinkedBlockingQueue<>();
  /** Longer than any round's deadline: one jump of the clock ends the current round. */
  private final long expiryJumpNanos;
  /** Written and read by the session's driver thread only (in receive and nanoTime). */
  private long skewNanos;

  GroupChannel(int group, SecAggConfig config, int firstParticipant, long expiryJumpNanos) {
    this.group = group;
    this.config = config;
    this.expiryJumpNanos = expiryJumpNanos;
    this.maxClientFrame = WireCodec.forConfig(config).maxClientFrameLength();
    this.slots = new Slot[config.clientCount()];
    for (int c = 1; c <= slots.length; c++) {
      slots[c - 1] = new Slot(firstParticipant + c - 1, c, this);
    }
  }

  @Override
  public void send(int clientId, byte[] frame) {
    Slot s = slots[clientId - 1];
    synchronized (s) {
      if (s.ended) {
        return;
      }
      s.out.add(frame);
      if (s.attached != null) {
        s.attached.sendFrame(s.out.size(), frame, s.lastAccepted);
      }
    }
  }

  @Override
  public InboundFrame receive(Duration timeout) throws InterruptedException {
    InboundFrame f = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (f == EXPIRE) {
      skewNanos += expiryJumpNanos;
      return null; // the driver reads the clock again and finds the round's deadline passed
    }
    return f;
  }

  /** The session's clock, for its driver. */
  long nanoTime() {
    return System.nanoTime() + skewNanos;
  }

  /** Ends the current round once the frames queued before this call are handled (tests). */
  void expireRound() {
    inbox.add(EXPIRE);
  }

  /** The group's session is over: complete every attached stream, accept nothing more. */
  void end() {
    for (Slot s : slots) {
      synchronized (s) {
        s.ended = true;
        if (s.attached != null) {
          s.attached.complete();
          s.attached = null;
        }
      }
    }
    inbox.clear();
  }

  @Override
  public String toString() {
    return "GroupChannel[group=" + group + ", " + slots.length + " clients]";
  }
}
