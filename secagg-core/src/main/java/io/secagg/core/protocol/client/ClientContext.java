package io.secagg.core.protocol.client;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.crypto.X25519;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.Masking;
import io.secagg.core.shamir.ShamirScheme;
import io.secagg.core.vector.ModVector;
import java.security.SecureRandom;

/** What every client state may use: the fixed parameters of this party and its primitives. */
final class ClientContext {
  final SecAggConfig config;
  final int clientId;
  final SecureRandom random;
  final X25519 x25519;
  final Ed25519 ed25519;
  final Ed25519KeyPair identity;
  final byte[] configDigest;
  final Masking masking;
  final ShamirScheme shamir;
  // The private input; handed to the masking step and then dropped.
  ModVector input;

  ClientContext(
      SecAggConfig config, int clientId, ModVector input, Ed25519KeyPair identity, SecureRandom random) {
    this.config = config;
    this.clientId = clientId;
    this.input = input;
    this.identity = identity;
    this.random = random;
    this.x25519 = X25519.create(random);
    this.ed25519 = Ed25519.create(random);
    this.configDigest = Derivations.configDigest(config);
    this.masking = new Masking(config);
    this.shamir = ShamirScheme.create(config.threshold(), config.clientCount());
  }

  boolean malicious() {
    return config.securityMode() == SecurityMode.MALICIOUS;
  }

  int n() {
    return config.clientCount();
  }

  int t() {
    return config.threshold();
  }
}
