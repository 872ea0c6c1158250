package io.secagg.vdaf;

import java.math.BigInteger;

/**
 * Prio3SumVecWithMultiproof: Prio3SumVec with a choice of field and several independent proofs
 * ({@code PROOFS}), the draft's "Multiple Proofs". With Field64 and three proofs it sends half the
 * bytes of Prio3SumVec at comparable soundness. Its encoding, {@code MEAS_LEN} and default chunk
 * length are Prio3SumVec's. It has no registered codepoint: the default
 * {@code ID} is {@code 0xFFFFFFFF}, which the draft's reference code and test vectors use; a
 * deployment may pick another private-use value in {@code [0xFFFF0000, 0xFFFFFFFF]}.
 *
 * <p>The draft ("Choosing FLP Parameters") requires circuits with joint randomness to use
 * Field128 with at least one proof or Field64 with at least three; the builder enforces it.
 *
 * <pre>{@code
 * Prio3<long[], BigInteger[]> vec = Prio3SumVecWithMultiproof.builder()
 *     .field(VdafField.FIELD64).proofs(3).length(1000).maxMeasurement(255).build();
 * }</pre>
 */
public final class Prio3SumVecWithMultiproof {
  /** The identifier used by the draft's reference code and vectors. */
  public static final int DEFAULT_ALGORITHM_ID = 0xFFFFFFFF;

  private Prio3SumVecWithMultiproof() {}

  /** A builder; field, proofs, length and maxMeasurement are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Parameters of Prio3SumVecWithMultiproof. */
  public static final class Builder extends VectorVariantBuilder<Builder> {
    private VdafField field;
    private int proofs;
    private long maxMeasurement;
    private int algorithmId = DEFAULT_ALGORITHM_ID;

    private Builder() {}

    /** The field. */
    public Builder field(VdafField field) {
      this.field = java.util.Objects.requireNonNull(field, "field");
      return this;
    }

    /** The number of proofs, in {@code [1, 255]}. */
    public Builder proofs(int proofs) {
      this.proofs = Variants.checkProofs(proofs);
      return this;
    }

    /** The largest valid element, at least 1. */
    public Builder maxMeasurement(long maxMeasurement) {
      this.maxMeasurement = Variants.checkMax("maxMeasurement", maxMeasurement);
      return this;
    }

    /**
     * A private-use identifier in {@code [0xFFFF0000, 0xFFFFFFFF]} (default {@code 0xFFFFFFFF}).
     */
    public Builder algorithmId(int algorithmId) {
      if (Integer.compareUnsigned(algorithmId, 0xFFFF0000) < 0) {
        throw new IllegalArgumentException("not a private-use VDAF identifier");
      }
      this.algorithmId = algorithmId;
      return this;
    }

    /**
     * The instance.
     *
     * @throws IllegalStateException if a required parameter was not set
     * @throws IllegalArgumentException if Field64 is paired with fewer than three proofs, or the
     *     sizes are out of range
     */
    public Prio3<long[], BigInteger[]> build() {
      Variants.requireSet(field != null, "field");
      Variants.requireSet(proofs > 0, "proofs");
      Variants.requireSet(length > 0, "length");
      Variants.requireSet(maxMeasurement > 0, "maxMeasurement");
      if (field == VdafField.FIELD64 && proofs < 3) {
        throw new IllegalArgumentException(
            "joint randomness over Field64 needs at least three proofs (draft, Choosing FLP Parameters)");
      }
      return Prio3SumVec.build(
          "Prio3SumVecWithMultiproof", algorithmId, field.impl(), proofs, shares, length, maxMeasurement, chunkLength);
    }
  }
}
