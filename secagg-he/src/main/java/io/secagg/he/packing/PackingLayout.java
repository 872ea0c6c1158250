package io.secagg.he.packing;

import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.internal.Args;
import java.math.BigInteger;
import java.util.Objects;

/**
 * How quantized values share one plaintext (spec/paillier.md, "Packing"). Immutable.
 *
 * <p>Each value occupies a slot of {@code w = valueBits + ceil(log2 maxSummands) + guardBits}
 * bits; slot {@code i} holds bits {@code [i w, (i+1) w)} of the plaintext, slot 0 the least
 * significant. A ciphertext holds {@code s = floor((modulusBits - 1) / w)} slots, so a packed
 * plaintext stays below {@code 2^(modulusBits-1) < n}. Adding up to {@code maxSummands} packed
 * plaintexts never carries out of a slot, because each slot sum is at most
 * {@code maxSummands * (2^valueBits - 1) < 2^w}. Signed values use offset encoding: a value
 * {@code v} in {@code [-2^(valueBits-1), 2^(valueBits-1))} is stored as
 * {@code v + 2^(valueBits-1)}, and a sum of {@code k} vectors is decoded by subtracting
 * {@code k * 2^(valueBits-1)} per slot.
 *
 * <p>The guard bits are always zero in an honest sum: decoding checks every slot, every unused
 * slot and every bit above the last slot, and throws {@link PlaintextOverflowException} if a
 * slot exceeds what {@code k} honest summands can produce.
 *
 * @param modulusBits bit length of {@code n} this layout is for, 64 to 16384
 * @param valueBits bits of one value, 1 to 32
 * @param maxSummands headroom: the most vectors that may be summed, 1 to {@value #MAX_SUMMANDS}
 * @param guardBits always-zero bits at the top of each slot, 0 to 16
 * @param signed whether values are signed (offset encoding)
 */
public record PackingLayout(
    int modulusBits, int valueBits, int maxSummands, int guardBits, boolean signed) {
  /** The largest slot width, so that a slot sum fits a {@code long}. */
  public static final int MAX_SLOT_BITS = 62;
  /** The largest {@code maxSummands}. */
  public static final int MAX_SUMMANDS = 1 << 24;

  /**
   * Checks every component and the slot width they give.
   *
   * @throws IllegalArgumentException if a component is outside its range (see the class
   *     description), or the slot is wider than {@value #MAX_SLOT_BITS} bits or than the
   *     plaintext
   */
  public PackingLayout {
    Args.inRange("modulusBits", modulusBits, 64, 16384);
    Args.inRange("valueBits", valueBits, 1, 32);
    Args.inRange("maxSummands", maxSummands, 1, MAX_SUMMANDS);
    Args.inRange("guardBits", guardBits, 0, 16);
    int w = slotBits(valueBits, maxSummands, guardBits);
    if (w > MAX_SLOT_BITS || w > modulusBits - 1) {
      throw new IllegalArgumentException(
          "slot width " + w + " exceeds " + MAX_SLOT_BITS + " bits or does not fit the plaintext");
    }
  }

  private static int slotBits(int valueBits, int maxSummands, int guardBits) {
    return valueBits + ceilLog2(maxSummands) + guardBits;
  }

  static int ceilLog2(int k) {
    return k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1);
  }

  /** A builder; every field except {@code guardBits} (default 1) and {@code signed} (default true) must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PackingLayout}, validating each field as it is set. */
  public static final class Builder {
    private int modulusBits = -1;
    private int valueBits = -1;
    private int maxSummands = -1;
    private int guardBits = 1;
    private boolean signed = true;

    private Builder() {}

    /**
     * The bit length of the Paillier modulus {@code n}.
     *
     * @throws IllegalArgumentException unless 64 to 16384
     */
    public Builder modulusBits(int bits) {
      this.modulusBits = Args.inRange("modulusBits", bits, 64, 16384);
      return this;
    }

    /**
     * The bits of one quantized value.
     *
     * @throws IllegalArgumentException unless 1 to 32
     */
    public Builder valueBits(int bits) {
      this.valueBits = Args.inRange("valueBits", bits, 1, 32);
      return this;
    }

    /**
     * How many packed vectors may be added together (the headroom {@code K}).
     *
     * @throws IllegalArgumentException unless 1 to {@value PackingLayout#MAX_SUMMANDS}
     */
    public Builder maxSummands(int k) {
      this.maxSummands = Args.inRange("maxSummands", k, 1, MAX_SUMMANDS);
      return this;
    }

    /**
     * Extra always-zero bits at the top of each slot, checked on decoding.
     *
     * @throws IllegalArgumentException unless 0 to 16
     */
    public Builder guardBits(int bits) {
      this.guardBits = Args.inRange("guardBits", bits, 0, 16);
      return this;
    }

    /** True for two's-complement-range values with offset encoding; false for unsigned. */
    public Builder signed(boolean signed) {
      this.signed = signed;
      return this;
    }

    /**
     * The layout.
     *
     * @throws IllegalStateException if a required field is unset, the slot is wider than
     *     {@value PackingLayout#MAX_SLOT_BITS} bits or wider than the plaintext
     */
    public PackingLayout build() {
      if (modulusBits < 0 || valueBits < 0 || maxSummands < 0) {
        throw new IllegalStateException("modulusBits, valueBits and maxSummands must all be set");
      }
      int w = slotBits(valueBits, maxSummands, guardBits);
      if (w > MAX_SLOT_BITS) {
        throw new IllegalStateException("slot width " + w + " exceeds " + MAX_SLOT_BITS + " bits");
      }
      if (w > modulusBits - 1) {
        throw new IllegalStateException("slot width " + w + " does not fit the plaintext");
      }
      return new PackingLayout(modulusBits, valueBits, maxSummands, guardBits, signed);
    }
  }

  /** Slot width {@code w} in bits. */
  public int slotBits() {
    return slotBits(valueBits, maxSummands, guardBits);
  }

  /** Slots per ciphertext {@code s}. */
  public int slotsPerCiphertext() {
    return (modulusBits - 1) / slotBits();
  }

  /** Smallest accepted value. */
  public long minValue() {
    return signed ? -(1L << (valueBits - 1)) : 0;
  }

  /** Largest accepted value. */
  public long maxValue() {
    return signed ? (1L << (valueBits - 1)) - 1 : (1L << valueBits) - 1;
  }

  /** The offset added to each signed value: {@code 2^(valueBits-1)}, or 0 if unsigned. */
  public long offset() {
    return signed ? 1L << (valueBits - 1) : 0;
  }

  /** Ciphertexts needed for a vector of {@code length} values: {@code ceil(length / s)}. */
  public int ciphertextCount(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must be non-negative");
    }
    int slots = slotsPerCiphertext();
    return (int) (((long) length + slots - 1) / slots);
  }

  /**
   * Packs {@code values[from .. from+count)} into one plaintext; unused slots are zero.
   *
   * @param count 0 to {@link #slotsPerCiphertext()}
   * @throws IllegalArgumentException if a value is outside {@code [minValue, maxValue]} or
   *     {@code count} exceeds the slots
   * @throws IndexOutOfBoundsException if the range is outside {@code values}
   */
  public BigInteger pack(long[] values, int from, int count) {
    Objects.requireNonNull(values, "values");
    Objects.checkFromIndexSize(from, count, values.length);
    int slotBits = slotBits();
    checkCount(count, slotsPerCiphertext());
    long min = minValue();
    long max = maxValue();
    long off = offset();
    long[] words = new long[(count * slotBits + 63) / 64 + 1];
    for (int i = 0; i < count; i++) {
      long v = values[from + i];
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            "value at index " + (from + i) + " is outside [" + min + ", " + max + "]");
      }
      putBits(words, (long) i * slotBits, v + off);
    }
    return fromWords(words);
  }

  /**
   * Unpacks a plaintext that is the sum of {@code summands} packed plaintexts into
   * {@code out[outFrom .. outFrom+count)}, as signed (or unsigned) sums.
   *
   * @throws PlaintextOverflowException if a slot exceeds {@code summands * (2^valueBits - 1)},
   *     or an unused slot or a bit above the last slot is not zero
   * @throws IllegalArgumentException if {@code summands} is not in {@code [1, maxSummands]},
   *     {@code count} exceeds the slots, or {@code m} is negative
   */
  public void unpack(BigInteger m, int summands, int count, long[] out, int outFrom)
      throws PlaintextOverflowException {
    Objects.requireNonNull(m, "m");
    Objects.requireNonNull(out, "out");
    Objects.checkFromIndexSize(outFrom, count, out.length);
    Args.inRange("summands", summands, 1, maxSummands);
    int slotBits = slotBits();
    int slots = slotsPerCiphertext();
    checkCount(count, slots);
    if (m.signum() < 0) {
      throw new IllegalArgumentException("plaintext must be non-negative");
    }
    if (m.bitLength() > slots * slotBits) {
      throw new PlaintextOverflowException("bits above the last slot are set");
    }
    long[] words = toWords(m, slots * slotBits);
    long limit = ((1L << valueBits) - 1) * summands;
    long totalOffset = offset() * summands;
    for (int i = 0; i < slots; i++) {
      long u = getBits(words, (long) i * slotBits, slotBits);
      if (i >= count) {
        if (u != 0) {
          throw new PlaintextOverflowException("unused slot " + i + " is not zero");
        }
        continue;
      }
      if (u > limit) {
        throw new PlaintextOverflowException(
            "slot " + i + " exceeds what " + summands + " summands can produce");
      }
      out[outFrom + i] = u - totalOffset;
    }
  }

  private static void putBits(long[] words, long pos, long value) {
    int w = (int) (pos >>> 6);
    int b = (int) (pos & 63);
    words[w] |= value << b;
    if (b != 0) {
      words[w + 1] |= value >>> (64 - b);
    }
  }

  private static long getBits(long[] words, long pos, int len) {
    int w = (int) (pos >>> 6);
    int b = (int) (pos & 63);
    long v = words[w] >>> b;
    if (b != 0 && w + 1 < words.length) {
      v |= words[w + 1] << (64 - b);
    }
    return v & ((1L << len) - 1);
  }

  private static BigInteger fromWords(long[] words) {
    byte[] be = new byte[words.length * 8];
    for (int i = 0; i < words.length; i++) {
      long x = words[i];
      int base = be.length - 8 * (i + 1);
      for (int j = 0; j < 8; j++) {
        be[base + 7 - j] = (byte) (x >>> (8 * j));
      }
    }
    return new BigInteger(1, be);
  }

  private static long[] toWords(BigInteger m, int bits) {
    long[] words = new long[(bits + 63) / 64 + 1];
    byte[] be = m.toByteArray();
    for (int k = 0; k < be.length; k++) {
      int bytePos = be.length - 1 - k; // little-endian byte index k
      int w = k >>> 3;
      if (w < words.length) {
        words[w] |= (be[bytePos] & 0xffL) << (8 * (k & 7));
      }
    }
    return words;
  }

  private static void checkCount(int count, int slots) {
    if (count > slots) {
      throw new IllegalArgumentException("count " + count + " exceeds " + slots + " slots");
    }
  }

  @Override
  public String toString() {
    return "PackingLayout[n " + modulusBits + " bits, value " + valueBits + " bits"
        + (signed ? " signed" : " unsigned") + ", K " + maxSummands + ", guard " + guardBits
        + ", slot " + slotBits() + " bits x " + slotsPerCiphertext() + "]";
  }
}
