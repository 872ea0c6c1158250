package io.secagg.core.crypto;

/**
 * What a {@link Keystream} is for. Each purpose has its own {@link KdfLabel}, so streams for two
 * purposes never share a key, even when they are opened from the same seed and context, and its
 * own rule for the seed. {@code spec/secagg.md} section 2.4.3 lists every label with its input
 * keying material, salt, context and output length, and section 2.4.4 the keystream itself.
 */
public enum KeystreamPurpose {
  /**
   * Mask expansion ({@code spec/secagg.md} section 1.5): a secret 32-byte mask seed; the context
   * names the session, the mask kind and the clients.
   */
  MASK(KdfLabel.KEYSTREAM_MASK, 32),

  /**
   * The ring order of a SecAgg+ masking graph ({@code spec/secagg.md} section 4.2.3): the public
   * 32-byte graph seed; the context is {@code BE32(n) || BE32(k)}.
   */
  GRAPH(KdfLabel.KEYSTREAM_GRAPH, 32),

  /**
   * Stochastic rounding in quantization ({@code spec/secagg.md} section 4.3.3): a client's
   * private 32-byte rounding seed; empty context.
   */
  QUANT_ROUNDING(KdfLabel.KEYSTREAM_QUANT_ROUNDING, 32),

  /**
   * The bit source of the differential-privacy samplers ({@code spec/dp.md} section 2): 32 fresh
   * random bytes in production; a seed of any length for reproducible test vectors; empty
   * context.
   */
  DP_BITS(KdfLabel.KEYSTREAM_DP_BITS, -1),

  /**
   * The random signs of the distributed discrete Gaussian's Hadamard rotation ({@code spec/dp.md}
   * section 10.2): the round's shared 32-byte rotation seed; empty context.
   */
  DP_ROTATION_SIGNS(KdfLabel.KEYSTREAM_DP_ROTATION_SIGNS, 32),

  /**
   * {@link DeterministicRandom}, for test vectors and simulations only ({@code spec/secagg.md}
   * section 2.2.2): a seed of any length, known to whoever reproduces the run; empty context.
   */
  DETERMINISTIC_RANDOM(KdfLabel.KEYSTREAM_DETERMINISTIC_RANDOM, -1);

  private final KdfLabel label;
  // -1: any length, including empty.
  private final int seedLength;

  KeystreamPurpose(KdfLabel label, int seedLength) {
    this.label = label;
    this.seedLength = seedLength;
  }

  /** The label of this purpose's key derivation. */
  public KdfLabel label() {
    return label;
  }

  /**
   * True iff a seed of {@code length} bytes is allowed: exactly 32 bytes for {@link #MASK}, {@link
   * #GRAPH}, {@link #QUANT_ROUNDING} and {@link #DP_ROTATION_SIGNS}; any length, including 0, for
   * {@link #DP_BITS} and {@link #DETERMINISTIC_RANDOM}.
   */
  public boolean acceptsSeedLength(int length) {
    return seedLength < 0 ? length >= 0 : length == seedLength;
  }

  void checkSeedLength(int length) {
    if (!acceptsSeedLength(length)) {
      throw new IllegalArgumentException(
          "Invalid seed length " + length + " for a " + this + " keystream; must be "
              + seedLength + " bytes");
    }
  }
}
