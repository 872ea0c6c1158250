package io.secagg.core.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.testing.FuzzChecks;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Jazzer fuzz tests of the frame and configuration decoders (regression mode in every build on
 * the checked-in corpus; {@code docs/fuzzing.md} runs them as fuzzers). Each target asserts
 * that only {@link WireFormatException} comes out, and that an accepted input re-encodes to
 * exactly its bytes (the formats are canonical).
 *
 * <p>Frame targets read {@code u16 len || configuration (spec 5.2) || frame}, so that the fuzzer
 * explores frames of sessions of every shape; configurations with vectors longer than {@value
 * #MAX_VECTOR_LENGTH} elements are skipped to keep an execution in microseconds.
 */
public class WireCodecFuzzTest {
  static final int MAX_VECTOR_LENGTH = 1 << 12;
  private static final Map<ByteBuffer, WireCodec> CODECS = new HashMap<>();

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void serverFrames(byte[] input) {
    serverFrame(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void clientFrames(byte[] input) {
    clientFrame(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void configurations(byte[] input) {
    configuration(input);
  }

  /** {@code u16 len || config || frame}, decoded as a server-to-client frame. */
  public static void serverFrame(byte[] input) {
    WireCodec codec = codec(input);
    if (codec == null) {
      return;
    }
    FuzzChecks.<ServerMessage, WireFormatException>canonical(
        frame(input), WireFormatException.class, codec::decodeServerMessage, codec::encode, "server frame");
  }

  /** {@code u16 len || config || frame}, decoded as a client-to-server frame. */
  public static void clientFrame(byte[] input) {
    WireCodec codec = codec(input);
    if (codec == null) {
      return;
    }
    FuzzChecks.<ClientMessage, WireFormatException>canonical(
        frame(input), WireFormatException.class, codec::decodeClientMessage, codec::encode, "client frame");
  }

  /** A configuration encoding (spec 5.2). */
  public static void configuration(byte[] input) {
    FuzzChecks.canonical(
        input, WireFormatException.class, ConfigCodec::decode, ConfigCodec::encode, "configuration");
  }

  /** The seed layout of the frame targets. */
  public static byte[] seedOf(byte[] config, byte[] frame) {
    return ByteBuffer.allocate(2 + config.length + frame.length)
        .putShort((short) config.length).put(config).put(frame).array();
  }

  private static WireCodec codec(byte[] input) {
    if (input.length < 2) {
      return null;
    }
    int len = ((input[0] & 0xff) << 8) | (input[1] & 0xff);
    if (len > input.length - 2) {
      return null;
    }
    ByteBuffer key = ByteBuffer.wrap(Arrays.copyOfRange(input, 2, 2 + len));
    synchronized (CODECS) {
      WireCodec cached = CODECS.get(key);
      if (cached != null) {
        return cached;
      }
    }
    SecAggConfig config;
    try {
      config = ConfigCodec.decode(key.array());
    } catch (WireFormatException e) {
      return null; // configurations have their own target
    }
    if (config.vectorLength() > MAX_VECTOR_LENGTH) {
      return null;
    }
    WireCodec codec = WireCodec.forConfig(config);
    synchronized (CODECS) {
      if (CODECS.size() > 256) {
        CODECS.clear();
      }
      CODECS.put(key, codec);
    }
    return codec;
  }

  private static byte[] frame(byte[] input) {
    int len = ((input[0] & 0xff) << 8) | (input[1] & 0xff);
    return Arrays.copyOfRange(input, 2 + len, input.length);
  }
}
