package io.secagg.core.protocol;

/**
 * How the transport learnt that a client is gone, as passed to {@code
 * ServerMachine.clientLeft}. It is transport information, not protocol evidence: the server
 * treats every reason the same way (the client is not waited for any more) and records it in
 * the client's {@link Dropout} for reports and logs.
 */
public enum LeaveReason {
  /** The client's connection closed or failed (for example, its process died). */
  CONNECTION_CLOSED,
  /** The client's stream or call was cancelled and not resumed in time. */
  STREAM_CANCELLED,
  /** The client said it is leaving (an orderly end of its stream, or the framework's own leave). */
  EXPLICIT_LEAVE
}
