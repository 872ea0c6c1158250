/**
 * The transport-agnostic session layer: what a deployment decides once per round, in one place
 * for every transport and application.
 *
 * <ul>
 *   <li>{@link io.secagg.core.session.SessionPlanner}: graph, degree and threshold from a stated
 *       threat model (every rule from {@link io.secagg.core.graph.GraphParameters});
 *   <li>{@link io.secagg.core.session.GroupPlan}: grouped (hierarchical) aggregation, with
 *       {@link io.secagg.core.session.GroupOutcome} and {@link
 *       io.secagg.core.session.GroupedResult} for a round's outcome;
 *   <li>{@link io.secagg.core.session.ConfigPolicy}: what a participant accepts from a server;
 *   <li>{@link io.secagg.core.session.SessionListener} and {@link
 *       io.secagg.core.session.RoundStats}: the server side of a session as its driver runs it
 *       (rounds, timings, bytes, dropouts).
 * </ul>
 *
 * Start with {@code SessionPlanner}; the drivers that run a planned session over any transport are
 * in {@link io.secagg.core.transport}.
 */
package io.secagg.core.session;
