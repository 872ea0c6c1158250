package io.secagg.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HkdfProperties {

  /** HKDF-Expand is a stream: a shorter output is always a prefix of a longer one. */
  @Property(tries = 200)
  void shorterOutputIsAPrefixOfLongerOutput(
      @ForAll @Size(max = 64) byte[] ikm,
      @ForAll @Size(max = 40) byte[] salt,
      @ForAll @Size(max = 40) byte[] context,
      @ForAll @IntRange(min = 1, max = 300) int shortLength,
      @ForAll @IntRange(min = 0, max = 300) int extra) {
    byte[] shorter = Hkdf.derive(ikm, salt, KdfLabel.PAIRWISE_MASK_SEED, context, shortLength);
    byte[] longer =
        Hkdf.derive(ikm, salt, KdfLabel.PAIRWISE_MASK_SEED, context, shortLength + extra);
    assertArrayEquals(shorter, Arrays.copyOf(longer, shortLength));
  }

  /** The labelled API is exactly RFC 5869 with info = label || 0x00 || context. */
  @Property(tries = 200)
  void labelledDeriveEqualsRawHkdfOnTheEncodedInfo(
      @ForAll @Size(max = 64) byte[] ikm,
      @ForAll @Size(max = 40) byte[] context,
      @ForAll @IntRange(min = 1, max = 100) int length) {
    byte[] info = KdfLabel.SESSION_ID.info(context);
    assertArrayEquals(
        Hkdf.derive(ikm, new byte[0], info, length),
        Hkdf.derive(ikm, new byte[0], KdfLabel.SESSION_ID, context, length));
  }
}
