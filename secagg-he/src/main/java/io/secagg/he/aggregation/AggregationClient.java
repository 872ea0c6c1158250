package io.secagg.he.aggregation;

import io.secagg.he.PaillierEncryptor;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.PackingLayout;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A client of the round: packs and encrypts its quantized vector under the committee's public
 * key. Holds no secret. Thread-safe.
 */
public final class AggregationClient {
  private final PaillierEncryptor encryptor;
  private final AggregationConfig config;
  private final PackingLayout layout;

  /**
   * A client encrypting with {@code encryptor} (reuse one encryptor: it holds the fixed-base
   * table).
   *
   * @throws NullPointerException if an argument is null
   */
  public AggregationClient(PaillierEncryptor encryptor, AggregationConfig config) {
    this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
    this.config = Objects.requireNonNull(config, "config");
    this.layout = config.layout(encryptor.publicKey());
  }

  /** The packing layout used. */
  public PackingLayout layout() {
    return layout;
  }

  /**
   * Encrypts {@code values} on the caller's thread.
   *
   * @throws IllegalArgumentException if the length is not the configured one or a value is
   *     outside the signed {@code valueBits} range
   */
  public EncryptedVector encrypt(long[] values) {
    return encrypt(values, Runnable::run, 1);
  }

  /**
   * Encrypts {@code values} in {@code parallelism} chunks on {@code executor}.
   *
   * @throws IllegalArgumentException if the length is not the configured one or a value is
   *     outside the signed {@code valueBits} range
   */
  public EncryptedVector encrypt(long[] values, Executor executor, int parallelism) {
    Objects.requireNonNull(values, "values");
    if (values.length != config.vectorLength()) {
      throw new IllegalArgumentException(
          "vector has " + values.length + " values, the round expects " + config.vectorLength());
    }
    return EncryptedVector.encrypt(encryptor, layout, values, executor, parallelism);
  }
}
