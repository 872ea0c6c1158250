package io.secagg.core.session;

import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.vector.Modulus;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * What a client accepts from a server before it takes part: checked on every configuration a
 * server offers (for example on every Welcome of the gRPC transport), so a server cannot talk a
 * client into a session too small to hide its input, or one whose threshold lets a minority of
 * the client's neighbours recover its secrets. Immutable.
 *
 * <p>{@link #defaults()}: at least 3 and at most 10,000 clients, and a majority threshold (2t
 * &gt; k, k the masking degree: {@link GraphParameters#minimumThreshold} against a malicious
 * server with no corrupted neighbour, which {@link SessionPlanner} plans with {@link
 * ThreatModel#MALICIOUS_SERVER}); any modulus, vector length, context and security mode.
 */
public final class ConfigPolicy {
  private static final ConfigPolicy DEFAULTS = builder().build();

  private final int minClients;
  private final int maxClients;
  private final boolean majority;
  private final Modulus modulus;
  private final int vectorLength;
  private final byte[] context;
  private final SecurityMode securityMode;

  private ConfigPolicy(Builder b) {
    this.minClients = b.minClients;
    this.maxClients = b.maxClients;
    this.majority = b.majority;
    this.modulus = b.modulus;
    this.vectorLength = b.vectorLength;
    this.context = b.context;
    this.securityMode = b.securityMode;
  }

  /** The default policy (see the class description). */
  public static ConfigPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a configuration offered by a server.
   *
   * @throws NullPointerException if {@code config} is null
   * @throws ConfigRejectedException naming the first rule the configuration breaks
   */
  public void check(SecAggConfig config) throws ConfigRejectedException {
    Objects.requireNonNull(config, "config");
    int n = config.clientCount();
    if (n < minClients) {
      throw new ConfigRejectedException("session has " + n + " clients; the policy needs at least " + minClients);
    }
    if (n > maxClients) {
      throw new ConfigRejectedException("session has " + n + " clients; the policy allows at most " + maxClients);
    }
    if (majority && config.threshold()
        < GraphParameters.minimumThreshold(config.degree(), 0, ThreatModel.MALICIOUS_SERVER)) {
      throw new ConfigRejectedException(
          "threshold " + config.threshold() + " is not a majority of the masking degree " + config.degree()
              + " (the policy needs 2t > k)");
    }
    if (modulus != null && !modulus.equals(config.modulus())) {
      throw new ConfigRejectedException("session modulus " + config.modulus() + " is not the expected " + modulus);
    }
    if (vectorLength != 0 && vectorLength != config.vectorLength()) {
      throw new ConfigRejectedException(
          "session vector length " + config.vectorLength() + " is not the expected " + vectorLength);
    }
    if (context != null && !MessageDigest.isEqual(context, config.context())) {
      throw new ConfigRejectedException("session context differs from the expected context");
    }
    if (securityMode != null && securityMode != config.securityMode()) {
      throw new ConfigRejectedException(
          "session security mode " + config.securityMode() + " is not the expected " + securityMode);
    }
  }

  /** The smallest accepted client count. */
  public int minClients() {
    return minClients;
  }

  /** The largest accepted client count. */
  public int maxClients() {
    return maxClients;
  }

  @Override
  public String toString() {
    return "ConfigPolicy[n=" + minClients + ".." + maxClients + ", majority=" + majority
        + (modulus != null ? ", m=" + modulus : "") + (vectorLength != 0 ? ", L=" + vectorLength : "")
        + (context != null ? ", context=" + context.length + " bytes" : "")
        + (securityMode != null ? ", mode=" + securityMode : "") + "]";
  }

  /** Builds a {@link ConfigPolicy}; setters validate at once. */
  public static final class Builder {
    private int minClients = 3;
    private int maxClients = 10_000;
    private boolean majority = true;
    private Modulus modulus;
    private int vectorLength;
    private byte[] context;
    private SecurityMode securityMode;

    private Builder() {}

    /**
     * The smallest accepted client count (default 3).
     *
     * @throws IllegalArgumentException if {@code n} is outside 3..{@link SecAggConfig#MAX_CLIENTS}
     */
    public Builder minClients(int n) {
      this.minClients = checkCount(n);
      return this;
    }

    /**
     * The largest accepted client count (default 10,000).
     *
     * @throws IllegalArgumentException if {@code n} is outside 3..{@link SecAggConfig#MAX_CLIENTS}
     */
    public Builder maxClients(int n) {
      this.maxClients = checkCount(n);
      return this;
    }

    /** Whether to require 2t &gt; k (default true). */
    public Builder requireMajorityThreshold(boolean required) {
      this.majority = required;
      return this;
    }

    /**
     * The modulus the session must use (default: any).
     *
     * @throws NullPointerException if {@code m} is null
     */
    public Builder modulus(Modulus m) {
      this.modulus = Objects.requireNonNull(m, "modulus");
      return this;
    }

    /**
     * The vector length the session must use (default: any).
     *
     * @throws IllegalArgumentException if {@code length} is outside 1..{@link
     *     SecAggConfig#MAX_VECTOR_LENGTH}
     */
    public Builder vectorLength(int length) {
      if (length < 1 || length > SecAggConfig.MAX_VECTOR_LENGTH) {
        throw new IllegalArgumentException(
            "Invalid vector length " + length + "; must be 1.." + SecAggConfig.MAX_VECTOR_LENGTH);
      }
      this.vectorLength = length;
      return this;
    }

    /**
     * The caller context the session must carry, byte for byte (default: any); copied.
     *
     * @throws NullPointerException if {@code context} is null
     * @throws IllegalArgumentException if it is longer than {@link SecAggConfig#MAX_CONTEXT_LENGTH}
     */
    public Builder context(byte[] context) {
      Objects.requireNonNull(context, "context");
      if (context.length > SecAggConfig.MAX_CONTEXT_LENGTH) {
        throw new IllegalArgumentException(
            "Invalid context length " + context.length + "; at most " + SecAggConfig.MAX_CONTEXT_LENGTH);
      }
      this.context = context.clone();
      return this;
    }

    /**
     * The security mode the session must use (default: any).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder securityMode(SecurityMode mode) {
      this.securityMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalStateException if the minimum client count exceeds the maximum
     */
    public ConfigPolicy build() {
      if (minClients > maxClients) {
        throw new IllegalStateException(
            "minClients " + minClients + " exceeds maxClients " + maxClients);
      }
      return new ConfigPolicy(this);
    }

    private static int checkCount(int n) {
      if (n < 3 || n > SecAggConfig.MAX_CLIENTS) {
        throw new IllegalArgumentException(
            "Invalid client count " + n + "; must be 3.." + SecAggConfig.MAX_CLIENTS);
      }
      return n;
    }
  }
}
