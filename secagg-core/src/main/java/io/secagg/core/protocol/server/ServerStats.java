package io.secagg.core.protocol.server;

/**
 * Memory accounting of a {@link ServerMachine}: how many length-L vectors it has held at once.
 * The accumulator is one; decoding a masked input holds one more for the duration of the call;
 * parallel unmasking holds one per extra part. None of it grows with the number of clients.
 *
 * @param peakLiveVectors the most length-L vectors held at the same time
 * @param peakVectorBytes {@code peakLiveVectors} times the in-memory size of one vector, in bytes
 * @param vectorsAllocated the total number of length-L vectors allocated over the session
 */
public record ServerStats(int peakLiveVectors, long peakVectorBytes, int vectorsAllocated) {}
