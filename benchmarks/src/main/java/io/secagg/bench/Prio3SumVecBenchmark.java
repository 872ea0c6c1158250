package io.secagg.bench;

import io.secagg.vdaf.PingPongHelper;
import io.secagg.vdaf.PingPongLeader;
import io.secagg.vdaf.PingPongState;
import io.secagg.vdaf.Prio3;
import io.secagg.vdaf.Prio3Report;
import io.secagg.vdaf.Prio3SumVec;
import io.secagg.vdaf.VdafException;
import io.secagg.vdaf.VerifyKey;
import io.secagg.vdaf.internal.xof.KeccakSponge;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prio3SumVec per report, single-threaded, with the chunk length the builder recommends
 * ({@code floor(sqrt(length * bits))}, 894 for 100,000 x 8 bits, the anchor's):
 *
 * <ul>
 *   <li>{@code shard}: the client's whole sharding (encoding, helper share expansion, joint
 *       randomness, proof, leader share encoding);
 *   <li>{@code verifyLeader}: the leader's part in the ping-pong topology, {@code verify_init}
 *       then {@code verify_next} on the helper's answer ({@code ping_pong_leader_init} and
 *       {@code _continued});
 *   <li>{@code verifyHelper}: the helper's part, {@code verify_init}, the combination of the
 *       verifier shares and {@code verify_next} ({@code ping_pong_helper_init});
 *   <li>{@code xofLimit}: the baseline in the same run, bare TurboSHAKE128 output of
 *       {@code 16 * length * bits} bytes, the size of one Field128 measurement share. A client
 *       processes three times that through the XOF (expanding the helper's share, hashing both
 *       shares into the joint randomness parts), the helper twice and the leader once.
 * </ul>
 *
 * <p>How to run (the full matrix takes about 15 minutes):
 *
 * <pre>
 * mvn -B -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar Prio3SumVecBenchmark -f 1 -wi 2 -w 5s -i 5 -r 5s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class Prio3SumVecBenchmark {
  /** Vector length. */
  @Param({"1000", "100000"})
  public int length;

  /** Bits per element: maxMeasurement = 2^bits - 1. */
  @Param({"1", "8", "16"})
  public int bits;

  private final byte[] ctx = "secagg benchmark".getBytes(StandardCharsets.US_ASCII);
  private Prio3<long[], BigInteger[]> prio3;
  private SecureRandom random;
  private long[] measurement;
  private PingPongLeader leader;
  private PingPongHelper helper;
  private Prio3Report report;
  private byte[] nonce;
  private byte[] publicShare;
  private byte[] leaderShare;
  private byte[] helperShare;
  private byte[] leaderInit;
  private byte[] helperFinish;
  private byte[] xofOut;

  /** One instance, one measurement, and one report whose messages the verify benchmarks replay. */
  @Setup
  public void setUp() throws VdafException {
    long max = (1L << bits) - 1;
    prio3 = Prio3SumVec.builder().length(length).maxMeasurement(max).build();
    random = new SecureRandom();
    measurement = new long[length];
    for (int i = 0; i < length; i++) {
      measurement[i] = Math.floorMod(random.nextLong(), max + 1);
    }
    VerifyKey key = VerifyKey.generate(random);
    leader = prio3.leader(key, ctx);
    helper = prio3.helper(key, ctx);
    report = prio3.shard(ctx, measurement, random);
    nonce = report.nonce();
    publicShare = report.publicShare();
    leaderShare = report.inputShare(0);
    helperShare = report.inputShare(1);
    PingPongState.Continued l = leader.init(nonce, publicShare, leaderShare);
    leaderInit = l.outbound().orElseThrow();
    PingPongState h = helper.init(nonce, publicShare, helperShare, leaderInit);
    helperFinish = h.outbound().orElseThrow();
    if (leader.continued(l, helperFinish).outputShare().isEmpty()) {
      throw new IllegalStateException("the report did not verify");
    }
    xofOut = new byte[Math.multiplyExact(16, prio3.measurementLength())];
  }

  /** The client's sharding of one report. */
  @Benchmark
  public Prio3Report shard() {
    return prio3.shard(ctx, measurement, random);
  }

  /** The leader's verification of one report (init, then the helper's finish message). */
  @Benchmark
  public PingPongState verifyLeader() throws VdafException {
    PingPongState.Continued c = leader.init(nonce, publicShare, leaderShare);
    return leader.continued(c, helperFinish);
  }

  /** The helper's verification of one report (init with the leader's initialize message). */
  @Benchmark
  public PingPongState verifyHelper() throws VdafException {
    return helper.init(nonce, publicShare, helperShare, leaderInit);
  }

  /** Baseline: bare TurboSHAKE128 output of one Field128 measurement share's bytes. */
  @Benchmark
  public byte[] xofLimit() {
    KeccakSponge s = KeccakSponge.turboShake128(1);
    s.absorb(nonce, 0, nonce.length);
    s.squeeze(xofOut, 0, xofOut.length);
    return xofOut;
  }
}
