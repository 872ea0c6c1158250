package io.secagg.bench;

import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.vector.Modulus;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server's unmasking round for n clients (default 500) with L = 10^5, m = 2^32, complete
 * graph, semi-honest, threshold n/2, where a fraction {@code dropout} of the clients drop after
 * sending their shares and before sending their masked input (so the server must recover their
 * masking keys and remove their pairwise masks), on {@code threads} threads (1: no executor;
 * t &gt; 1: {@code ServerOptions.withExecutor(pool of t - 1 threads, t)}).
 *
 * <p><b>Timed region of {@code serverUnmasking}</b> (one shot): the server, already in round 4
 * with every survivor's masked input summed, handles every survivor's recorded {@code
 * UnmaskingResponse} in id order (decoding and checking each share); the last one closes the
 * round: Lagrange reconstruction of every survivor's self-mask seed and every dropped client's
 * masking key, the check of each recovered key against its advertised public key, and the
 * removal of one self mask per survivor and, for each dropped client, one pairwise mask per
 * surviving neighbour (an X25519 agreement, an HKDF and an AES-128-CTR mask of L elements each),
 * giving the {@link AggregationResult}. With d = round(n * dropout) and s = n - d that is s + d*s
 * masks and d*s agreements.
 *
 * <p><b>Timed region of {@code bareKeystreamAndAdd}</b> (the baseline, average time): the same
 * number of masks, s + d*s bare JCE AES-128-CTR keystreams of 4L bytes in 32 KiB chunks (as the
 * library), added into an int[L], dealt over the same number of threads (each its own
 * accumulator, summed at the end). It contains no key agreement, which dominates the server's
 * cost when clients drop.
 *
 * <p>Setup (not timed): once per trial the whole session is run with fixed seeds and every
 * message the server consumed is recorded (tens of seconds for 500 clients; cached on disk per
 * jar build and dropout pattern, so the two thread counts share one recording, see {@link
 * RecordedSession}). A server machine
 * cannot be rewound, so before each shot a new server with the same seed replays the recorded
 * rounds 0 to 2 (and round 2's deadline) up to round 4, a second or so. Hence SingleShotTime,
 * one shot per iteration; {@code -w}/{@code -r} apply only to the baseline. The first shots of a
 * fork run partly cold code (the 0% case has only n masks), so use at least two warm-up shots.
 *
 * <p>How to run:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ServerUnmaskingBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ServerUnmaskingBenchmark {
  private static final int CHUNK = 32 * 1024;

  /** Clients n. */
  @Param({"500"})
  public int clients;

  /** Elements per vector. */
  @Param({"100000"})
  public int length;

  /** Fraction of clients dropping after round 1. */
  @Param({"0", "0.1", "0.3"})
  public double dropout;

  /** Threads doing the unmasking (and the baseline). */
  @Param({"1", "2"})
  public int threads;

  private boolean[] dropped;
  private int masks;
  private ExecutorService pool;
  private Lane[] lanes;

  /** One thread's baseline buffers. */
  private static final class Lane {
    final int[] accumulator;
    final byte[] keystream = new byte[CHUNK];
    final byte[] zeros = new byte[CHUNK];
    final Cipher cipher;

    Lane(int length) throws GeneralSecurityException {
      accumulator = new int[length];
      cipher = BareAesCtr.newCipher();
    }
  }

  /** Computes the dropout pattern and the mask count; prepares the threads and buffers. */
  @Setup(Level.Trial)
  public void pattern() throws GeneralSecurityException {
    dropped = RecordedSession.dropPattern(clients, dropout);
    int d = 0;
    for (boolean b : dropped) {
      d += b ? 1 : 0;
    }
    int s = clients - d;
    masks = s + d * s;
    pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1) : null;
    lanes = new Lane[threads];
    for (int i = 0; i < threads; i++) {
      lanes[i] = new Lane(length);
    }
  }

  /** Stops the worker threads. */
  @TearDown(Level.Trial)
  public void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /**
   * The recorded session, used only by {@code serverUnmasking}: its own state, so the baseline's
   * forks do not pay for the session.
   */
  @State(Scope.Thread)
  public static class Session {
    RecordedSession recorded;
    List<RecordedSession.Event> responses;
    ServerOptions options;
    ServerMachine server;

    /** Runs and records the whole session once. */
    @Setup(Level.Trial)
    public void record(ServerUnmaskingBenchmark shape) throws Exception {
      SecAggConfig config =
          SecAggConfig.builder().clientCount(shape.clients).threshold(shape.clients / 2)
              .vectorLength(shape.length).modulus(Modulus.powerOfTwo(32)).completeGraph().build();
      recorded = RecordedSession.recordOrLoad(config, shape.dropped, 2);
      responses = recorded.eventsOf(Round.UNMASKING);
      options =
          shape.pool == null
              ? ServerOptions.defaults()
              : ServerOptions.withExecutor(shape.pool, shape.threads);
    }

    /** A fresh server replayed up to round 4 (not timed). */
    @Setup(Level.Iteration)
    public void replay() {
      server = recorded.replayServerUntil(Round.UNMASKING, options);
    }
  }

  /** The measured work: the server's whole round 4 (shares in, masks out, result). */
  @Benchmark
  public AggregationResult serverUnmasking(Session s) {
    for (RecordedSession.Event e : s.responses) {
      if (e.message() == null) {
        s.server.advance();
      } else {
        s.server.handle(e.clientId(), e.message());
      }
    }
    AggregationResult result = s.server.result();
    if (result == null || result.includedClients().size() != s.recorded.survivors) {
      throw new IllegalStateException("unmasking did not complete: " + s.server.state());
    }
    return result;
  }

  /**
   * The raw limit: the same number of bare keystreams + adds, over the same threads. Average
   * time over timed iterations (unlike the server's single shots), because a single cold shot
   * of a few hundred masks measures the interpreter and the JCE warm-up, not the pipeline.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public int[] bareKeystreamAndAdd() {
    AtomicInteger next = new AtomicInteger();
    List<CompletableFuture<Void>> parts = new ArrayList<>();
    for (int p = 1; p < threads; p++) {
      Lane lane = lanes[p];
      parts.add(CompletableFuture.runAsync(() -> expand(lane, next), pool));
    }
    expand(lanes[0], next);
    for (CompletableFuture<Void> f : parts) {
      f.join();
    }
    int[] acc = lanes[0].accumulator;
    for (int p = 1; p < threads; p++) {
      int[] other = lanes[p].accumulator;
      for (int i = 0; i < acc.length; i++) {
        acc[i] += other[i];
      }
    }
    return acc;
  }

  private void expand(Lane lane, AtomicInteger next) {
    int bytes = 4 * length;
    try {
      for (int m = next.getAndIncrement(); m < masks; m = next.getAndIncrement()) {
        byte[] k = new byte[16];
        k[0] = (byte) m;
        k[1] = (byte) (m >>> 8);
        k[2] = (byte) (m >>> 16);
        lane.cipher.init(
            Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new IvParameterSpec(new byte[16]));
        for (int off = 0; off < bytes; off += CHUNK) {
          int len = Math.min(CHUNK, bytes - off);
          lane.cipher.update(lane.zeros, 0, len, lane.keystream, 0);
          BareKeystreamSum.addChunk(lane.accumulator, off >>> 2, lane.keystream, len >>> 2);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
