package io.secagg.transport.grpc;

import java.util.ArrayList;
import java.util.List;

/**
 * One participant's place in an open round on the server: its resume token, the log of frames
 * the server sent it (so a resumed stream can be replayed) and the highest frame it accepted.
 * Guarded by its own monitor; lock order is slot, then stream.
 */
final class Slot {
  final int participant;
  final int clientId;
  final GroupChannel channel;
  /** Null until the participant's first Hello of the round. */
  byte[] token;
  /** Server frames in order; frame seq s is {@code out.get(s - 1)} (shared, never modified). */
  final List<byte[]> out = new ArrayList<>();
  long lastAccepted;
  ServerStream attached;
  boolean ended;
  /** True once the participant was reported gone to the session (it may not resume after). */
  boolean gone;
  /** How many times an attached stream ended; a resume-grace timer acts only if none ended since. */
  int breaks;

  Slot(int participant, int clientId, GroupChannel channel) {
    this.participant = participant;
    this.clientId = clientId;
    this.channel = channel;
  }

  @Override
  public String toString() {
    return "Slot[participant=" + participant + ", client=" + clientId + "]";
  }
}
