package io.secagg.core.shamir;

import static io.secagg.core.shamir.InvalidShares.reasonOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.internal.Gf61;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShamirSchemeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SECRET =
      HEX.parseHex("00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210");

  private static SecretBytes secret() {
    return SecretBytes.copyOf(SECRET);
  }

  private static List<Share> split(ShamirScheme scheme, long seed) {
    return scheme.split(secret(), DeterministicRandom.forTestVectorsOnly(seed));
  }

  // ---- create ------------------------------------------------------------------------------

  @ParameterizedTest(name = "create({0}, {1}) is rejected: {2}")
  @CsvSource({
    "0, 5, threshold zero",
    "6, 5, threshold above the share count",
    "0, 0, share count zero",
    "2, 65536, share count above the maximum",
  })
  void createRejectsParametersOutOfRange(int threshold, int shareCount, String rule) {
    assertThrows(IllegalArgumentException.class, () -> ShamirScheme.create(threshold, shareCount));
  }

  @Test
  void createAcceptsTheExtremes() {
    assertEquals(65535, ShamirScheme.create(65535, 65535).shareCount());
    assertEquals(1, ShamirScheme.create(1, 1).threshold());
  }

  @Test
  void schemesWithEqualParametersAreEqual() {
    assertEquals(ShamirScheme.create(2, 3), ShamirScheme.create(2, 3));
    assertEquals(ShamirScheme.create(2, 3).hashCode(), ShamirScheme.create(2, 3).hashCode());
    assertNotEquals(ShamirScheme.create(2, 3), ShamirScheme.create(3, 3));
    assertEquals("ShamirScheme[t=2, n=3, GF(2^61-1), 5 chunks]", ShamirScheme.create(2, 3).toString());
  }

  // ---- split -------------------------------------------------------------------------------

  @Test
  void splitRejectsSecretOf31Bytes() {
    ShamirScheme scheme = ShamirScheme.create(2, 3);
    assertThrows(IllegalArgumentException.class, () -> scheme.split(SecretBytes.copyOf(new byte[31])));
  }

  @Test
  void splitRejectsSecretOf33Bytes() {
    ShamirScheme scheme = ShamirScheme.create(2, 3);
    assertThrows(IllegalArgumentException.class, () -> scheme.split(SecretBytes.copyOf(new byte[33])));
  }

  @Test
  void splitRejectsNullArguments() {
    ShamirScheme scheme = ShamirScheme.create(2, 3);
    assertThrows(NullPointerException.class, () -> scheme.split(null));
    assertThrows(NullPointerException.class, () -> scheme.split(secret(), null));
  }

  @Test
  void splitRejectsDestroyedSecret() {
    SecretBytes s = secret();
    s.destroy();
    assertThrows(IllegalStateException.class, () -> ShamirScheme.create(2, 3).split(s));
  }

  @Test
  void splitGivesShareIOfIndexIPlusOne() {
    List<Share> shares = ShamirScheme.create(3, 7).split(secret());
    assertEquals(7, shares.size());
    for (int i = 0; i < 7; i++) {
      assertEquals(i + 1, shares.get(i).x());
    }
    assertThrows(UnsupportedOperationException.class, () -> shares.remove(0));
  }

  @Test
  void splitWithDeterministicRandomIsReproducible() {
    ShamirScheme scheme = ShamirScheme.create(4, 9);
    assertEquals(split(scheme, 42), split(scheme, 42));
    assertNotEquals(split(scheme, 42), split(scheme, 43));
  }

  @Test
  void splitWithDefaultRandomReconstructs() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> shares = scheme.split(secret());
    assertEquals(secret(), scheme.reconstruct(shares.subList(2, 5)));
  }

  @Test
  void splitEvaluatesEachChunkPolynomialAsTheReferenceDoes() {
    ShamirScheme scheme = ShamirScheme.create(4, 10);
    long[][] coefficients = scheme.drawCoefficients(DeterministicRandom.forTestVectorsOnly(7));
    List<Share> shares = scheme.splitWithCoefficients(secret(), coefficients);
    long[] chunks = Reference.chunks(SECRET);
    for (int k = 0; k < 5; k++) {
      long[] poly = new long[4];
      poly[0] = chunks[k];
      System.arraycopy(coefficients[k], 0, poly, 1, 3);
      for (Share s : shares) {
        assertEquals(Reference.evaluate(poly, s.x()), s.y(k), "chunk " + k + " x " + s.x());
      }
    }
  }

  @Test
  void splitEqualsSplitWithTheCoefficientsItDraws() {
    ShamirScheme scheme = ShamirScheme.create(5, 8);
    long[][] coefficients = scheme.drawCoefficients(DeterministicRandom.forTestVectorsOnly(9));
    assertEquals(scheme.splitWithCoefficients(secret(), coefficients), split(scheme, 9));
  }

  @Test
  void splitWithCoefficientsRejectsAWrongLayout() {
    ShamirScheme scheme = ShamirScheme.create(3, 4);
    assertThrows(IllegalArgumentException.class,
        () -> scheme.splitWithCoefficients(secret(), new long[4][2]));
    assertThrows(IllegalArgumentException.class,
        () -> scheme.splitWithCoefficients(secret(), new long[5][3]));
    long[][] bad = new long[5][2];
    bad[2][1] = Gf61.P;
    assertThrows(IllegalArgumentException.class, () -> scheme.splitWithCoefficients(secret(), bad));
  }

  @Test
  void coefficientsAreDrawnChunkByChunkAsBigEndianWordsWithTopThreeBitsDropped() {
    ShamirScheme scheme = ShamirScheme.create(3, 3);
    ScriptedRandom random =
        ScriptedRandom.ofWords(
            0x0000000000000001L, 0x0000000000000002L, // chunk 0: a1, a2
            0xE000000000000003L, 0x2000000000000004L, // chunk 1: top bits dropped
            5, 6, 7, 8, 9, 10);
    long[][] c = scheme.drawCoefficients(random);
    assertArrayEquals(new long[] {1, 2}, c[0]);
    assertArrayEquals(new long[] {3, 4}, c[1]);
    assertArrayEquals(new long[] {5, 6}, c[2]);
    assertArrayEquals(new long[] {9, 10}, c[4]);
    assertEquals(1, random.calls(), "one nextBytes call when nothing is rejected");
  }

  @Test
  void samplerRejectsEveryWordThatMasksToP() {
    ShamirScheme scheme = ShamirScheme.create(2, 2);
    ScriptedRandom random =
        ScriptedRandom.ofWords(
            0x1FFFFFFFFFFFFFFFL, // = p: rejected
            11, 12,
            0xFFFFFFFFFFFFFFFFL, // masks to p: rejected
            13, 0x1FFFFFFFFFFFFFFEL, // p - 1: accepted
            99);
    long[][] c = scheme.drawCoefficients(random);
    assertEquals(11, c[0][0]);
    assertEquals(12, c[1][0]);
    assertEquals(13, c[2][0]);
    assertEquals(Gf61.P - 1, c[3][0]);
    assertEquals(99, c[4][0]);
    assertEquals(0, random.remaining(), "exactly the words needed are read");
  }

  @Test
  void thresholdOneSharesHoldTheChunksInTheClear() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(1, 4);
    List<Share> shares = scheme.split(secret());
    for (Share s : shares) {
      assertArrayEquals(Reference.chunks(SECRET), s.yValues());
    }
    assertEquals(secret(), scheme.reconstruct(List.of(shares.get(3))));
  }

  // ---- reconstruct -------------------------------------------------------------------------

  @Test
  void reconstructsFromAnyTSharesInAnyOrder() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 6);
    List<Share> shares = split(scheme, 1);
    List<Share> chosen = new ArrayList<>(List.of(shares.get(5), shares.get(0), shares.get(3)));
    assertEquals(secret(), scheme.reconstruct(chosen));
    Collections.reverse(chosen);
    assertEquals(secret(), scheme.reconstructVerified(chosen));
    assertEquals(secret(), scheme.reconstruct(shares));
    assertEquals(secret(), scheme.reconstructVerified(shares));
  }

  @Test
  void reconstructDoesNotModifyItsArgument() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(2, 4);
    List<Share> shares = new ArrayList<>(split(scheme, 1));
    Collections.reverse(shares);
    List<Share> before = new ArrayList<>(shares);
    scheme.reconstruct(shares);
    assertEquals(before, shares);
  }

  @Test
  void rejectsFewerThanTShares() {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> shares = split(scheme, 1);
    assertEquals(InvalidShareException.Reason.TOO_FEW_SHARES,
        reasonOf(() -> scheme.reconstruct(shares.subList(0, 2))));
    assertEquals(InvalidShareException.Reason.TOO_FEW_SHARES,
        reasonOf(() -> scheme.reconstructVerified(shares.subList(0, 2))));
    assertEquals(InvalidShareException.Reason.TOO_FEW_SHARES,
        reasonOf(() -> scheme.reconstruct(List.of())));
  }

  @Test
  void rejectsDuplicateIndex() {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> shares = split(scheme, 1);
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX,
        reasonOf(() -> scheme.reconstruct(List.of(shares.get(0), shares.get(1), shares.get(1)))));
  }

  @Test
  void rejectsDuplicateIndexEvenWithDifferentValues() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(2, 5);
    List<Share> shares = split(scheme, 1);
    Share twin = Share.of(2, new long[] {1, 2, 3, 4, 5});
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX,
        reasonOf(() -> scheme.reconstruct(List.of(shares.get(0), shares.get(1), twin))));
  }

  @Test
  void rejectsIndexAboveShareCount() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(2, 5);
    List<Share> shares = split(scheme, 1);
    Share six = Share.of(6, new long[5]);
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        reasonOf(() -> scheme.reconstruct(List.of(shares.get(0), shares.get(1), six))));
  }

  @Test
  void checksIndexRangeBeforeDuplicatesBeforeCount() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(4, 5);
    Share one = Share.of(1, new long[5]);
    Share six = Share.of(6, new long[5]);
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        reasonOf(() -> scheme.reconstruct(List.of(one, one, six))));
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX,
        reasonOf(() -> scheme.reconstruct(List.of(one, one))));
  }

  @Test
  void rejectsNullCollectionOrElement() {
    ShamirScheme scheme = ShamirScheme.create(1, 2);
    assertThrows(NullPointerException.class, () -> scheme.reconstruct(null));
    assertThrows(NullPointerException.class, () -> scheme.reconstruct(Arrays.asList((Share) null)));
  }

  @Test
  void rejectsSharesThatInterpolateToAnOutOfRangeChunk() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(1, 1);
    Share share = Share.of(1, new long[] {1L << 16, 0, 0, 0, 0});
    assertEquals(InvalidShareException.Reason.CHUNK_OUT_OF_RANGE,
        reasonOf(() -> scheme.reconstruct(List.of(share))));
    Share big = Share.of(1, new long[] {0, 0, 0, 1L << 60, 0});
    assertEquals(InvalidShareException.Reason.CHUNK_OUT_OF_RANGE,
        reasonOf(() -> scheme.reconstruct(List.of(big))));
  }

  @Test
  void plainReconstructionUsesTheTSmallestIndicesAndIgnoresOtherValues() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> shares = splitThenAlter(scheme, 5, 2);
    assertEquals(secret(), scheme.reconstruct(shares));
  }

  @ParameterizedTest(name = "share {0} altered in chunk {1}: {2}")
  @CsvSource({
    "5, 2, a share beyond the t used for interpolation",
    "1, 0, a share of the interpolation basis",
  })
  void verifiedReconstructionDetectsAnAlteredShare(int holder, int chunk, String which)
      throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> shares = splitThenAlter(scheme, holder, chunk);
    assertEquals(InvalidShareException.Reason.INCONSISTENT_SHARES,
        reasonOf(() -> scheme.reconstructVerified(shares)));
  }

  @Test
  void verifiedReconstructionWithExactlyTSharesChecksNothingExtra() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(2, 3);
    List<Share> shares = split(scheme, 1);
    // An altered share among exactly t still interpolates; only the chunk ranges can catch it.
    Share changed = Share.of(1, new long[] {
        shares.get(0).y(0), shares.get(0).y(1), shares.get(0).y(2), shares.get(0).y(3),
        Gf61.add(shares.get(0).y(4), 2)});
    List<Share> two = List.of(changed, shares.get(1));
    SecretBytes fromPlain = null;
    try {
      fromPlain = scheme.reconstruct(two);
    } catch (InvalidShareException e) {
      assertEquals(InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, e.reason());
    }
    if (fromPlain != null) {
      assertEquals(fromPlain, scheme.reconstructVerified(two));
      assertNotEquals(secret(), fromPlain);
    }
  }

  @Test
  void exceptionMessagesNeverContainShareValues() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(2, 3);
    List<Share> shares = new ArrayList<>(split(scheme, 1));
    long[] y = shares.get(2).yValues();
    y[1] = Gf61.add(y[1], 1);
    shares.set(2, Share.of(3, y));
    InvalidShareException e =
        assertThrows(InvalidShareException.class, () -> scheme.reconstructVerified(shares));
    for (Share s : shares) {
      for (long v : s.yValues()) {
        assertFalse(e.getMessage().contains(Long.toString(v)));
        assertFalse(e.getMessage().toLowerCase().contains(Long.toHexString(v)));
      }
    }
    assertTrue(e.getMessage().startsWith("INCONSISTENT_SHARES: "));
  }

  @Test
  void matchesTheBigIntegerReferenceOnInterpolation() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(5, 12);
    List<Share> shares = split(scheme, 3);
    long[] xs = {12, 3, 7, 1, 9};
    long[] chunks = new long[5];
    for (int k = 0; k < 5; k++) {
      long[] ys = new long[5];
      for (int i = 0; i < 5; i++) {
        ys[i] = shares.get((int) xs[i] - 1).y(k);
      }
      chunks[k] = Reference.interpolateAt(xs, ys, 0);
    }
    assertArrayEquals(SECRET, Reference.secret(chunks));
  }

  /** The shares of a split of {@link #secret()}, with chunk {@code chunk} of share {@code holder} plus one. */
  private static List<Share> splitThenAlter(ShamirScheme scheme, int holder, int chunk)
      throws InvalidShareException {
    List<Share> shares = new ArrayList<>(split(scheme, 1));
    long[] y = shares.get(holder - 1).yValues();
    y[chunk] = Gf61.add(y[chunk], 1);
    shares.set(holder - 1, Share.of(holder, y));
    return shares;
  }

}
