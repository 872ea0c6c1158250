package io.secagg.core.protocol.internal;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.prg.AesCtrMaskGenerator;
import io.secagg.core.prg.MaskGenerator;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.ModVector;

/**
 * The two kinds of masks and the sign convention, on top of the prg package's streaming
 * add/subtract (no mask is ever materialised).
 *
 * <p>Sign convention (spec, "Masked input"): client u adds the pairwise mask it shares with v
 * when u &lt; v and subtracts it when u &gt; v, so the two cancel in the sum; the self mask is
 * always added by the client and subtracted by the server.
 */
public final class Masking {
  private final MaskGenerator prg;

  /** Masks of the configuration's modulus and length. */
  public Masking(SecAggConfig config) {
    this.prg = AesCtrMaskGenerator.create(config.modulus(), config.vectorLength());
  }

  /** {@code acc += PRG(b_u, selfMaskContext(u))}. */
  public void addSelfMask(ModVector acc, SecretBytes selfSeed, byte[] sessionId, int u) {
    prg.addMask(selfSeed, Derivations.selfMaskContext(sessionId, u), acc);
  }

  /** {@code acc -= PRG(b_u, selfMaskContext(u))}. */
  public void subtractSelfMask(ModVector acc, SecretBytes selfSeed, byte[] sessionId, int u) {
    prg.subtractMask(selfSeed, Derivations.selfMaskContext(sessionId, u), acc);
  }

  /**
   * Applies the pairwise mask of (u, v) as client u does: added if u &lt; v, subtracted if u
   * &gt; v.
   */
  public void applyPairwiseMaskAsClient(ModVector acc, SecretBytes seed, byte[] sessionId, int u, int v) {
    pairwiseMask(acc, seed, sessionId, u, v, true);
  }

  /**
   * Removes the pairwise mask that surviving client u applied for its dropped neighbour v:
   * the exact inverse of {@link #applyPairwiseMaskAsClient}.
   */
  public void removePairwiseMaskOf(ModVector acc, SecretBytes seed, byte[] sessionId, int u, int v) {
    pairwiseMask(acc, seed, sessionId, u, v, false);
  }

  /** The mask of (u, v) with client u's sign ({@code asClient}) or the opposite one. */
  private void pairwiseMask(
      ModVector acc, SecretBytes seed, byte[] sessionId, int u, int v, boolean asClient) {
    byte[] context = Derivations.pairwiseMaskContext(sessionId, u, v);
    if ((u < v) == asClient) {
      prg.addMask(seed, context, acc);
    } else {
      prg.subtractMask(seed, context, acc);
    }
  }
}
