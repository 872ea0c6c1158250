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
 */
final class GroupChannel implements ServerTransport {
  final int group;
  final SecAggConfig config;
  final int maxClientFrame;
  final Slot[] slots; // index clientId - 1
  final BlockingQueue<InboundFrame> inbox = new LinkedBlockingQueue<>();

  GroupChannel(int group, SecAggConfig config, int firstParticipant) {
    this.group = group;
    this.config = config;
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
    return inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
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
