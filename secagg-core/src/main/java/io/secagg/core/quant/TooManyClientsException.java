package io.secagg.core.quant;

/**
 * Thrown when a sum is said to include more clients than the configuration's n_max: the scale
 * only guarantees that sums of at most n_max clients do not wrap modulo m, so such a sum may
 * have wrapped and cannot be decoded.
 */
public final class TooManyClientsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int clientsIncluded;
  private final int maxClients;

  /**
   * @param clientsIncluded the number of clients the caller says were summed
   * @param maxClients the configured n_max
   */
  public TooManyClientsException(int clientsIncluded, int maxClients) {
    super(
        "the sum includes " + clientsIncluded + " clients but the quantizer was configured for at"
            + " most " + maxClients + "; the sum may have wrapped modulo m");
    this.clientsIncluded = clientsIncluded;
    this.maxClients = maxClients;
  }

  /** The number of clients the caller said were summed. */
  public int clientsIncluded() {
    return clientsIncluded;
  }

  /** The configured maximum n_max. */
  public int maxClients() {
    return maxClients;
  }
}
