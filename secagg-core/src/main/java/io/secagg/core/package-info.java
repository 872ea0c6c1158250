/**
 * The root of secagg-core: {@link io.secagg.core.UntrustedInputException}, the common supertype
 * of every rejection of input from outside the caller's control. The protocol, its building
 * blocks and the wire format live in the sub-packages.
 */
package io.secagg.core;
