package io.secagg.transport.grpc.internal;

import io.grpc.MethodDescriptor;
import io.secagg.core.wire.ConfigCodec;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Constants of the session protocol ({@code spec/transport.md}, section 7). */
public final class SessionProtocol {
  /** The envelope version carried in Hello and Welcome. */
  public static final int VERSION = 1;
  /** The service name. */
  public static final String SERVICE = "secagg.session.v1.SecAggSession";
  /** Length of a resume token in bytes. */
  public static final int TOKEN_LENGTH = 32;
  /** Length of a round id in bytes. */
  public static final int ROUND_ID_LENGTH = 16;
  /**
   * Bytes an envelope adds around its largest field (a frame payload or a configuration): tags,
   * length prefixes, the sequence number, ack and the Welcome's fixed fields, with room to spare.
   */
  public static final int ENVELOPE_OVERHEAD = 256;
  /** The largest server message a client reads before it knows the session's configuration. */
  public static final int MAX_WELCOME_MESSAGE = ConfigCodec.MAX_LENGTH + ENVELOPE_OVERHEAD;
  /**
   * The most frames a client may submit per round: one per protocol round and an abort notice,
   * with slack; beyond it the stream is closed so that a client cannot fill the server's queue.
   */
  public static final int MAX_CLIENT_FRAMES = 16;

  /** The one method of the service. */
  public static final MethodDescriptor<ClientEnvelope, ServerEnvelope> JOIN =
      MethodDescriptor.<ClientEnvelope, ServerEnvelope>newBuilder()
          .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Join"))
          .setRequestMarshaller(EnvelopeCodec.clientMarshaller())
          .setResponseMarshaller(EnvelopeCodec.serverMarshaller())
          .build();

  /**
   * The same method as the server registers it: requests arrive as raw bytes and the server parses
   * them itself with the strict {@link EnvelopeCodec#parseClient}, so that bytes which are not a
   * {@link ClientEnvelope} close only their stream with
   * {@code INVALID_ARGUMENT} (spec/transport.md, 7.8) instead of failing inside gRPC, which would
   * answer {@code INTERNAL} and log a stack trace for every such message.
   */
  public static final MethodDescriptor<byte[], ServerEnvelope> JOIN_UNPARSED =
      JOIN.toBuilder(new RawBytes(), EnvelopeCodec.serverMarshaller()).build();

  private SessionProtocol() {}

  /** A marshaller that passes message bytes through unparsed (for raw access to the stream). */
  public static MethodDescriptor.Marshaller<byte[]> rawBytes() {
    return new RawBytes();
  }

  /** Passes message bytes through; gRPC has already bounded them by the inbound size limit. */
  private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
