package io.secagg.vdaf.internal.xof;

import io.secagg.vdaf.internal.field.Field;

/**
 * XofTurboShake128 of the VDAF draft ("XofTurboShake128"): TurboSHAKE128 with domain byte 1 over
 * {@code le16(len(dst)) || dst || byte(len(seed)) || seed || binder}.
 *
 * <p>The binder may be absorbed in pieces ({@link #binder}, {@link #binderByte},
 * {@link #binderLongs}) so that a large binder, such as the encoding of a measurement share, is
 * never materialised. Output is read with {@link #next}, {@link #nextVec} and
 * {@link #nextSeed}; the first read ends the binder. Not thread-safe.
 */
public final class XofTurboShake128 {
  /** Default seed size in bytes. */
  public static final int SEED_SIZE = 32;

  private final KeccakSponge sponge = KeccakSponge.turboShake128(1);

  /**
   * Starts the XOF with {@code seed} (at most 255 bytes) and domain separation tag {@code dst}
   * (at most 65535 bytes).
   *
   * @throws IllegalArgumentException if a length is out of range
   */
  public XofTurboShake128(byte[] seed, byte[] dst) {
    if (seed.length > 255) {
      throw new IllegalArgumentException("XofTurboShake128 seed longer than 255 bytes");
    }
    if (dst.length > 65535) {
      throw new IllegalArgumentException("domain separation tag longer than 65535 bytes");
    }
    sponge.absorbByte(dst.length & 0xFF);
    sponge.absorbByte(dst.length >>> 8);
    sponge.absorb(dst, 0, dst.length);
    sponge.absorbByte(seed.length);
    sponge.absorb(seed, 0, seed.length);
  }

  /** The draft's one-shot constructor {@code Xof(seed, dst, binder)}. */
  public XofTurboShake128(byte[] seed, byte[] dst, byte[] binder) {
    this(seed, dst);
    binder(binder);
  }

  /** Appends {@code bytes} to the binder string. */
  public XofTurboShake128 binder(byte[] bytes) {
    sponge.absorb(bytes, 0, bytes.length);
    return this;
  }

  /** Appends one byte to the binder string. */
  public XofTurboShake128 binderByte(int b) {
    sponge.absorbByte(b);
    return this;
  }

  /**
   * Appends {@code count} longs (little-endian), e.g. the encoding of a field vector, to the
   * binder string.
   */
  public XofTurboShake128 binderLongs(long[] values, int off, int count) {
    sponge.absorbLongs(values, off, count);
    return this;
  }

  /** The next {@code length} output bytes. */
  public byte[] next(int length) {
    byte[] out = new byte[length];
    sponge.squeeze(out, 0, length);
    return out;
  }

  /** The draft's {@code derive_seed}: the first {@link #SEED_SIZE} output bytes. */
  public byte[] nextSeed() {
    return next(SEED_SIZE);
  }

  /**
   * The draft's {@code next_vec}: {@code n} field elements by rejection sampling of
   * {@code encodedSize()}-byte little-endian candidates (the draft's mask
   * {@code next_power_of_2(p) - 1} is {@code 2^(8 encodedSize()) - 1} for both fields, so no
   * masking is needed).
   */
  public long[] nextVec(Field f, int n) {
    return XofSupport.nextVec(f, n, sponge);
  }
}
