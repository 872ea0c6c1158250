package io.secagg.transport.grpc.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.MessageLite;
import com.google.protobuf.WireFormat;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.secagg.transport.grpc.InvalidEnvelopeException;
import io.secagg.transport.grpc.internal.proto.ClientEnvelope;
import io.secagg.transport.grpc.internal.proto.ServerEnvelope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Strict, bounded decoding of the session envelopes. gRPC has already capped a message at the
 * call's inbound limit; before protobuf-java builds anything, the bytes are walked against the
 * schema, which rejects unknown fields (protobuf-java would keep each in an object of its own:
 * a small envelope of two-byte unknown fields costs tens of bytes of heap per byte), a field
 * present twice, both members of a oneof, a wrong wire type and a length running past its
 * message. The walk allocates nothing per field; the parse that follows aliases the input.
 */
public final class EnvelopeCodec {
  private static final int MAX_DEPTH = 4;

  private EnvelopeCodec() {}

  /**
   * Decodes a client's envelope.
   *
   * @throws InvalidEnvelopeException if the bytes are not a well-formed envelope
   */
  public static ClientEnvelope parseClient(byte[] bytes) throws InvalidEnvelopeException {
    check(bytes, ClientEnvelope.getDescriptor());
    try {
      return ClientEnvelope.parseFrom(aliasing(bytes));
    } catch (IOException e) {
      throw new InvalidEnvelopeException("client envelope is not valid protobuf");
    }
  }

  /**
   * Decodes the server's envelope.
   *
   * @throws InvalidEnvelopeException if the bytes are not a well-formed envelope
   */
  public static ServerEnvelope parseServer(byte[] bytes) throws InvalidEnvelopeException {
    check(bytes, ServerEnvelope.getDescriptor());
    try {
      return ServerEnvelope.parseFrom(aliasing(bytes));
    } catch (IOException e) {
      throw new InvalidEnvelopeException("server envelope is not valid protobuf");
    }
  }

  /** The marshaller of client envelopes: decoding failures close the call as INVALID_ARGUMENT. */
  static MethodDescriptor.Marshaller<ClientEnvelope> clientMarshaller() {
    return new Strict<>(EnvelopeCodec::parseClient);
  }

  /** The marshaller of server envelopes: decoding failures close the call as INVALID_ARGUMENT. */
  static MethodDescriptor.Marshaller<ServerEnvelope> serverMarshaller() {
    return new Strict<>(EnvelopeCodec::parseServer);
  }

  /**
   * The {@link InvalidEnvelopeException} a failed parse left in a call's close status, or null.
   */
  public static InvalidEnvelopeException invalidEnvelope(Status status) {
    for (Throwable t = status.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidEnvelopeException) {
        return (InvalidEnvelopeException) t;
      }
    }
    return null;
  }

  private interface Parser<T> {
    T parse(byte[] bytes) throws InvalidEnvelopeException;
  }

  private static final class Strict<T extends MessageLite> implements MethodDescriptor.Marshaller<T> {
    private final Parser<T> parser;

    Strict(Parser<T> parser) {
      this.parser = parser;
    }

    @Override
    public InputStream stream(T value) {
      return new ByteArrayInputStream(value.toByteArray());
    }

    @Override
    public T parse(InputStream stream) {
      try {
        // gRPC hands over one message, already limited to the call's inbound size.
        return parser.parse(stream.readAllBytes());
      } catch (InvalidEnvelopeException e) {
        throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).withCause(e).asRuntimeException();
      } catch (IOException e) {
        throw Status.INTERNAL.withDescription("could not read a message").withCause(e).asRuntimeException();
      }
    }
  }

  private static CodedInputStream aliasing(byte[] bytes) {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    in.enableAliasing(true);
    return in;
  }

  private static void check(byte[] bytes, Descriptor d) throws InvalidEnvelopeException {
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    try {
      walk(in, d, 0);
    } catch (IOException e) {
      throw new InvalidEnvelopeException(d.getName() + " is truncated or has a malformed varint");
    }
  }

  private static void walk(CodedInputStream in, Descriptor d, int depth)
      throws IOException, InvalidEnvelopeException {
    if (depth > MAX_DEPTH) {
      throw new InvalidEnvelopeException(d.getName() + " nests too deeply");
    }
    long seen = 0;
    while (!in.isAtEnd()) {
      int tag = in.readTag();
      FieldDescriptor f = d.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
      if (f == null || f.isRepeated()) {
        throw new InvalidEnvelopeException(
            d.getName() + " has unknown field " + WireFormat.getTagFieldNumber(tag));
      }
      if ((seen & (1L << f.getIndex())) != 0) {
        throw new InvalidEnvelopeException(d.getName() + " repeats field " + f.getName());
      }
      OneofDescriptor oneof = f.getContainingOneof();
      if (oneof != null) {
        for (FieldDescriptor other : oneof.getFields()) {
          if ((seen & (1L << other.getIndex())) != 0) {
            throw new InvalidEnvelopeException(d.getName() + " has two bodies");
          }
        }
      }
      seen |= 1L << f.getIndex();
      int wireType = WireFormat.getTagWireType(tag);
      switch (f.getJavaType()) {
        case MESSAGE: {
          expect(wireType, WireFormat.WIRETYPE_LENGTH_DELIMITED, f);
          int length = in.readRawVarint32();
          if (length < 0 || length > in.getBytesUntilLimit()) {
            throw new InvalidEnvelopeException(f.getName() + " runs past its envelope");
          }
          int outer = in.pushLimit(length);
          walk(in, f.getMessageType(), depth + 1);
          in.popLimit(outer);
          break;
        }
        case BYTE_STRING:
        case STRING:
          expect(wireType, WireFormat.WIRETYPE_LENGTH_DELIMITED, f);
          in.skipField(tag); // reads the length and skips without copying
          break;
        default:
          expect(wireType, WireFormat.WIRETYPE_VARINT, f);
          in.readRawVarint64();
      }
    }
  }

  private static void expect(int wireType, int expected, FieldDescriptor f) throws InvalidEnvelopeException {
    if (wireType != expected) {
      throw new InvalidEnvelopeException(f.getName() + " has wire type " + wireType + ", expected " + expected);
    }
  }
}
