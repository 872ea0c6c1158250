package io.secagg.bench;

import io.secagg.vdaf.PingPongHelper;
import io.secagg.vdaf.PingPongLeader;
import io.secagg.vdaf.PingPongState;
import io.secagg.vdaf.Prio3;
import io.secagg.vdaf.Prio3Report;
import io.secagg.vdaf.Prio3SumVec;
import io.secagg.vdaf.VdafException;
import io.secagg.vdaf.VerifyKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Per-thread CPU time of one Prio3SumVec report (shard, the leader's and the helper's
 * verification), best of several reports: the figure to read when the machine is shared and
 * JMH's wall clock counts the time the thread was descheduled. Not a JMH benchmark.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.secagg.bench.Prio3CpuTime 100000 8 6 [chunkLength]
 * </pre>
 */
public final class Prio3CpuTime {
  private Prio3CpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args vector length, bits per element, number of reports, optionally the chunk length
   * @throws VdafException never for honest reports
   */
  public static void main(String[] args) throws VdafException {
    int length = Integer.parseInt(args[0]);
    int bits = Integer.parseInt(args[1]);
    int reports = Integer.parseInt(args[2]);
    long max = (1L << bits) - 1;
    Prio3SumVec.Builder builder = Prio3SumVec.builder().length(length).maxMeasurement(max);
    if (args.length > 3) {
      builder.chunkLength(Integer.parseInt(args[3]));
    }
    Prio3<long[], BigInteger[]> prio3 = builder.build();
    SecureRandom random = new SecureRandom();
    long[] m = new long[length];
    for (int i = 0; i < length; i++) {
      m[i] = Math.floorMod(random.nextLong(), max + 1);
    }
    byte[] ctx = "secagg cpu time".getBytes(StandardCharsets.US_ASCII);
    VerifyKey key = VerifyKey.generate(random);
    PingPongLeader leader = prio3.leader(key, ctx);
    PingPongHelper helper = prio3.helper(key, ctx);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long shard = Long.MAX_VALUE;
    long lead = Long.MAX_VALUE;
    long help = Long.MAX_VALUE;
    for (int r = 0; r < reports; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      Prio3Report report = prio3.shard(ctx, m, random);
      long t1 = mx.getCurrentThreadCpuTime();
      PingPongState.Continued l = leader.init(report.nonce(), report.publicShare(), report.inputShare(0));
      long t2 = mx.getCurrentThreadCpuTime();
      PingPongState h = helper.init(report.nonce(), report.publicShare(), report.inputShare(1), l.outbound().orElseThrow());
      long t3 = mx.getCurrentThreadCpuTime();
      leader.continued(l, h.outbound().orElseThrow());
      long t4 = mx.getCurrentThreadCpuTime();
      shard = Math.min(shard, t1 - t0);
      lead = Math.min(lead, (t2 - t1) + (t4 - t3));
      help = Math.min(help, t3 - t2);
    }
    System.out.printf(
        "Prio3SumVec length %d, %d bits, %s, CPU time best of %d: shard %.1f ms, leader %.1f ms, helper %.1f ms%n",
        length, bits, args.length > 3 ? "chunk length " + args[3] : "default chunk length", reports,
        shard / 1e6, lead / 1e6, help / 1e6);
  }
}
