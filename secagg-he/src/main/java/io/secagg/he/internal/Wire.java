package io.secagg.he.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The binary format of spec/paillier.md section "Serialization": a version byte {@code 0x01},
 * a type byte, then fields in a fixed order. Integers are unsigned big-endian: {@code u8},
 * {@code u32}, variable-length {@code int} (a {@code u32} byte count, then the minimal
 * big-endian magnitude: no leading zero byte, zero has length 0) and fixed-width residues.
 */
public final class Wire {
  /** The only version this code writes and reads. */
  public static final int VERSION = 1;

  private Wire() {}

  /** A malformed encoding; API classes translate it into their documented exception. */
  public static final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  /** The number of bytes of the unsigned big-endian form of a positive {@code m}. */
  public static int byteLength(BigInteger m) {
    return (m.bitLength() + 7) / 8;
  }

  /** {@code x} as exactly {@code len} unsigned big-endian bytes; {@code 0 <= x < 256^len}. */
  public static byte[] fixed(BigInteger x, int len) {
    byte[] raw = x.toByteArray();
    if (raw.length > len + 1 || (raw.length == len + 1 && raw[0] != 0)) {
      throw new IllegalArgumentException("value does not fit " + len + " bytes");
    }
    byte[] out = new byte[len];
    int copy = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
    return out;
  }

  /** The minimal unsigned big-endian bytes of {@code x >= 0} (empty for zero). */
  public static byte[] minimal(BigInteger x) {
    if (x.signum() == 0) {
      return new byte[0];
    }
    byte[] raw = x.toByteArray();
    return raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
  }

  /** Builds one encoding. */
  public static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts an encoding of the given type byte. */
    public Writer(int type) {
      out.write(VERSION);
      out.write(type);
    }

    /** Appends one byte. */
    public Writer u8(int v) {
      out.write(v);
      return this;
    }

    /** Appends a big-endian 32-bit unsigned value given as a non-negative int. */
    public Writer u32(int v) {
      out.write(v >>> 24);
      out.write(v >>> 16);
      out.write(v >>> 8);
      out.write(v);
      return this;
    }

    /** Appends a variable-length integer: u32 byte count then the minimal magnitude. */
    public Writer integer(BigInteger x) {
      byte[] b = minimal(x);
      u32(b.length);
      out.write(b, 0, b.length);
      return this;
    }

    /** Appends {@code x} as exactly {@code len} bytes. */
    public Writer fixed(BigInteger x, int len) {
      byte[] b = Wire.fixed(x, len);
      out.write(b, 0, b.length);
      return this;
    }

    /** Appends raw bytes. */
    public Writer raw(byte[] b) {
      out.write(b, 0, b.length);
      return this;
    }

    /** The encoding. */
    public byte[] toByteArray() {
      return out.toByteArray();
    }
  }

  /** Strictly parses one encoding: any deviation throws {@link FormatException}. */
  public static final class Reader {
    private final byte[] in;
    private int pos;

    /**
     * Checks the version and type bytes.
     *
     * @throws FormatException if the input is null, too short, of another version or type
     */
    public Reader(byte[] in, int type) {
      if (in == null) {
        throw new FormatException("encoding is null");
      }
      this.in = in;
      if (in.length < 2) {
        throw new FormatException("encoding shorter than its 2-byte header");
      }
      if ((in[0] & 0xff) != VERSION) {
        throw new FormatException("unsupported version " + (in[0] & 0xff));
      }
      if ((in[1] & 0xff) != type) {
        throw new FormatException("type byte " + (in[1] & 0xff) + " where " + type + " was expected");
      }
      pos = 2;
    }

    private void need(long n) {
      if (n < 0 || n > in.length - pos) {
        throw new FormatException("truncated encoding");
      }
    }

    /** Bytes not yet read. */
    public int remaining() {
      return in.length - pos;
    }

    /** Reads one byte. */
    public int u8() {
      need(1);
      return in[pos++] & 0xff;
    }

    /** Reads a u32 that must be at most {@code max} (at most {@code Integer.MAX_VALUE}). */
    public int u32(int max) {
      need(4);
      long v = ((in[pos] & 0xffL) << 24) | ((in[pos + 1] & 0xff) << 16)
          | ((in[pos + 2] & 0xff) << 8) | (in[pos + 3] & 0xff);
      pos += 4;
      if (v > max) {
        throw new FormatException("value " + v + " exceeds its bound " + max);
      }
      return (int) v;
    }

    /**
     * Reads a 1-based index (a u32 of at most {@code max}) that must also lie in {@code
     * 1..count}; {@code what} names it in the message.
     */
    public int index(int max, int count, String what) {
      int i = u32(max);
      if (i < 1 || i > count) {
        throw new FormatException(what + " index " + i + " is outside 1.." + count);
      }
      return i;
    }

    /** Reads a variable-length integer of at most {@code maxBytes} bytes, minimal form only. */
    public BigInteger integer(int maxBytes) {
      int len = u32(maxBytes);
      need(len);
      if (len > 0 && in[pos] == 0) {
        throw new FormatException("integer has a leading zero byte");
      }
      BigInteger v = len == 0 ? BigInteger.ZERO : new BigInteger(1, in, pos, len);
      pos += len;
      return v;
    }

    /** Reads a fixed-width unsigned integer of {@code len} bytes. */
    public BigInteger fixed(int len) {
      need(len);
      BigInteger v = new BigInteger(1, in, pos, len);
      pos += len;
      return v;
    }

    /** Reads {@code len} raw bytes. */
    public byte[] raw(int len) {
      need(len);
      byte[] b = Arrays.copyOfRange(in, pos, pos + len);
      pos += len;
      return b;
    }

    /** Fails unless every byte was consumed. */
    public void finish() {
      if (pos != in.length) {
        throw new FormatException((in.length - pos) + " trailing bytes");
      }
    }
  }
}
