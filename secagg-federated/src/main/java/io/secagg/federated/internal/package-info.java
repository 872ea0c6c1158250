/**
 * Not exported: the seam between the averaging API and the protocol's round runner.
 */
package io.secagg.federated.internal;
