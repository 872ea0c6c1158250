package io.secagg.session;

import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierInputException;
import io.secagg.he.RandomizerSource;
import io.secagg.he.aggregation.AggregationClient;
import io.secagg.he.aggregation.AggregationConfig;
import io.secagg.he.aggregation.AggregationServer;
import io.secagg.he.aggregation.CommitteeMember;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.PackingLayout;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdKeySet;
import io.secagg.he.threshold.ThresholdPublicKey;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * The threshold-Paillier round runner, in this JVM and phase by phase: every client packs its
 * vector of signed quantized values, encrypts and serializes it; the server parses, validates
 * and adds the uploads; {@code t} committee members partially decrypt the sum only (their partial
 * decryptions serialized, parsed again and their proofs verified); the shares are combined. The
 * report checks the result against the plaintext sum of the clients that uploaded.
 *
 * <pre>{@code
 * ThresholdKeySet keys = ThresholdKeyDealer.deal(2048, 3, 5, new SecureRandom());
 * AggregationConfig config = AggregationConfig.builder().vectorLength(1000).maxClients(20).build();
 * PaillierReport r = PaillierRound.builder(keys, config).clients(20).inputs(id -> values[id])
 *     .build().run();
 * r.sum(); r.verified(); r.phases();
 * }</pre>
 *
 * <p>Phases, reported to the {@link RoundListener}: {@code ENCRYPTOR_SETUP} (the DJN randomizer's
 * fixed-base table for the public key, shared by the simulated clients here and paid once per
 * key by each real client), {@code ENCRYPT_AND_ADD} (client time: encrypt and serialize; server
 * time: parse, validate and add), {@code PARTIAL_DECRYPT} (committee members) and {@code COMBINE}
 * (the server). A client that crashes before uploading ({@link Builder#crashedClients}) is simply
 * not in the sum.
 */
public final class PaillierRound {
  /** The largest number of worker threads. */
  public static final int MAX_THREADS = RunnerBuilder.MAX_THREADS;
  /** The largest number of clients. */
  public static final int MAX_CLIENTS = 1_000_000;

  private static final Logger LOG = System.getLogger(PaillierRound.class.getName());

  /** What the builder fixed, read by every run. */
  private record Settings(ThresholdKeySet keys, int clients, IntFunction<long[]> inputs, Set<Integer> crashed,
      int threads) {}

  private final AggregationConfig config;
  private final Settings settings;
  private final Randomness randomness;
  private final RoundListener listener;

  private PaillierRound(Builder b) {
    this.config = b.config;
    this.settings = new Settings(b.keys, b.clients != 0 ? b.clients : b.config.maxClients(), b.inputs,
        Set.copyOf(b.crashed), b.threads);
    this.randomness = b.randomness();
    this.listener = new SafeListener(b.listener, LOG);
  }

  /**
   * A builder for a round under {@code keys} with {@code config}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(ThresholdKeySet keys, AggregationConfig config) {
    return new Builder(Objects.requireNonNull(keys, "keys"), Objects.requireNonNull(config, "config"));
  }

  /** The packing of this round's values under its key. */
  public PackingLayout layout() {
    return config.layout(settings.keys().publicKey().paillierKey());
  }

  /**
   * Runs the round.
   *
   * @return the report
   * @throws IllegalArgumentException if an input has the wrong length or a value outside the
   *     signed range of the configuration's value bits, or fewer than the configuration's minimum
   *     of clients upload
   * @throws IllegalStateException if one of the round's own honest parties refused another's
   *     message (a {@link PaillierInputException} here is a bug, not an attack)
   * @throws NullPointerException if the input supplier returns null
   */
  public PaillierReport run() {
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "secagg-round-paillier");
      t.setDaemon(true);
      return t;
    });
    try {
      return execute(pool);
    } catch (PaillierInputException e) {
      // Every party of this round is this class's own honest code: a rejection is a bug.
      throw new IllegalStateException("an honest party's message was refused: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }

  private PaillierReport execute(ExecutorService pool) throws PaillierInputException {
    long start = System.nanoTime();
    ThresholdPublicKey tpk = settings.keys().publicKey();
    PackingLayout layout = layout();
    List<Integer> included = new ArrayList<>();
    for (int id = 1; id <= settings.clients(); id++) {
      if (!settings.crashed().contains(id)) {
        included.add(id);
      }
    }
    if (included.size() < config.minClients()) {
      throw new IllegalArgumentException(included.size() + " clients upload; the configuration needs at least "
          + config.minClients());
    }
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "secagg Paillier round starting: " + settings.clients() + " clients x " + config.vectorLength()
          + " values, committee " + tpk.threshold() + " of " + tpk.parties());
    }
    List<PhaseReport> phases = new ArrayList<>();
    SecureRandom random = randomness.forParty("paillier-run", 0);

    listener.phaseStarted("ENCRYPTOR_SETUP", 1);
    long t0 = System.nanoTime();
    PaillierEncryptor encryptor = PaillierEncryptor.create(RandomizerSource.djn(tpk.paillierKey(), random));
    AggregationClient client = new AggregationClient(encryptor, config);
    AggregationServer server = new AggregationServer(tpk.paillierKey(), config);
    long setup = System.nanoTime() - t0;
    listener.participantDone("ENCRYPTOR_SETUP", 1, 1);
    end(phases, new PhaseReport("ENCRYPTOR_SETUP", 1, 1, setup, 0, setup, setup, 0, 0, List.of()));

    listener.phaseStarted("ENCRYPT_AND_ADD", settings.clients());
    long phaseStart = System.nanoTime();
    long[] expected = new long[config.vectorLength()];
    long encryptTotal = 0;
    long encryptMax = 0;
    long addTotal = 0;
    long uploadBytes = 0;
    long bytesPerClient = 0;
    int ciphertexts = 0;
    int done = 0;
    int uploaded = 0;
    for (int id = 1; id <= settings.clients(); id++) {
      long[] values = input(id);
      if (settings.crashed().contains(id)) {
        listener.participantDone("ENCRYPT_AND_ADD", ++done, settings.clients());
        continue;
      }
      for (int i = 0; i < expected.length; i++) {
        expected[i] += values[i];
      }
      long a = System.nanoTime();
      EncryptedVector upload = client.encrypt(values, pool, settings.threads());
      byte[] wire = upload.toBytes();
      long spent = System.nanoTime() - a;
      encryptTotal += spent;
      encryptMax = Math.max(encryptMax, spent);
      bytesPerClient = wire.length;
      uploadBytes += wire.length;
      ciphertexts = upload.ciphertexts().size();
      long b = System.nanoTime();
      server.accept("client-" + id, wire, pool, settings.threads());
      addTotal += System.nanoTime() - b;
      listener.participantDone("ENCRYPT_AND_ADD", ++done, settings.clients());
      listener.answerReceived("ENCRYPT_AND_ADD", ++uploaded);
    }
    end(phases, new PhaseReport("ENCRYPT_AND_ADD", settings.clients(), included.size(), System.nanoTime() - phaseStart,
        addTotal, encryptTotal, encryptMax, 0, uploadBytes, List.of()));
    EncryptedVector sum = server.sum();

    int t = tpk.threshold();
    listener.phaseStarted("PARTIAL_DECRYPT", t);
    phaseStart = System.nanoTime();
    byte[] encodedSum = sum.toBytes();
    List<List<PartialDecryption>> responses = new ArrayList<>();
    long partialTotal = 0;
    long partialMax = 0;
    long bytesPerMember = 0;
    long memberBytes = 0;
    for (int i = 1; i <= t; i++) {
      long a = System.nanoTime();
      CommitteeMember member = new CommitteeMember(settings.keys().share(i), config, randomness.forParty("committee", i));
      List<PartialDecryption> partials = member.partialDecrypt(sum, pool, settings.threads());
      List<PartialDecryption> received = new ArrayList<>(partials.size());
      long bytes = 0;
      for (PartialDecryption p : partials) {
        byte[] wire = p.toBytes(tpk);
        bytes += wire.length;
        received.add(PartialDecryption.fromBytes(tpk, wire));
      }
      long spent = System.nanoTime() - a;
      partialTotal += spent;
      partialMax = Math.max(partialMax, spent);
      bytesPerMember = bytes;
      memberBytes += bytes;
      responses.add(received);
      listener.participantDone("PARTIAL_DECRYPT", i, t);
      listener.answerReceived("PARTIAL_DECRYPT", i);
    }
    end(phases, new PhaseReport("PARTIAL_DECRYPT", t, t, System.nanoTime() - phaseStart, 0, partialTotal,
        partialMax, (long) encodedSum.length * t, memberBytes, List.of()));

    listener.phaseStarted("COMBINE", 0);
    long c0 = System.nanoTime();
    long[] result = CommitteeMember.combine(tpk, config, sum, responses, pool, settings.threads()).values();
    long combine = System.nanoTime() - c0;
    end(phases, new PhaseReport("COMBINE", 0, 0, combine, combine, 0, 0, 0, 0, List.of()));
    long total = System.nanoTime() - start;
    boolean verified = Arrays.equals(expected, result);
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, String.format(Locale.ROOT, "secagg Paillier round ended in %.3f s: %d of %d clients"
          + " in the sum, %s", total / 1e9, included.size(), settings.clients(), verified ? "verified" : "MISMATCH"));
    }
    return new PaillierReport(result, included, settings.clients(), verified, phases, layout, ciphertexts, bytesPerClient,
        t, bytesPerMember, total);
  }

  private void end(List<PhaseReport> phases, PhaseReport p) {
    phases.add(p);
    listener.phaseEnded(p);
  }

  private long[] input(int id) {
    int length = config.vectorLength();
    if (settings.inputs() == null) {
      // Uniform in [-2^(V-1), 2^(V-1)): the full signed range the packing is sized for.
      SecureRandom r = randomness.forParty("paillier-input", id);
      int bits = config.valueBits();
      long half = 1L << (bits - 1);
      long[] v = new long[length];
      for (int i = 0; i < length; i++) {
        v[i] = (r.nextLong() >>> (64 - bits)) - half;
      }
      return v;
    }
    long[] v = Objects.requireNonNull(settings.inputs().apply(id), "input supplier returned null for client " + id);
    if (v.length != length) {
      throw new IllegalArgumentException("input of client " + id + " has " + v.length + " values; the round needs " + length);
    }
    return v.clone();
  }

  @Override
  public String toString() {
    return "PaillierRound[" + settings.clients() + " clients, " + config + ", threads=" + settings.threads() + "]";
  }

  /** Builds a {@link PaillierRound}; setters validate at once. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private final ThresholdKeySet keys;
    private final AggregationConfig config;
    private int clients;
    private IntFunction<long[]> inputs;
    private final Set<Integer> crashed = new TreeSet<>();

    private Builder(ThresholdKeySet keys, AggregationConfig config) {
      this.keys = keys;
      this.config = config;
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The number of clients n, ids 1..n (default: the configuration's maximum).
     *
     * @throws IllegalArgumentException if {@code n} is outside 1..the configuration's maximum
     */
    public Builder clients(int n) {
      this.clients = checkClientCount(n, 1, config.maxClients(), MAX_CLIENTS);
      return this;
    }

    /**
     * The clients' signed values, {@code config.vectorLength()} per client (default: uniform in
     * the signed range of the configuration's value bits). Called once per client id, in order.
     *
     * @throws NullPointerException if {@code supplier} is null
     */
    public Builder inputs(IntFunction<long[]> supplier) {
      this.inputs = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * Clients that crash before uploading (default: none): they are not in the sum.
     *
     * @throws NullPointerException if {@code ids} is null
     * @throws IllegalArgumentException if an id is below 1
     */
    public Builder crashedClients(Iterable<Integer> ids) {
      for (Integer id : Objects.requireNonNull(ids, "ids")) {
        if (id == null || id < 1) {
          throw new IllegalArgumentException("Invalid client id " + id);
        }
        crashed.add(id);
      }
      return this;
    }

    /** The runner. */
    public PaillierRound build() {
      return new PaillierRound(this);
    }
  }
}
