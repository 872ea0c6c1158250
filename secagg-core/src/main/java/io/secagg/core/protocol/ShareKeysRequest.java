package io.secagg.core.protocol;

import java.util.List;
import java.util.Objects;

/** Round 1, server to every client in U1: every accepted key advertisement. */
public final class ShareKeysRequest implements ServerMessage {
  private final List<AdvertisedKeys> keys;

  /**
   * @param keys the relayed advertisements; honest servers list them by ascending client id
   * @throws NullPointerException if the list or an element is null
   */
  public ShareKeysRequest(List<AdvertisedKeys> keys) {
    this.keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
  }

  /** The relayed advertisements, unmodifiable. */
  public List<AdvertisedKeys> keys() {
    return keys;
  }

  @Override
  public Round round() {
    return Round.SHARE_KEYS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShareKeysRequest && keys.equals(((ShareKeysRequest) o).keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode();
  }

  @Override
  public String toString() {
    return "ShareKeysRequest[" + keys.size() + " clients]";
  }
}
