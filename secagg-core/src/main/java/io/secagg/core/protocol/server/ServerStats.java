package io.secagg.core.protocol.server;

/**
 * Memory accounting of a {@link ServerMachine}: how many length-L vectors it has held at once.
 * The accumulator is one; decoding a masked input holds one more for the duration of the call;
 * parallel unmasking holds one per extra part. None of it grows with the number of clients.
 */
public final class ServerStats {
  private final int peakLiveVectors;
  private final long peakVectorBytes;
  private final int vectorsAllocated;

  ServerStats(int peakLiveVectors, long peakVectorBytes, int vectorsAllocated) {
    this.peakLiveVectors = peakLiveVectors;
    this.peakVectorBytes = peakVectorBytes;
    this.vectorsAllocated = vectorsAllocated;
  }

  /** The most length-L vectors held at the same time. */
  public int peakLiveVectors() {
    return peakLiveVectors;
  }

  /** {@link #peakLiveVectors()} times the in-memory size of one vector, in bytes. */
  public long peakVectorBytes() {
    return peakVectorBytes;
  }

  /** The total number of length-L vectors allocated over the session. */
  public int vectorsAllocated() {
    return vectorsAllocated;
  }

  @Override
  public String toString() {
    return "ServerStats[peakLiveVectors=" + peakLiveVectors + ", peakVectorBytes="
        + peakVectorBytes + ", vectorsAllocated=" + vectorsAllocated + "]";
  }
}
