/**
 * Implementation details of secagg-he: modular arithmetic helpers, prime generation, the
 * fixed-base exponentiation table, the binary codec and the parallel-chunk runner. Not exported
 * from the {@code io.secagg.he} module; nothing here validates its inputs beyond what its callers
 * in the API packages already guarantee.
 */
package io.secagg.he.internal;
