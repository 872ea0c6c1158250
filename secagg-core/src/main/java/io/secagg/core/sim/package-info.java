/**
 * The round simulator: runs one server and n clients in one thread over the in-memory
 * transport, with a dropout schedule, and reports per-round time, bytes per party, the server's
 * accumulator memory and whether the output equals the plaintext sum of the included clients.
 * Entry point: {@link io.secagg.core.sim.Simulator#run(io.secagg.core.sim.SimulationSpec)}.
 */
package io.secagg.core.sim;
