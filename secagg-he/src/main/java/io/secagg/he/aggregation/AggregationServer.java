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
   * @param clientId the authenticated identity of the uploader, chosen by the caller
   * @throws InvalidContributionException if the bytes are not a valid encrypted vector under
   *     the round's key and layout ({@code MALFORMED}), or for any reason of {@link
   *     #accept(String, EncryptedVector, Executor, int)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code parallelism} is out of range
   */
  public void accept(String clientId, byte[] contribution, Executor executor, int parallelism)
      throws InvalidContributionException {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(contribution, "contribution");
    EncryptedVector vector;
    try {
      vector = EncryptedVector.fromBytes(publicKey, layout, contribution);
    } catch (InvalidCiphertextException e) {
      throw new InvalidContributionException(
          InvalidContributionException.Reason.MALFORMED, "client " + clientId + ": " + e.getMessage(), e);
    }
    accept(clientId, vector, executor, parallelism);
  }

  /**
   * Validates and adds one client's contribution.
   *
   * @param clientId the authenticated identity of the uploader, chosen by the caller
   * @throws InvalidContributionException if the vector has the wrong length ({@code
   *     WRONG_LENGTH}) or more than one summand ({@code NOT_A_SINGLE_VECTOR}), the client
   *     already contributed ({@code DUPLICATE_CLIENT}), or {@code maxClients} contributions were
   *     already added ({@code ROUND_FULL}); nothing is added then
   * @throws KeyMismatchException if the vector is under another key or layout: the caller
   *     parsed it with other parameters than the round's (a caller bug)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code parallelism} is out of range
   */
  public synchronized void accept(String clientId, EncryptedVector contribution, Executor executor, int parallelism)
      throws InvalidContributionException {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(contribution, "contribution");
    Objects.requireNonNull(executor, "executor");
    if (!contribution.publicKey().equals(publicKey) || !contribution.layout().equals(layout)) {
      throw new KeyMismatchException("contribution uses another key or layout");
    }
    if (contribution.length() != config.vectorLength()) {
      throw refused(InvalidContributionException.Reason.WRONG_LENGTH, clientId,
          contribution.length() + " values where the round has " + config.vectorLength());
    }
    if (contribution.summands() != 1) {
      throw refused(InvalidContributionException.Reason.NOT_A_SINGLE_VECTOR, clientId,
          "a sum of " + contribution.summands() + " vectors");
    }
    if (seen.contains(clientId)) {
      throw refused(InvalidContributionException.Reason.DUPLICATE_CLIENT, clientId, "already contributed");
    }
    if (seen.size() >= config.maxClients()) {
      throw refused(InvalidContributionException.Reason.ROUND_FULL, clientId,
          "the round already has " + config.maxClients() + " contributions");
    }
    sum = sum == null ? contribution : sum.add(contribution, executor, parallelism);
    seen.add(clientId);
  }

  private static InvalidContributionException refused(
      InvalidContributionException.Reason reason, String clientId, String detail) {
    return new InvalidContributionException(reason, "client " + clientId + ": " + detail, null);
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
