package io.secagg.core.wire;

import io.secagg.core.protocol.MaskedInput;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.vector.Modulus;
import java.io.ByteArrayOutputStream;

/**
 * The probe {@link WireCodecHeapBoundTest} runs in a JVM with a tight heap: it builds the
 * frames of issue 14, item 1 (every list filled with empty entries up to the session's frame
 * limit) and decodes each, printing {@code CASE <name> REJECTED|ACCEPTED|THREW <type>}.
 *
 * <p>Arguments: {@code small} (n = 5, t = 3, L = 2^20, m = 2^64: the largest client frames) or
 * {@code wide} (n = 65535, complete graph: the largest server frames).
 */
public final class HostileFrameProbe {
  private HostileFrameProbe() {}

  /** The probe's configurations; the test sizes each child's heap from their frame limits. */
  static SecAggConfig config(String name) {
    switch (name) {
      case "small":
        return SecAggConfig.builder().clientCount(5).threshold(3).vectorLength(1 << 20)
            .modulus(Modulus.powerOfTwo(64)).completeGraph().build();
      case "wide":
        return SecAggConfig.builder().clientCount(65535).threshold(32768).vectorLength(1)
            .modulus(Modulus.powerOfTwo(32)).completeGraph().build();
      default:
        throw new IllegalArgumentException(name);
    }
  }

  public static void main(String[] args) {
    SecAggConfig config = config(args[0]);
    WireCodec codec = WireCodec.forConfig(config);
    int client = codec.maxClientFrameLength();
    int server = codec.maxServerFrameLength();
    if (args[0].equals("small")) {
      // The frame of the issue: ShareKeys holding 4,194,300 empty EncryptedShares entries.
      client("share-keys-empty-entries", codec, filled(3, new byte[] {0x0a, 0x00}, client));
      client("unmasking-response-empty-self-shares", codec, filled(6, new byte[] {0x0a, 0x00}, client));
      client("unmasking-response-empty-key-shares", codec, filled(6, new byte[] {0x12, 0x00}, client));
      server("masked-input-request-empty-entries", codec, filled(4, new byte[] {0x0a, 0x00}, server));
      // A valid frame of the largest kind must still decode in the same heap.
      client("valid-masked-input", codec, codec.encode(new MaskedInput(new byte[config.encodedVectorLength()])));
    } else {
      server("share-keys-request-empty-entries", codec, filled(3, new byte[] {0x0a, 0x00}, server));
      server("masked-input-request-empty-entries", codec, filled(4, new byte[] {0x0a, 0x00}, server));
      server("consistency-check-packed-survivors", codec, packed(5, 1, server));
      server("unmasking-request-packed-alive", codec, packed(6, 1, server));
      server("unmasking-request-packed-dropped", codec, packed(6, 2, server));
      server("unmasking-request-empty-signatures", codec, filled(6, new byte[] {0x1a, 0x00}, server));
      client("share-keys-empty-entries", codec, filled(3, new byte[] {0x0a, 0x00}, client));
      client("unmasking-response-empty-self-shares", codec, filled(6, new byte[] {0x0a, 0x00}, client));
    }
  }

  /** A decoder of one direction's frames. */
  private interface Decoder {
    Object decode(byte[] frame) throws WireFormatException;
  }

  private static void client(String name, WireCodec codec, byte[] frame) {
    run(name, codec::decodeClientMessage, frame);
  }

  private static void server(String name, WireCodec codec, byte[] frame) {
    run(name, codec::decodeServerMessage, frame);
  }

  private static void run(String name, Decoder decoder, byte[] frame) {
    String outcome;
    try {
      decoder.decode(frame);
      outcome = "ACCEPTED";
    } catch (WireFormatException e) {
      outcome = "REJECTED " + e.getMessage();
    } catch (RuntimeException e) {
      outcome = "THREW " + e;
    }
    System.out.println("CASE " + name + " " + outcome);
  }

  /**
   * {@code 08 01} (version 1), then body field {@code body} holding {@code entry} repeated as
   * often as fits in {@code limit} bytes.
   */
  static byte[] filled(int body, byte[] entry, int limit) {
    int room = limit - 2 - 1 - 5;
    int count = room / entry.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream(limit);
    out.write(0x08);
    out.write(0x01);
    out.write(body << 3 | 2);
    varint(out, (long) count * entry.length);
    for (int i = 0; i < count; i++) {
      out.write(entry, 0, entry.length);
    }
    return out.toByteArray();
  }

  /** Body field {@code body} holding packed field {@code field} of one-byte ids {@code 1}. */
  static byte[] packed(int body, int field, int limit) {
    int count = limit - 2 - 1 - 5 - 1 - 5;
    ByteArrayOutputStream inner = new ByteArrayOutputStream(limit);
    inner.write(field << 3 | 2);
    varint(inner, count);
    for (int i = 0; i < count; i++) {
      inner.write(1);
    }
    byte[] in = inner.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(limit);
    out.write(0x08);
    out.write(0x01);
    out.write(body << 3 | 2);
    varint(out, in.length);
    out.write(in, 0, in.length);
    return out.toByteArray();
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }
}
