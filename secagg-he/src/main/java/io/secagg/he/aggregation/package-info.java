/**
 * The Paillier aggregation flow: clients encrypt packed quantized vectors ({@link
 * io.secagg.he.aggregation.AggregationClient}), the server adds ciphertexts as they arrive
 * ({@link io.secagg.he.aggregation.AggregationServer}), and a committee of key-share holders
 * ({@link io.secagg.he.aggregation.CommitteeMember}) threshold-decrypts only the sum, which
 * {@link io.secagg.he.aggregation.CommitteeMember#combine} turns back into a vector.
 * secagg-session's {@code PaillierRound} runs the whole round in memory with these parts (what
 * {@code secagg simulate --scheme paillier} runs).
 */
package io.secagg.he.aggregation;
