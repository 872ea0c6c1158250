package io.secagg.core.shamir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validation rules and edge cases of robust reconstruction and of the parity check. */
class RobustReconstructionTest {
  private static final byte[] SECRET =
      HexFormat.of().parseHex("0123456789abcdeffedcba98765432100123456789abcdeffedcba9876543210");

  private static DeterministicRandom random(String label) {
    return DeterministicRandom.forTestVectorsOnly(label.getBytes(StandardCharsets.US_ASCII));
  }

  private static List<Share> shares(ShamirScheme scheme) {
    return new ArrayList<>(scheme.split(SecretBytes.copyOf(SECRET), random("robust shares")));
  }

  private static Share shifted(Share s, int chunk, long delta) throws InvalidShareException {
    long[] y = s.yValues();
    y[chunk] = io.secagg.core.internal.Gf61.add(y[chunk], delta);
    return Share.of(s.x(), y);
  }

  @Test
  void withExactlyTSharesItIsPlainReconstructionAndRejectsNothing() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> three = shares(scheme).subList(1, 4);
    RobustReconstruction r = scheme.reconstructRobust(three);
    assertArrayEquals(SECRET, r.secret().toByteArray());
    assertEquals(0, r.rejectedIndices().length);
    // A lie among exactly t shares cannot be seen: the result is simply another secret.
    List<Share> lying = new ArrayList<>(three);
    lying.set(0, shifted(lying.get(0), 4, 1));
    assertFalse(java.util.Arrays.equals(SECRET, scheme.reconstructRobust(lying).secret().toByteArray()));
  }

  @Test
  void correctsOneLieInEveryChunkPositionWithTwoSpareShares() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    for (int liar = 0; liar < 5; liar++) {
      for (int chunk = 0; chunk < Share.CHUNK_COUNT; chunk++) {
        List<Share> all = shares(scheme);
        all.set(liar, shifted(all.get(liar), chunk, 12345));
        RobustReconstruction r = scheme.reconstructRobust(all);
        assertArrayEquals(SECRET, r.secret().toByteArray(), "liar " + liar + ", chunk " + chunk);
        assertArrayEquals(new int[] {liar + 1}, r.rejectedIndices());
      }
    }
  }

  @Test
  void refusesWhenTwoOfFiveSharesLieAtThresholdThree() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> all = shares(scheme);
    all.set(0, shifted(all.get(0), 2, 1));
    all.set(3, shifted(all.get(3), 2, 7));
    InvalidShareException e = assertThrows(InvalidShareException.class, () -> scheme.reconstructRobust(all));
    assertEquals(InvalidShareException.Reason.UNCORRECTABLE_SHARES, e.reason());
    assertFalse(e.getMessage().contains(Long.toString(all.get(0).y(2))));
  }

  @Test
  void appliesTheRangeDuplicateAndCountRulesFirst() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    List<Share> all = shares(scheme);
    assertEquals(
        InvalidShareException.Reason.TOO_FEW_SHARES,
        assertThrows(InvalidShareException.class, () -> scheme.reconstructRobust(all.subList(0, 2))).reason());
    List<Share> duplicated = new ArrayList<>(all);
    duplicated.set(4, all.get(0));
    assertEquals(
        InvalidShareException.Reason.DUPLICATE_INDEX,
        assertThrows(InvalidShareException.class, () -> scheme.reconstructRobust(duplicated)).reason());
    List<Share> outside = ShamirScheme.create(3, 6).split(SecretBytes.copyOf(SECRET), random("six"));
    assertEquals(
        InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        assertThrows(InvalidShareException.class, () -> scheme.reconstructRobust(outside)).reason());
    assertThrows(NullPointerException.class, () -> scheme.reconstructRobust(null));
  }

  @Test
  void resultNeverPrintsTheSecret() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(2, 4);
    RobustReconstruction r = scheme.reconstructRobust(shares(scheme));
    assertEquals("RobustReconstruction[0 shares rejected]", r.toString());
  }

  @Test
  void aParityCheckAcceptsSubsetsOfItsUniverseOnly() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 6);
    List<Share> all = shares(scheme);
    ParityCheck check = scheme.parityCheck(random("check"), 1, 2, 3, 4, 5);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, check.indices());
    assertTrue(check.passes(all.subList(0, 5)));
    assertTrue(check.passes(List.of(all.get(4), all.get(0), all.get(2))));
    List<Share> altered = new ArrayList<>(all.subList(0, 4));
    altered.set(1, shifted(altered.get(1), 0, 1));
    assertFalse(check.passes(altered));
    assertEquals(
        InvalidShareException.Reason.TOO_FEW_SHARES,
        assertThrows(InvalidShareException.class, () -> check.passes(all.subList(0, 2))).reason());
    assertEquals(
        InvalidShareException.Reason.DUPLICATE_INDEX,
        assertThrows(InvalidShareException.class, () -> check.passes(List.of(all.get(0), all.get(0), all.get(1)))).reason());
    assertEquals(
        InvalidShareException.Reason.INDEX_SET_MISMATCH,
        assertThrows(InvalidShareException.class, () -> check.passes(all.subList(1, 6))).reason());
    assertEquals(
        InvalidShareException.Reason.TOO_FEW_SHARES,
        assertThrows(InvalidShareException.class, () -> scheme.parityCheck(random("c"), 1, 2)).reason());
    assertThrows(NullPointerException.class, () -> scheme.parityCheck(null, 1, 2, 3));
  }

  @Test
  void decodesFiveHundredSharesWithOneHundredLies() throws Exception {
    ShamirScheme scheme = ShamirScheme.create(250, 500);
    List<Share> all = shares(scheme);
    for (int i = 0; i < 500; i += 5) {
      all.set(i, shifted(all.get(i), i % Share.CHUNK_COUNT, i + 1));
    }
    RobustReconstruction r = scheme.reconstructRobust(all);
    assertArrayEquals(SECRET, r.secret().toByteArray());
    assertEquals(100, r.rejectedIndices().length);
  }
}
