package io.secagg.core.session;

/**
 * The session configuration the server offered breaks a rule of the client's {@link
 * ConfigPolicy}; the client did not take part. The message names the rule and the offending
 * public parameter, never a secret.
 */
public final class ConfigRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which rule the configuration breaks
   */
  public ConfigRejectedException(String message) {
    super(message);
  }
}
