package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.field.Field128;
import io.secagg.vdaf.internal.field.Field64;
import java.math.BigInteger;

/** The finite fields of the VDAF draft that Prio3 runs over ("Finite Fields", "Parameters"). */
public enum VdafField {
  /** {@code p = 2^32 * 4294967295 + 1}, 8-byte elements, a subgroup of order {@code 2^32}. */
  FIELD64(Field64.INSTANCE),
  /** {@code p = 2^66 * 4611686018427387897 + 1}, 16-byte elements, a subgroup of order {@code 2^66}. */
  FIELD128(Field128.INSTANCE);

  private final Field field;

  VdafField(Field field) {
    this.field = field;
  }

  /** The prime modulus. */
  public BigInteger modulus() {
    return field.modulus();
  }

  /** Bytes per encoded element (little-endian). */
  public int encodedSize() {
    return field.encodedSize();
  }

  Field impl() {
    return field;
  }

  static VdafField of(Field f) {
    return f == Field64.INSTANCE ? FIELD64 : FIELD128;
  }
}
