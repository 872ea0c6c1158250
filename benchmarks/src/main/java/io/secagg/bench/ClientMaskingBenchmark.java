package io.secagg.bench;

import io.secagg.core.protocol.MaskedInputRequest;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.vector.Modulus;
import java.security.GeneralSecurityException;
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
 * A client's round 2 beside its raw limit, for (peers k, vector length L) in {(100, 10^6),
 * (500, 10^5)}, m = 2^32, complete graph of k + 1 clients, semi-honest, threshold k/2 + 1.
 *
 * <p><b>Timed region of {@code clientRound2}</b>: exactly one call of {@code
 * ClientMachine.handle(MaskedInputRequest)} on a client that has just finished round 1. That
 * call is the client's whole round-2 work: decrypt and check the k share ciphertexts it
 * received, derive the self mask from its seed and the k pairwise masks from the seeds agreed in
 * round 1, add all k + 1 masks (L elements each, AES-128-CTR keystreams) to its input, and
 * encode the masked input (4L bytes). The pairwise X25519 agreements happen in round 1 and are
 * not inside this region (see {@link ClientRoundBenchmark} for the whole client).
 *
 * <p><b>Timed region of {@code bareKeystreamAndAdd}</b> (the baseline): k + 1 bare JCE
 * AES-128-CTR keystreams of 4L bytes each, produced in 32 KiB chunks (as the library) and each
 * chunk added into one int[L] accumulator with a little-endian VarHandle view in its own
 * never-inlined method. The target is clientRound2 / bareKeystreamAndAdd below 2.
 *
 * <p>Setup (not timed): once per trial, a whole session of k + 1 clients with fixed seeds is run
 * and recorded ({@link RecordedSession}, cached on disk per jar build); before each invocation
 * client 1 is rebuilt from its seed and replays rounds 0 and 1 (deterministic randomness makes
 * its keys, hence the recorded round-2 request, valid again). That replay costs k agreements,
 * so each iteration holds few invocations; use a few seconds per iteration.
 *
 * <p>How to run:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ClientMaskingBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientMaskingBenchmark {
  /** "k:L": peers k (the session has k + 1 clients) and elements per vector L. */
  @Param({"100:1000000", "500:100000"})
  public String peersAndLength;

  private int peers;
  private int length;

  private BareKeystreamSum bare;

  /** Parses the shape and prepares the baseline's keys and buffers. */
  @Setup(Level.Trial)
  public void shape() throws GeneralSecurityException {
    String[] parts = peersAndLength.split(":");
    peers = Integer.parseInt(parts[0]);
    length = Integer.parseInt(parts[1]);
    bare = new BareKeystreamSum(peers, length);
  }

  /**
   * The recorded session, used only by {@code clientRound2}: its own state, so the baseline's
   * forks do not pay for the session.
   */
  @State(Scope.Thread)
  public static class Session {
    SecAggConfig config;
    ServerMessage round0;
    ServerMessage round1;
    MaskedInputRequest round2;
    ClientMachine ready;

    /** Runs the session once and records client 1's requests. */
    @Setup(Level.Trial)
    public void record(ClientMaskingBenchmark shape) throws Exception {
      int peers = shape.peers;
      config =
          SecAggConfig.builder().clientCount(peers + 1).threshold(peers / 2 + 1)
              .vectorLength(shape.length).modulus(Modulus.powerOfTwo(32)).completeGraph().build();
      RecordedSession session = RecordedSession.recordOrLoad(config, new boolean[peers + 2], 2);
      for (ServerMessage m : session.toClient.get(1)) {
        if (m.round() == Round.ADVERTISE_KEYS) {
          round0 = m;
        } else if (m.round() == Round.SHARE_KEYS) {
          round1 = m;
        } else if (m.round() == Round.MASKED_INPUT_COLLECTION) {
          round2 = (MaskedInputRequest) m;
        }
      }
    }

    /** Client 1 rebuilt and brought to just before round 2 again (not timed). */
    @Setup(Level.Invocation)
    public void freshClient() {
      ready = RecordedSession.client(config, 1);
      ready.handle(round0);
      ready.handle(round1);
    }
  }

  /** The measured protocol step: the client's whole round 2. */
  @Benchmark
  public ClientOutcome clientRound2(Session s) {
    return s.ready.handle(s.round2);
  }

  /** The raw limit: k + 1 bare AES-128-CTR keystreams added into an int[] accumulator. */
  @Benchmark
  public int[] bareKeystreamAndAdd() throws GeneralSecurityException {
    return bare.run();
  }
}
