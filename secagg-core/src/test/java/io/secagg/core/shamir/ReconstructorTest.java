package io.secagg.core.shamir;

import static io.secagg.core.shamir.InvalidShares.reasonOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.internal.Gf61;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconstructorTest {
  private static final ShamirScheme SCHEME = ShamirScheme.create(3, 8);

  private static SecretBytes secret(int fill) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) fill);
    return SecretBytes.copyOf(b);
  }

  private static List<Share> pick(List<Share> all, int... xs) {
    List<Share> out = new ArrayList<>();
    for (int x : xs) {
      out.add(all.get(x - 1));
    }
    return out;
  }

  /** Why {@code r} rejects the shares at indices {@code xs} of a fresh split of a secret. */
  private static InvalidShareException.Reason rejection(Reconstructor r, int... xs) {
    List<Share> shares = SCHEME.split(secret(1));
    return reasonOf(() -> r.reconstruct(pick(shares, xs)));
  }

  @Test
  void reconstructsManySecretsFromSharesWithTheSameIndices() throws Exception {
    Reconstructor r = SCHEME.reconstructor(7, 2, 5, 4);
    for (int i = 0; i < 20; i++) {
      List<Share> shares = SCHEME.split(secret(i), DeterministicRandom.forTestVectorsOnly(i));
      List<Share> chosen = pick(shares, 4, 5, 2, 7);
      assertEquals(secret(i), r.reconstruct(chosen));
      assertEquals(secret(i), r.reconstructVerified(chosen));
      assertEquals(SCHEME.reconstruct(chosen), r.reconstruct(chosen));
    }
  }

  @Test
  void reportsItsSchemeAndSortedIndices() throws Exception {
    Reconstructor r = SCHEME.reconstructor(7, 2, 5);
    assertEquals(SCHEME, r.scheme());
    assertArrayEquals(new int[] {2, 5, 7}, r.indices());
    r.indices()[0] = 99;
    assertArrayEquals(new int[] {2, 5, 7}, r.indices());
  }

  @Test
  void creationRejectsIndexZeroOrAboveN() {
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE, reasonOf(() -> SCHEME.reconstructor(0, 1, 2)));
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE, reasonOf(() -> SCHEME.reconstructor(1, 2, 9)));
  }

  @Test
  void creationRejectsDuplicateIndices() {
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX, reasonOf(() -> SCHEME.reconstructor(1, 2, 2)));
  }

  @Test
  void creationRejectsFewerThanTIndices() {
    assertEquals(InvalidShareException.Reason.TOO_FEW_SHARES, reasonOf(() -> SCHEME.reconstructor(1, 2)));
    assertEquals(InvalidShareException.Reason.TOO_FEW_SHARES, reasonOf(() -> SCHEME.reconstructor()));
  }

  @Test
  void rejectsAShareOutsideTheIndexSet() throws Exception {
    Reconstructor r = SCHEME.reconstructor(1, 2, 3);
    assertEquals(InvalidShareException.Reason.INDEX_SET_MISMATCH, rejection(r, 1, 2, 4));
    assertEquals(InvalidShareException.Reason.INDEX_SET_MISMATCH, rejection(r, 1, 2, 8));
  }

  @Test
  void rejectsAMissingShare() throws Exception {
    Reconstructor r = SCHEME.reconstructor(1, 2, 3, 4);
    assertEquals(InvalidShareException.Reason.INDEX_SET_MISMATCH, rejection(r, 1, 2, 3));
  }

  @Test
  void rejectsADuplicateShare() throws Exception {
    Reconstructor r = SCHEME.reconstructor(1, 2, 3);
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX, rejection(r, 1, 2, 2));
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX, rejection(r, 1, 2, 3, 3));
  }

  @Test
  void reportsADuplicateBeforeAShareOutsideTheSet() throws Exception {
    Reconstructor r = SCHEME.reconstructor(1, 2, 3);
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX, rejection(r, 5, 1, 6, 6));
    assertEquals(InvalidShareException.Reason.DUPLICATE_INDEX, rejection(r, 5, 1, 1));
  }

  @Test
  void rejectsAShareWithIndexAboveN() throws Exception {
    Reconstructor r = SCHEME.reconstructor(1, 2, 3);
    List<Share> shares = pick(SCHEME.split(secret(1)), 1, 2);
    shares.add(Share.of(9, new long[5]));
    assertEquals(InvalidShareException.Reason.INDEX_OUT_OF_RANGE, reasonOf(() -> r.reconstruct(shares)));
  }

  @Test
  void verifiedModeDetectsAnAlteredShare() throws Exception {
    Reconstructor r = SCHEME.reconstructor(1, 2, 3, 6);
    List<Share> shares = pick(SCHEME.split(secret(3)), 1, 2, 3, 6);
    long[] y = shares.get(3).yValues();
    y[3] = Gf61.sub(y[3], 1);
    shares.set(3, Share.of(6, y));
    assertEquals(secret(3), r.reconstruct(shares));
    assertEquals(InvalidShareException.Reason.INCONSISTENT_SHARES,
        reasonOf(() -> r.reconstructVerified(shares)));
  }

  @Test
  void rejectsNulls() throws Exception {
    Reconstructor r = SCHEME.reconstructor(1, 2, 3);
    assertThrows(NullPointerException.class, () -> r.reconstruct(null));
    assertThrows(NullPointerException.class, () -> SCHEME.reconstructor((int[]) null));
  }
}
