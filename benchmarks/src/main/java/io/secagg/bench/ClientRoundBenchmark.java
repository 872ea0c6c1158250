package io.secagg.bench;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.client.ClientCompleted;
import io.secagg.core.vector.Modulus;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One client's whole participation in a session of {@code peers + 1} clients (default 500 peers,
 * L = 10^5, m = 2^32, complete graph, semi-honest, threshold peers/2 + 1, no dropouts).
 *
 * <p><b>Timed region of {@code wholeClient}</b>: client 1 handles, in order, every server message
 * the recorded session sent it: round 0 (generate its two X25519 key pairs and its self-mask
 * seed, advertise), round 1 (check the key list and compute the session id, Shamir-share its
 * seed and masking key to every peer, agree a share key with each peer and AES-GCM-encrypt the
 * shares, agree the pairwise masking seed with each peer), round 2 (decrypt the peers' shares,
 * add one self mask and one pairwise mask per peer, encode the masked input) and round 4
 * (answer the unmasking request with its shares). Building the client (input vector, seeded
 * random) happens in the per-invocation setup and is not timed.
 *
 * <p><b>Timed region of {@code bareKeystreamAndAdd}</b> (the baseline for the masking part):
 * peers + 1 bare JCE AES-128-CTR keystreams of 4L bytes in 32 KiB chunks (as the library), added
 * into an int[L].
 *
 * <p>Setup (not timed): once per trial the whole session runs with fixed seeds on two threads
 * (tens of seconds for 500 peers; cached on disk per jar build, see {@link RecordedSession}) and
 * the server's messages to client 1 are recorded; the
 * rebuilt client 1 draws the same keys from the same seed, so they stay valid.
 *
 * <p>How to run:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ClientRoundBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClientRoundBenchmark {
  /** Peers k (the session has k + 1 clients). */
  @Param({"500"})
  public int peers;

  /** Elements per vector. */
  @Param({"100000"})
  public int length;

  private BareKeystreamSum bare;

  /** Prepares the baseline's keys and buffers. */
  @Setup(Level.Trial)
  public void buffers() throws GeneralSecurityException {
    bare = new BareKeystreamSum(peers, length);
  }

  /**
   * The recorded session, used only by {@code wholeClient}: its own state, so the baseline's
   * forks do not pay for the session.
   */
  @State(Scope.Thread)
  public static class Session {
    SecAggConfig config;
    List<ServerMessage> requests;
    ClientMachine fresh;

    /** Runs and records the session; checks that a replayed client 1 completes. */
    @Setup(Level.Trial)
    public void record(ClientRoundBenchmark shape) throws Exception {
      config =
          SecAggConfig.builder().clientCount(shape.peers + 1).threshold(shape.peers / 2 + 1)
              .vectorLength(shape.length).modulus(Modulus.powerOfTwo(32)).completeGraph().build();
      requests =
          RecordedSession.recordOrLoad(config, new boolean[shape.peers + 2], 2).toClient.get(1);
      freshClient();
      if (!(run(this).state() instanceof ClientCompleted)) {
        throw new IllegalStateException("the replayed client did not complete");
      }
    }

    /** Client 1 rebuilt from its seed (not timed). */
    @Setup(Level.Invocation)
    public void freshClient() {
      fresh = RecordedSession.client(config, 1);
    }
  }

  /** The measured work: everything client 1 does in the session. */
  @Benchmark
  public ClientOutcome wholeClient(Session s) {
    return run(s);
  }

  private static ClientOutcome run(Session s) {
    ClientOutcome last = null;
    for (ServerMessage m : s.requests) {
      last = s.fresh.handle(m);
    }
    return last;
  }

  /** The raw limit of the masking part: peers + 1 bare keystreams added into an int[]. */
  @Benchmark
  public int[] bareKeystreamAndAdd() throws GeneralSecurityException {
    return bare.run();
  }
}
