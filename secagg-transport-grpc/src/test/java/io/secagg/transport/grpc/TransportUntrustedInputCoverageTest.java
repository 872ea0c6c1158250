package io.secagg.transport.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.secagg.core.protocol.TranscriptConfigs;
import io.secagg.core.testing.FuzzCorpus;
import io.secagg.core.testing.UntrustedInputContract;
import io.secagg.core.testing.UntrustedInputSurface.Target;
import io.secagg.core.testvectors.Vectors;
import io.secagg.core.wire.ConfigCodec;
import io.secagg.transport.grpc.internal.EnvelopeCodec;
import io.secagg.transport.grpc.internal.EnvelopeFuzzTest;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.Frame;
import io.secagg.transport.grpc.internal.proto.Hello;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import io.secagg.transport.grpc.internal.proto.Welcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session envelopes (the gRPC transport's only decoders of peer bytes) have fuzz targets
 * with a corpus built from a real transcript, malformed envelopes yield only {@link
 * InvalidEnvelopeException}, and the transport exports no other decoder.
 */
class TransportUntrustedInputCoverageTest implements UntrustedInputContract {
  static final List<Target> TARGETS = List.of(
      new Target(EnvelopeFuzzTest.class, "clientEnvelopes", EnvelopeFuzzTest::clientEnvelope),
      new Target(EnvelopeFuzzTest.class, "serverEnvelopes", EnvelopeFuzzTest::serverEnvelope));

  @Override
  public Surface surface() {
    return new Surface(SecAggGrpcClient.class, Map.of(), Map.of(), TARGETS);
  }

  @Test
  void unknownFieldsAndTwoBodiesAreRejectedBeforeParsing() {
    byte[] hello = ClientEnvelope.newBuilder().setHello(Hello.newBuilder().setVersion(1).setParticipantId(3)).build().toByteArray();
    byte[] unknown = Arrays.copyOf(hello, hello.length + 3);
    unknown[hello.length] = (byte) 0xa0; // field 20, varint
    unknown[hello.length + 1] = 0x01;
    unknown[hello.length + 2] = 0x01;
    InvalidEnvelopeException e = assertThrows(InvalidEnvelopeException.class, () -> EnvelopeCodec.parseClient(unknown));
    assertTrue(e.getMessage().contains("unknown field 20"), e.getMessage());
    byte[] frame = ClientEnvelope.newBuilder().setFrame(Frame.newBuilder().setSeq(1)).build().toByteArray();
    byte[] both = Arrays.copyOf(hello, hello.length + frame.length);
    System.arraycopy(frame, 0, both, hello.length, frame.length);
    e = assertThrows(InvalidEnvelopeException.class, () -> EnvelopeCodec.parseClient(both));
    assertTrue(e.getMessage().contains("two bodies"), e.getMessage());
  }

  @Test
  void theCorpusIsWhatItsGeneratorWrites() throws Exception {
    List<byte[]> client = new ArrayList<>();
    List<byte[]> server = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    JsonNode transcripts = Vectors.read(Vectors.vectorDir().resolve("secagg_transcript_test.json"));
    JsonNode test = transcripts.get("testGroups").get(0).get("tests").get(0);
    byte[] config = ConfigCodec.encode(TranscriptConfigs.parse(test.get("config")));
    byte[] token = new byte[32];
    Arrays.fill(token, (byte) 7);
    client.add(ClientEnvelope.newBuilder().setHello(Hello.newBuilder().setVersion(1).setParticipantId(2)).build().toByteArray());
    client.add(ClientEnvelope.newBuilder().setHello(Hello.newBuilder().setVersion(1).setParticipantId(2)
        .setResumeToken(ByteString.copyFrom(token)).setLastReceived(3)).setAck(3).build().toByteArray());
    server.add(ServerEnvelope.newBuilder().setWelcome(Welcome.newBuilder().setVersion(1)
        .setRoundId(ByteString.copyFrom(new byte[16])).setGroup(0).setGroupCount(1).setClientId(2)
        .setConfig(ByteString.copyFrom(config)).setResumeToken(ByteString.copyFrom(token))).build().toByteArray());
    long[] seq = new long[2];
    for (JsonNode op : test.get("operations")) {
      if (!op.has("frame") || !op.get("client").asText().equals("2")) {
        continue;
      }
      boolean toClient = op.get("op").asText().equals("serverToClient");
      int d = toClient ? 0 : 1;
      Frame f = Frame.newBuilder().setSeq(++seq[d]).setPayload(ByteString.copyFrom(hex.parseHex(op.get("frame").asText()))).build();
      if (toClient) {
        server.add(ServerEnvelope.newBuilder().setFrame(f).setAck(seq[1]).build().toByteArray());
      } else {
        client.add(ClientEnvelope.newBuilder().setFrame(f).setAck(seq[0]).build().toByteArray());
      }
    }
    List<String> problems = new ArrayList<>(FuzzCorpus.check(EnvelopeFuzzTest.class, "clientEnvelopes", client));
    problems.addAll(FuzzCorpus.check(EnvelopeFuzzTest.class, "serverEnvelopes", server));
    assertEquals(List.of(), problems);
  }
}
