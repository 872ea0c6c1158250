package io.secagg.vdaf;

import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.BitSource;
import io.secagg.dp.sampling.DiscreteGaussian;
import io.secagg.vdaf.internal.field.Field;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One aggregator of a {@link BoundedVector} batch, sans-I/O: it takes frames in and gives frames
 * out, and the caller moves them over any transport ({@code spec/vdaf.md}, "Transport framing").
 * The leader (aggregator 0) drives verification in jobs; the helper (aggregator 1) answers.
 *
 * <ol>
 *   <li>Both: {@link #acceptUpload} for every client frame. It rejects a frame that does not
 *       decode and a nonce already taken in this batch (a replay).
 *   <li>Leader: {@link #startVerification} verifies its shares of up to {@code maxReports}
 *       pending uploads and returns the {@code VERIFY_INIT} frame for the helper.
 *   <li>Helper: {@link #acceptVerifyInit} verifies its shares against the leader's messages and
 *       returns the {@code VERIFY_RESPONSE} frame (a verdict per report).
 *   <li>Leader: {@link #acceptVerifyResponse} finishes each report, aggregates the accepted ones
 *       and returns the {@code COMMIT} frame naming them; {@link #takeOutcomes} says what became
 *       of each report.
 *   <li>Helper: {@link #acceptCommit} aggregates exactly the reports the leader committed, so the
 *       two aggregates always cover the same reports.
 *   <li>Both, once every job is done: {@link #aggregateShareFrame} for the collector
 *       ({@link BoundedVector#collect}), with this aggregator's noise if configured.
 * </ol>
 *
 * <p>The per-report verification runs on the given {@link Executor}, one task per report
 * (single-threaded per report); pass {@code Runnable::run} to stay on the calling thread. Every
 * method throws {@link VdafException} subtypes only for bytes from outside (a client or the other
 * aggregator), and {@link IllegalStateException} for calls out of order. Not thread-safe: one
 * thread drives an aggregator. Memory: the leader holds its pending uploads (about
 * {@code 8 (dimension bits + 3 proof length)} bytes each), so feed uploads and jobs in waves.
 */
public final class BoundedVectorAggregator {
  private final BoundedVector config;
  private final Prio3<long[], BigInteger[]> prio3;
  private final int aggregatorId;
  private final PingPongLeader leader;
  private final PingPongHelper helper;

  private final Set<Frames.Nonce> seen = new HashSet<>();
  private final Map<Frames.Nonce, Frames.Upload> uploads = new LinkedHashMap<>();
  // Leader: the job waiting for the helper's answer. Helper: verified reports awaiting commit.
  private final Map<Frames.Nonce, PingPongState.Continued> inFlight = new HashMap<>();
  private final Map<Frames.Nonce, OutputShare> awaitingCommit = new HashMap<>();
  private long job;
  private boolean jobOpen;
  private final List<ReportOutcome> outcomes = new ArrayList<>();
  private final Map<VdafException.Reason, Long> rejections = new EnumMap<>(VdafException.Reason.class);
  private final AggregateShare sum;
  private final byte[] checksum = new byte[Frames.CHECKSUM_SIZE];
  private long reports;
  private boolean finished;

  BoundedVectorAggregator(BoundedVector config, int aggregatorId, VerifyKey key) {
    this.config = config;
    this.prio3 = config.prio3();
    this.aggregatorId = aggregatorId;
    this.leader = aggregatorId == 0 ? prio3.leader(key, config.context()) : null;
    this.helper = aggregatorId == 1 ? prio3.helper(key, config.context()) : null;
    this.sum = prio3.newAggregateShare();
  }

  /** 0 for the leader, 1 for the helper. */
  public int aggregatorId() {
    return aggregatorId;
  }

  /**
   * Takes one client's upload frame ({@link BoundedVector#uploadFrame}) and keeps it for
   * verification.
   *
   * @return the report's nonce (its identifier in {@link ReportOutcome})
   * @throws MalformedMessageException if the frame does not decode or its shares have the wrong
   *     length (counted in {@link #rejections()})
   * @throws ReportRejectedException with {@link VdafException.Reason#REPLAYED_NONCE} if the
   *     nonce was already taken in this batch, or {@link VdafException.Reason#BATCH_FULL} if the
   *     batch already holds {@link BoundedVector#maxClients()} reports, verified or pending
   *     (counted)
   * @throws IllegalStateException after {@link #aggregateShareFrame}
   */
  public byte[] acceptUpload(byte[] frame) throws MalformedMessageException, ReportRejectedException {
    checkOpen();
    Frames.Upload u;
    try {
      u = Frames.decodeUpload(frame, prio3.publicShareLength(), prio3.inputShareLength(aggregatorId));
    } catch (MalformedMessageException e) {
      count(e.reason());
      throw e;
    }
    Frames.Nonce n = Frames.Nonce.of(u.nonce());
    if (seen.contains(n)) {
      count(VdafException.Reason.REPLAYED_NONCE);
      throw new ReportRejectedException(VdafException.Reason.REPLAYED_NONCE, "report nonce already taken in this batch");
    }
    // Bounds the aggregator's memory and keeps the batch collectable: the collector refuses more
    // than maxClients reports.
    if (reports + uploads.size() + inFlight.size() + awaitingCommit.size() >= config.maxClients()) {
      count(VdafException.Reason.BATCH_FULL);
      throw new ReportRejectedException(VdafException.Reason.BATCH_FULL,
          "the batch already holds " + config.maxClients() + " reports");
    }
    seen.add(n);
    uploads.put(n, u);
    return u.nonce().clone();
  }

  /** Uploads taken and not yet sent to (leader) or asked for by (helper) verification. */
  public int pendingUploads() {
    return uploads.size();
  }

  /**
   * Leader: verifies its shares of up to {@code maxReports} pending uploads, in arrival order,
   * one task per report on {@code executor}, and opens a job. Reports that fail already here are
   * rejected (see {@link #takeOutcomes}).
   *
   * @return the {@code VERIFY_INIT} frame for the helper; empty if no upload was pending or none
   *     passed (no job is opened then)
   * @throws IllegalStateException if this is the helper, a job is open or the batch is finished
   * @throws IllegalArgumentException if {@code maxReports < 1}
   */
  public Optional<byte[]> startVerification(int maxReports, Executor executor) {
    requireRole(0, "startVerification");
    checkOpen();
    if (jobOpen) {
      throw new IllegalStateException("job " + job + " still waits for the helper's answer");
    }
    if (maxReports < 1) {
      throw new IllegalArgumentException("maxReports must be at least 1");
    }
    List<Frames.Upload> batch = new ArrayList<>();
    Iterator<Frames.Upload> it = uploads.values().iterator();
    while (it.hasNext() && batch.size() < maxReports) {
      batch.add(it.next());
      it.remove();
    }
    List<Object> results = parallel(batch, u -> {
      try {
        return leader.init(u.nonce(), u.publicShare(), u.inputShare());
      } catch (VdafException e) {
        return e.reason();
      }
    }, executor);
    List<Frames.Entry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Frames.Nonce n = Frames.Nonce.of(batch.get(i).nonce());
      if (results.get(i) instanceof PingPongState.Continued c) {
        inFlight.put(n, c);
        entries.add(new Frames.Entry(n, 0, c.outbound().orElseThrow()));
      } else {
        reject(n, (VdafException.Reason) results.get(i));
      }
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    job++;
    jobOpen = true;
    return Optional.of(Frames.job(Frames.VERIFY_INIT, job, entries));
  }

  /**
   * Helper: verifies its shares of the reports the leader's {@code VERIFY_INIT} frame names,
   * one task per report on {@code executor}, and returns the {@code VERIFY_RESPONSE} frame: for
   * each, the finishing message or the reason it was rejected (a report this helper holds no
   * share of is {@link VdafException.Reason#UNKNOWN_REPORT}).
   *
   * @throws MalformedMessageException if the frame does not decode, repeats or goes back on a job
   *     number, or arrives while the previous job awaits its commit (nothing changes then)
   * @throws IllegalStateException if this is the leader or the batch is finished
   */
  public byte[] acceptVerifyInit(byte[] frame, Executor executor) throws MalformedMessageException {
    requireRole(1, "acceptVerifyInit");
    checkOpen();
    Frames.Job j = Frames.decodeJob(frame, Frames.VERIFY_INIT, pingPongLength(prio3.verifierShareLength()));
    if (jobOpen) {
      throw new MalformedMessageException(VdafException.Reason.UNEXPECTED_MESSAGE_TYPE,
          "a new job while job " + job + " awaits its commit");
    }
    if (j.job() <= job) {
      throw Frames.malformed("job " + j.job() + " does not follow job " + job);
    }
    List<Frames.Upload> mine = new ArrayList<>(j.entries().size());
    for (Frames.Entry e : j.entries()) {
      mine.add(uploads.remove(e.nonce()));
    }
    List<Object> results = parallel(indices(j.entries().size()), i -> {
      Frames.Upload u = mine.get(i);
      if (u == null) {
        return VdafException.Reason.UNKNOWN_REPORT;
      }
      try {
        return helper.init(u.nonce(), u.publicShare(), u.inputShare(), j.entries().get(i).message());
      } catch (VdafException e) {
        return e.reason();
      }
    }, executor);
    List<Frames.Entry> answers = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      Frames.Nonce n = j.entries().get(i).nonce();
      if (results.get(i) instanceof PingPongState s) {
        awaitingCommit.put(n, s.outputShare().orElseThrow());
        answers.add(new Frames.Entry(n, 0, s.outbound().orElseThrow()));
      } else {
        VdafException.Reason r = (VdafException.Reason) results.get(i);
        count(r);
        answers.add(new Frames.Entry(n, Frames.status(r), null));
      }
    }
    job = j.job();
    jobOpen = true;
    return Frames.job(Frames.VERIFY_RESPONSE, job, answers);
  }

  /**
   * Leader: finishes the open job with the helper's {@code VERIFY_RESPONSE} frame, aggregates
   * every report both aggregators verified, and returns the {@code COMMIT} frame naming them for
   * the helper.
   *
   * @throws MalformedMessageException if the frame does not decode, belongs to another job, or
   *     does not answer for exactly the job's reports (the job stays open then)
   * @throws IllegalStateException if this is the helper or no job is open
   */
  public byte[] acceptVerifyResponse(byte[] frame) throws MalformedMessageException {
    requireRole(0, "acceptVerifyResponse");
    if (!jobOpen) {
      throw new IllegalStateException("no job is open");
    }
    Frames.Job j = Frames.decodeJob(frame, Frames.VERIFY_RESPONSE, pingPongLength(prio3.verifierMessageLength()));
    if (j.job() != job) {
      throw Frames.malformed("answer for job " + j.job() + ", job " + job + " is open");
    }
    if (j.entries().size() != inFlight.size()) {
      throw Frames.malformed("answer covers " + j.entries().size() + " reports, the job has " + inFlight.size());
    }
    for (Frames.Entry e : j.entries()) {
      if (!inFlight.containsKey(e.nonce())) {
        throw new MalformedMessageException(VdafException.Reason.UNKNOWN_REPORT, "answer names a report not in the job");
      }
    }
    List<Frames.Nonce> committed = new ArrayList<>();
    for (Frames.Entry e : j.entries()) {
      PingPongState.Continued state = inFlight.get(e.nonce());
      if (e.status() != 0) {
        reject(e.nonce(), Frames.reason(e.status()));
        continue;
      }
      try {
        OutputShare out = leader.continued(state, e.message()).outputShare().orElseThrow();
        aggregate(e.nonce(), out);
        committed.add(e.nonce());
        outcomes.add(new ReportOutcome(e.nonce().bytes(), null));
      } catch (VdafException ex) {
        reject(e.nonce(), ex.reason());
      }
    }
    inFlight.clear();
    jobOpen = false;
    return Frames.commit(job, committed);
  }

  /**
   * Helper: aggregates exactly the reports of the open job that the leader's {@code COMMIT}
   * frame names, and drops the rest (the leader rejected them).
   *
   * @throws MalformedMessageException if the frame does not decode, belongs to another job or
   *     names a report this helper did not verify in it (nothing is aggregated then)
   * @throws IllegalStateException if this is the leader
   */
  public void acceptCommit(byte[] frame) throws MalformedMessageException {
    requireRole(1, "acceptCommit");
    Frames.Commit c = Frames.decodeCommit(frame);
    if (!jobOpen || c.job() != job) {
      throw Frames.malformed("commit for job " + c.job() + (jobOpen ? ", job " + job + " is open" : ", no job is open"));
    }
    for (Frames.Nonce n : c.nonces()) {
      if (!awaitingCommit.containsKey(n)) {
        throw new MalformedMessageException(VdafException.Reason.UNKNOWN_REPORT, "commit names a report not verified in the job");
      }
    }
    for (Frames.Nonce n : c.nonces()) {
      aggregate(n, awaitingCommit.get(n));
    }
    awaitingCommit.clear();
    jobOpen = false;
  }

  /**
   * Leader: the outcome of every report decided since the last call (verification verdicts;
   * uploads refused by {@link #acceptUpload} are reported by its exception instead).
   */
  public List<ReportOutcome> takeOutcomes() {
    List<ReportOutcome> out = List.copyOf(outcomes);
    outcomes.clear();
    return out;
  }

  /** Reports aggregated so far. */
  public long aggregatedReports() {
    return reports;
  }

  /** Reports this aggregator rejected so far, by reason (only reasons that occurred). */
  public Map<VdafException.Reason, Long> rejections() {
    return Collections.unmodifiableMap(new EnumMap<>(rejections));
  }

  /**
   * Ends the batch: this aggregator's aggregate share (with its discrete Gaussian noise if the
   * configuration adds noise, drawn through secagg-dp's AES-CTR bit source keyed from
   * {@code random}), the number of reports in it and a checksum of their nonces, as the frame
   * for the collector. Uploads never verified are dropped. Callable once.
   *
   * @throws IllegalStateException if a job is open or the batch was already ended
   * @throws NullPointerException if {@code random} is null
   */
  public byte[] aggregateShareFrame(SecureRandom random) {
    Objects.requireNonNull(random, "random");
    checkOpen();
    if (jobOpen) {
      throw new IllegalStateException("job " + job + " is still open");
    }
    finished = true;
    uploads.clear();
    if (config.noised()) {
      addNoise(AesCtrBitSource.create(random));
    }
    return Frames.aggregateShare(new Frames.AggShare(aggregatorId, reports, checksum.clone(), config.noised(), sum.encode()));
  }

  private void addNoise(BitSource bits) {
    DiscreteGaussian g = DiscreteGaussian.withSigma2(config.noiseSigma2().orElseThrow());
    Field f = prio3.field();
    BigInteger p = f.modulus();
    long[] noise = f.newVector(config.dimension());
    for (int i = 0; i < config.dimension(); i++) {
      f.set(noise, i, BigInteger.valueOf(g.sample(bits)).mod(p));
    }
    f.addInPlace(sum.sum, noise);
  }

  private void aggregate(Frames.Nonce n, OutputShare out) {
    sum.add(out);
    reports++;
    byte[] h = sha256(n.bytes());
    for (int i = 0; i < checksum.length; i++) {
      checksum[i] ^= h[i];
    }
  }

  private void reject(Frames.Nonce n, VdafException.Reason reason) {
    count(reason);
    outcomes.add(new ReportOutcome(n.bytes(), reason));
  }

  private void count(VdafException.Reason reason) {
    rejections.merge(reason, 1L, Long::sum);
  }

  private static int pingPongLength(int itemLength) {
    return 1 + 4 + itemLength;
  }

  private void requireRole(int id, String method) {
    if (aggregatorId != id) {
      throw new IllegalStateException(method + " is the " + (id == 0 ? "leader's" : "helper's") + " step");
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("the batch has ended");
    }
  }

  private static List<Integer> indices(int n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  /** Runs {@code task} on each item on {@code executor}, one task per item; results in order. */
  private static <T> List<Object> parallel(List<T> items, java.util.function.Function<T, Object> task, Executor executor) {
    Objects.requireNonNull(executor, "executor");
    List<CompletableFuture<Object>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      Supplier<Object> s = () -> task.apply(item);
      futures.add(CompletableFuture.supplyAsync(s, executor));
    }
    List<Object> out = new ArrayList<>(items.size());
    for (CompletableFuture<Object> f : futures) {
      try {
        out.add(f.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    return out;
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "BoundedVectorAggregator[" + (aggregatorId == 0 ? "leader" : "helper") + ", " + reports + " reports, "
        + uploads.size() + " pending]";
  }
}
