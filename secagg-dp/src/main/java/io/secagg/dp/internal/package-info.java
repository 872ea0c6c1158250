/**
 * Implementation details of secagg-dp (exact big-integer exponentials, fixed-point bound tables,
 * 128-bit helpers, the Walsh-Hadamard transform). Not exported; do not use.
 */
package io.secagg.dp.internal;
