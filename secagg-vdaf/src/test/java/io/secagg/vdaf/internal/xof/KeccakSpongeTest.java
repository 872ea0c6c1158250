package io.secagg.vdaf.internal.xof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Xof;
import org.bouncycastle.crypto.digests.Kangaroo;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.api.Test;

/** Our Keccak sponge against Bouncy Castle's SHAKE128 and KangarooTwelve and RFC 9861. */
class KeccakSpongeTest {
  private static final HexFormat HEX = HexFormat.of();
  /** Lengths around the lane (8) and block (168) boundaries. */
  private static final int[] LENGTHS = {0, 1, 7, 8, 9, 15, 16, 17, 167, 168, 169, 335, 336, 337, 1000, 4096};

  /** Absorbs {@code msg} in pieces of pseudorandom sizes, mixing byte, array and long calls. */
  private static void absorbInPieces(KeccakSponge s, byte[] msg, Random rnd) {
    int i = 0;
    while (i < msg.length) {
      int kind = rnd.nextInt(3);
      int n = Math.min(msg.length - i, 1 + rnd.nextInt(200));
      if (kind == 0) {
        s.absorbByte(msg[i]);
        i++;
      } else if (kind == 1 || n < 8) {
        s.absorb(msg, i, n);
        i += n;
      } else {
        int longs = n / 8;
        long[] words = new long[longs];
        for (int k = 0; k < longs; k++) {
          long x = 0;
          for (int b = 7; b >= 0; b--) {
            x = (x << 8) | (msg[i + 8 * k + b] & 0xFF);
          }
          words[k] = x;
        }
        s.absorbLongs(words, 0, longs);
        i += 8 * longs;
      }
    }
  }

  private static byte[] squeezeInPieces(KeccakSponge s, int len, Random rnd) {
    byte[] out = new byte[len];
    int i = 0;
    while (i < len) {
      int n = Math.min(len - i, 1 + rnd.nextInt(300));
      if ((i & 7) == 0 && n >= 8 && rnd.nextBoolean()) {
        int longs = n / 8;
        long[] words = new long[longs];
        s.squeezeLongs(words, 0, longs);
        for (int k = 0; k < longs; k++) {
          for (int b = 0; b < 8; b++) {
            out[i + 8 * k + b] = (byte) (words[k] >>> (8 * b));
          }
        }
        i += 8 * longs;
      } else {
        s.squeeze(out, i, n);
        i += n;
      }
    }
    return out;
  }

  /**
   * For a random message of every length in {@link #LENGTHS}, our sponge (absorbing it in pieces,
   * then the byte 0 if {@code zeroAfterMessage}) squeezes in pieces the first {@code outLen} bytes
   * that the reference gives for the message.
   */
  private static void assertSqueezesLikeReference(long seed, Supplier<Xof> reference, Supplier<KeccakSponge> ours,
      boolean zeroAfterMessage, int outLen) {
    Random rnd = new Random(seed);
    for (int len : LENGTHS) {
      byte[] msg = new byte[len];
      rnd.nextBytes(msg);
      Xof bc = reference.get();
      bc.update(msg, 0, msg.length);
      byte[] expected = new byte[outLen];
      bc.doFinal(expected, 0, expected.length);
      KeccakSponge sponge = ours.get();
      absorbInPieces(sponge, msg, rnd);
      if (zeroAfterMessage) {
        sponge.absorbByte(0);
      }
      assertArrayEquals(expected, squeezeInPieces(sponge, expected.length, rnd), "length " + len);
    }
  }

  @Test
  void shake128MatchesBouncyCastle() {
    assertSqueezesLikeReference(1, () -> new SHAKEDigest(128), KeccakSponge::shake128, false, 500);
  }

  @Test
  void turboShake128MatchesKangarooTwelveOnShortMessages() {
    // RFC 9861: for |M| + 1 <= 8192, KT128(M, C = empty) = TurboSHAKE128(M || 0x00, 0x07, L).
    assertSqueezesLikeReference(2, Kangaroo.KangarooTwelve::new, () -> KeccakSponge.turboShake128(0x07), true, 400);
  }

  @Test
  void turboShake128MatchesRfc9861EmptyMessageVector() {
    // RFC 9861, section 5: TurboSHAKE128(M = empty, D = 0x1F, 32).
    KeccakSponge s = KeccakSponge.turboShake128(0x1F);
    byte[] out = new byte[32];
    s.squeeze(out, 0, 32);
    assertArrayEquals(HEX.parseHex("1e415f1c5983aff2169217277d17bb538cd945a397ddec541f1ce41af2c1b74c"), out);
  }

  @Test
  void rejectsDomainBytesOutsideTheRfcRange() {
    assertThrows(IllegalArgumentException.class, () -> KeccakSponge.turboShake128(0));
    assertThrows(IllegalArgumentException.class, () -> KeccakSponge.turboShake128(0x80));
  }

  @Test
  void rejectsAbsorbingAfterSqueezing() {
    KeccakSponge s = KeccakSponge.turboShake128(1);
    s.squeeze(new byte[1], 0, 1);
    assertThrows(IllegalStateException.class, () -> s.absorbByte(0));
  }
}
