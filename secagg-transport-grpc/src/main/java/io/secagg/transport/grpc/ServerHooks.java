package io.secagg.transport.grpc;

/**
 * Time injection for the transport's own tests (package-private): lets a test end a round at a
 * point of the protocol it chooses, instead of waiting for (and racing against) a real deadline.
 * A test that needs a participant to miss a round sets generous real deadlines and expires the
 * round here once every other participant's answer is queued, so its verdict cannot depend on
 * the machine's speed.
 */
interface ServerHooks {
  ServerHooks NONE = new ServerHooks() {};

  /**
   * Called on a stream's thread right after frame {@code seq} of {@code participant} was queued
   * for its group's session. True makes that group's current round reach its deadline as soon as
   * the session has handled every frame queued so far, this one included.
   */
  default boolean expireRoundAfterQueued(int participant, long seq) {
    return false;
  }
}
