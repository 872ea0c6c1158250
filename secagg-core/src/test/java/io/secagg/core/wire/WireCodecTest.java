package io.secagg.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AdvertiseKeys;
import io.secagg.core.protocol.AdvertiseKeysRequest;
import io.secagg.core.protocol.AdvertisedKeys;
import io.secagg.core.protocol.ClientAbort;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.ConsistencyCheckRequest;
import io.secagg.core.protocol.ConsistencyCheckResponse;
import io.secagg.core.protocol.EncryptedShares;
import io.secagg.core.protocol.MaskedInput;
import io.secagg.core.protocol.MaskedInputRequest;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.ServerAbort;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.ShareKeys;
import io.secagg.core.protocol.ShareKeysRequest;
import io.secagg.core.protocol.SurvivorSignature;
import io.secagg.core.protocol.UnmaskingRequest;
import io.secagg.core.protocol.UnmaskingResponse;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
  static final int CT = Derivations.SHARE_CIPHERTEXT_LENGTH;

  static SecAggConfig config(SecurityMode mode) {
    SecAggConfig.Builder b =
        SecAggConfig.builder().clientCount(5).threshold(3).vectorLength(10)
            .modulus(Modulus.powerOfTwo(20)).completeGraph().securityMode(mode);
    if (mode == SecurityMode.MALICIOUS) {
      List<byte[]> keys = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        keys.add(filled(32, i + 1));
      }
      b.identityKeys(keys);
    }
    return b.build();
  }

  static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  static final WireCodec SEMI = WireCodec.forConfig(config(SecurityMode.SEMI_HONEST));
  static final WireCodec MAL = WireCodec.forConfig(config(SecurityMode.MALICIOUS));

  static List<ServerMessage> serverMessages(boolean malicious) {
    byte[] sig = malicious ? filled(64, 9) : new byte[0];
    return List.of(
        new AdvertiseKeysRequest(filled(32, 7)),
        new ShareKeysRequest(List.of(
            new AdvertisedKeys(1, filled(32, 1), filled(32, 2), sig),
            new AdvertisedKeys(5, filled(32, 3), filled(32, 4), sig))),
        new MaskedInputRequest(List.of(new EncryptedShares(2, filled(CT, 5)), new EncryptedShares(4, filled(CT, 6)))),
        new MaskedInputRequest(List.of()),
        new ConsistencyCheckRequest(List.of(1, 2, 3, 5)),
        new UnmaskingRequest(List.of(2, 3), List.of(4), malicious
            ? List.of(new SurvivorSignature(2, filled(64, 1)), new SurvivorSignature(3, filled(64, 2)))
            : List.of()),
        new ServerAbort(AbortReason.TOO_FEW_SURVIVORS),
        new ServerAbort(AbortReason.CANCELLED));
  }

  static List<ClientMessage> clientMessages(boolean malicious) {
    return List.of(
        new AdvertiseKeys(filled(32, 1), filled(32, 2), malicious ? filled(64, 3) : new byte[0]),
        new ShareKeys(
            List.of(new EncryptedShares(1, filled(CT, 1)), new EncryptedShares(3, filled(CT, 2))), filled(32, 8)),
        new MaskedInput(filled(30, 0x0f)),
        new ConsistencyCheckResponse(filled(64, 4)),
        new UnmaskingResponse(List.of(filled(42, 1), filled(42, 2)), List.of(filled(42, 3))),
        new UnmaskingResponse(List.of(), List.of()),
        new ClientAbort(AbortReason.CANCELLED));
  }

  @Test
  void everyMessageRoundTrips() throws WireFormatException {
    for (boolean malicious : new boolean[] {false, true}) {
      WireCodec codec = malicious ? MAL : SEMI;
      for (ServerMessage m : serverMessages(malicious)) {
        byte[] frame = codec.encode(m);
        assertTrue(frame.length <= codec.maxServerFrameLength(), m::toString);
        assertEquals(m, codec.decodeServerMessage(frame));
      }
      for (ClientMessage m : clientMessages(malicious)) {
        byte[] frame = codec.encode(m);
        assertTrue(frame.length <= codec.maxClientFrameLength(), m::toString);
        assertEquals(m, codec.decodeClientMessage(frame));
      }
    }
  }

  @Test
  void theMaskedInputIsItsPackedVectorVerbatim() throws WireFormatException {
    byte[] packed = new byte[30];
    for (int i = 0; i < packed.length; i++) {
      packed[i] = (byte) i;
    }
    byte[] frame = SEMI.encode(new MaskedInput(packed));
    // version 1, field 4 (length-delimited) holding field 1 (the 30 bytes): no per-element varints.
    byte[] expected = new byte[frame.length];
    byte[] head = {0x08, 0x01, 0x22, 32, 0x0a, 30};
    System.arraycopy(head, 0, expected, 0, head.length);
    System.arraycopy(packed, 0, expected, head.length, packed.length);
    assertArrayEquals(expected, frame);
  }

  private static void rejectsServer(byte[] frame) {
    assertThrows(WireFormatException.class, () -> SEMI.decodeServerMessage(frame));
  }

  private static void rejectsClient(WireCodec codec, byte[] frame) {
    assertThrows(WireFormatException.class, () -> codec.decodeClientMessage(frame));
  }

  private static byte[] concat(byte[] a, byte... b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void rejectsEmptyAndGarbageFrames() {
    rejectsServer(new byte[0]);
    rejectsServer(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
    rejectsClient(SEMI, new byte[] {0x08});
    rejectsClient(SEMI, new byte[] {0x08, 0x01}); // a version and no message
  }

  @Test
  void rejectsTrailingBytesAndUnknownFields() {
    byte[] frame = SEMI.encode(new AdvertiseKeysRequest(filled(32, 1)));
    rejectsServer(concat(frame, (byte) 0));
    rejectsServer(concat(frame, (byte) 0xa0, (byte) 0x01, (byte) 0x01)); // field 20 = 1
    byte[] client = SEMI.encode(new ConsistencyCheckResponse(filled(64, 1)));
    rejectsClient(SEMI, concat(client, (byte) 0x10, (byte) 0x01)); // a second oneof body
  }

  @Test
  void rejectsNonCanonicalEncodings() {
    // The same message with the version field repeated: protobuf would accept it.
    byte[] frame = SEMI.encode(new ServerAbort(AbortReason.CANCELLED));
    rejectsServer(concat(new byte[] {0x08, 0x01}, frame));
    // A version varint padded to two bytes.
    byte[] padded = concat(new byte[] {0x08, (byte) 0x81, 0x00}, Arrays.copyOfRange(frame, 2, frame.length));
    rejectsServer(padded);
  }

  @Test
  void rejectsUnknownVersions() {
    for (int version : new int[] {0, 2, -1}) {
      byte[] frame =
          io.secagg.core.wire.internal.proto.ServerToClient.newBuilder()
              .setVersion(version)
              .setAbort(io.secagg.core.wire.internal.proto.AbortNotice.newBuilder().setReason(2))
              .build().toByteArray();
      rejectsServer(frame);
    }
  }

  @Test
  void rejectsUnknownAbortCodes() {
    byte[] frame =
        io.secagg.core.wire.internal.proto.ClientToServer.newBuilder()
            .setVersion(1)
            .setAbort(io.secagg.core.wire.internal.proto.AbortNotice.newBuilder().setReason(999))
            .build().toByteArray();
    rejectsClient(SEMI, frame);
  }

  @Test
  void rejectsAbortCodesThatAreNeverSent() {
    for (AbortReason r : new AbortReason[] {AbortReason.UNKNOWN, AbortReason.PEER_ABORTED}) {
      byte[] client =
          io.secagg.core.wire.internal.proto.ClientToServer.newBuilder()
              .setVersion(1)
              .setAbort(io.secagg.core.wire.internal.proto.AbortNotice.newBuilder().setReason(r.code()))
              .build().toByteArray();
      WireFormatException e = assertThrows(WireFormatException.class, () -> SEMI.decodeClientMessage(client));
      assertTrue(e.getMessage().contains("never sent"), e.getMessage());
      byte[] server =
          io.secagg.core.wire.internal.proto.ServerToClient.newBuilder()
              .setVersion(1)
              .setAbort(io.secagg.core.wire.internal.proto.AbortNotice.newBuilder().setReason(r.code()))
              .build().toByteArray();
      rejectsServer(server);
      assertThrows(IllegalArgumentException.class, () -> new ClientAbort(r));
      assertThrows(IllegalArgumentException.class, () -> new ServerAbort(r));
    }
  }

  @Test
  void countsListEntriesBeforeTheParserBuildsThem() {
    // n = 5: six empty key entries (0a 00 each) exceed the key list's bound of 5 and are
    // rejected by the pre-parse walk, which names the list, not by a later check.
    byte[] body = new byte[12];
    for (int i = 0; i < 6; i++) {
      body[2 * i] = 0x0a;
    }
    byte[] frame = concat(new byte[] {0x08, 0x01, 0x1a, 12}, body);
    WireFormatException e = assertThrows(WireFormatException.class, () -> SEMI.decodeServerMessage(frame));
    assertTrue(e.getMessage().contains("keys list has more than 5 entries"), e.getMessage());
    // Packed ids are counted as varints: six one-byte survivors where n = 5.
    byte[] ids = concat(new byte[] {0x08, 0x01, 0x2a, 8, 0x0a, 6}, new byte[] {1, 2, 3, 4, 5, 5});
    e = assertThrows(WireFormatException.class, () -> SEMI.decodeServerMessage(ids));
    assertTrue(e.getMessage().contains("survivors list has more than 5 entries"), e.getMessage());
  }

  @Test
  void rejectsSingularFieldsRepeatedInsideAListEntry() {
    // One EncryptedShares entry whose peer_id appears twice (protobuf would keep the last).
    byte[] entry = {0x08, 0x01, 0x08, 0x02};
    byte[] frame = concat(new byte[] {0x08, 0x01, 0x1a, 6, 0x0a, 4}, entry);
    WireFormatException e = assertThrows(WireFormatException.class, () -> SEMI.decodeClientMessage(frame));
    assertTrue(e.getMessage().contains("repeats field peer_id"), e.getMessage());
  }

  @Test
  void rejectsFieldsOfTheWrongLength() {
    rejectsServer(SEMI.encode(new AdvertiseKeysRequest(filled(31, 1))));
    rejectsClient(SEMI, SEMI.encode(new AdvertiseKeys(filled(32, 1), filled(33, 2), new byte[0])));
    rejectsClient(SEMI, SEMI.encode(new MaskedInput(filled(29, 1))));
    rejectsClient(SEMI, SEMI.encode(new MaskedInput(filled(31, 1))));
    rejectsClient(SEMI, SEMI.encode(new ShareKeys(List.of(new EncryptedShares(1, filled(CT - 1, 1))), filled(32, 1))));
    rejectsClient(SEMI, SEMI.encode(new ShareKeys(List.of(new EncryptedShares(1, filled(CT, 1))), filled(31, 1))));
    rejectsClient(SEMI, SEMI.encode(new ShareKeys(List.of(new EncryptedShares(1, filled(CT, 1))), new byte[0])));
    rejectsClient(SEMI, SEMI.encode(new UnmaskingResponse(List.of(filled(41, 1)), List.of())));
    rejectsClient(SEMI, SEMI.encode(new ConsistencyCheckResponse(filled(63, 1))));
  }

  @Test
  void signaturesMustMatchTheSecurityMode() {
    rejectsClient(SEMI, SEMI.encode(new AdvertiseKeys(filled(32, 1), filled(32, 2), filled(64, 3))));
    rejectsClient(MAL, MAL.encode(new AdvertiseKeys(filled(32, 1), filled(32, 2), new byte[0])));
    assertThrows(
        WireFormatException.class,
        () -> SEMI.decodeServerMessage(SEMI.encode(
            new UnmaskingRequest(List.of(2), List.of(), List.of(new SurvivorSignature(2, filled(64, 1)))))));
  }

  @Test
  void rejectsIdsOutsideTheSession() {
    rejectsServer(SEMI.encode(new ConsistencyCheckRequest(List.of(1, 6))));
    rejectsServer(SEMI.encode(new ConsistencyCheckRequest(List.of(0, 1))));
    rejectsClient(SEMI, SEMI.encode(new ShareKeys(List.of(new EncryptedShares(6, filled(CT, 1))), filled(32, 1))));
    byte[] huge =
        io.secagg.core.wire.internal.proto.ServerToClient.newBuilder()
            .setVersion(1)
            .setConsistencyCheckRequest(
                io.secagg.core.wire.internal.proto.ConsistencyCheckRequest.newBuilder().addSurvivors(-1))
            .build().toByteArray();
    rejectsServer(huge);
  }

  @Test
  void rejectsListsLongerThanTheConfigurationAllows() {
    rejectsServer(SEMI.encode(new ConsistencyCheckRequest(List.of(1, 2, 3, 4, 5, 5))));
    List<EncryptedShares> five = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      five.add(new EncryptedShares(i, filled(CT, i)));
    }
    rejectsClient(SEMI, SEMI.encode(new ShareKeys(five, filled(32, 1))));
  }

  @Test
  void rejectsFramesLongerThanTheSessionsLimitBeforeParsing() {
    byte[] big = new byte[SEMI.maxClientFrameLength() + 1];
    WireFormatException e = assertThrows(WireFormatException.class, () -> SEMI.decodeClientMessage(big));
    assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    byte[] bigServer = new byte[SEMI.maxServerFrameLength() + 1];
    assertThrows(WireFormatException.class, () -> SEMI.decodeServerMessage(bigServer));
  }

  @Test
  void aLengthPrefixOfTenBytesAbove2To63IsRejected() {
    // Found by the fuzzer: field 3 with a length varint of 2^63 + 1 read as a negative long.
    byte[] frame = {0x08, 0x01, 0x1a, (byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01, 0x0a, 0x00};
    WireFormatException e = assertThrows(WireFormatException.class, () -> SEMI.decodeClientMessage(frame));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void aLengthPrefixBeyondTheFrameIsRejected() {
    // Field 4 claiming 2^31 - 1 bytes in a 10-byte frame: the parser must not allocate it.
    byte[] frame = {0x08, 0x01, 0x22, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x0a, 0x00};
    rejectsClient(SEMI, frame);
    assertTrue(ByteString.copyFrom(frame).size() == 10);
  }
}
