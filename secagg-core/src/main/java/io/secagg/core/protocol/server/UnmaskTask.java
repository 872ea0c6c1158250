package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;

/**
 * One mask the server regenerates and removes during unmasking. The secrets are owned by the
 * round that built the task list, which destroys them once unmasking is over.
 */
sealed interface UnmaskTask {
  /**
   * The self mask of survivor {@code client}, expanded from its recovered seed b_v.
   *
   * @param client a member of U3
   * @param seed its recovered self-mask seed
   */
  record SelfMask(int client, SecretBytes seed) implements UnmaskTask {
    @Override
    public String toString() {
      return "SelfMask[" + client + "]";
    }
  }

  /**
   * The pairwise mask that survivor {@code survivor} applied for its dropped neighbour {@code
   * dropped}, re-derived from the dropped client's recovered masking key and the survivor's
   * public key.
   *
   * @param survivor a member of U3
   * @param dropped a neighbour of it in U2 \ U3
   * @param droppedKey the recovered s^SK of {@code dropped}
   */
  record PairwiseMask(int survivor, int dropped, SecretBytes droppedKey) implements UnmaskTask {
    @Override
    public String toString() {
      return "PairwiseMask[" + survivor + ", " + dropped + "]";
    }
  }
}
