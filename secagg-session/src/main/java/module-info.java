/**
 * secagg-session: one round runner per aggregation scheme, with one listener for all of them.
 *
 * <p>Exported API package: {@code io.secagg.session}: {@code SecAggRound} (a SecAgg session of n
 * clients in this JVM over the in-memory transport, driven by the same server driver as a
 * networked deployment), {@code DpRound} (the distributed discrete Gaussian encoded into such a
 * round and decoded), {@code PaillierRound} (threshold Paillier: encrypt, add, a committee
 * decrypts the sum), {@code RoundListener} and {@code PhaseReport}, {@code DropoutSchedule}.
 * Planning (graph, threshold, groups, policy) is secagg-core's {@code io.secagg.core.session}.
 */
module io.secagg.session {
  requires transitive io.secagg.core;
  requires transitive io.secagg.dp;
  requires transitive io.secagg.he;

  exports io.secagg.session;
}
