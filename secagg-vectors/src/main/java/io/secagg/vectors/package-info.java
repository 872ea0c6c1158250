/**
 * Running the known-answer vectors of {@code test-vectors/} against this build of the library:
 * {@link io.secagg.vectors.VectorVerifier} (the bundled files or a folder of them) and its
 * reports, {@link io.secagg.vectors.VerificationReport}, {@link io.secagg.vectors.FileReport} and
 * {@link io.secagg.vectors.CaseFailure}. {@code secagg vectors verify} is a thin adapter over it,
 * and so are the modules' known-answer tests.
 */
package io.secagg.vectors;
