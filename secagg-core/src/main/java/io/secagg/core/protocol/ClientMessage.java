package io.secagg.core.protocol;

/**
 * A message from one client to the server, in the library's own immutable form (the wire form
 * is produced by {@code io.secagg.core.wire.WireCodec}).
 *
 * <p>Constructors copy their arguments and check only that nothing is null: every semantic rule
 * is checked by the server machine.
 */
public sealed interface ClientMessage
    permits AdvertiseKeys,
        ShareKeys,
        MaskedInput,
        ConsistencyCheckResponse,
        UnmaskingResponse,
        ClientAbort {
  /** The round this message answers, or {@code null} for {@link ClientAbort}. */
  Round round();
}
