/**
 * Packing many quantized values into one Paillier plaintext ({@link
 * io.secagg.he.packing.PackingLayout}) and whole encrypted vectors ({@link
 * io.secagg.he.packing.EncryptedVector}) that are encrypted, added and decrypted in parallel over
 * an {@link java.util.concurrent.Executor}.
 *
 * <p>Start with {@link io.secagg.he.packing.PackingLayout}: it derives how many values fit one
 * plaintext from the key, the value width and the number of summands.
 */
package io.secagg.he.packing;
