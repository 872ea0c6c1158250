package io.secagg.core.protocol;

/**
 * A message from the server to one client, in the library's own immutable form (the wire form
 * is produced by {@code io.secagg.core.wire.WireCodec}).
 *
 * <p>Constructors copy their arguments and check only that nothing is null: every semantic rule
 * (lengths, ranges, ordering, membership) is checked by the receiving machine, so that tests and
 * alternative codecs can hand a machine any message a hostile peer could produce.
 */
public sealed interface ServerMessage
    permits AdvertiseKeysRequest,
        ShareKeysRequest,
        MaskedInputRequest,
        ConsistencyCheckRequest,
        UnmaskingRequest,
        ServerAbort {
  /** The round this message opens, or {@code null} for {@link ServerAbort}. */
  Round round();
}
