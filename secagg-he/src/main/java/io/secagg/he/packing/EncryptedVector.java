package io.secagg.he.packing;

import io.secagg.he.Ciphertext;
import io.secagg.he.InvalidCiphertextException;
import io.secagg.he.KeyMismatchException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierPrivateKey;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.internal.Args;
import io.secagg.he.internal.Parallel;
import io.secagg.he.internal.Wire;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A vector of quantized values packed by a {@link PackingLayout} into Paillier ciphertexts, with
 * the public count of packed vectors summed into it. Immutable and thread-safe.
 *
 * <p>Every bulk operation takes an {@link Executor} and splits the ciphertexts into
 * {@code parallelism} contiguous chunks; the overloads without one run on the caller's thread.
 */
public final class EncryptedVector {
  static final int TYPE = 0x07;
  /** The longest vector accepted, in values. */
  public static final int MAX_LENGTH = 1 << 28;

  private final PaillierPublicKey publicKey;
  private final PackingLayout layout;
  private final int length;
  private final int summands;
  private final Ciphertext[] ciphertexts;

  private EncryptedVector(
      PaillierPublicKey publicKey, PackingLayout layout, int length, int summands, Ciphertext[] cts) {
    this.publicKey = publicKey;
    this.layout = layout;
    this.length = length;
    this.summands = summands;
    this.ciphertexts = cts;
  }

  private static final Executor CALLER = Runnable::run;

  /**
   * Packs and encrypts {@code values} on the caller's thread.
   *
   * @throws KeyMismatchException if the layout is for another modulus length
   * @throws IllegalArgumentException if a value is outside the layout's range or {@code values}
   *     is longer than {@link #MAX_LENGTH}
   */
  public static EncryptedVector encrypt(PaillierEncryptor encryptor, PackingLayout layout, long[] values) {
    return encrypt(encryptor, layout, values, CALLER, 1);
  }

  /**
   * Packs and encrypts {@code values}, {@code parallelism} chunks at a time on {@code executor}.
   *
   * @param parallelism 1 to 4096 tasks
   * @throws KeyMismatchException if the layout is for another modulus length
   * @throws IllegalArgumentException if a value is outside the layout's range, {@code values}
   *     is longer than {@link #MAX_LENGTH} or {@code parallelism} is out of range
   */
  public static EncryptedVector encrypt(
      PaillierEncryptor encryptor, PackingLayout layout, long[] values, Executor executor, int parallelism) {
    Objects.requireNonNull(encryptor, "encryptor");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(executor, "executor");
    checkParallelism(parallelism);
    PaillierPublicKey key = encryptor.publicKey();
    checkLayout(key, layout);
    if (values.length > MAX_LENGTH) {
      throw new IllegalArgumentException("vector longer than " + MAX_LENGTH);
    }
    // Range-check everything before spending any exponentiation.
    long min = layout.minValue();
    long max = layout.maxValue();
    for (int i = 0; i < values.length; i++) {
      if (values[i] < min || values[i] > max) {
        throw new IllegalArgumentException("value at index " + i + " is outside [" + min + ", " + max + "]");
      }
    }
    int count = layout.ciphertextCount(values.length);
    int slots = layout.slotsPerCiphertext();
    Ciphertext[] out = new Ciphertext[count];
    Parallel.forEach(count, parallelism, executor, j -> {
      int from = j * slots;
      int n = Math.min(slots, values.length - from);
      out[j] = encryptor.encrypt(layout.pack(values, from, n));
    });
    return new EncryptedVector(key, layout, values.length, 1, out);
  }

  /**
   * The homomorphic sum {@code this + other}, on the caller's thread.
   *
   * @throws KeyMismatchException if the keys, layouts or lengths differ
   * @throws IllegalArgumentException if the summand count would exceed the layout's headroom
   */
  public EncryptedVector add(EncryptedVector other) {
    return add(other, CALLER, 1);
  }

  /**
   * The homomorphic sum {@code this + other}, {@code parallelism} chunks at a time.
   *
   * @throws KeyMismatchException if the keys, layouts or lengths differ
   * @throws IllegalArgumentException if the summand count would exceed the layout's headroom
   *     (the caller chose the layout and what to add)
   */
  public EncryptedVector add(EncryptedVector other, Executor executor, int parallelism) {
    Objects.requireNonNull(other, "other");
    Objects.requireNonNull(executor, "executor");
    checkParallelism(parallelism);
    if (!other.publicKey.equals(publicKey) || !other.layout.equals(layout) || other.length != length) {
      throw new KeyMismatchException("vectors differ in key, layout or length");
    }
    long total = (long) summands + other.summands;
    if (total > layout.maxSummands()) {
      throw new IllegalArgumentException(
          "sum of " + total + " vectors exceeds the layout's headroom of " + layout.maxSummands());
    }
    Ciphertext[] out = new Ciphertext[ciphertexts.length];
    Parallel.forEach(out.length, parallelism, executor, j -> out[j] = ciphertexts[j].add(other.ciphertexts[j]));
    return new EncryptedVector(publicKey, layout, length, (int) total, out);
  }

  /**
   * Decrypts and unpacks, on the caller's thread.
   *
   * @return the {@code length} signed (or unsigned) sums
   * @throws KeyMismatchException if {@code key} is not this vector's key
   * @throws PlaintextOverflowException if a slot is out of range (a corrupted or overflowed sum)
   */
  public long[] decrypt(PaillierPrivateKey key) throws PlaintextOverflowException {
    return decrypt(key, CALLER, 1);
  }

  /**
   * Decrypts and unpacks, {@code parallelism} chunks at a time on {@code executor}.
   *
   * @throws KeyMismatchException if {@code key} is not this vector's key
   * @throws PlaintextOverflowException if a slot is out of range
   */
  public long[] decrypt(PaillierPrivateKey key, Executor executor, int parallelism)
      throws PlaintextOverflowException {
    Objects.requireNonNull(key, "key");
    if (!key.publicKey().equals(publicKey)) {
      throw new KeyMismatchException("private key does not match the vector's public key");
    }
    return decode(key::decrypt, executor, parallelism);
  }

  /**
   * Unpacks with any decryption function, for example a threshold committee's combination:
   * {@code decryptor} maps each ciphertext to its plaintext in {@code [0, n)}.
   *
   * @throws PlaintextOverflowException if a slot is out of range
   */
  public long[] decode(Function<Ciphertext, BigInteger> decryptor, Executor executor, int parallelism)
      throws PlaintextOverflowException {
    Objects.requireNonNull(decryptor, "decryptor");
    Objects.requireNonNull(executor, "executor");
    checkParallelism(parallelism);
    long[] out = new long[length];
    int slots = layout.slotsPerCiphertext();
    Parallel.forEach(ciphertexts.length, parallelism, executor, j -> {
      int from = j * slots;
      layout.unpack(decryptor.apply(ciphertexts[j]), summands, Math.min(slots, length - from), out, from);
    });
    return out;
  }

  /**
   * Unpacks plaintexts decrypted elsewhere (one per ciphertext, in order).
   *
   * @throws IllegalArgumentException if the number of plaintexts is wrong
   * @throws PlaintextOverflowException if a slot is out of range
   */
  public long[] decodePlaintexts(List<BigInteger> plaintexts) throws PlaintextOverflowException {
    Objects.requireNonNull(plaintexts, "plaintexts");
    if (plaintexts.size() != ciphertexts.length) {
      throw new IllegalArgumentException(
          "expected " + ciphertexts.length + " plaintexts, got " + plaintexts.size());
    }
    long[] out = new long[length];
    int slots = layout.slotsPerCiphertext();
    for (int j = 0; j < ciphertexts.length; j++) {
      int from = j * slots;
      layout.unpack(plaintexts.get(j), summands, Math.min(slots, length - from), out, from);
    }
    return out;
  }

  /** The public key. */
  public PaillierPublicKey publicKey() {
    return publicKey;
  }

  /** The packing layout. */
  public PackingLayout layout() {
    return layout;
  }

  /** Number of values. */
  public int length() {
    return length;
  }

  /** Number of packed vectors summed into this one (1 for a fresh encryption). */
  public int summands() {
    return summands;
  }

  /** The ciphertexts, in slot order (unmodifiable). */
  public List<Ciphertext> ciphertexts() {
    return Collections.unmodifiableList(Arrays.asList(ciphertexts));
  }

  /**
   * The encoding {@code 01 07 || u32(modulusBits) || u8(valueBits) || u32(maxSummands) ||
   * u8(guardBits) || u8(signed) || u32(length) || u32(summands) || c_0 || ... } with each
   * {@code c_j} fixed-width (spec/paillier.md, "Serialization").
   */
  public byte[] toBytes() {
    Wire.Writer w = new Wire.Writer(TYPE)
        .u32(layout.modulusBits()).u8(layout.valueBits()).u32(layout.maxSummands())
        .u8(layout.guardBits()).u8(layout.signed() ? 1 : 0).u32(length).u32(summands);
    int width = publicKey.ciphertextBytes();
    for (Ciphertext c : ciphertexts) {
      w.fixed(c.value(), width);
    }
    return w.toByteArray();
  }

  /**
   * Parses and validates an encoded vector under {@code publicKey}; it must use
   * {@code expectedLayout}.
   *
   * @throws InvalidCiphertextException if the encoding is malformed, its size does not match
   *     its header, its layout is not {@code expectedLayout}, or a ciphertext is invalid
   * @throws KeyMismatchException if {@code expectedLayout} is for another modulus length than
   *     {@code publicKey} (a caller bug)
   * @throws NullPointerException if an argument is null
   */
  public static EncryptedVector fromBytes(PaillierPublicKey publicKey, PackingLayout expectedLayout, byte[] encoding)
      throws InvalidCiphertextException {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(expectedLayout, "expectedLayout");
    Objects.requireNonNull(encoding, "encoding");
    checkLayout(publicKey, expectedLayout);
    try {
      Wire.Reader r = new Wire.Reader(encoding, TYPE);
      int modulusBits = r.u32(16384);
      int valueBits = r.u8();
      int maxSummands = r.u32(PackingLayout.MAX_SUMMANDS);
      int guardBits = r.u8();
      int signed = r.u8();
      if (signed > 1) {
        throw new InvalidCiphertextException("signed flag must be 0 or 1");
      }
      PackingLayout layout;
      try {
        layout = PackingLayout.builder().modulusBits(modulusBits).valueBits(valueBits)
            .maxSummands(maxSummands).guardBits(guardBits).signed(signed == 1).build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new InvalidCiphertextException("invalid layout in header: " + e.getMessage(), e);
      }
      if (!layout.equals(expectedLayout)) {
        throw new InvalidCiphertextException("encoded layout " + layout + " is not the expected " + expectedLayout);
      }
      int length = r.u32(MAX_LENGTH);
      int summands = r.u32(layout.maxSummands());
      if (summands < 1) {
        throw new InvalidCiphertextException("summand count must be at least 1");
      }
      int count = layout.ciphertextCount(length);
      int width = publicKey.ciphertextBytes();
      // Size check before allocating anything proportional to the header's claims.
      if ((long) count * width != r.remaining()) {
        throw new InvalidCiphertextException("encoding size does not match its header");
      }
      Ciphertext[] cts = new Ciphertext[count];
      for (int j = 0; j < count; j++) {
        cts[j] = Ciphertext.of(publicKey, r.fixed(width));
      }
      r.finish();
      return new EncryptedVector(publicKey, layout, length, summands, cts);
    } catch (Wire.FormatException e) {
      throw new InvalidCiphertextException("malformed encrypted vector: " + e.getMessage(), e);
    }
  }

  private static void checkLayout(PaillierPublicKey key, PackingLayout layout) {
    if (layout.modulusBits() != key.modulusBits()) {
      throw new KeyMismatchException(
          "layout is for a " + layout.modulusBits() + "-bit modulus, key has " + key.modulusBits());
    }
  }

  private static void checkParallelism(int parallelism) {
    Args.inRange("parallelism", parallelism, 1, 4096);
  }

  @Override
  public String toString() {
    return "EncryptedVector[" + length + " values in " + ciphertexts.length + " ciphertexts, "
        + summands + " summands, key " + publicKey.fingerprint() + "]";
  }
}
