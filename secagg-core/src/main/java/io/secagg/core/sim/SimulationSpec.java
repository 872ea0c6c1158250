package io.secagg.core.sim;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What to simulate: the session parameters, the dropout schedule, the seed of every random
 * value, and how many threads the server may use for unmasking. Immutable; built with {@link
 * #builder()}.
 *
 * <p>All randomness (client inputs, every party's keys, nonces and shares, identity keys in
 * malicious mode) comes from {@code DeterministicRandom} instances derived from the seed, so a
 * simulation is reproducible byte for byte (timings aside). The client inputs are uniformly
 * random vectors of Z_m unless the caller supplies them with {@link Builder#inputs}.
 */
public final class SimulationSpec {
  /** The largest number of unmasking threads. */
  public static final int MAX_THREADS = 64;

  private final SecAggConfig config;
  private final List<Ed25519KeyPair> identities;
  private final DropoutSchedule dropouts;
  private final long seed;
  private final int unmaskingThreads;
  private final IntFunction<ModVector> inputs;

  private SimulationSpec(
      SecAggConfig config, List<Ed25519KeyPair> identities, DropoutSchedule dropouts, long seed,
      int unmaskingThreads, IntFunction<ModVector> inputs) {
    this.inputs = inputs;
    this.config = config;
    this.identities = identities;
    this.dropouts = dropouts;
    this.seed = seed;
    this.unmaskingThreads = unmaskingThreads;
  }

  /** A builder; n, L, m and a graph choice are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The session configuration (identity keys included in malicious mode). */
  public SecAggConfig config() {
    return config;
  }

  /** The dropout schedule. */
  public DropoutSchedule dropouts() {
    return dropouts;
  }

  /** The seed of every random value. */
  public long seed() {
    return seed;
  }

  /** The number of threads (calling thread included) the server unmasks with. */
  public int unmaskingThreads() {
    return unmaskingThreads;
  }

  /** True iff the caller supplied the client inputs (see {@link Builder#inputs}). */
  public boolean suppliedInputs() {
    return inputs != null;
  }

  /**
   * Client {@code id}'s input: the caller's (checked) or a random vector derived from the seed.
   * Called once per client by the simulator.
   *
   * @throws IllegalArgumentException if a supplied input has the wrong modulus or length
   * @throws NullPointerException if the supplier returned null
   */
  ModVector input(int id) {
    if (inputs == null) {
      return Simulator.randomVector(config.modulus(), config.vectorLength(), random("input", id));
    }
    ModVector v = Objects.requireNonNull(inputs.apply(id), "input supplier returned null for client " + id);
    if (!v.modulus().equals(config.modulus()) || v.length() != config.vectorLength()) {
      throw new IllegalArgumentException("input of client " + id + " is " + v.length() + " elements of Z_"
          + v.modulus() + "; the session needs " + config.vectorLength() + " elements of Z_" + config.modulus());
    }
    // A private copy: the caller's vector may be reused or changed after it is handed over.
    return v.copy();
  }

  /** Client {@code id}'s identity key pair (malicious mode), or null. */
  Ed25519KeyPair identity(int id) {
    return identities.isEmpty() ? null : identities.get(id - 1);
  }

  /** A reproducible random source for one purpose and party, derived from the seed. */
  DeterministicRandom random(String purpose, int party) {
    return randomFor(seed, purpose, party);
  }

  static DeterministicRandom randomFor(long seed, String purpose, int party) {
    byte[] label = purpose.getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(8 + 4 + label.length);
    b.putLong(seed).putInt(party).put(label);
    return DeterministicRandom.forTestVectorsOnly(b.array());
  }

  @Override
  public String toString() {
    return "SimulationSpec[" + config + ", dropouts=" + dropouts + ", seed=" + seed
        + ", threads=" + unmaskingThreads + "]";
  }

  /** Builds a {@link SimulationSpec}. */
  public static final class Builder {
    private int clientCount;
    private int threshold;
    private int vectorLength;
    private Modulus modulus;
    private Integer hararyDegree;
    private boolean complete;
    private double[] recommended;
    private SecurityMode mode = SecurityMode.SEMI_HONEST;
    private byte[] context = new byte[0];
    private DropoutSchedule dropouts = DropoutSchedule.none();
    private long seed = 1;
    private int threads = 1;
    private IntFunction<ModVector> inputs;

    private Builder() {}

    /**
     * The client inputs (default: a uniformly random vector of Z_m per client, derived from the
     * seed). {@code supplier.apply(id)} is called once per client id 1..n, in ascending order,
     * when the simulation starts, and must return a vector of L elements of Z_m (checked then:
     * {@link IllegalArgumentException} from {@link Simulator#run} otherwise). The simulator keeps
     * a copy of each to verify the sum against, so supplied inputs cost one more vector per client.
     *
     * @throws NullPointerException if {@code supplier} is null
     */
    public Builder inputs(IntFunction<ModVector> supplier) {
      this.inputs = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /** n; validated by {@link SecAggConfig.Builder#clientCount}. */
    public Builder clientCount(int n) {
      this.clientCount = n;
      return this;
    }

    /**
     * t (optional with {@link #sparseGraph}, which recommends one; required otherwise);
     * validated by {@link SecAggConfig.Builder#threshold}.
     */
    public Builder threshold(int t) {
      this.threshold = t;
      return this;
    }

    /** L; validated by {@link SecAggConfig.Builder#vectorLength}. */
    public Builder vectorLength(int length) {
      this.vectorLength = length;
      return this;
    }

    /**
     * m.
     *
     * @throws NullPointerException if {@code m} is null
     */
    public Builder modulus(Modulus m) {
      this.modulus = Objects.requireNonNull(m, "modulus");
      return this;
    }

    /** The complete graph (SecAgg). */
    public Builder completeGraph() {
      this.complete = true;
      this.hararyDegree = null;
      this.recommended = null;
      return this;
    }

    /** A random Harary graph of degree k (SecAgg+); validated by the configuration. */
    public Builder hararyGraph(int k) {
      this.complete = false;
      this.hararyDegree = k;
      this.recommended = null;
      return this;
    }

    /**
     * The graph and threshold the graph package recommends for this dropout and corruption
     * budget (see {@link GraphParameters#recommend(int, double, double, ThreatModel, double,
     * double)}), for the security mode in force at {@link #build()}; an explicit {@link
     * #threshold} still wins.
     */
    public Builder sparseGraph(double dropoutRate, double corruptionRate) {
      this.complete = false;
      this.hararyDegree = null;
      this.recommended = new double[] {dropoutRate, corruptionRate};
      return this;
    }

    /**
     * The security mode (default semi-honest); in malicious mode, identity keys are generated
     * from the seed.
     *
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder securityMode(SecurityMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * The caller context bound into the session id.
     *
     * @throws NullPointerException if {@code context} is null
     */
    public Builder context(byte[] context) {
      this.context = Objects.requireNonNull(context, "context").clone();
      return this;
    }

    /**
     * The dropout schedule (default: none).
     *
     * @throws NullPointerException if {@code schedule} is null
     */
    public Builder dropouts(DropoutSchedule schedule) {
      this.dropouts = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /** The seed of every random value (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The number of threads for server unmasking (default 1: the calling thread only).
     *
     * @throws IllegalArgumentException if {@code threads} is outside 1..{@value #MAX_THREADS}
     */
    public Builder unmaskingThreads(int threads) {
      if (threads < 1 || threads > MAX_THREADS) {
        throw new IllegalArgumentException(
            "Invalid thread count " + threads + "; must be 1.." + MAX_THREADS);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Builds the specification and its configuration.
     *
     * @throws IllegalStateException if no graph was chosen or a required value is unset
     * @throws IllegalArgumentException if a parameter is out of range (as {@link SecAggConfig}
     *     or {@link GraphParameters#recommend} say)
     */
    public SimulationSpec build() {
      SecAggConfig.Builder c = SecAggConfig.builder();
      if (clientCount != 0) {
        c.clientCount(clientCount);
      }
      if (complete) {
        c.completeGraph();
      } else if (hararyDegree != null) {
        c.hararyGraph(hararyDegree);
      } else if (recommended != null) {
        ThreatModel threat =
            mode == SecurityMode.MALICIOUS ? ThreatModel.MALICIOUS_SERVER : ThreatModel.SEMI_HONEST;
        c.graph(
            GraphParameters.recommend(
                clientCount, recommended[0], recommended[1], threat,
                GraphParameters.DEFAULT_SECURITY_BITS, GraphParameters.DEFAULT_CORRECTNESS_BITS));
      } else {
        throw new IllegalStateException("no graph chosen (completeGraph, hararyGraph or sparseGraph)");
      }
      if (threshold != 0) {
        c.threshold(threshold);
      }
      if (vectorLength != 0) {
        c.vectorLength(vectorLength);
      }
      c.securityMode(mode).context(context);
      if (modulus != null) {
        c.modulus(modulus);
      }
      List<Ed25519KeyPair> identities = new ArrayList<>();
      if (mode == SecurityMode.MALICIOUS) {
        List<byte[]> publicKeys = new ArrayList<>();
        for (int id = 1; id <= clientCount; id++) {
          Ed25519KeyPair pair = Ed25519.create(randomFor(seed, "identity", id)).generateKeyPair();
          identities.add(pair);
          publicKeys.add(pair.publicKey());
        }
        c.identityKeys(publicKeys);
      }
      return new SimulationSpec(c.build(), List.copyOf(identities), dropouts, seed, threads, inputs);
    }
  }
}
