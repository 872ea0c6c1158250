package io.secagg.core.protocol;

import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.vector.Modulus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The public parameters of one secure-aggregation session, identical for the server and every
 * client. Immutable; built with {@link #builder()}, which validates each value as it is set and
 * the combination in {@link Builder#build()}.
 *
 * <p>Every field is bound into the session id (see {@code spec/secagg.md, section 5},
 * "Configuration digest"), so parties that disagree on any of them derive different keys and
 * their messages fail to authenticate instead of being aggregated together.
 *
 * <ul>
 *   <li>{@code clientCount} n: the clients are numbered 1..n, 3 &lt;= n &lt;= {@value
 *       #MAX_CLIENTS} (client ids are Shamir x-coordinates, encoded in two bytes);
 *   <li>the masking graph: {@link GraphKind#COMPLETE} (SecAgg) or {@link GraphKind#HARARY} of
 *       even degree k, 2 &lt;= k &lt; n (SecAgg+), whose neighbour sets are derived from the
 *       session id;
 *   <li>{@code threshold} t: the number of a client's neighbours that must survive for its
 *       secrets to be recoverable, 2 &lt;= t &lt;= k (k = n - 1 for the complete graph); in
 *       {@link SecurityMode#MALICIOUS} mode also 2t &gt; k;
 *   <li>{@code vectorLength} L, 1 &lt;= L &lt;= {@value #MAX_VECTOR_LENGTH}, and the {@link
 *       Modulus} m of Z_m;
 *   <li>the {@link SecurityMode}; in malicious mode, every client's 32-byte Ed25519 identity
 *       (verification) key, in client-id order;
 *   <li>an optional caller context of at most {@value #MAX_CONTEXT_LENGTH} bytes (for example
 *       the hash of the model the round is for), so that clients on different models never
 *       share a session.
 * </ul>
 *
 * <p>Use {@link Builder#graph(GraphParameters)} to take k and t from the graph package's
 * recommendation for a dropout and corruption budget.
 */
public final class SecAggConfig {
  /** The largest number of clients: client ids are two-byte Shamir x-coordinates. */
  public static final int MAX_CLIENTS = 65535;
  /** The largest vector length. */
  public static final int MAX_VECTOR_LENGTH = 1 << 26;
  /** The largest caller context in bytes. */
  public static final int MAX_CONTEXT_LENGTH = 1024;
  /** The length of an Ed25519 identity key in bytes. */
  public static final int IDENTITY_KEY_LENGTH = 32;

  private final int clientCount;
  private final int threshold;
  private final int vectorLength;
  private final Modulus modulus;
  private final GraphKind graphKind;
  private final int degree;
  private final SecurityMode securityMode;
  private final List<byte[]> identityKeys;
  private final byte[] context;

  private SecAggConfig(Builder b) {
    this.clientCount = b.clientCount;
    this.threshold = b.threshold;
    this.vectorLength = b.vectorLength;
    this.modulus = b.modulus;
    this.graphKind = b.graphKind;
    this.degree = b.graphKind == GraphKind.COMPLETE ? b.clientCount - 1 : b.degree;
    this.securityMode = b.securityMode;
    List<byte[]> keys = new ArrayList<>();
    for (byte[] k : b.identityKeys) {
      keys.add(k.clone());
    }
    this.identityKeys = Collections.unmodifiableList(keys);
    this.context = b.context.clone();
  }

  /** A builder with no fields set; see the class description for the rules. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of clients n; the clients are 1..n. */
  public int clientCount() {
    return clientCount;
  }

  /** The threshold t: surviving neighbours needed to recover a client's secrets. */
  public int threshold() {
    return threshold;
  }

  /** The vector length L. */
  public int vectorLength() {
    return vectorLength;
  }

  /** The modulus m. */
  public Modulus modulus() {
    return modulus;
  }

  /** The masking-graph family. */
  public GraphKind graphKind() {
    return graphKind;
  }

  /** The number of neighbours k of every client (n - 1 for the complete graph). */
  public int degree() {
    return degree;
  }

  /** The security mode. */
  public SecurityMode securityMode() {
    return securityMode;
  }

  /** The number of packed bytes of one vector on the wire: L * ceil(bits(m) / 8). */
  public int encodedVectorLength() {
    return vectorLength * modulus.byteWidth();
  }

  /**
   * Client {@code clientId}'s Ed25519 identity key (a copy).
   *
   * @throws IllegalStateException in semi-honest mode, which has no identity keys
   * @throws IllegalArgumentException if {@code clientId} is outside 1..n
   */
  public byte[] identityKey(int clientId) {
    if (securityMode != SecurityMode.MALICIOUS) {
      throw new IllegalStateException("semi-honest sessions have no identity keys");
    }
    checkClientId(clientId);
    return identityKeys.get(clientId - 1).clone();
  }

  /** The caller context (a copy; empty if none was set). */
  public byte[] context() {
    return context.clone();
  }

  /** True iff {@code id} is a client of this session (1..n). */
  public boolean isClientId(int id) {
    return id >= 1 && id <= clientCount;
  }

  /**
   * Checks a client id.
   *
   * @throws IllegalArgumentException if {@code id} is outside 1..n
   */
  public void checkClientId(int id) {
    if (!isClientId(id)) {
      throw new IllegalArgumentException(
          "Invalid client id " + id + "; must be 1.." + clientCount);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SecAggConfig)) {
      return false;
    }
    SecAggConfig c = (SecAggConfig) o;
    if (identityKeys.size() != c.identityKeys.size()) {
      return false;
    }
    for (int i = 0; i < identityKeys.size(); i++) {
      if (!java.util.Arrays.equals(identityKeys.get(i), c.identityKeys.get(i))) {
        return false;
      }
    }
    return clientCount == c.clientCount && threshold == c.threshold
        && vectorLength == c.vectorLength && modulus.equals(c.modulus)
        && graphKind == c.graphKind && degree == c.degree && securityMode == c.securityMode
        && java.util.Arrays.equals(context, c.context);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientCount, threshold, vectorLength, modulus, graphKind, degree, securityMode);
  }

  @Override
  public String toString() {
    return "SecAggConfig[n=" + clientCount + ", t=" + threshold + ", L=" + vectorLength + ", m="
        + modulus + ", graph=" + graphKind + (graphKind == GraphKind.HARARY ? "(k=" + degree + ")" : "")
        + ", mode=" + securityMode + ", context=" + context.length + " bytes]";
  }

  /** Builds a {@link SecAggConfig}; setters validate their argument at once. */
  public static final class Builder {
    private int clientCount;
    private int threshold;
    private int vectorLength;
    private Modulus modulus;
    private GraphKind graphKind;
    private int degree;
    private SecurityMode securityMode = SecurityMode.SEMI_HONEST;
    private List<byte[]> identityKeys = List.of();
    private byte[] context = new byte[0];

    private Builder() {}

    /**
     * Sets n.
     *
     * @throws IllegalArgumentException if {@code n} is outside 3..{@value #MAX_CLIENTS}
     */
    public Builder clientCount(int n) {
      if (n < 3 || n > MAX_CLIENTS) {
        throw new IllegalArgumentException(
            "Invalid client count " + n + "; must be 3.." + MAX_CLIENTS);
      }
      this.clientCount = n;
      return this;
    }

    /**
     * Sets t (checked against the degree in {@link #build()}).
     *
     * @throws IllegalArgumentException if {@code t} is below 2
     */
    public Builder threshold(int t) {
      if (t < 2) {
        throw new IllegalArgumentException("Invalid threshold " + t + "; must be at least 2");
      }
      this.threshold = t;
      return this;
    }

    /**
     * Sets L.
     *
     * @throws IllegalArgumentException if {@code length} is outside 1..{@value
     *     #MAX_VECTOR_LENGTH}
     */
    public Builder vectorLength(int length) {
      if (length < 1 || length > MAX_VECTOR_LENGTH) {
        throw new IllegalArgumentException(
            "Invalid vector length " + length + "; must be 1.." + MAX_VECTOR_LENGTH);
      }
      this.vectorLength = length;
      return this;
    }

    /**
     * Sets m.
     *
     * @throws NullPointerException if {@code m} is null
     */
    public Builder modulus(Modulus m) {
      this.modulus = Objects.requireNonNull(m, "modulus");
      return this;
    }

    /** Uses the complete graph (SecAgg): every client masks with every other client. */
    public Builder completeGraph() {
      this.graphKind = GraphKind.COMPLETE;
      this.degree = 0;
      return this;
    }

    /**
     * Uses a random Harary graph of degree k (SecAgg+), derived from the session id.
     *
     * @throws IllegalArgumentException if {@code k} is odd or below 2 (k &lt; n is checked in
     *     {@link #build()})
     */
    public Builder hararyGraph(int k) {
      if (k < 2 || (k & 1) != 0) {
        throw new IllegalArgumentException("Invalid Harary degree " + k + "; must be even and >= 2");
      }
      this.graphKind = GraphKind.HARARY;
      this.degree = k;
      return this;
    }

    /**
     * Takes n, the graph and t from a recommendation of the graph package.
     *
     * @throws NullPointerException if {@code params} is null
     * @throws IllegalArgumentException if the recommendation's n is out of this class's range
     */
    public Builder graph(GraphParameters params) {
      Objects.requireNonNull(params, "params");
      clientCount(params.clientCount());
      if (params.kind() == GraphKind.COMPLETE) {
        completeGraph();
      } else {
        hararyGraph(params.degree());
      }
      threshold(params.threshold());
      if (params.threatModel() == ThreatModel.MALICIOUS_SERVER) {
        this.securityMode = SecurityMode.MALICIOUS;
      }
      return this;
    }

    /**
     * Sets the security mode (default {@link SecurityMode#SEMI_HONEST}).
     *
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder securityMode(SecurityMode mode) {
      this.securityMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the clients' Ed25519 identity keys, {@code keys.get(i)} for client i + 1 (required
     * in malicious mode, forbidden otherwise; the count is checked in {@link #build()}).
     *
     * @throws NullPointerException if the list or a key is null
     * @throws IllegalArgumentException if a key is not {@value #IDENTITY_KEY_LENGTH} bytes
     */
    public Builder identityKeys(List<byte[]> keys) {
      Objects.requireNonNull(keys, "keys");
      List<byte[]> copy = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        byte[] k = Objects.requireNonNull(keys.get(i), "identity key");
        if (k.length != IDENTITY_KEY_LENGTH) {
          throw new IllegalArgumentException(
              "Invalid identity key length " + k.length + " for client " + (i + 1) + "; must be "
                  + IDENTITY_KEY_LENGTH);
        }
        copy.add(k.clone());
      }
      this.identityKeys = copy;
      return this;
    }

    /**
     * Sets the caller context (default empty).
     *
     * @throws NullPointerException if {@code context} is null
     * @throws IllegalArgumentException if it is longer than {@value #MAX_CONTEXT_LENGTH} bytes
     */
    public Builder context(byte[] context) {
      Objects.requireNonNull(context, "context");
      if (context.length > MAX_CONTEXT_LENGTH) {
        throw new IllegalArgumentException(
            "Invalid context length " + context.length + "; at most " + MAX_CONTEXT_LENGTH);
      }
      this.context = context.clone();
      return this;
    }

    /**
     * Validates the combination and builds the configuration.
     *
     * @throws IllegalStateException if a required field (n, t, L, m, graph) is unset, the
     *     Harary degree is not below n, t exceeds the degree, 2t &lt;= k in malicious mode, or
     *     the identity keys do not match the mode (exactly n in malicious mode, none otherwise)
     */
    public SecAggConfig build() {
      if (clientCount == 0) {
        throw new IllegalStateException("clientCount is not set");
      }
      if (threshold == 0) {
        throw new IllegalStateException("threshold is not set");
      }
      if (vectorLength == 0) {
        throw new IllegalStateException("vectorLength is not set");
      }
      if (modulus == null) {
        throw new IllegalStateException("modulus is not set");
      }
      if (graphKind == null) {
        throw new IllegalStateException("graph is not set (completeGraph, hararyGraph or graph)");
      }
      int k = graphKind == GraphKind.COMPLETE ? clientCount - 1 : degree;
      if (k >= clientCount) {
        throw new IllegalStateException(
            "Harary degree " + k + " must be below the client count " + clientCount);
      }
      if (threshold > k) {
        throw new IllegalStateException(
            "threshold " + threshold + " exceeds the number of neighbours " + k);
      }
      if (securityMode == SecurityMode.MALICIOUS) {
        if (threshold < GraphParameters.minimumThreshold(k, 0, ThreatModel.MALICIOUS_SERVER)) {
          throw new IllegalStateException(
              "malicious mode needs 2t > k (t=" + threshold + ", k=" + k + ") so that a lying"
                  + " server cannot collect both shares of one client from honest neighbours");
        }
        if (identityKeys.size() != clientCount) {
          throw new IllegalStateException(
              "malicious mode needs exactly " + clientCount + " identity keys, got "
                  + identityKeys.size());
        }
      } else if (!identityKeys.isEmpty()) {
        throw new IllegalStateException("identity keys are only used in malicious mode");
      }
      return new SecAggConfig(this);
    }
  }
}
