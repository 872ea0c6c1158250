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

  /** True to shut the channel down for good right after frame {@code seq} was sent. */
  default boolean dieAfterSend(long seq) {
    return false;
  }

  /** True to resend every logged frame on resumption, including those the server has. */
  default boolean resendAllOnResume() {
    return false;
  }
}
