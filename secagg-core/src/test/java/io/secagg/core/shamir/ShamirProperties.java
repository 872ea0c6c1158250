package io.secagg.core.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.internal.Gf61;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Algebraic properties of sharing and reconstruction for random parameters. */
class ShamirProperties {

  /** t and n with 1 <= t <= n <= 50, from two raw draws. */
  private static ShamirScheme scheme(int n, int tRaw) {
    return ShamirScheme.create(1 + (tRaw - 1) % n, n);
  }

  /** A scheme with 1 &lt;= t &lt;= n, a secret to share and the seed of one try's randomness. */
  record Draw(ShamirScheme scheme, byte[] secret, long seed) {
    /** The secret split with randomness from the seed. */
    List<Share> split() {
      return scheme.split(SecretBytes.copyOf(secret), DeterministicRandom.forTestVectorsOnly(seed));
    }

    /** A fresh generator for the try's other choices (subsets, orders). */
    Random random() {
      return new Random(seed);
    }
  }

  @Provide
  Arbitrary<Draw> upTo50() {
    return draws(50);
  }

  @Provide
  Arbitrary<Draw> upTo20() {
    return draws(20);
  }

  private static Arbitrary<Draw> draws(int maxN) {
    return Combinators.combine(
            Arbitraries.integers().between(1, maxN),
            Arbitraries.integers().between(1, maxN),
            Arbitraries.bytes().array(byte[].class).ofSize(32),
            Arbitraries.longs())
        .as((n, tRaw, secret, seed) -> new Draw(scheme(n, tRaw), secret, seed));
  }

  /** A random subset of {@code all} of the given size, in random order. */
  private static List<Share> subset(List<Share> all, int size, Random random) {
    List<Share> copy = new ArrayList<>(all);
    Collections.shuffle(copy, random);
    return new ArrayList<>(copy.subList(0, size));
  }

  @Property(tries = 300)
  void anyTOrMoreOfNSharesReconstructTheSecret(@ForAll("upTo50") Draw d) throws Exception {
    ShamirScheme scheme = d.scheme();
    Random random = d.random();
    int t = scheme.threshold();
    int size = t + random.nextInt(scheme.shareCount() - t + 1);
    List<Share> chosen = subset(d.split(), size, random);
    assertArrayEquals(d.secret(), scheme.reconstruct(chosen).toByteArray());
    assertArrayEquals(d.secret(), scheme.reconstructVerified(chosen).toByteArray());
  }

  @Property(tries = 200)
  void cachedReconstructorEqualsPlainReconstruction(@ForAll("upTo50") Draw d) throws Exception {
    ShamirScheme scheme = d.scheme();
    Random random = d.random();
    long seed = d.seed();
    int t = scheme.threshold();
    int size = t + random.nextInt(scheme.shareCount() - t + 1);
    List<Share> template = subset(scheme.split(SecretBytes.copyOf(new byte[32])), size, random);
    int[] xs = template.stream().mapToInt(Share::x).toArray();
    Reconstructor reconstructor = scheme.reconstructor(xs);
    DeterministicRandom rng = DeterministicRandom.forTestVectorsOnly(seed);
    for (int round = 0; round < 3; round++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      List<Share> all = scheme.split(SecretBytes.copyOf(secret), rng);
      List<Share> chosen = new ArrayList<>();
      for (int x : xs) {
        chosen.add(all.get(x - 1));
      }
      Collections.shuffle(chosen, random);
      SecretBytes plain = scheme.reconstruct(chosen);
      assertEquals(plain, reconstructor.reconstruct(chosen));
      assertEquals(plain, reconstructor.reconstructVerified(chosen));
      assertArrayEquals(secret, plain.toByteArray());
    }
  }

  /**
   * Perfect secrecy, shown constructively: for any t - 1 shares of a secret s and any other
   * secret s', there are coefficients with which split(s') yields exactly those t - 1 shares.
   * The coefficients are solved with an independent BigInteger interpolation and fed back to the
   * implementation; the property fails if split used fewer than t - 1 random coefficients per
   * chunk, mixed chunks, or evaluated at other points. With uniform coefficients (the sampler),
   * every secret is therefore equally consistent with what t - 1 shareholders see.
   */
  @Property(tries = 200)
  void tMinusOneSharesAreConsistentWithEveryCandidateSecret(
      @ForAll @IntRange(min = 2, max = 7) int t,
      @ForAll @IntRange(min = 0, max = 5) int extra,
      @ForAll @Size(32) byte[] secret,
      @ForAll @Size(32) byte[] candidate,
      @ForAll long seed)
      throws Exception {
    ShamirScheme scheme = ShamirScheme.create(t, t + extra);
    Random random = new Random(seed);
    List<Share> seen =
        subset(
            scheme.split(SecretBytes.copyOf(secret), DeterministicRandom.forTestVectorsOnly(seed)),
            t - 1,
            random);
    long[] candidateChunks = Reference.chunks(candidate);
    long[][] coefficients = new long[5][];
    for (int k = 0; k < 5; k++) {
      long[] xs = new long[t];
      long[] ys = new long[t];
      xs[0] = 0;
      ys[0] = candidateChunks[k];
      for (int i = 0; i < t - 1; i++) {
        xs[i + 1] = seen.get(i).x();
        ys[i + 1] = seen.get(i).y(k);
      }
      long[] poly = Reference.interpolateCoefficients(xs, ys);
      assertEquals(candidateChunks[k], poly[0]);
      coefficients[k] = java.util.Arrays.copyOfRange(poly, 1, t);
    }
    List<Share> forged = scheme.splitWithCoefficients(SecretBytes.copyOf(candidate), coefficients);
    for (Share s : seen) {
      assertEquals(s, forged.get(s.x() - 1), "share x=" + s.x());
    }
    assertArrayEquals(candidate, scheme.reconstruct(forged).toByteArray());
  }

  /** Every share counts: changing one value of one of exactly t shares changes the outcome. */
  @Property(tries = 300)
  void changingOneOfTSharesChangesTheSecretOrIsRejected(
      @ForAll("upTo20") Draw d,
      @ForAll @IntRange(min = 0, max = 4) int chunk,
      @ForAll @LongRange(min = 1, max = Gf61.P - 1) long delta)
      throws Exception {
    ShamirScheme scheme = d.scheme();
    Random random = d.random();
    List<Share> chosen = subset(d.split(), scheme.threshold(), random);
    int victim = random.nextInt(chosen.size());
    long[] y = chosen.get(victim).yValues();
    y[chunk] = Gf61.add(y[chunk], delta);
    chosen.set(victim, Share.of(chosen.get(victim).x(), y));
    try {
      assertNotEquals(SecretBytes.copyOf(d.secret()), scheme.reconstruct(chosen));
    } catch (InvalidShareException e) {
      assertEquals(InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, e.reason());
    }
  }

  @Property(tries = 300)
  void shareEncodingRoundTrips(
      @ForAll @IntRange(min = 1, max = 65535) int x,
      @ForAll @Size(5) List<@LongRange(min = 0, max = Gf61.P - 1) Long> y)
      throws Exception {
    Share s = Share.of(x, y.stream().mapToLong(Long::longValue).toArray());
    byte[] encoded = s.encode();
    assertEquals(Share.ENCODED_LENGTH, encoded.length);
    Share back = Share.decode(encoded);
    assertEquals(s, back);
    assertArrayEquals(encoded, back.encode());
  }

  /** Strictness: a 42-byte string decodes iff x != 0 and every y word is below p. */
  @Property(tries = 500)
  void decodingAcceptsExactlyTheCanonicalEncodings(@ForAll @Size(42) byte[] encoded) {
    boolean canonical = ((encoded[0] | encoded[1]) != 0);
    for (int k = 0; k < 5; k++) {
      canonical &= Gf61.isCanonical(SecretChunks.readLong(encoded, 2 + 8 * k));
    }
    try {
      Share s = Share.decode(encoded);
      assertEquals(true, canonical);
      assertArrayEquals(encoded, s.encode());
    } catch (InvalidShareException e) {
      assertEquals(false, canonical);
    }
  }
}
