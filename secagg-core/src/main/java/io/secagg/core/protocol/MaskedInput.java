package io.secagg.core.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Round 2, client to server: the masked input y_u in its packed little-endian encoding (L
 * elements of w bytes each; see the vector encoding section of the spec).
 *
 * <p>The encoding is kept as bytes because that is both the wire form and what the server
 * adds into its accumulator; {@link #vectorBytes()} exposes it read-only without a copy.
 */
public final class MaskedInput implements ClientMessage {
  private final byte[] encodedVector;

  /**
   * @param encodedVector the packed vector (copied; its length is checked by the server)
   * @throws NullPointerException if {@code encodedVector} is null
   */
  public MaskedInput(byte[] encodedVector) {
    this.encodedVector = Objects.requireNonNull(encodedVector, "encodedVector").clone();
  }

  /** A read-only view of the packed vector. */
  public ByteBuffer vectorBytes() {
    return ByteBuffer.wrap(encodedVector).asReadOnlyBuffer();
  }

  /** A copy of the packed vector. */
  public byte[] encodedVector() {
    return encodedVector.clone();
  }

  /** The packed vector's length in bytes. */
  public int encodedLength() {
    return encodedVector.length;
  }

  @Override
  public Round round() {
    return Round.MASKED_INPUT_COLLECTION;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskedInput && Arrays.equals(encodedVector, ((MaskedInput) o).encodedVector);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encodedVector);
  }

  @Override
  public String toString() {
    return "MaskedInput[" + encodedVector.length + " bytes]";
  }
}
