package io.secagg.vdaf.internal.xof;

import io.secagg.vdaf.internal.field.Field;

/**
 * The draft's two XOFs behind one face, for tests that make the same checks on both (the main
 * classes share no interface: each call site stays monomorphic). Every call starts a fresh XOF.
 */
public enum TestXof {
  /** {@link XofTurboShake128}. */
  TURBO_SHAKE_128,
  /** {@link XofFixedKeyAes128}. */
  FIXED_KEY_AES_128;

  /** The draft's name of the XOF, e.g. {@code XofTurboShake128}. */
  public String draftName() {
    return this == TURBO_SHAKE_128 ? "XofTurboShake128" : "XofFixedKeyAes128";
  }

  /**
   * The XOF the draft calls {@code name}.
   *
   * @throws AssertionError if there is none
   */
  public static TestXof byDraftName(String name) {
    for (TestXof x : values()) {
      if (x.draftName().equals(name)) {
        return x;
      }
    }
    throw new AssertionError("unknown xof " + name);
  }

  /** The first {@code length} output bytes. */
  public byte[] next(byte[] seed, byte[] dst, byte[] binder, int length) {
    return this == TURBO_SHAKE_128
        ? new XofTurboShake128(seed, dst, binder).next(length)
        : new XofFixedKeyAes128(seed, dst, binder).next(length);
  }

  /** The draft's {@code derive_seed}: the first seed-size output bytes ({@code nextSeed} where the class has it). */
  public byte[] derivedSeed(byte[] seed, byte[] dst, byte[] binder) {
    return this == TURBO_SHAKE_128
        ? new XofTurboShake128(seed, dst, binder).nextSeed()
        : next(seed, dst, binder, XofFixedKeyAes128.SEED_SIZE);
  }

  /** The draft's {@code next_vec} of {@code n} elements of {@code f}. */
  public long[] nextVec(byte[] seed, byte[] dst, byte[] binder, Field f, int n) {
    return this == TURBO_SHAKE_128
        ? new XofTurboShake128(seed, dst, binder).nextVec(f, n)
        : new XofFixedKeyAes128(seed, dst, binder).nextVec(f, n);
  }
}
