package io.secagg.core.protocol.client;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519KeyPair;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AdvertiseKeys;
import io.secagg.core.protocol.AdvertiseKeysRequest;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.ProtocolViolation;

/**
 * Round 0: waiting for the server's nonce. On it, the client draws its two X25519 key pairs and
 * its self-mask seed (in that order, from its random source), and advertises the public keys,
 * signed in malicious mode.
 */
public final class R0AdvertiseKeys extends ClientState {
  R0AdvertiseKeys() {}

  @Override
  Step handle(ClientContext ctx, ServerMessage message) throws ProtocolViolation {
    if (!(message instanceof AdvertiseKeysRequest)) {
      return super.handle(ctx, message);
    }
    byte[] nonce = ((AdvertiseKeysRequest) message).serverNonce();
    if (nonce.length != Derivations.NONCE_LENGTH) {
      throw new ProtocolViolation(
          AbortReason.MALFORMED_MESSAGE,
          "server nonce has " + nonce.length + " bytes, expected " + Derivations.NONCE_LENGTH);
    }
    X25519KeyPair encryption = ctx.x25519.generateKeyPair();
    X25519KeyPair masking = ctx.x25519.generateKeyPair();
    byte[] seed = new byte[Derivations.SEED_LENGTH];
    ctx.random.nextBytes(seed);
    SecretBytes selfSeed = SecretBytes.copyOf(seed);
    java.util.Arrays.fill(seed, (byte) 0);
    byte[] signature = new byte[0];
    if (ctx.malicious()) {
      signature =
          ctx.ed25519.sign(
              ctx.identity,
              Derivations.advertiseKeysMessage(
                  ctx.configDigest, nonce, ctx.clientId, encryption.publicKey(), masking.publicKey()));
    }
    AdvertiseKeys reply = new AdvertiseKeys(encryption.publicKey(), masking.publicKey(), signature);
    return new Step(new R1ShareKeys(nonce, encryption, masking, selfSeed), reply);
  }
}
