package io.secagg.bench;

import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.HararyGraph;
import io.secagg.core.graph.MaskingGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deriving the SecAgg+ masking graph, which every client and the server do once per session,
 * beside a baseline shuffle with {@link java.util.SplittableRandom} (not usable here: it is
 * neither cryptographic nor specified), and the (k, t) parameter search.
 *
 * <p>How to run: {@code mvn -B -q -o -DskipTests package -pl benchmarks -am}, then {@code java
 * -jar benchmarks/target/benchmarks.jar HararyGraphBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Thread)
public class HararyGraphBenchmark extends ShortRunBenchmark {
  @Param({"10000", "1048576"})
  public int clients;

  private byte[] seed;
  private int degree;
  private HararyGraph graph;

  /** A fixed public seed and the recommended degree for 10% dropouts and corruptions. */
  @Setup
  public void setUp() {
    seed = new byte[32];
    seed[0] = 7;
    degree = GraphParameters.recommend(clients, 0.1, 0.1).degree();
    graph = MaskingGraph.randomHarary(clients, degree, seed);
  }

  /** HKDF + AES-CTR words + Fisher-Yates with rejection sampling over all clients. */
  @Benchmark
  public HararyGraph deriveGraph() {
    return MaskingGraph.randomHarary(clients, degree, seed);
  }

  /** Baseline: a Fisher-Yates shuffle of the same size with a non-cryptographic generator. */
  @Benchmark
  public int[] baselineSplittableRandomShuffle() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    int n = clients;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i + 1;
    }
    for (int i = n - 1; i >= 1; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** One client's sorted neighbour list. */
  @Benchmark
  public int[] neighbours() {
    return graph.neighbours(clients / 2);
  }

  /** The (k, t) search for 10% dropouts and corruptions against a malicious server. */
  @Benchmark
  public GraphParameters recommendParameters() {
    return GraphParameters.recommend(clients, 0.1, 0.1);
  }
}
