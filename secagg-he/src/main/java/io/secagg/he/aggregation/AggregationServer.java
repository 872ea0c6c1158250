package io.secagg.he.aggregation;

import io.secagg.he.InvalidCiphertextException;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.PackingLayout;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The aggregating server: validates each client's encrypted vector and adds it into a running
 * sum as it arrives (memory: one vector). It never holds a key that decrypts. Thread-safe.
 */
public final class AggregationServer {
  private final PaillierPublicKey publicKey;
  private final AggregationConfig config;
  private final PackingLayout layout;
  private final Set<String> seen = new HashSet<>();
  private EncryptedVector sum;

  /**
   * A server for one round.
   *
   * @throws NullPointerException if an argument is null
   */
  public AggregationServer(PaillierPublicKey publicKey, AggregationConfig config) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.config = Objects.requireNonNull(config, "config");
    this.layout = config.layout(publicKey);
  }

  /**
   * Parses, validates and adds one client's serialized contribution.
   *
   * @throws InvalidCiphertextException if the bytes are malformed or a ciphertext is invalid
   * @throws KeyMismatchException if the layout differs from the round's
   * @throws IllegalArgumentException if the length is wrong, the client already contributed,
   *     or the contribution is not a fresh single-client vector
   * @throws IllegalStateException if {@code maxClients} contributions were already added
   */
  public void accept(String clientId, byte[] contribution, Executor executor, int parallelism) {
    Objects.requireNonNull(contribution, "contribution");
    accept(clientId, EncryptedVector.fromBytes(publicKey, layout, contribution), executor, parallelism);
  }

  /**
   * Validates and adds one client's contribution.
   *
   * @throws KeyMismatchException if the key or layout differs from the round's
   * @throws IllegalArgumentException if the length is wrong, the client already contributed,
   *     or the vector is already a sum of several
   * @throws IllegalStateException if {@code maxClients} contributions were already added
   */
  public synchronized void accept(String clientId, EncryptedVector contribution, Executor executor, int parallelism) {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(contribution, "contribution");
    if (!contribution.publicKey().equals(publicKey) || !contribution.layout().equals(layout)) {
      throw new KeyMismatchException("contribution uses another key or layout");
    }
    if (contribution.length() != config.vectorLength()) {
      throw new IllegalArgumentException("contribution has the wrong length");
    }
    if (contribution.summands() != 1) {
      throw new IllegalArgumentException("a client contribution must be a single vector");
    }
    if (seen.contains(clientId)) {
      throw new IllegalArgumentException("client " + clientId + " already contributed");
    }
    if (seen.size() >= config.maxClients()) {
      throw new IllegalStateException("the round already has " + config.maxClients() + " contributions");
    }
    sum = sum == null ? contribution : sum.add(contribution, executor, parallelism);
    seen.add(clientId);
  }

  /** Contributions added so far. */
  public synchronized int contributions() {
    return seen.size();
  }

  /**
   * The encrypted sum, to be sent to the committee.
   *
   * @throws IllegalStateException if fewer than {@code minClients} contributions were added
   */
  public synchronized EncryptedVector sum() {
    if (seen.size() < config.minClients()) {
      throw new IllegalStateException(
          "only " + seen.size() + " contributions; the committee decrypts at least " + config.minClients());
    }
    return sum;
  }
}
