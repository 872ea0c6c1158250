package io.secagg.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;
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
import io.secagg.core.shamir.Share;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes and strictly decodes the frames of one session (schema: {@code spec/secagg.proto};
 * rules: {@code spec/secagg.md, section 5}, "Wire encoding").
 *
 * <p>Decoding is bounded by the session's {@link SecAggConfig} before anything is allocated:
 * a frame longer than the largest valid frame of its direction for this configuration is
 * rejected unread; then a walk of the frame's bytes that allocates nothing rejects unknown
 * fields, repeated singular fields, wrong wire types and any list longer than its bound before
 * the protobuf parser builds an object, so decoding allocates at most a small constant times
 * the frame's length (about three times, plus a fixed overhead per list entry that the bounds
 * cap). After parsing, every length is checked exactly (keys 32 bytes, signatures 64 or 0 by mode, share ciphertexts and
 * shares of their fixed sizes, the masked input exactly L elements of ceil(bits(m)/8) bytes),
 * every list against n or the degree k, every id against 1..n, and the version must be 1.
 * Finally the decoded message is re-encoded and must reproduce the frame byte for byte, which
 * rejects trailing bytes, repeated or unknown fields, explicitly encoded defaults and
 * non-minimal varints; this comparison streams and allocates no second frame. Abort notices must
 * carry a code that is sent on the wire (not {@code UNKNOWN} or {@code PEER_ABORTED}). Ordering
 * and membership rules are left to the machines.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WireCodec {
  /** The only protocol version this codec speaks. */
  public static final int VERSION = 1;

  private static final int MAX_ID_VARINT = 3; // ids <= 65535
  private static final int MAX_LEN_PREFIX = 5;
  private static final int ENVELOPE = 2 + 1 + MAX_LEN_PREFIX + 16;

  private final SecAggConfig config;
  private final int n;
  private final int k;
  private final int signatureLength;
  private final int maxServerFrame;
  private final int maxClientFrame;
  private final FrameBounds serverBounds;
  private final FrameBounds clientBounds;

  private WireCodec(SecAggConfig config) {
    this.config = config;
    this.n = config.clientCount();
    this.k = config.degree();
    this.signatureLength =
        config.securityMode() == SecurityMode.MALICIOUS ? Derivations.SIGNATURE_LENGTH : 0;
    long keyEntry = field(MAX_ID_VARINT) + 2 * field(2 + 32) + field(2 + 64);
    long keyList = n * field((int) keyEntry);
    long shareEntry = field(MAX_ID_VARINT) + field(2 + Derivations.SHARE_CIPHERTEXT_LENGTH);
    long shareList = (long) k * field((int) shareEntry);
    long idList = field(n * MAX_ID_VARINT);
    long unmask = 2 * field(k * MAX_ID_VARINT) + (long) k * field(field(MAX_ID_VARINT) + field(2 + 64));
    long server = Math.max(Math.max(keyList, shareList), Math.max(idList, unmask));
    long vector = field(config.encodedVectorLength()) + MAX_LEN_PREFIX;
    long unmaskResponse = 2L * k * field(2 + Share.ENCODED_LENGTH);
    long shareKeys = shareList + field(Derivations.COMMITMENT_LENGTH);
    long client = Math.max(Math.max(shareKeys, vector), Math.max(unmaskResponse, 3 * field(2 + 64)));
    this.maxServerFrame = (int) Math.min(Integer.MAX_VALUE - 64, ENVELOPE + Math.max(server, 64));
    this.maxClientFrame = (int) Math.min(Integer.MAX_VALUE - 64, ENVELOPE + Math.max(client, 256));
    int signatures = signatureLength == 0 ? 0 : k;
    this.serverBounds =
        new FrameBounds(
            io.secagg.core.wire.internal.proto.ServerToClient.getDescriptor(),
            Map.of(
                "secagg.v1.ShareKeysRequest.keys", n,
                "secagg.v1.MaskedInputRequest.shares", k,
                "secagg.v1.ConsistencyCheckRequest.survivors", n,
                "secagg.v1.UnmaskingRequest.alive", k,
                "secagg.v1.UnmaskingRequest.dropped", k,
                "secagg.v1.UnmaskingRequest.signatures", signatures));
    this.clientBounds =
        new FrameBounds(
            io.secagg.core.wire.internal.proto.ClientToServer.getDescriptor(),
            Map.of(
                "secagg.v1.ShareKeys.shares", k,
                "secagg.v1.UnmaskingResponse.self_mask_shares", k,
                "secagg.v1.UnmaskingResponse.key_shares", k));
  }

  /** Upper bound of one length-delimited field: tag, length prefix, content. */
  private static long field(long contentLength) {
    return 1 + MAX_LEN_PREFIX + contentLength;
  }

  private static int field(int contentLength) {
    return (int) Math.min(Integer.MAX_VALUE, field((long) contentLength));
  }

  /**
   * The codec of a session.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static WireCodec forConfig(SecAggConfig config) {
    return new WireCodec(Objects.requireNonNull(config, "config"));
  }

  /** The configuration the codec checks against. */
  public SecAggConfig config() {
    return config;
  }

  /** The longest server-to-client frame {@link #decodeServerMessage} reads for this session. */
  public int maxServerFrameLength() {
    return maxServerFrame;
  }

  /** The longest client-to-server frame {@link #decodeClientMessage} reads for this session. */
  public int maxClientFrameLength() {
    return maxClientFrame;
  }

  // ---------------------------------------------------------------- encoding

  /**
   * The canonical frame of a server message.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public byte[] encode(ServerMessage message) {
    return toProto(Objects.requireNonNull(message, "message")).toByteArray();
  }

  /**
   * The canonical frame of a client message.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public byte[] encode(ClientMessage message) {
    return toProto(Objects.requireNonNull(message, "message")).toByteArray();
  }

  private static io.secagg.core.wire.internal.proto.ServerToClient toProto(ServerMessage m) {
    var b = io.secagg.core.wire.internal.proto.ServerToClient.newBuilder().setVersion(VERSION);
    if (m instanceof AdvertiseKeysRequest) {
      b.setAdvertiseKeysRequest(
          io.secagg.core.wire.internal.proto.AdvertiseKeysRequest.newBuilder()
              .setServerNonce(bytes(((AdvertiseKeysRequest) m).serverNonce())));
    } else if (m instanceof ShareKeysRequest) {
      var r = io.secagg.core.wire.internal.proto.ShareKeysRequest.newBuilder();
      for (AdvertisedKeys k : ((ShareKeysRequest) m).keys()) {
        r.addKeys(
            io.secagg.core.wire.internal.proto.AdvertisedKeys.newBuilder()
                .setClientId(k.clientId())
                .setEncryptionPublicKey(bytes(k.encryptionPublicKey()))
                .setMaskingPublicKey(bytes(k.maskingPublicKey()))
                .setSignature(bytes(k.signature())));
      }
      b.setShareKeysRequest(r);
    } else if (m instanceof MaskedInputRequest) {
      var r = io.secagg.core.wire.internal.proto.MaskedInputRequest.newBuilder();
      for (EncryptedShares e : ((MaskedInputRequest) m).shares()) {
        r.addShares(encrypted(e));
      }
      b.setMaskedInputRequest(r);
    } else if (m instanceof ConsistencyCheckRequest) {
      b.setConsistencyCheckRequest(
          io.secagg.core.wire.internal.proto.ConsistencyCheckRequest.newBuilder()
              .addAllSurvivors(((ConsistencyCheckRequest) m).survivors()));
    } else if (m instanceof UnmaskingRequest) {
      UnmaskingRequest u = (UnmaskingRequest) m;
      var r =
          io.secagg.core.wire.internal.proto.UnmaskingRequest.newBuilder()
              .addAllAlive(u.alive())
              .addAllDropped(u.dropped());
      for (SurvivorSignature s : u.signatures()) {
        r.addSignatures(
            io.secagg.core.wire.internal.proto.SurvivorSignature.newBuilder()
                .setClientId(s.clientId())
                .setSignature(bytes(s.signature())));
      }
      b.setUnmaskingRequest(r);
    } else {
      b.setAbort(abort(((ServerAbort) m).reason()));
    }
    return b.build();
  }

  private static io.secagg.core.wire.internal.proto.ClientToServer toProto(ClientMessage m) {
    var b = io.secagg.core.wire.internal.proto.ClientToServer.newBuilder().setVersion(VERSION);
    if (m instanceof AdvertiseKeys) {
      AdvertiseKeys a = (AdvertiseKeys) m;
      b.setAdvertiseKeys(
          io.secagg.core.wire.internal.proto.AdvertiseKeys.newBuilder()
              .setEncryptionPublicKey(bytes(a.encryptionPublicKey()))
              .setMaskingPublicKey(bytes(a.maskingPublicKey()))
              .setSignature(bytes(a.signature())));
    } else if (m instanceof ShareKeys) {
      var r = io.secagg.core.wire.internal.proto.ShareKeys.newBuilder();
      for (EncryptedShares e : ((ShareKeys) m).shares()) {
        r.addShares(encrypted(e));
      }
      r.setSelfMaskCommitment(bytes(((ShareKeys) m).selfMaskCommitment()));
      b.setShareKeys(r);
    } else if (m instanceof MaskedInput) {
      b.setMaskedInput(
          io.secagg.core.wire.internal.proto.MaskedInput.newBuilder()
              .setVector(UnsafeByteOperations.unsafeWrap(((MaskedInput) m).vectorBytes())));
    } else if (m instanceof ConsistencyCheckResponse) {
      b.setConsistencyCheckResponse(
          io.secagg.core.wire.internal.proto.ConsistencyCheckResponse.newBuilder()
              .setSignature(bytes(((ConsistencyCheckResponse) m).signature())));
    } else if (m instanceof UnmaskingResponse) {
      UnmaskingResponse u = (UnmaskingResponse) m;
      var r = io.secagg.core.wire.internal.proto.UnmaskingResponse.newBuilder();
      for (int i = 0; i < u.selfMaskShareCount(); i++) {
        r.addSelfMaskShares(bytes(u.selfMaskShare(i)));
      }
      for (int i = 0; i < u.keyShareCount(); i++) {
        r.addKeyShares(bytes(u.keyShare(i)));
      }
      b.setUnmaskingResponse(r);
    } else {
      b.setAbort(abort(((ClientAbort) m).reason()));
    }
    return b.build();
  }

  private static io.secagg.core.wire.internal.proto.EncryptedShares encrypted(EncryptedShares e) {
    return io.secagg.core.wire.internal.proto.EncryptedShares.newBuilder()
        .setPeerId(e.peerId())
        .setCiphertext(bytes(e.ciphertext()))
        .build();
  }

  private static io.secagg.core.wire.internal.proto.AbortNotice abort(AbortReason reason) {
    return io.secagg.core.wire.internal.proto.AbortNotice.newBuilder().setReason(reason.code()).build();
  }

  /**
   * Wraps without copying: every array passed here is a fresh copy from a message accessor, and
   * a proto built from it is serialized and dropped at once.
   */
  private static ByteString bytes(byte[] b) {
    return UnsafeByteOperations.unsafeWrap(b);
  }

  // ---------------------------------------------------------------- decoding

  /**
   * Decodes a frame the server sent.
   *
   * @throws NullPointerException if {@code frame} is null
   * @throws WireFormatException if the frame is not a canonical, well-formed server message
   *     for this session (see the class description)
   */
  public ServerMessage decodeServerMessage(byte[] frame) throws WireFormatException {
    ServerMessage m = fromProto(parse(frame, "server", maxServerFrame, serverBounds,
        io.secagg.core.wire.internal.proto.ServerToClient.parser()));
    requireCanonical(toProto(m), frame, "server");
    return m;
  }

  /**
   * Decodes a frame a client sent.
   *
   * @throws NullPointerException if {@code frame} is null
   * @throws WireFormatException if the frame is not a canonical, well-formed client message
   *     for this session (see the class description)
   */
  public ClientMessage decodeClientMessage(byte[] frame) throws WireFormatException {
    ClientMessage m = fromProto(parse(frame, "client", maxClientFrame, clientBounds,
        io.secagg.core.wire.internal.proto.ClientToServer.parser()));
    requireCanonical(toProto(m), frame, "client");
    return m;
  }

  /**
   * The first half of decoding, the same for both directions: bounds before parsing (so a
   * hostile length costs nothing), then the protobuf parse. The version is checked by {@code
   * fromProto}.
   */
  private static <P> P parse(byte[] frame, String side, int maxFrame, FrameBounds bounds, Parser<P> parser)
      throws WireFormatException {
    Objects.requireNonNull(frame, "frame");
    checkLength(frame, maxFrame, side);
    bounds.check(frame, side);
    try {
      return parser.parseFrom(aliasing(frame));
    } catch (IOException e) {
      throw new WireFormatException(side + " frame is not valid protobuf", e);
    }
  }

  /** The last half: only the canonical encoding of a message is accepted. */
  private static void requireCanonical(MessageLite decoded, byte[] frame, String side)
      throws WireFormatException {
    if (!encodesTo(decoded, frame)) {
      throw new WireFormatException(side + " frame is not in canonical form");
    }
  }

  /**
   * A parser input whose {@code bytes} fields share the frame's array instead of copying it: the
   * proto is read once by {@code fromProto}, which copies what it keeps, and then dropped.
   */
  private static CodedInputStream aliasing(byte[] frame) {
    CodedInputStream in = CodedInputStream.newInstance(frame);
    in.enableAliasing(true);
    return in;
  }

  /** Whether {@code message} serializes to exactly {@code frame}, compared as it streams out. */
  private static boolean encodesTo(MessageLite message, byte[] frame) {
    if (message.getSerializedSize() != frame.length) {
      return false;
    }
    ComparingStream cmp = new ComparingStream(frame);
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(cmp, 4096);
      message.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory comparison failed", e);
    }
    return cmp.matches();
  }

  /** An output stream that compares what is written with an expected array. */
  private static final class ComparingStream extends OutputStream {
    private final byte[] expected;
    private int pos;
    private boolean equal = true;

    ComparingStream(byte[] expected) {
      this.expected = expected;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (len > expected.length - pos) {
        equal = false;
        pos = expected.length;
        return;
      }
      for (int i = 0; i < len; i++) {
        // No early exit: frames are public, but a uniform loop costs nothing here.
        equal &= expected[pos + i] == b[off + i];
      }
      pos += len;
    }

    boolean matches() {
      return equal && pos == expected.length;
    }
  }

  private static void checkLength(byte[] frame, int max, String side) throws WireFormatException {
    if (frame.length == 0) {
      throw new WireFormatException(side + " frame is empty");
    }
    if (frame.length > max) {
      throw new WireFormatException(
          side + " frame of " + frame.length + " bytes exceeds this session's limit of " + max);
    }
  }

  private static void checkVersion(int version) throws WireFormatException {
    if (version != VERSION) {
      throw new WireFormatException(
          "unsupported protocol version " + Integer.toUnsignedString(version) + "; this codec speaks "
              + VERSION);
    }
  }

  private ServerMessage fromProto(io.secagg.core.wire.internal.proto.ServerToClient p)
      throws WireFormatException {
    checkVersion(p.getVersion());
    switch (p.getBodyCase()) {
      case ADVERTISE_KEYS_REQUEST:
        return new AdvertiseKeysRequest(
            exact(p.getAdvertiseKeysRequest().getServerNonce(), Derivations.NONCE_LENGTH, "server nonce"));
      case SHARE_KEYS_REQUEST: {
        var r = p.getShareKeysRequest();
        atMost(r.getKeysCount(), n, "key list");
        List<AdvertisedKeys> keys = new ArrayList<>(r.getKeysCount());
        for (var k : r.getKeysList()) {
          keys.add(
              new AdvertisedKeys(
                  id(k.getClientId()),
                  exact(k.getEncryptionPublicKey(), Derivations.PUBLIC_KEY_LENGTH, "encryption key"),
                  exact(k.getMaskingPublicKey(), Derivations.PUBLIC_KEY_LENGTH, "masking key"),
                  exact(k.getSignature(), signatureLength, "signature")));
        }
        return new ShareKeysRequest(keys);
      }
      case MASKED_INPUT_REQUEST: {
        var r = p.getMaskedInputRequest();
        atMost(r.getSharesCount(), k, "ciphertext list");
        return new MaskedInputRequest(encryptedList(r.getSharesList()));
      }
      case CONSISTENCY_CHECK_REQUEST: {
        var r = p.getConsistencyCheckRequest();
        atMost(r.getSurvivorsCount(), n, "survivor set");
        return new ConsistencyCheckRequest(ids(r.getSurvivorsList()));
      }
      case UNMASKING_REQUEST: {
        var r = p.getUnmaskingRequest();
        atMost(r.getAliveCount(), k, "alive list");
        atMost(r.getDroppedCount(), k, "dropped list");
        atMost(r.getSignaturesCount(), signatureLength == 0 ? 0 : k, "signature list");
        List<SurvivorSignature> sigs = new ArrayList<>(r.getSignaturesCount());
        for (var s : r.getSignaturesList()) {
          sigs.add(new SurvivorSignature(id(s.getClientId()), exact(s.getSignature(), 64, "signature")));
        }
        return new UnmaskingRequest(ids(r.getAliveList()), ids(r.getDroppedList()), sigs);
      }
      case ABORT:
        return new ServerAbort(reason(p.getAbort().getReason()));
      default:
        throw new WireFormatException("server frame carries no message");
    }
  }

  private ClientMessage fromProto(io.secagg.core.wire.internal.proto.ClientToServer p)
      throws WireFormatException {
    checkVersion(p.getVersion());
    switch (p.getBodyCase()) {
      case ADVERTISE_KEYS: {
        var a = p.getAdvertiseKeys();
        return new AdvertiseKeys(
            exact(a.getEncryptionPublicKey(), Derivations.PUBLIC_KEY_LENGTH, "encryption key"),
            exact(a.getMaskingPublicKey(), Derivations.PUBLIC_KEY_LENGTH, "masking key"),
            exact(a.getSignature(), signatureLength, "signature"));
      }
      case SHARE_KEYS: {
        var r = p.getShareKeys();
        atMost(r.getSharesCount(), k, "ciphertext list");
        return new ShareKeys(
            encryptedList(r.getSharesList()),
            exact(r.getSelfMaskCommitment(), Derivations.COMMITMENT_LENGTH, "self-mask commitment"));
      }
      case MASKED_INPUT:
        return new MaskedInput(
            exact(p.getMaskedInput().getVector(), config.encodedVectorLength(), "masked input"));
      case CONSISTENCY_CHECK_RESPONSE:
        return new ConsistencyCheckResponse(
            exact(p.getConsistencyCheckResponse().getSignature(), 64, "signature"));
      case UNMASKING_RESPONSE: {
        var r = p.getUnmaskingResponse();
        atMost(r.getSelfMaskSharesCount(), k, "self-mask share list");
        atMost(r.getKeySharesCount(), k, "key share list");
        List<byte[]> self = new ArrayList<>(r.getSelfMaskSharesCount());
        for (ByteString s : r.getSelfMaskSharesList()) {
          self.add(exact(s, Share.ENCODED_LENGTH, "share"));
        }
        List<byte[]> key = new ArrayList<>(r.getKeySharesCount());
        for (ByteString s : r.getKeySharesList()) {
          key.add(exact(s, Share.ENCODED_LENGTH, "share"));
        }
        return new UnmaskingResponse(self, key);
      }
      case ABORT:
        return new ClientAbort(reason(p.getAbort().getReason()));
      default:
        throw new WireFormatException("client frame carries no message");
    }
  }

  private List<EncryptedShares> encryptedList(List<io.secagg.core.wire.internal.proto.EncryptedShares> in)
      throws WireFormatException {
    List<EncryptedShares> out = new ArrayList<>(in.size());
    for (var e : in) {
      out.add(
          new EncryptedShares(
              id(e.getPeerId()),
              exact(e.getCiphertext(), Derivations.SHARE_CIPHERTEXT_LENGTH, "share ciphertext")));
    }
    return out;
  }

  private List<Integer> ids(List<Integer> in) throws WireFormatException {
    List<Integer> out = new ArrayList<>(in.size());
    for (int v : in) {
      out.add(id(v));
    }
    return out;
  }

  private int id(int v) throws WireFormatException {
    if (v < 1 || v > n) {
      throw new WireFormatException("client id " + Integer.toUnsignedString(v) + " is outside 1.." + n);
    }
    return v;
  }

  private static void atMost(int count, int max, String what) throws WireFormatException {
    if (count > max) {
      throw new WireFormatException(what + " has " + count + " entries; at most " + max + " allowed");
    }
  }

  private static byte[] exact(ByteString b, int length, String what) throws WireFormatException {
    if (b.size() != length) {
      throw new WireFormatException(what + " has " + b.size() + " bytes, expected " + length);
    }
    return b.toByteArray();
  }

  /**
   * The reason of an abort notice. {@code UNKNOWN} and {@code PEER_ABORTED} exist only locally
   * (spec section 5.11: "never sent"), so a notice carrying one is malformed.
   */
  private static AbortReason reason(int code) throws WireFormatException {
    AbortReason r = AbortReason.fromCode(code);
    if (r.code() != code) {
      throw new WireFormatException("unknown abort reason code " + Integer.toUnsignedString(code));
    }
    if (!r.isSentOnTheWire()) {
      throw new WireFormatException("abort reason " + r + " is never sent on the wire");
    }
    return r;
  }

  @Override
  public String toString() {
    return "WireCodec[" + config + "]";
  }
}
