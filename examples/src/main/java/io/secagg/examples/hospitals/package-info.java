/**
 * The library's own story on real data: hospitals that may not pool their patients train a
 * breast-cancer diagnostic model together, with secure aggregation, with distributed
 * differential privacy, and against local-only and centralized baselines. {@link
 * io.secagg.examples.hospitals.HospitalsDemo} runs it ({@code secagg demo hospitals});
 * {@link io.secagg.examples.hospitals.HospitalsReport} holds what it measured.
 */
package io.secagg.examples.hospitals;
