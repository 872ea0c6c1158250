package io.secagg.core.wire;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The canonical byte encoding of a {@link SecAggConfig} ({@code spec/secagg.md, section 5.2}):
 * the same bytes the configuration digest is computed over, so a party that receives a
 * configuration over the network holds exactly what every other party binds into the session id.
 *
 * <p>A transport uses it to tell a joining client the session's parameters; the client checks
 * them against its own policy before it takes part. Decoding is strict: the version must be 1,
 * every field must be in the range of section 5.2, the identity keys must be present exactly in
 * malicious mode, nothing may follow the last field, and the decoded configuration must
 * re-encode to the same bytes. Every count and length is checked against the bytes that remain
 * before anything is built, so the decoder allocates at most a small constant times the input's
 * length (the decoded keys, the configuration and its re-encoding).
 */
public final class ConfigCodec {
  /** The longest valid encoding: every fixed field, the longest context and 65535 identity keys. */
  public static final int MAX_LENGTH =
      FixedFields.LENGTH + SecAggConfig.MAX_CONTEXT_LENGTH
          + SecAggConfig.MAX_CLIENTS * SecAggConfig.IDENTITY_KEY_LENGTH;

  private ConfigCodec() {}

  /**
   * The canonical encoding of {@code config}.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static byte[] encode(SecAggConfig config) {
    return Derivations.configEncoding(Objects.requireNonNull(config, "config"));
  }

  /**
   * Decodes a canonical configuration encoding.
   *
   * @param encoded the bytes, at most {@link #MAX_LENGTH}
   * @return the configuration
   * @throws NullPointerException if {@code encoded} is null
   * @throws WireFormatException if the bytes are not the canonical encoding of a valid
   *     configuration (the message names the rule, never the content)
   */
  public static SecAggConfig decode(byte[] encoded) throws WireFormatException {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length > MAX_LENGTH) {
      throw new WireFormatException(
          "configuration of " + encoded.length + " bytes exceeds the maximum " + MAX_LENGTH);
    }
    Reader r = new Reader(encoded);
    int version = r.u8();
    if (version != WireCodec.VERSION) {
      throw new WireFormatException("unsupported configuration version " + version);
    }
    long n = r.u32();
    long t = r.u32();
    long length = r.u32();
    long maxElement = r.u64();
    int graph = r.u8();
    long k = r.u32();
    int mode = r.u8();
    long contextLength = r.u32();
    if (n < 3 || n > SecAggConfig.MAX_CLIENTS) {
      throw new WireFormatException("client count " + n + " outside 3.." + SecAggConfig.MAX_CLIENTS);
    }
    if (contextLength > SecAggConfig.MAX_CONTEXT_LENGTH) {
      throw new WireFormatException("context of " + contextLength + " bytes is too long");
    }
    byte[] context = r.bytes((int) contextLength);
    SecurityMode securityMode;
    if (mode == SecurityMode.SEMI_HONEST.code()) {
      securityMode = SecurityMode.SEMI_HONEST;
    } else if (mode == SecurityMode.MALICIOUS.code()) {
      securityMode = SecurityMode.MALICIOUS;
    } else {
      throw new WireFormatException("unknown security mode " + mode);
    }
    List<byte[]> identityKeys = new ArrayList<>();
    if (securityMode == SecurityMode.MALICIOUS) {
      // Count before building n key objects: a short input must not cost n allocations.
      if (r.remaining() != n * SecAggConfig.IDENTITY_KEY_LENGTH) {
        throw new WireFormatException(
            "malicious-mode configuration needs " + n + " identity keys of "
                + SecAggConfig.IDENTITY_KEY_LENGTH + " bytes, found " + r.remaining() + " bytes");
      }
      for (int id = 1; id <= n; id++) {
        identityKeys.add(r.bytes(SecAggConfig.IDENTITY_KEY_LENGTH));
      }
    }
    if (r.remaining() != 0) {
      throw new WireFormatException(r.remaining() + " bytes follow the configuration");
    }
    SecAggConfig config;
    try {
      SecAggConfig.Builder b =
          SecAggConfig.builder()
              .clientCount((int) n)
              .threshold(toInt(t, "threshold"))
              .vectorLength(toInt(length, "vector length"))
              .modulus(modulus(maxElement))
              .securityMode(securityMode)
              .context(context);
      if (graph == 0) {
        b.completeGraph();
      } else if (graph == 1) {
        b.hararyGraph(toInt(k, "degree"));
      } else {
        throw new WireFormatException("unknown graph kind " + graph);
      }
      if (securityMode == SecurityMode.MALICIOUS) {
        b.identityKeys(identityKeys);
      }
      config = b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new WireFormatException("invalid configuration: " + e.getMessage());
    }
    if (!Arrays.equals(encode(config), encoded)) {
      // For example a complete graph whose degree field is not n - 1.
      throw new WireFormatException("configuration is not canonically encoded");
    }
    return config;
  }

  private static int toInt(long v, String what) throws WireFormatException {
    if (v > Integer.MAX_VALUE) {
      throw new WireFormatException(what + " " + v + " is out of range");
    }
    return (int) v;
  }

  private static Modulus modulus(long maxElement) throws WireFormatException {
    if (maxElement == -1L) {
      return Modulus.powerOfTwo(Modulus.MAX_BITS);
    }
    long m = maxElement + 1;
    if (m != 0 && (m & (m - 1)) == 0) { // m = 2^63 is negative as a long
      return Modulus.powerOfTwo(Long.numberOfTrailingZeros(m));
    }
    if (Long.compareUnsigned(m, Modulus.MAX_GENERAL) > 0 || m < 2) {
      throw new WireFormatException("modulus is neither a power of two nor in 2..2^62");
    }
    return Modulus.of(m);
  }

  /** The lengths of the fields before the context. */
  private static final class FixedFields {
    static final int LENGTH = 1 + 4 + 4 + 4 + 8 + 1 + 4 + 1 + 4;
  }

  /** Big-endian reads with bounds checks that name the field that ran out. */
  private static final class Reader {
    private final byte[] in;
    private int pos;

    Reader(byte[] in) {
      this.in = in;
    }

    int remaining() {
      return in.length - pos;
    }

    private void need(int count) throws WireFormatException {
      if (remaining() < count) {
        throw new WireFormatException("configuration is truncated");
      }
    }

    int u8() throws WireFormatException {
      need(1);
      return in[pos++] & 0xff;
    }

    long u32() throws WireFormatException {
      return bigEndian(4);
    }

    long u64() throws WireFormatException {
      return bigEndian(8);
    }

    private long bigEndian(int bytes) throws WireFormatException {
      need(bytes);
      long v = 0;
      for (int i = 0; i < bytes; i++) {
        v = (v << 8) | (in[pos++] & 0xff);
      }
      return v;
    }

    byte[] bytes(int count) throws WireFormatException {
      need(count);
      byte[] out = Arrays.copyOfRange(in, pos, pos + count);
      pos += count;
      return out;
    }
  }
}
