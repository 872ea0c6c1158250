package io.secagg.core.protocol;

/**
 * The protocol rounds, in order. A round is named for what the server collects in it; a client
 * "drops in round r" when it receives the round-r request but never answers it.
 */
public enum Round {
  /** Round 0: the server sends a nonce; clients answer with their two X25519 public keys. */
  ADVERTISE_KEYS,
  /** Round 1: the server relays all keys; clients answer with encrypted shares for neighbours. */
  SHARE_KEYS,
  /** Round 2: the server relays the ciphertexts; clients answer with their masked input. */
  MASKED_INPUT_COLLECTION,
  /** Round 3 (malicious mode only): the server sends U3; clients answer with a signature. */
  CONSISTENCY_CHECK,
  /** Round 4: the server sends the unmasking lists; clients answer with shares. */
  UNMASKING;
}
