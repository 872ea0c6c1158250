package io.secagg.session;

import io.secagg.core.transport.ClientTransport;
import io.secagg.core.transport.InMemoryNetwork;
import io.secagg.core.transport.InboundFrame;
import io.secagg.core.transport.ServerTransport;
import io.secagg.vdaf.BoundedVector;
import io.secagg.vdaf.BoundedVectorAggregator;
import io.secagg.vdaf.BoundedVectorResult;
import io.secagg.vdaf.Prio3;
import io.secagg.vdaf.Prio3Report;
import io.secagg.vdaf.ReportOutcome;
import io.secagg.vdaf.VdafException;
import io.secagg.vdaf.VerifyKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The Prio3 round runner for federated learning ({@link BoundedVector}), in this JVM: n clients,
 * a leader and a helper aggregator and a collector, every message a frame over the transport SPI
 * ({@link InMemoryNetwork} endpoints: one network per aggregator for the clients' uploads, one
 * for the leader-helper link, on which the leader is the client, and one for the collector). A
 * fraction of the clients is malicious ({@link MaliciousKind}); the report says who was accepted,
 * who rejected and why, and whether the sum equals the plaintext sum of the accepted honest
 * clients.
 *
 * <pre>{@code
 * BoundedVector fl = BoundedVector.builder().dimension(10_000).clipBound(0.05).bits(8).maxClients(1000).build();
 * Prio3RoundReport r = Prio3Round.builder(fl).clients(1000).maliciousFraction(0.05).threads(2).build().run();
 * r.verified(); r.rejectedByKind(); r.result().mean();
 * }</pre>
 *
 * <p>Clients go in waves of {@link Builder#jobSize} (default 64): the wave shards on the worker
 * threads (each report on one thread), uploads, and the aggregators verify it as one job, each
 * report on one worker thread; memory stays proportional to a wave. Replays are sent after the
 * last wave, when the reports they copy have been taken. Phases, reported to the
 * {@link RoundListener}: {@code SHARD_AND_UPLOAD} (client time: quantize, shard, frame; server
 * time: both aggregators taking uploads), {@code VERIFY} (server time: the leader; participant:
 * the helper) and {@code COLLECT} (both aggregate shares, with noise if configured, and the
 * collector); the first two are reported once, summed over the waves.
 */
public final class Prio3Round {
  /** The largest number of clients. */
  public static final int MAX_CLIENTS = 1_000_000;
  /** The default fraction of malicious clients. */
  public static final double DEFAULT_MALICIOUS_FRACTION = 0.05;
  /** The default number of reports per wave and verification job. */
  public static final int DEFAULT_JOB_SIZE = 64;
  /**
   * With noise, the sum is verified if every coordinate lies within this many standard deviations
   * of the noise-free sum: a false failure has probability below {@code 3e-12} per coordinate.
   */
  public static final double NOISE_TOLERANCE_SIGMAS = 7;

  private static final Logger LOG = System.getLogger(Prio3Round.class.getName());
  /** Frames are queued before they are received; the wait only guards against a bug. */
  private static final Duration WAIT = Duration.ofMinutes(10);

  private final BoundedVector fl;
  private final int clients;
  private final double maliciousFraction;
  private final List<MaliciousKind> kinds;
  private final IntFunction<float[]> inputs;
  private final int jobSize;
  private final int threads;
  private final Randomness randomness;
  private final RoundListener listener;

  private Prio3Round(Builder b) {
    this.fl = b.fl;
    this.clients = b.clients;
    this.maliciousFraction = b.maliciousFraction;
    this.kinds = List.copyOf(b.kinds);
    this.inputs = b.inputs;
    this.jobSize = b.jobSize;
    this.threads = b.threads;
    this.randomness = b.randomness();
    this.listener = new SafeListener(b.listener, LOG);
  }

  /**
   * A builder for rounds of {@code fl}.
   *
   * @throws NullPointerException if {@code fl} is null
   */
  public static Builder builder(BoundedVector fl) {
    return new Builder(Objects.requireNonNull(fl, "fl"));
  }

  /**
   * The malicious clients and their kinds: {@code round(fraction * n)} distinct ids drawn from the
   * run's randomness, the kinds assigned in turn in ascending id order.
   */
  Map<Integer, MaliciousKind> maliciousClients() {
    int m = (int) Math.round(maliciousFraction * clients);
    int[] ids = new int[clients];
    for (int i = 0; i < clients; i++) {
      ids[i] = i + 1;
    }
    SecureRandom r = randomness.forParty("prio3-malicious", 0);
    for (int i = 0; i < m; i++) {
      int j = i + r.nextInt(clients - i);
      int t = ids[i];
      ids[i] = ids[j];
      ids[j] = t;
    }
    int[] chosen = Arrays.copyOf(ids, m);
    Arrays.sort(chosen);
    Map<Integer, MaliciousKind> out = new HashMap<>();
    for (int i = 0; i < m; i++) {
      out.put(chosen[i], kinds.get(i % kinds.size()));
    }
    return out;
  }

  /**
   * Runs the round.
   *
   * @return the report
   * @throws IllegalArgumentException if an input has the wrong length or a non-finite value
   * @throws IllegalStateException if one of the round's own honest parties refused another's
   *     frame (a bug, not an attack)
   */
  public Prio3RoundReport run() {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "secagg-round-prio3");
      t.setDaemon(true);
      return t;
    });
    try {
      return execute(pool);
    } catch (VdafException e) {
      throw new IllegalStateException("an honest party's frame was refused: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One client's contribution to a wave. */
  private record Upload(int id, byte[] toLeader, byte[] toHelper, long[] quantized, long nanos) {}

  private Prio3RoundReport execute(ExecutorService pool) throws VdafException, IOException, InterruptedException {
    long start = System.nanoTime();
    Map<Integer, MaliciousKind> malicious = maliciousClients();
    Map<Integer, Integer> replayOf = replayTargets(malicious);
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, "secagg Prio3 round starting: " + clients + " clients x " + fl.dimension() + " coordinates of "
          + fl.bits() + " bits, " + malicious.size() + " malicious");
    }
    VerifyKey key = VerifyKey.generate(randomness.forParty("prio3-verify-key", 0));
    BoundedVectorAggregator leader = fl.leader(key);
    BoundedVectorAggregator helper = fl.helper(key);
    InMemoryNetwork toLeader = new InMemoryNetwork(clients);
    InMemoryNetwork toHelper = new InMemoryNetwork(clients);
    InMemoryNetwork peer = new InMemoryNetwork(1);
    ServerTransport leaderInbox = toLeader.serverEndpoint();
    ServerTransport helperInbox = toHelper.serverEndpoint();
    ClientTransport leaderToHelper = peer.clientEndpoint(1);
    ServerTransport helperPeer = peer.serverEndpoint();

    Map<String, Integer> clientOfNonce = new HashMap<>();
    Map<Integer, VdafException.Reason> rejected = new HashMap<>();
    Map<Integer, long[]> honestValues = new HashMap<>();
    Map<Integer, Upload> replayed = new HashMap<>();
    EnumMap<VdafException.Reason, Long> byReason = new EnumMap<>(VdafException.Reason.class);
    List<Integer> accepted = new ArrayList<>();
    long clientTotal = 0;
    long clientMax = 0;
    long[] uploadNanos = new long[1];
    long leaderNanos = 0;
    long helperNanos = 0;
    long bytesPerClient = 0;
    long verifyWallStart = 0;
    long verifyWall = 0;
    long uploadWall = 0;
    int done = 0;
    int taken = 0;
    List<Integer> replayers = new ArrayList<>();

    listener.phaseStarted("SHARD_AND_UPLOAD", clients);
    for (int first = 1; first <= clients; first += jobSize) {
      long w0 = System.nanoTime();
      int last = Math.min(clients, first + jobSize - 1);
      List<Future<Upload>> futures = new ArrayList<>();
      for (int id = first; id <= last; id++) {
        if (malicious.get(id) == MaliciousKind.REPLAYED_NONCE) {
          replayers.add(id);
          listener.participantDone("SHARD_AND_UPLOAD", ++done, clients);
          continue;
        }
        int client = id;
        futures.add(pool.submit(() -> shardOne(client, malicious.get(client))));
      }
      List<Upload> wave = new ArrayList<>();
      for (Future<Upload> f : futures) {
        wave.add(join(f));
      }
      int sent = 0;
      for (Upload u : wave) {
        toLeader.clientEndpoint(u.id()).send(u.toLeader());
        toHelper.clientEndpoint(u.id()).send(u.toHelper());
        sent++;
        clientTotal += u.nanos();
        clientMax = Math.max(clientMax, u.nanos());
        if (u.quantized() != null) {
          honestValues.put(u.id(), u.quantized());
          bytesPerClient = (long) u.toLeader().length + u.toHelper().length;
        }
        if (replayOf.containsValue(u.id())) {
          replayed.put(u.id(), u);
        }
        listener.participantDone("SHARD_AND_UPLOAD", ++done, clients);
      }
      taken += takeUploads(leaderInbox, leader, sent, clientOfNonce, rejected, uploadNanos);
      takeUploads(helperInbox, helper, sent, null, null, uploadNanos);
      listener.answerReceived("SHARD_AND_UPLOAD", taken);
      uploadWall += System.nanoTime() - w0;

      // Verify the wave as one job (or more if a wave outgrew it).
      long v0 = System.nanoTime();
      if (verifyWallStart == 0) {
        verifyWallStart = v0;
        listener.phaseStarted("VERIFY", 1);
      }
      while (leader.pendingUploads() > 0) {
        long a = System.nanoTime();
        Optional<byte[]> init = leader.startVerification(jobSize, pool);
        leaderNanos += System.nanoTime() - a;
        if (init.isPresent()) {
          leaderToHelper.send(init.get());
          byte[] inbound = receive(helperPeer).frame();
          long b = System.nanoTime();
          byte[] response = helper.acceptVerifyInit(inbound, pool);
          helperNanos += System.nanoTime() - b;
          helperPeer.send(1, response);
          byte[] answer = Objects.requireNonNull(leaderToHelper.receive(WAIT), "the helper did not answer");
          a = System.nanoTime();
          byte[] commit = leader.acceptVerifyResponse(answer);
          leaderNanos += System.nanoTime() - a;
          leaderToHelper.send(commit);
          byte[] commitIn = receive(helperPeer).frame();
          b = System.nanoTime();
          helper.acceptCommit(commitIn);
          helperNanos += System.nanoTime() - b;
        }
        for (ReportOutcome o : leader.takeOutcomes()) {
          int id = clientOfNonce.get(HexFormat.of().formatHex(o.nonce()));
          if (o.aggregated()) {
            accepted.add(id);
          } else {
            rejected.put(id, o.rejectionReason().orElseThrow());
          }
        }
      }
      verifyWall += System.nanoTime() - v0;
    }

    // Replays: each replaying client re-sends the uploads of the client it copies.
    for (int id : replayers) {
      Upload victim = replayed.get(replayOf.get(id));
      toLeader.clientEndpoint(id).send(victim.toLeader());
      toHelper.clientEndpoint(id).send(victim.toHelper());
    }
    taken += takeUploads(leaderInbox, leader, replayers.size(), clientOfNonce, rejected, uploadNanos);
    takeUploads(helperInbox, helper, replayers.size(), null, null, uploadNanos);
    List<PhaseReport> phases = new ArrayList<>();
    end(phases, new PhaseReport("SHARD_AND_UPLOAD", clients, taken, uploadWall, uploadNanos[0], clientTotal, clientMax,
        0, toLeader.serverBytesReceived() + toHelper.serverBytesReceived(), List.of()));
    if (leader.pendingUploads() > 0) {
      throw new IllegalStateException("a replay was taken as a new report");
    }
    listener.participantDone("VERIFY", 1, 1);
    end(phases, new PhaseReport("VERIFY", 1, 1, verifyWall, leaderNanos, helperNanos, helperNanos,
        peer.clientBytesSent(1), peer.clientBytesReceived(1), List.of()));

    listener.phaseStarted("COLLECT", 2);
    long c0 = System.nanoTime();
    InMemoryNetwork collectorNet = new InMemoryNetwork(2);
    collectorNet.clientEndpoint(1).send(leader.aggregateShareFrame(randomness.forParty("prio3-noise", 1)));
    listener.participantDone("COLLECT", 1, 2);
    collectorNet.clientEndpoint(2).send(helper.aggregateShareFrame(randomness.forParty("prio3-noise", 2)));
    listener.participantDone("COLLECT", 2, 2);
    byte[][] shares = new byte[2][];
    ServerTransport collector = collectorNet.serverEndpoint();
    for (int i = 0; i < 2; i++) {
      InboundFrame f = receive(collector);
      shares[f.clientId() - 1] = f.frame();
      listener.answerReceived("COLLECT", i + 1);
    }
    BoundedVectorResult result = fl.collect(shares[0], shares[1]);
    long collect = System.nanoTime() - c0;
    end(phases, new PhaseReport("COLLECT", 2, 2, collect, collect, 0, 0, 0, collectorNet.serverBytesReceived(), List.of()));

    // Tally and check against the plaintext.
    EnumMap<MaliciousKind, Integer> maliciousByKind = new EnumMap<>(MaliciousKind.class);
    EnumMap<MaliciousKind, Integer> rejectedByKind = new EnumMap<>(MaliciousKind.class);
    for (Map.Entry<Integer, MaliciousKind> e : malicious.entrySet()) {
      maliciousByKind.merge(e.getValue(), 1, Integer::sum);
      if (rejected.containsKey(e.getKey())) {
        rejectedByKind.merge(e.getValue(), 1, Integer::sum);
      }
    }
    for (VdafException.Reason r : rejected.values()) {
      byReason.merge(r, 1L, Long::sum);
    }
    long[] expected = new long[fl.dimension()];
    int honestAccepted = 0;
    int maliciousAccepted = 0;
    for (int id : accepted) {
      if (malicious.containsKey(id)) {
        maliciousAccepted++;
        continue;
      }
      honestAccepted++;
      long[] q = honestValues.get(id);
      for (int i = 0; i < q.length; i++) {
        expected[i] += q[i];
      }
    }
    boolean sumVerified = result.reports() == accepted.size() && sumMatches(result, expected);
    long total = System.nanoTime() - start;
    Prio3RoundReport report = new Prio3RoundReport(result, clients, maliciousByKind, honestAccepted, maliciousAccepted,
        byReason, rejectedByKind, sumVerified, phases, bytesPerClient, peer.serverBytesReceived() + peer.serverBytesSent(),
        total);
    if (LOG.isLoggable(Level.INFO)) {
      LOG.log(Level.INFO, String.format(Locale.ROOT, "secagg Prio3 round ended in %.3f s: %d of %d reports aggregated, %s",
          total / 1e9, result.reports(), clients, report.verified() ? "verified" : "NOT verified"));
    }
    return report;
  }

  private boolean sumMatches(BoundedVectorResult result, long[] expected) {
    long[] got = result.integerSum();
    if (!fl.noised()) {
      return Arrays.equals(expected, got);
    }
    double bound = NOISE_TOLERANCE_SIGMAS * Math.sqrt(2 * fl.noiseSigma2().orElseThrow().doubleValue());
    for (int i = 0; i < got.length; i++) {
      if (Math.abs((double) got[i] - expected[i]) > bound) {
        return false;
      }
    }
    return true;
  }

  /** Each replaying client copies the nearest honest client below it, else above it. */
  private Map<Integer, Integer> replayTargets(Map<Integer, MaliciousKind> malicious) {
    Map<Integer, Integer> out = new HashMap<>();
    for (Map.Entry<Integer, MaliciousKind> e : malicious.entrySet()) {
      if (e.getValue() != MaliciousKind.REPLAYED_NONCE) {
        continue;
      }
      int id = e.getKey();
      Integer target = null;
      for (int d = 1; target == null && (id - d >= 1 || id + d <= clients); d++) {
        for (int c : new int[] {id - d, id + d}) {
          if (target == null && c >= 1 && c <= clients && !malicious.containsKey(c)) {
            target = c;
          }
        }
      }
      if (target == null) {
        throw new IllegalStateException("a replaying client needs an honest client to copy");
      }
      out.put(id, target);
    }
    return out;
  }

  /** Takes {@code count} upload frames into {@code a}; records refusals when asked. */
  private int takeUploads(ServerTransport inbox, BoundedVectorAggregator a, int count, Map<String, Integer> clientOfNonce,
      Map<Integer, VdafException.Reason> rejected, long[] nanos) throws IOException, InterruptedException {
    int ok = 0;
    for (int i = 0; i < count; i++) {
      InboundFrame f = receive(inbox);
      long t = System.nanoTime();
      try {
        byte[] nonce = a.acceptUpload(f.frame());
        if (clientOfNonce != null) {
          clientOfNonce.put(HexFormat.of().formatHex(nonce), f.clientId());
        }
        ok++;
      } catch (VdafException e) {
        if (rejected != null) {
          rejected.put(f.clientId(), e.reason());
        }
      }
      nanos[0] += System.nanoTime() - t;
    }
    return ok;
  }

  private static InboundFrame receive(ServerTransport t) throws IOException, InterruptedException {
    InboundFrame f = t.receive(WAIT);
    if (f == null || f.isDeparture()) {
      throw new IllegalStateException("an in-memory frame went missing");
    }
    return f;
  }

  /** One client: its input, quantized, sharded and framed, or the malicious variant. */
  private Upload shardOne(int id, MaliciousKind kind) {
    long t0 = System.nanoTime();
    SecureRandom r = randomness.forParty("prio3-client", id);
    long[] q = fl.quantize(input(id), r).vector().toLongArray();
    Prio3Report report = kind == MaliciousKind.OUT_OF_RANGE
        ? fl.forgeOutOfRangeReportForTestingOnly(q, (id - 1) % fl.dimension(), r)
        : fl.shard(q, r);
    byte[] toLeader = fl.uploadFrame(report, 0);
    byte[] toHelper = fl.uploadFrame(report, 1);
    Prio3<long[], ?> p = fl.prio3();
    int vdafElement = p.vdafField().encodedSize();
    if (kind == MaliciousKind.BAD_PROOF) {
      // The leader's input share ends with the proofs and the 32-byte blind: flip a bit of the
      // first proof element's low byte (still canonical, no longer the proof).
      int proofStart = toLeader.length - Prio3.SEED_SIZE - p.proofLength() * p.proofs() * vdafElement;
      toLeader[proofStart] ^= 1;
    } else if (kind == MaliciousKind.TRUNCATED) {
      toLeader = Arrays.copyOf(toLeader, toLeader.length / 2);
    } else if (kind == MaliciousKind.GARBLED) {
      // The first measurement element set to 2^64 - 1, above the Field64 modulus.
      int measStart = toLeader.length - p.inputShareLength(0) ;
      Arrays.fill(toLeader, measStart, measStart + vdafElement, (byte) 0xFF);
    }
    return new Upload(id, toLeader, toHelper, kind == null ? q : null, System.nanoTime() - t0);
  }

  private float[] input(int id) {
    if (inputs == null) {
      // Uniform in [-1.25 c, 1.25 c]: a fifth of the coordinates need clipping.
      SecureRandom r = randomness.forParty("prio3-input", id);
      float[] u = new float[fl.dimension()];
      double c = fl.clipBound();
      for (int i = 0; i < u.length; i++) {
        u[i] = (float) ((r.nextDouble() * 2 - 1) * 1.25 * c);
      }
      return u;
    }
    float[] u = Objects.requireNonNull(inputs.apply(id), "input supplier returned null for client " + id);
    if (u.length != fl.dimension()) {
      throw new IllegalArgumentException("input of client " + id + " has " + u.length + " values; the round needs "
          + fl.dimension());
    }
    return u;
  }

  private static <T> T join(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void end(List<PhaseReport> phases, PhaseReport p) {
    phases.add(p);
    listener.phaseEnded(p);
  }

  @Override
  public String toString() {
    return "Prio3Round[" + clients + " clients, " + fl + ", malicious " + maliciousFraction + ", threads=" + threads + "]";
  }

  /** Builds a {@link Prio3Round}; setters validate at once. */
  public static final class Builder extends RunnerBuilder<Builder> {
    private final BoundedVector fl;
    private int clients;
    private double maliciousFraction = DEFAULT_MALICIOUS_FRACTION;
    private Set<MaliciousKind> kinds = EnumSet.allOf(MaliciousKind.class);
    private IntFunction<float[]> inputs;
    private int jobSize = DEFAULT_JOB_SIZE;

    private Builder(BoundedVector fl) {
      this.fl = fl;
      this.clients = Math.min(fl.maxClients(), MAX_CLIENTS);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The number of clients n, ids 1..n (default: the configuration's maximum).
     *
     * @throws IllegalArgumentException if {@code n} is outside 2..the configuration's maximum
     */
    public Builder clients(int n) {
      this.clients = checkClientCount(n, 2, fl.maxClients(), MAX_CLIENTS);
      return this;
    }

    /**
     * The fraction of malicious clients, in {@code [0, 1)} (default 0.05): {@code round(fraction
     * * n)} of them, at least one client stays honest.
     *
     * @throws IllegalArgumentException if out of range
     */
    public Builder maliciousFraction(double fraction) {
      if (!(fraction >= 0 && fraction < 1)) {
        throw new IllegalArgumentException("Invalid malicious fraction " + fraction + "; must be in [0, 1)");
      }
      this.maliciousFraction = fraction;
      return this;
    }

    /**
     * The kinds of malicious reports, assigned in turn (default: all of {@link MaliciousKind}).
     *
     * @throws IllegalArgumentException if {@code kinds} is empty
     */
    public Builder maliciousKinds(Set<MaliciousKind> kinds) {
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("need at least one malicious kind");
      }
      this.kinds = EnumSet.copyOf(kinds);
      return this;
    }

    /**
     * The clients' updates, {@code dimension} floats per client (default: uniform in
     * {@code [-1.25 c, 1.25 c]}). Called once per client id, from the worker threads.
     *
     * @throws NullPointerException if {@code supplier} is null
     */
    public Builder inputs(IntFunction<float[]> supplier) {
      this.inputs = Objects.requireNonNull(supplier, "supplier");
      return this;
    }

    /**
     * Reports per wave and verification job (default {@value #DEFAULT_JOB_SIZE}).
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder jobSize(int reports) {
      if (reports < 1) {
        throw new IllegalArgumentException("Invalid job size " + reports);
      }
      this.jobSize = reports;
      return this;
    }

    /**
     * The runner.
     *
     * @throws IllegalArgumentException if the malicious fraction leaves no honest client
     */
    public Prio3Round build() {
      if (Math.round(maliciousFraction * clients) >= clients) {
        throw new IllegalArgumentException("the malicious fraction leaves no honest client");
      }
      return new Prio3Round(this);
    }
  }
}
