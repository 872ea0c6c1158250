package io.secagg.vdaf;

import java.util.Objects;

/** What the leader and the helper of the ping-pong topology share: instance, key, context. */
abstract class PingPongRole {
  final Prio3<?, ?> prio3;
  final VerifyKey key;
  final byte[] ctx;

  PingPongRole(Prio3<?, ?> prio3, VerifyKey key, byte[] ctx) {
    if (prio3.shares() != 2) {
      throw new IllegalStateException("the ping-pong topology needs exactly two aggregators");
    }
    Prio3.checkContext(ctx);
    this.prio3 = prio3;
    this.key = Objects.requireNonNull(key, "key");
    this.ctx = ctx.clone();
  }
}
