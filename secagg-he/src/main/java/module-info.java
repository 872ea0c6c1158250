/**
 * secagg-he: Paillier additively homomorphic summation with packing and threshold decryption.
 *
 * <p>Exported API packages: {@code io.secagg.he} (keys, ciphertexts, encryption, decryption),
 * {@code io.secagg.he.encoding} (signed fixed-point numbers), {@code io.secagg.he.packing}
 * (many quantized values per ciphertext, encrypted vectors), {@code io.secagg.he.threshold}
 * (dealt key shares, partial decryptions and their combination) and
 * {@code io.secagg.he.aggregation} (the end-to-end client / server / committee flow).
 * {@code io.secagg.he.internal} is not exported.
 */
module io.secagg.he {
  exports io.secagg.he;
  exports io.secagg.he.encoding;
  exports io.secagg.he.packing;
  exports io.secagg.he.threshold;
  exports io.secagg.he.aggregation;
}
