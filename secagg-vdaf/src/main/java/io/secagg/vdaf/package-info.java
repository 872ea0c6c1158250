/**
 * Prio3, the verifiable distributed aggregation function of the CFRG VDAF draft ({@code
 * spec/vdaf.md} names the draft version): clients send secret-shared measurements with a proof of
 * validity, and two (or more) non-colluding aggregators reject every invalid measurement without
 * any of them seeing a measurement.
 *
 * <p>Start with a variant's builder ({@link io.secagg.vdaf.Prio3Count}, {@link
 * io.secagg.vdaf.Prio3Sum}, {@link io.secagg.vdaf.Prio3SumVec}, {@link
 * io.secagg.vdaf.Prio3Histogram}, {@link io.secagg.vdaf.Prio3MultihotCountVec}, {@link
 * io.secagg.vdaf.Prio3SumVecWithMultiproof}); it builds a {@link io.secagg.vdaf.Prio3} whose
 * javadoc walks through one report from client to collector. Two aggregators use {@link
 * io.secagg.vdaf.PingPongLeader} and {@link io.secagg.vdaf.PingPongHelper}, which take and return
 * message bytes and do no I/O. Every rejection of peer input is a checked {@link
 * io.secagg.vdaf.VdafException}.
 */
package io.secagg.vdaf;
