package io.secagg.core.protocol.client;

import java.util.Arrays;

/** What a client knows about its session once round 1 has fixed it. */
final class Session {
  final byte[] sessionId;
  // The client's neighbours in the masking graph, ascending (all of them, live or not).
  final int[] neighbours;

  Session(byte[] sessionId, int[] neighbours) {
    this.sessionId = sessionId;
    this.neighbours = neighbours;
  }

  boolean isNeighbour(int id) {
    return Arrays.binarySearch(neighbours, id) >= 0;
  }
}
