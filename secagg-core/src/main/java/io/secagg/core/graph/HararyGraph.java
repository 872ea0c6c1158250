package io.secagg.core.graph;

import io.secagg.core.crypto.Keystream;
import io.secagg.core.crypto.KeystreamPurpose;
import java.util.Arrays;
import java.util.Objects;

/**
 * A random Harary graph H(n, k) (SecAgg+, Bell et al. 2020): the clients 1..n are placed on a
 * ring in a pseudorandom order derived from a public session seed, and every client is a
 * neighbour of the k/2 clients on each side of it.
 *
 * <p>Derivation (normative text in {@code spec/secagg.md, section 4}): the {@link Keystream} of
 * purpose {@link KeystreamPurpose#GRAPH} from the seed with context {@code BE32(n) || BE32(k)},
 * read as little-endian 32-bit words; the ring order is a Fisher-Yates shuffle of 1..n whose
 * indices are drawn by rejection sampling, so the permutation is uniform up to the
 * pseudorandomness of AES.
 *
 * <p>Ranges: 3 &lt;= n &lt;= 2^20; k even with 2 &lt;= k &lt; n. Odd k is rejected: the usual odd-degree
 * Harary construction adds "diameter" edges that only exist for even n, and SecAgg+ needs no odd
 * degrees. With n odd and k = n - 1 the graph is complete.
 *
 * <p>Memory: two int arrays of n entries. The seed is public randomness, so it is shown by {@link
 * #sessionSeed()}, but {@link #toString()} keeps to the sizes.
 */
public final class HararyGraph implements MaskingGraph {
  /** The length of the public session seed in bytes. */
  public static final int SEED_LENGTH = 32;

  private final int n;
  private final int k;
  private final byte[] seed;
  private final int[] ring; // ring[p] = client id at ring position p
  private final int[] position; // position[id] = ring position of client id (index 0 unused)

  private HararyGraph(int n, int k, byte[] seed, int[] ring) {
    this.n = n;
    this.k = k;
    this.seed = seed;
    this.ring = ring;
    this.position = new int[n + 1];
    for (int p = 0; p < n; p++) {
      position[ring[p]] = p;
    }
  }

  static HararyGraph derive(int n, int k, byte[] sessionSeed) {
    Objects.requireNonNull(sessionSeed, "sessionSeed");
    validate(n, k);
    if (sessionSeed.length != SEED_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid session seed length " + sessionSeed.length + "; exactly " + SEED_LENGTH + " bytes required");
    }
    byte[] seed = sessionSeed.clone();
    return new HararyGraph(n, k, seed, ringOrder(n, k, seed));
  }

  private static void validate(int n, int k) {
    if (n < 3 || n > MAX_CLIENTS) {
      throw new IllegalArgumentException(
          "Invalid client count " + n + "; a Harary graph needs 3.." + MAX_CLIENTS + " clients");
    }
    if ((k & 1) != 0) {
      throw new IllegalArgumentException(
          "Invalid degree " + k + "; only even degrees are supported (each client takes k/2 ring"
              + " neighbours on each side)");
    }
    if (k < 2 || k >= n) {
      throw new IllegalArgumentException("Invalid degree " + k + "; must satisfy 2 <= k < n = " + n);
    }
  }

  /** The context bytes bound into the stream's key: BE32(n) || BE32(k). */
  static byte[] context(int n, int k) {
    return new byte[] {
      (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n,
      (byte) (k >>> 24), (byte) (k >>> 16), (byte) (k >>> 8), (byte) k
    };
  }

  private static int[] ringOrder(int n, int k, byte[] seed) {
    Keystream stream = Keystream.open(KeystreamPurpose.GRAPH, seed, context(n, k));
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i + 1;
    }
    for (int i = n - 1; i >= 1; i--) {
      int j = (int) uniformBelow(stream, i + 1L);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /**
   * A uniform integer in [0, bound), {@code 1 <= bound <= 2^32}, by rejection on unsigned 32-bit
   * words: draw {@code r} until {@code r < 2^32 - (2^32 mod bound)}, a multiple of {@code bound},
   * then return {@code r mod bound}. Unbiased.
   */
  private static long uniformBelow(Keystream stream, long bound) {
    long limit = (1L << 32) - ((1L << 32) % bound);
    while (true) {
      long r = Integer.toUnsignedLong(stream.nextInt());
      if (r < limit) {
        return r % bound;
      }
    }
  }

  @Override
  public GraphKind kind() {
    return GraphKind.HARARY;
  }

  @Override
  public int clientCount() {
    return n;
  }

  @Override
  public int degree() {
    return k;
  }

  @Override
  public int[] neighbours(int id) {
    checkId(id);
    int p = position[id];
    int half = k / 2;
    int[] out = new int[k];
    int j = 0;
    for (int d = 1; d <= half; d++) {
      out[j++] = ring[(p + d) % n];
      out[j++] = ring[(p - d + n) % n];
    }
    Arrays.sort(out);
    return out;
  }

  @Override
  public boolean containsEdge(int u, int v) {
    checkId(u);
    checkId(v);
    int d = Math.abs(position[u] - position[v]);
    int ringDistance = Math.min(d, n - d);
    return ringDistance >= 1 && ringDistance <= k / 2;
  }

  /**
   * The ring order: element p is the client id at ring position p, for p = 0..n-1 (a fresh copy).
   */
  public int[] ringOrder() {
    return ring.clone();
  }

  /**
   * The ring position (0..n-1) of client {@code id}.
   *
   * @throws IllegalArgumentException if {@code id} is outside 1..n
   */
  public int positionOf(int id) {
    checkId(id);
    return position[id];
  }

  /** A copy of the public 32-byte session seed the graph was derived from. */
  public byte[] sessionSeed() {
    return seed.clone();
  }

  private void checkId(int id) {
    if (id < 1 || id > n) {
      throw new IllegalArgumentException("client id " + id + " is outside 1.." + n);
    }
  }

  /** Equal iff n, k and the session seed are equal (the ring order is a function of them). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HararyGraph)) {
      return false;
    }
    HararyGraph g = (HararyGraph) o;
    return g.n == n && g.k == k && Arrays.equals(g.seed, seed);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * n + k) + Arrays.hashCode(seed);
  }

  @Override
  public String toString() {
    return "HararyGraph[n=" + n + ", k=" + k + "]";
  }
}
