package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Round 1, server to every client in U1: every accepted key advertisement.
 *
 * @param keys the relayed advertisements; honest servers list them by ascending client id, unmodifiable
 */
public record ShareKeysRequest(List<AdvertisedKeys> keys) implements ServerMessage {
  /**
   * @throws NullPointerException if the list or an element is null
   */
  public ShareKeysRequest {
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
  }

  @Override
  public Round round() {
    return Round.SHARE_KEYS;
  }

  @Override
  public String toString() {
    return "ShareKeysRequest[" + keys.size() + " clients]";
  }
}
