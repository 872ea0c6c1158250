package io.secagg.transport.grpc.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.testing.FuzzChecks;
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
    FuzzChecks.roundTrips(
        input, InvalidEnvelopeException.class, EnvelopeCodec::parseClient, ClientEnvelope::toByteArray,
        "client envelope");
  }

  /** A server-to-client envelope. */
  public static void serverEnvelope(byte[] input) {
    FuzzChecks.roundTrips(
        input, InvalidEnvelopeException.class, EnvelopeCodec::parseServer, ServerEnvelope::toByteArray,
        "server envelope");
  }
}
