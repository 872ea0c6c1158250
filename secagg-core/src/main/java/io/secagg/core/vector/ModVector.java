package io.secagg.core.vector;

import io.secagg.core.internal.VectorStorage;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A mutable vector of {@link #length()} elements of Z_m, the integers modulo {@link #modulus()}.
 *
 * <p><b>Arithmetic</b> is in place: {@link #addInPlace}, {@link #subtractInPlace} and {@link
 * #negateInPlace} overwrite this vector, allocate nothing and run in time independent of the
 * element values. Both operands must have the same modulus and length.
 *
 * <p><b>Representation</b>: an {@code int[]} when every element fits 31 or 32 bits (m = 2^b with
 * b &lt;= 32, or a general m &lt; 2^31), otherwise a {@code long[]}; the element-wise loops are
 * written so that the JIT vectorizes them. Elements are always exposed as non-negative values
 * read as unsigned 64-bit integers (only m = 2^64 has elements above {@link Long#MAX_VALUE}).
 *
 * <p><b>Wire encoding</b> ({@link #encode()}, {@link #decode}): the elements in order, each as
 * exactly {@link Modulus#byteWidth()} bytes, little-endian, with nothing before, between or after
 * them. Decoding is strict: the byte count must be exactly {@code length * width} and every element
 * must be below m (for m = 2^b with b not a multiple of 8 this rejects any set bit above bit b-1).
 *
 * <p><b>Secrecy</b>: a vector can hold a private input or a mask. {@link #toString()} shows only
 * the length and the modulus, exception messages never contain element values, {@link
 * #equals(Object)} compares in time independent of the content and {@link #hashCode()} does not
 * depend on the elements.
 *
 * <p><b>Thread safety</b>: none. A vector is a plain mutable buffer; callers that share one across
 * threads synchronise themselves.
 */
public final class ModVector {
  /**
   * The largest supported length, 2^27 elements, chosen so that the encoding ({@code length * 8}
   * bytes at most) and every buffer fit a Java array with room to spare.
   */
  public static final int MAX_LENGTH = 1 << 27;

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    VectorStorage.install(
        new VectorStorage.Accessor() {
          @Override
          public int[] ints(ModVector v) {
            return v.ints;
          }

          @Override
          public long[] longs(ModVector v) {
            return v.longs;
          }
        });
  }

  private final Modulus modulus;
  private final int length;
  // Exactly one of the two is non-null, as decided by usesInts(modulus).
  private final int[] ints;
  private final long[] longs;

  private ModVector(Modulus modulus, int length) {
    this.modulus = modulus;
    this.length = length;
    if (usesInts(modulus)) {
      this.ints = new int[length];
      this.longs = null;
    } else {
      this.ints = null;
      this.longs = new long[length];
    }
  }

  /**
   * True iff vectors of this modulus are backed by an {@code int[]}: m = 2^b with b &lt;= 32, or a
   * general m &lt; 2^31 (so that the modular sum a + b - m still fits an int).
   */
  static boolean usesInts(Modulus m) {
    return m.isPowerOfTwo() ? m.bits() <= 32 : m.bits() <= 31;
  }

  /**
   * A vector of {@code length} zeros.
   *
   * @throws NullPointerException if {@code modulus} is null
   * @throws IllegalArgumentException if {@code length} is outside 0..{@link #MAX_LENGTH}
   */
  public static ModVector zeros(Modulus modulus, int length) {
    Objects.requireNonNull(modulus, "modulus");
    checkLength(length);
    return new ModVector(modulus, length);
  }

  /**
   * A vector holding a copy of {@code elements}, each read as an unsigned 64-bit integer.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the array is longer than {@link #MAX_LENGTH} or an element
   *     is not below m (the message names the index, never the value)
   */
  public static ModVector of(Modulus modulus, long[] elements) {
    Objects.requireNonNull(modulus, "modulus");
    Objects.requireNonNull(elements, "elements");
    checkLength(elements.length);
    ModVector v = new ModVector(modulus, elements.length);
    for (int i = 0; i < elements.length; i++) {
      if (!modulus.contains(elements[i])) {
        throw new IllegalArgumentException(
            "element " + i + " is not below the modulus " + modulus);
      }
      v.store(i, elements[i]);
    }
    return v;
  }

  /** An independent copy of this vector. */
  public ModVector copy() {
    ModVector v = new ModVector(modulus, length);
    if (ints != null) {
      System.arraycopy(ints, 0, v.ints, 0, length);
    } else {
      System.arraycopy(longs, 0, v.longs, 0, length);
    }
    return v;
  }

  /** The modulus m of every element. */
  public Modulus modulus() {
    return modulus;
  }

  /** The number of elements, 0 to {@link #MAX_LENGTH}. */
  public int length() {
    return length;
  }

  /**
   * Element {@code i}, in [0, m), to be read as unsigned (only m = 2^64 has elements that look
   * negative as a signed long).
   *
   * @throws IndexOutOfBoundsException if {@code i} is outside 0..length-1
   */
  public long get(int i) {
    Objects.checkIndex(i, length);
    return ints != null ? Integer.toUnsignedLong(ints[i]) : longs[i];
  }

  /**
   * Sets element {@code i} to {@code value}, read as an unsigned 64-bit integer.
   *
   * @throws IndexOutOfBoundsException if {@code i} is outside 0..length-1
   * @throws IllegalArgumentException if {@code value} is not below m
   */
  public void set(int i, long value) {
    Objects.checkIndex(i, length);
    if (!modulus.contains(value)) {
      throw new IllegalArgumentException("value is not below the modulus " + modulus);
    }
    store(i, value);
  }

  private void store(int i, long value) {
    if (ints != null) {
      ints[i] = (int) value;
    } else {
      longs[i] = value;
    }
  }

  /** A fresh array of the elements, each to be read as unsigned. */
  public long[] toLongArray() {
    long[] out = new long[length];
    if (ints != null) {
      for (int i = 0; i < length; i++) {
        out[i] = Integer.toUnsignedLong(ints[i]);
      }
    } else {
      System.arraycopy(longs, 0, out, 0, length);
    }
    return out;
  }

  /**
   * this := this + other (mod m), element-wise.
   *
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} has another modulus or length
   */
  public void addInPlace(ModVector other) {
    checkCompatible(other);
    if (ints != null) {
      if (modulus.isPowerOfTwo()) {
        VectorKernels.addMasked(ints, other.ints, (int) modulus.maxElement());
      } else {
        VectorKernels.addMod(ints, other.ints, (int) modulus.longValueExact());
      }
    } else if (modulus.isPowerOfTwo()) {
      VectorKernels.addMasked(longs, other.longs, modulus.maxElement());
    } else {
      VectorKernels.addMod(longs, other.longs, modulus.longValueExact());
    }
  }

  /**
   * this := this - other (mod m), element-wise.
   *
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} has another modulus or length
   */
  public void subtractInPlace(ModVector other) {
    checkCompatible(other);
    if (ints != null) {
      if (modulus.isPowerOfTwo()) {
        VectorKernels.subtractMasked(ints, other.ints, (int) modulus.maxElement());
      } else {
        VectorKernels.subtractMod(ints, other.ints, (int) modulus.longValueExact());
      }
    } else if (modulus.isPowerOfTwo()) {
      VectorKernels.subtractMasked(longs, other.longs, modulus.maxElement());
    } else {
      VectorKernels.subtractMod(longs, other.longs, modulus.longValueExact());
    }
  }

  /** this := -this (mod m), element-wise; zero stays zero. */
  public void negateInPlace() {
    if (ints != null) {
      if (modulus.isPowerOfTwo()) {
        VectorKernels.negateMasked(ints, (int) modulus.maxElement());
      } else {
        VectorKernels.negateMod(ints, (int) modulus.longValueExact());
      }
    } else if (modulus.isPowerOfTwo()) {
      VectorKernels.negateMasked(longs, modulus.maxElement());
    } else {
      VectorKernels.negateMod(longs, modulus.longValueExact());
    }
  }

  private void checkCompatible(ModVector other) {
    Objects.requireNonNull(other, "other");
    if (!modulus.equals(other.modulus)) {
      throw new IllegalArgumentException(
          "modulus mismatch: " + modulus + " and " + other.modulus);
    }
    if (length != other.length) {
      throw new IllegalArgumentException("length mismatch: " + length + " and " + other.length);
    }
  }

  /**
   * The number of bytes of the encoding of {@code length} elements of Z_m: {@code length *
   * modulus.byteWidth()}.
   *
   * @throws NullPointerException if {@code modulus} is null
   * @throws IllegalArgumentException if {@code length} is outside 0..{@link #MAX_LENGTH}
   */
  public static int encodedLength(Modulus modulus, int length) {
    Objects.requireNonNull(modulus, "modulus");
    checkLength(length);
    // Cannot overflow: MAX_LENGTH * 8 = 2^30.
    return length * modulus.byteWidth();
  }

  /**
   * The wire encoding: each element as exactly {@link Modulus#byteWidth()} little-endian bytes, in
   * order; {@code length() * byteWidth()} bytes in total.
   */
  public byte[] encode() {
    int w = modulus.byteWidth();
    byte[] out = new byte[length * w];
    if (ints != null && w == 4) {
      for (int i = 0; i < length; i++) {
        INT_LE.set(out, i << 2, ints[i]);
      }
    } else if (longs != null && w == 8) {
      for (int i = 0; i < length; i++) {
        LONG_LE.set(out, i << 3, longs[i]);
      }
    } else {
      for (int i = 0, off = 0; i < length; i++, off += w) {
        long x = ints != null ? Integer.toUnsignedLong(ints[i]) : longs[i];
        for (int k = 0; k < w; k++) {
          out[off + k] = (byte) (x >>> (8 * k));
        }
      }
    }
    return out;
  }

  /**
   * Decodes exactly {@code length} elements of Z_m from their wire encoding (see {@link
   * #encode()}).
   *
   * @param length the number of elements the caller expects (known from the protocol
   *     configuration, never read from the untrusted bytes)
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code length} is outside 0..{@link #MAX_LENGTH}
   * @throws VectorEncodingException if {@code encoded} is not exactly {@code length * width} bytes
   *     long, or an element is not below m
   */
  public static ModVector decode(Modulus modulus, int length, byte[] encoded)
      throws VectorEncodingException {
    Objects.requireNonNull(modulus, "modulus");
    Objects.requireNonNull(encoded, "encoded");
    int expected = encodedLength(modulus, length);
    if (encoded.length != expected) {
      throw new VectorEncodingException(
          "encoding of " + length + " elements of Z_" + modulus + " must be " + expected
              + " bytes, got " + encoded.length);
    }
    ModVector v = new ModVector(modulus, length);
    int w = modulus.byteWidth();
    long max = modulus.maxElement();
    if (v.ints != null && w == 4) {
      int[] dst = v.ints;
      for (int i = 0; i < length; i++) {
        int x = (int) INT_LE.get(encoded, i << 2);
        if (Integer.compareUnsigned(x, (int) max) > 0) {
          throw elementTooLarge(i, modulus);
        }
        dst[i] = x;
      }
    } else if (v.longs != null && w == 8) {
      long[] dst = v.longs;
      for (int i = 0; i < length; i++) {
        long x = (long) LONG_LE.get(encoded, i << 3);
        if (Long.compareUnsigned(x, max) > 0) {
          throw elementTooLarge(i, modulus);
        }
        dst[i] = x;
      }
    } else {
      for (int i = 0, off = 0; i < length; i++, off += w) {
        long x = 0;
        for (int k = 0; k < w; k++) {
          x |= (encoded[off + k] & 0xFFL) << (8 * k);
        }
        if (Long.compareUnsigned(x, max) > 0) {
          throw elementTooLarge(i, modulus);
        }
        v.store(i, x);
      }
    }
    return v;
  }

  private static VectorEncodingException elementTooLarge(int index, Modulus modulus) {
    return new VectorEncodingException(
        "element " + index + " is not below the modulus " + modulus);
  }

  private static void checkLength(int length) {
    if (length < 0 || length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid vector length " + length + "; must be 0.." + MAX_LENGTH);
    }
  }

  /**
   * True iff {@code o} is a vector with the same modulus, length and elements. The element
   * comparison reads every element whatever the content (no early exit), so its timing does not
   * reveal where two secret vectors first differ.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ModVector)) {
      return false;
    }
    ModVector other = (ModVector) o;
    if (!modulus.equals(other.modulus) || length != other.length) {
      return false;
    }
    long diff = 0;
    if (ints != null) {
      for (int i = 0; i < length; i++) {
        diff |= ints[i] ^ other.ints[i];
      }
    } else {
      for (int i = 0; i < length; i++) {
        diff |= longs[i] ^ other.longs[i];
      }
    }
    return diff == 0;
  }

  /**
   * Depends only on the modulus and the length: a content hash would expose bits of a private
   * vector to anyone who can observe hash-table behaviour.
   */
  @Override
  public int hashCode() {
    return 31 * modulus.hashCode() + length;
  }

  /** {@code ModVector[length=L, modulus=M]}; never the elements. */
  @Override
  public String toString() {
    return "ModVector[length=" + length + ", modulus=" + modulus + "]";
  }
}
