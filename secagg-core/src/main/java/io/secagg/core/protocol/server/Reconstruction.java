package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.Share;
import java.util.List;

/** Shamir reconstruction of the secrets the server needs. */
final class Reconstruction {
  private final ServerContext ctx;

  Reconstruction(ServerContext ctx) {
    this.ctx = ctx;
  }

  SecretBytes reconstruct(List<Share> shares, int owner) throws ProtocolViolation {
    try {
      return ctx.shamir.reconstruct(shares);
    } catch (InvalidShareException e) {
      throw new ProtocolViolation(
          AbortReason.RECONSTRUCTION_MISMATCH, "the shares of client " + owner + " do not reconstruct");
    }
  }
}
