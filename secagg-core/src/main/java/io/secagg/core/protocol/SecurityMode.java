package io.secagg.core.protocol;

/**
 * Which adversary a session defends against (see {@code spec/secagg.md, section 5},
 * "Security modes").
 */
public enum SecurityMode {
  /**
   * Honest-but-curious server: it follows the protocol but tries to learn individual inputs
   * from what it sees. Four rounds, no identity keys.
   */
  SEMI_HONEST(0),
  /**
   * Actively malicious server: it may lie about who dropped out. Adds signed key advertisements
   * (long-term Ed25519 identity keys, one per client, carried by the configuration) and the
   * consistency-check round, in which every survivor signs the survivor set and checks its
   * neighbours' signatures before revealing any share.
   */
  MALICIOUS(1);

  private final int code;

  SecurityMode(int code) {
    this.code = code;
  }

  /** The byte that encodes this mode in the configuration digest. */
  public int code() {
    return code;
  }
}
