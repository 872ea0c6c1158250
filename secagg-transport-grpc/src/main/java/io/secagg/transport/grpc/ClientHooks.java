package io.secagg.transport.grpc;

/**
 * Fault injection for the transport's own tests (package-private): lets a test delay a frame,
 * break the stream, kill the client or resubmit frames, on the driver thread.
 */
interface ClientHooks {
  ClientHooks NONE = new ClientHooks() {};

  /** Called before frame {@code seq} is sent; may sleep. */
  default void beforeSend(long seq) throws InterruptedException {}

  /** True to cancel the stream right after frame {@code seq} was sent (the client resumes). */
  default boolean breakAfterSend(long seq) {
    return false;
  }

  /**
   * True to shut the channel down for good instead of sending frame {@code seq}: unlike {@link
   * #dieAfterSend}, every earlier frame is certain to have reached the server (the server's next
   * request proved it), so the test knows in which round the client is missed.
   */
  default boolean dieBeforeSend(long seq) {
    return false;
  }

  /** True to shut the channel down for good right after frame {@code seq} was sent. */
  default boolean dieAfterSend(long seq) {
    return false;
  }

  /** True to resend every logged frame on resumption, including those the server has. */
  default boolean resendAllOnResume() {
    return false;
  }
}
