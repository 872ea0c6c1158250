/**
 * One round runner per aggregation scheme, each running a whole round in this JVM and reporting
 * to one {@link io.secagg.session.RoundListener}.
 *
 * <p>Start with {@link io.secagg.session.SecAggRound}: n SecAgg clients and the real server driver
 * over the in-memory transport, with crashes from a {@link io.secagg.session.DropoutSchedule}
 * reported to the server as departures; it returns a {@link io.secagg.session.SecAggReport} with
 * one {@link io.secagg.session.PhaseReport} per round. {@link io.secagg.session.DpRound} carries
 * the distributed discrete Gaussian of secagg-dp through such a round and decodes the sum ({@link
 * io.secagg.session.DpReport}); {@link io.secagg.session.PaillierRound} runs the threshold-Paillier
 * flow of secagg-he phase by phase ({@link io.secagg.session.PaillierReport}).
 *
 * <p>The runners decide nothing about the protocol: a configuration comes from secagg-core's
 * {@link io.secagg.core.session.SessionPlanner} (or is built by hand), and every message passes
 * through the same machines, codecs and drivers as in a networked deployment.
 */
package io.secagg.session;
