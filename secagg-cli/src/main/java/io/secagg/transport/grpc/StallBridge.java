package io.secagg.transport.grpc;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

/**
 * For {@code secagg join --stall-at} only (fault-injection tests): makes a client stop answering
 * before it sends a given frame, by installing the transport's package-private {@link
 * ClientHooks}. It lives in the transport's package (in secagg-cli, on the class path) because
 * the transport has no public hook for it; see the secagg-cli package description.
 */
public final class StallBridge {
  private StallBridge() {}

  /**
   * Makes the client block for good, instead of sending its frame number {@code seq} (1-based,
   * counted from the round's first frame), after running {@code onStall}.
   *
   * @param builder the client's builder
   * @param seq gives the frame number to stall at when the first frame is sent (so it may
   *     depend on the configuration the client accepted); 0 or less never stalls
   * @param onStall runs once, on the client's thread, just before it blocks
   * @return {@code builder}
   * @throws NullPointerException if an argument is null
   */
  public static SecAggGrpcClient.Builder stallBefore(
      SecAggGrpcClient.Builder builder, LongSupplier seq, Runnable onStall) {
    Objects.requireNonNull(seq, "seq");
    Objects.requireNonNull(onStall, "onStall");
    return builder.hooks(new ClientHooks() {
      @Override
      public void beforeSend(long frame) throws InterruptedException {
        if (frame == seq.getAsLong()) {
          onStall.run();
          new CountDownLatch(1).await();
        }
      }
    });
  }
}
