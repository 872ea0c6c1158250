/**
 * Certificates for trying rounds over TLS without an external PKI: a throw-away authority
 * ({@link io.secagg.transport.grpc.pki.DevelopmentCa}) and the convention by which a client
 * certificate names its participant ({@link io.secagg.transport.grpc.pki.ParticipantIdentity}).
 */
package io.secagg.transport.grpc.pki;
