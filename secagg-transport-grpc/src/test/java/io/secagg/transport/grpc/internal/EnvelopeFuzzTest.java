package io.secagg.transport.grpc.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.transport.grpc.InvalidEnvelopeException;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;

/**
 * Jazzer fuzz tests of the session envelope decoders (the gRPC marshallers' parsers): only
 * {@link InvalidEnvelopeException} may come out, and an accepted envelope survives a round trip
 * through its encoding unchanged. (Envelopes need not be canonical: spec/transport.md does not
 * ask it of other implementations.)
 */
public class EnvelopeFuzzTest {
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void clientEnvelopes(byte[] input) {
    clientEnvelope(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void serverEnvelopes(byte[] input) {
    serverEnvelope(input);
  }

  /** A client-to-server envelope. */
  public static void clientEnvelope(byte[] input) {
    ClientEnvelope e;
    try {
      e = EnvelopeCodec.parseClient(input);
    } catch (InvalidEnvelopeException x) {
      return;
    }
    try {
      if (!EnvelopeCodec.parseClient(e.toByteArray()).equals(e)) {
        throw new AssertionError("a client envelope changed in a round trip");
      }
    } catch (InvalidEnvelopeException x) {
      throw new AssertionError("the encoding of an accepted client envelope is rejected", x);
    }
  }

  /** A server-to-client envelope. */
  public static void serverEnvelope(byte[] input) {
    ServerEnvelope e;
    try {
      e = EnvelopeCodec.parseServer(input);
    } catch (InvalidEnvelopeException x) {
      return;
    }
    try {
      if (!EnvelopeCodec.parseServer(e.toByteArray()).equals(e)) {
        throw new AssertionError("a server envelope changed in a round trip");
      }
    } catch (InvalidEnvelopeException x) {
      throw new AssertionError("the encoding of an accepted server envelope is rejected", x);
    }
  }
}
