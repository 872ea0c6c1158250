package io.secagg.vdaf.internal.xof;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A Keccak sponge with rate 168 bytes (capacity 256 bits), as used by TurboSHAKE128 (RFC 9861,
 * 12 rounds, domain byte {@code D} in {@code [0x01, 0x7F]}) and SHAKE128 (FIPS 202, 24 rounds,
 * suffix byte {@code 0x1F}). Absorb any number of pieces, then squeeze any number of pieces; the
 * first squeeze pads the input ({@code D} at the current position, {@code 0x80} at the last byte
 * of the block).
 *
 * <p>Bytes map to lanes little-endian. Whole-block absorption and lane-aligned squeezing read and
 * write the lanes through a little-endian {@code VarHandle} view (PERFORMANCE.md: about ten times
 * faster than assembling longs from bytes). Not thread-safe; one instance per hash.
 */
public final class KeccakSponge {
  /** Rate in bytes. */
  public static final int RATE = 168;
  private static final int RATE_LANES = RATE / 8;
  private static final VarHandle LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long[] state = new long[25];
  private final int rounds;
  private final byte suffix;
  /** Byte position in the current block (absorbing or squeezing). */
  private int pos;
  private boolean squeezing;

  private KeccakSponge(int rounds, int suffix) {
    this.rounds = rounds;
    this.suffix = (byte) suffix;
  }

  /** TurboSHAKE128 with domain separation byte {@code domain} in {@code [0x01, 0x7F]}. */
  public static KeccakSponge turboShake128(int domain) {
    if (domain < 0x01 || domain > 0x7F) {
      throw new IllegalArgumentException("TurboSHAKE domain byte must be in [0x01, 0x7F]");
    }
    return new KeccakSponge(12, domain);
  }

  /** SHAKE128 of FIPS 202 (24 rounds); used to check and benchmark the permutation. */
  public static KeccakSponge shake128() {
    return new KeccakSponge(24, 0x1F);
  }

  /** Absorbs {@code len} bytes of {@code in} from {@code off}. */
  public void absorb(byte[] in, int off, int len) {
    if (squeezing) {
      throw new IllegalStateException("cannot absorb after squeezing");
    }
    long[] s = state;
    int i = 0;
    // Finish a partial lane byte by byte.
    while (i < len && (pos & 7) != 0) {
      absorbByte(in[off + i++]);
    }
    while (len - i >= 8) {
      if (pos == 0 && len - i >= RATE) {
        // A whole block straight from the input.
        for (int l = 0; l < RATE_LANES; l++) {
          s[l] ^= (long) LE.get(in, off + i + 8 * l);
        }
        Keccak.permute(s, rounds);
        i += RATE;
      } else {
        s[pos >>> 3] ^= (long) LE.get(in, off + i);
        i += 8;
        advance(8);
      }
    }
    while (i < len) {
      absorbByte(in[off + i++]);
    }
  }

  /** Absorbs one byte. */
  public void absorbByte(int b) {
    if (squeezing) {
      throw new IllegalStateException("cannot absorb after squeezing");
    }
    state[pos >>> 3] ^= (b & 0xFFL) << (8 * (pos & 7));
    advance(1);
  }

  /**
   * Absorbs {@code count} longs of {@code in} from {@code off}, each as 8 little-endian bytes (the
   * encoding of field elements stored in {@code long[]} vectors).
   */
  public void absorbLongs(long[] in, int off, int count) {
    if (squeezing) {
      throw new IllegalStateException("cannot absorb after squeezing");
    }
    long[] s = state;
    int shift = pos & 7;
    if (shift == 0) {
      for (int i = 0; i < count; i++) {
        s[pos >>> 3] ^= in[off + i];
        pos += 8;
        if (pos == RATE) {
          Keccak.permute(s, rounds);
          pos = 0;
        }
      }
      return;
    }
    // Unaligned: each long straddles two lanes (8 - shift low bytes, then shift high bytes).
    int lowBytes = 8 - shift;
    for (int i = 0; i < count; i++) {
      long x = in[off + i];
      s[pos >>> 3] ^= x << (8 * shift);
      advance(lowBytes);
      s[pos >>> 3] ^= x >>> (8 * lowBytes);
      advance(shift);
    }
  }

  private void advance(int bytes) {
    pos += bytes;
    if (pos == RATE) {
      Keccak.permute(state, rounds);
      pos = 0;
    }
  }

  private void finishAbsorbing() {
    if (!squeezing) {
      state[pos >>> 3] ^= (suffix & 0xFFL) << (8 * (pos & 7));
      state[RATE_LANES - 1] ^= 0x80L << 56;
      Keccak.permute(state, rounds);
      pos = 0;
      squeezing = true;
    }
  }

  /** Writes the next {@code len} output bytes to {@code out} at {@code off}. */
  public void squeeze(byte[] out, int off, int len) {
    finishAbsorbing();
    long[] s = state;
    int i = 0;
    while (i < len && (pos & 7) != 0) {
      out[off + i++] = squeezeByte();
    }
    while (len - i >= 8) {
      if (pos == 0 && len - i >= RATE) {
        // A whole block straight to the output.
        for (int l = 0; l < RATE_LANES; l++) {
          LE.set(out, off + i + 8 * l, s[l]);
        }
        Keccak.permute(s, rounds);
        i += RATE;
      } else {
        LE.set(out, off + i, s[pos >>> 3]);
        i += 8;
        nextOutput(8);
      }
    }
    while (i < len) {
      out[off + i++] = squeezeByte();
    }
  }

  private byte squeezeByte() {
    byte b = (byte) (state[pos >>> 3] >>> (8 * (pos & 7)));
    nextOutput(1);
    return b;
  }

  private void nextOutput(int bytes) {
    pos += bytes;
    if (pos == RATE) {
      Keccak.permute(state, rounds);
      pos = 0;
    }
  }

  /**
   * Writes the next {@code 8 * count} output bytes to {@code out[off..off+count)} as little-endian
   * longs.
   */
  public void squeezeLongs(long[] out, int off, int count) {
    finishAbsorbing();
    long[] s = state;
    if ((pos & 7) == 0) {
      int i = 0;
      while (i < count) {
        int lane = pos >>> 3;
        int n = Math.min(count - i, RATE_LANES - lane);
        System.arraycopy(s, lane, out, off + i, n);
        i += n;
        nextOutput(8 * n);
      }
      return;
    }
    byte[] buf = new byte[8];
    for (int i = 0; i < count; i++) {
      squeeze(buf, 0, 8);
      out[off + i] = (long) LE.get(buf, 0);
    }
  }
}
