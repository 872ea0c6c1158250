package io.secagg.he.aggregation;

import io.secagg.he.PaillierPublicKey;
import io.secagg.he.internal.Args;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.PackingLayout;
import java.util.Objects;

/**
 * The public parameters of one Paillier aggregation round, agreed by every participant.
 * Immutable; built with {@link #builder()}.
 *
 * @param vectorLength values per client vector, 1 to {@link EncryptedVector#MAX_LENGTH}
 * @param valueBits bits per signed quantized value (values in {@code [-2^(b-1), 2^(b-1))}), 2 to
 *     32
 * @param maxClients packing headroom: the most contributions summed, 2 to {@link
 *     PackingLayout#MAX_SUMMANDS}
 * @param minClients the fewest contributions the committee decrypts (so a sum never is a single
 *     client's vector), 2 to {@code maxClients}
 * @param guardBits guard bits per packed slot, 0 to 16
 */
public record AggregationConfig(
    int vectorLength, int valueBits, int maxClients, int minClients, int guardBits) {
  /**
   * Checks every component.
   *
   * @throws IllegalArgumentException if a component is outside its range (see the class
   *     description)
   */
  public AggregationConfig {
    Args.inRange("vectorLength", vectorLength, 1, EncryptedVector.MAX_LENGTH);
    Args.inRange("valueBits", valueBits, 2, 32);
    Args.inRange("maxClients", maxClients, 2, PackingLayout.MAX_SUMMANDS);
    Args.inRange("minClients", minClients, 2, maxClients);
    Args.inRange("guardBits", guardBits, 0, 16);
  }

  /** A builder with {@code valueBits = 16}, {@code guardBits = 1}, {@code minClients = 2}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AggregationConfig}; setters validate at once. */
  public static final class Builder {
    private int vectorLength = -1;
    private int valueBits = 16;
    private int maxClients = -1;
    private int minClients = 2;
    private int guardBits = 1;

    private Builder() {}

    /**
     * Values per client vector.
     *
     * @throws IllegalArgumentException unless 1 to {@link EncryptedVector#MAX_LENGTH}
     */
    public Builder vectorLength(int length) {
      this.vectorLength = Args.inRange("vectorLength", length, 1, EncryptedVector.MAX_LENGTH);
      return this;
    }

    /**
     * Bits per signed quantized value (values in {@code [-2^(b-1), 2^(b-1))}).
     *
     * @throws IllegalArgumentException unless 2 to 32
     */
    public Builder valueBits(int bits) {
      this.valueBits = Args.inRange("valueBits", bits, 2, 32);
      return this;
    }

    /**
     * The most clients whose vectors may be summed (packing headroom).
     *
     * @throws IllegalArgumentException unless 2 to {@link PackingLayout#MAX_SUMMANDS}
     */
    public Builder maxClients(int k) {
      this.maxClients = Args.inRange("maxClients", k, 2, PackingLayout.MAX_SUMMANDS);
      return this;
    }

    /**
     * The fewest contributions the committee agrees to decrypt (so a sum never is a single
     * client's vector).
     *
     * @throws IllegalArgumentException if below 2
     */
    public Builder minClients(int k) {
      if (k < 2) {
        throw new IllegalArgumentException("minClients must be at least 2, got " + k);
      }
      this.minClients = k;
      return this;
    }

    /**
     * Guard bits per packed slot.
     *
     * @throws IllegalArgumentException unless 0 to 16
     */
    public Builder guardBits(int bits) {
      this.guardBits = Args.inRange("guardBits", bits, 0, 16);
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalStateException if {@code vectorLength} or {@code maxClients} is unset, or
     *     {@code minClients > maxClients}
     */
    public AggregationConfig build() {
      if (vectorLength < 0 || maxClients < 0) {
        throw new IllegalStateException("vectorLength and maxClients must be set");
      }
      if (minClients > maxClients) {
        throw new IllegalStateException("minClients exceeds maxClients");
      }
      return new AggregationConfig(vectorLength, valueBits, maxClients, minClients, guardBits);
    }
  }

  /** The packing layout of this round under {@code key}. */
  public PackingLayout layout(PaillierPublicKey key) {
    Objects.requireNonNull(key, "key");
    return PackingLayout.builder()
        .modulusBits(key.modulusBits())
        .valueBits(valueBits)
        .maxSummands(maxClients)
        .guardBits(guardBits)
        .signed(true)
        .build();
  }

  @Override
  public String toString() {
    return "AggregationConfig[length " + vectorLength + ", " + valueBits + "-bit values, clients "
        + minClients + ".." + maxClients + ", guard " + guardBits + "]";
  }
}
