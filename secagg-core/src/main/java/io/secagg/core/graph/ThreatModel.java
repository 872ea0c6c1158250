package io.secagg.core.graph;

/**
 * Which adversary the Shamir threshold must withstand (Bell et al. 2020 distinguish the same two
 * cases). In both, the adversary controls the server and up to a fraction gamma of the clients,
 * chosen before the public session seed is known.
 */
public enum ThreatModel {
  /**
   * The server follows the protocol but colludes with the corrupted clients. A client's secrets
   * stay hidden while it has fewer than t corrupted neighbours.
   */
  SEMI_HONEST,
  /**
   * The server may lie about which clients dropped out, asking some neighbours of client u for
   * shares of its self-mask seed and others for shares of its key. Honest neighbours answer only
   * one of the two requests, so with c corrupted neighbours among k the adversary can obtain at
   * most c + (k - c) shares in total across both secrets, and both secrets stay hidden while
   * {@code 2t > k + c}.
   */
  MALICIOUS_SERVER
}
