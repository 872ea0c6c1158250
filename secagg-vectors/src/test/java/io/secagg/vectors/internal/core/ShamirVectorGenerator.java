package io.secagg.vectors.internal.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.vectors.internal.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.ShamirScheme;
import io.secagg.core.shamir.Share;

/**
 * Generates {@code shamir_mersenne61_test.json}: sharing with every random coefficient recorded,
 * reconstruction, and one or more invalid cases per rejection rule. Deterministic: every random
 * value comes from {@link DeterministicRandom} with fixed seeds.
 */
public final class ShamirVectorGenerator extends CheckedFileGenerator {
  private static final long MASTER_SEED = 0x5ec4a65a41L;

  /**
   * The source of secrets and per-test seeds, reset by every {@link #generate()}; coefficients
   * come from each test's own recorded seed.
   */
  private DeterministicRandom master;

  public ShamirVectorGenerator() {
    super(new ShamirVectorChecker());
  }

  @Override
  public ObjectNode generate() throws Exception {
    master = DeterministicRandom.forTestVectorsOnly(MASTER_SEED);
    ObjectNode file =
        newFile("Shamir t-of-n sharing of 32-byte secrets over GF(2^61 - 1) as five chunk polynomials"
                + " (spec/secagg.md, section Shamir secret sharing). Field elements are decimal"
                + " strings; secrets, seeds and 42-byte share encodings are lowercase hex.");
    ArrayNode groups = (ArrayNode) file.get("testGroups");

    splitGroup(groups, 3, 5, new int[] {5, 2, 4}, "Normal");
    splitGroup(groups, 2, 2, new int[] {2, 1}, "Normal");
    ObjectNode one = splitGroup(groups, 1, 3, new int[] {3}, "ThresholdOne");
    addSplit(one, filled(0xff), new int[] {2}, "all-one secret", "ThresholdOne", "EdgeCaseSecret");
    ObjectNode full = splitGroup(groups, 5, 5, new int[] {1, 2, 3, 4, 5}, "ThresholdEqualsShareCount");
    addSplit(full, new byte[32], new int[] {4, 1, 5, 3, 2}, "all-zero secret",
        "ThresholdEqualsShareCount", "EdgeCaseSecret");
    splitGroup(groups, 4, 10, new int[] {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, "MoreThanThreshold");
    splitGroup(groups, 7, 12, new int[] {12, 1, 11, 2, 10, 3, 9}, "Normal");

    reconstructGroupThreeOfFive(groups);
    reconstructGroupThresholdOne(groups);
    reconstructGroupLargeIndices(groups);
    return VectorFiles.finish(file);
  }

  // ---- split --------------------------------------------------------------------------------

  private ObjectNode splitGroup(ArrayNode groups, int t, int n, int[] from, String flag)
      throws Exception {
    ObjectNode group = groups.addObject();
    group.put("type", "ShamirSplitTest");
    group.put("threshold", t);
    group.put("shareCount", n);
    group.putArray("tests");
    addSplit(group, randomBytes(32), from, "random secret", flag);
    if (t == 3) {
      for (int len : new int[] {31, 33, 0}) {
        ObjectNode test =
            VectorFiles.newTest((ArrayNode) group.get("tests"), len + "-byte secret", "WrongSecretLength");
        test.put("secret", Vectors.hex(randomBytes(len)));
        test.put("randomSeed", Vectors.hex(randomBytes(16)));
        test.put("error", "IllegalArgumentException");
        test.put("result", "invalid");
      }
    }
    return group;
  }

  private void addSplit(ObjectNode group, byte[] secret, int[] from, String comment, String... flags)
      throws Exception {
    ShamirScheme scheme =
        ShamirScheme.create(group.get("threshold").asInt(), group.get("shareCount").asInt());
    byte[] seed = randomBytes(16);
    List<Share> shares = scheme.split(SecretBytes.copyOf(secret), DeterministicRandom.forTestVectorsOnly(seed));
    long[][] coefficients = coefficientsThrough(shares, scheme.threshold());
    ObjectNode test = VectorFiles.newTest((ArrayNode) group.get("tests"), comment, flags);
    test.put("secret", Vectors.hex(secret));
    test.put("randomSeed", Vectors.hex(seed));
    ArrayNode chunks = test.putArray("chunks");
    for (long c : ShamirReference.chunks(secret)) {
      chunks.add(Long.toString(c));
    }
    ArrayNode coeffs = test.putArray("coefficients");
    for (long[] row : coefficients) {
      ArrayNode r = coeffs.addArray();
      for (long a : row) {
        r.add(Long.toString(a));
      }
    }
    ArrayNode encoded = test.putArray("shares");
    for (Share s : shares) {
      encoded.add(Vectors.hex(s.encode()));
    }
    ArrayNode xs = test.putArray("reconstructFrom");
    List<Share> chosen = new ArrayList<>();
    for (int x : from) {
      xs.add(x);
      chosen.add(shares.get(x - 1));
    }
    test.put("reconstructed", Vectors.hex(scheme.reconstruct(chosen).toByteArray()));
    test.put("result", "valid");
  }

  // ---- reconstruct --------------------------------------------------------------------------

  private static ObjectNode reconstructGroup(ArrayNode groups, int t, int n) {
    ObjectNode group = groups.addObject();
    group.put("type", "ShamirReconstructTest");
    group.put("threshold", t);
    group.put("shareCount", n);
    group.putArray("tests");
    return group;
  }

  private static void valid(ObjectNode group, String comment, List<byte[]> shares, boolean verify,
      byte[] secret, String... flags) {
    ObjectNode test = reconstructTest(group, comment, shares, verify, flags);
    test.put("secret", Vectors.hex(secret));
    test.put("result", "valid");
  }

  private static void invalid(ObjectNode group, String comment, List<byte[]> shares, boolean verify,
      InvalidShareException.Reason reason, String... flags) {
    ObjectNode test = reconstructTest(group, comment, shares, verify, flags);
    test.put("error", "InvalidShareException");
    test.put("reason", reason.name());
    test.put("result", "invalid");
  }

  private static ObjectNode reconstructTest(ObjectNode group, String comment, List<byte[]> shares,
      boolean verify, String... flags) {
    ObjectNode test = VectorFiles.newTest((ArrayNode) group.get("tests"), comment, flags);
    ArrayNode arr = test.putArray("shares");
    for (byte[] s : shares) {
      arr.add(Vectors.hex(s));
    }
    test.put("verify", verify);
    return test;
  }

  private void reconstructGroupThreeOfFive(ArrayNode groups) throws Exception {
    ShamirScheme scheme = ShamirScheme.create(3, 5);
    byte[] secret = randomBytes(32);
    List<Share> s = scheme.split(SecretBytes.copyOf(secret), DeterministicRandom.forTestVectorsOnly(randomBytes(16)));
    ObjectNode g = reconstructGroup(groups, 3, 5);
    valid(g, "exactly t shares, unsorted", enc(s, 4, 1, 3), false, secret, "Normal");
    valid(g, "exactly t shares, verified", enc(s, 2, 5, 3), true, secret, "Normal");
    valid(g, "all n shares, verified", enc(s, 5, 4, 3, 2, 1), true, secret, "MoreThanThreshold");
    List<byte[]> alteredExtra = enc(s, 1, 2, 3, 5);
    alteredExtra.set(3, alter(alteredExtra.get(3), 2, 1));
    valid(g, "share 5 altered, plain mode uses shares 1, 2, 3", alteredExtra, false, secret,
        "MoreThanThreshold", "ExtraShareIgnored");
    invalid(g, "share 5 altered, verified", alteredExtra, true,
        InvalidShareException.Reason.INCONSISTENT_SHARES, "MoreThanThreshold", "InconsistentShares");
    List<byte[]> alteredBasis = enc(s, 1, 2, 3, 4);
    alteredBasis.set(0, alter(alteredBasis.get(0), 0, P - 1));
    invalid(g, "share 1 altered, verified", alteredBasis, true,
        InvalidShareException.Reason.INCONSISTENT_SHARES, "MoreThanThreshold", "InconsistentShares");
    invalid(g, "t - 1 shares", enc(s, 1, 4), false, InvalidShareException.Reason.TOO_FEW_SHARES,
        "TooFewShares");
    invalid(g, "t - 1 shares, verified", enc(s, 2, 3), true,
        InvalidShareException.Reason.TOO_FEW_SHARES, "TooFewShares");
    invalid(g, "no shares", List.of(), false, InvalidShareException.Reason.TOO_FEW_SHARES,
        "TooFewShares");
    invalid(g, "the same share twice", enc(s, 1, 2, 2), false,
        InvalidShareException.Reason.DUPLICATE_INDEX, "DuplicateIndex");
    List<byte[]> twin = enc(s, 1, 2, 3);
    twin.add(alter(enc(s, 3).get(0), 4, 5));
    invalid(g, "two shares with x = 3 and different values", twin, false,
        InvalidShareException.Reason.DUPLICATE_INDEX, "DuplicateIndex");
    List<byte[]> zero = enc(s, 1, 2, 3);
    zero.get(0)[0] = 0;
    zero.get(0)[1] = 0;
    invalid(g, "share with x = 0", zero, false, InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        "ZeroIndex");
    List<byte[]> six = enc(s, 1, 2, 3);
    six.get(2)[1] = 6;
    invalid(g, "share with x = 6 > n", six, false, InvalidShareException.Reason.INDEX_OUT_OF_RANGE,
        "IndexAboveShareCount");
    List<byte[]> big = enc(s, 1, 2, 3);
    big.get(1)[0] = (byte) 0xff;
    big.get(1)[1] = (byte) 0xff;
    invalid(g, "share with x = 65535 > n", big, false,
        InvalidShareException.Reason.INDEX_OUT_OF_RANGE, "IndexAboveShareCount");
    List<byte[]> yp = enc(s, 1, 2, 3);
    writeLong(yp.get(1), 2 + 8 * 2, P);
    invalid(g, "y of chunk 2 equals p", yp, false, InvalidShareException.Reason.VALUE_OUT_OF_RANGE,
        "ValueNotInField");
    List<byte[]> yTop = enc(s, 1, 2, 3);
    writeLong(yTop.get(2), 2, readLong(yTop.get(2), 2) | (1L << 63));
    invalid(g, "y of chunk 0 with bit 63 set", yTop, false,
        InvalidShareException.Reason.VALUE_OUT_OF_RANGE, "ValueNotInField");
    List<byte[]> shortEnc = enc(s, 1, 2, 3);
    shortEnc.set(0, Arrays.copyOf(shortEnc.get(0), 41));
    invalid(g, "41-byte share encoding", shortEnc, false,
        InvalidShareException.Reason.MALFORMED_ENCODING, "MalformedEncoding");
    List<byte[]> longEnc = enc(s, 1, 2, 3);
    longEnc.set(2, Arrays.copyOf(longEnc.get(2), 43));
    invalid(g, "43-byte share encoding", longEnc, false,
        InvalidShareException.Reason.MALFORMED_ENCODING, "MalformedEncoding");
  }

  private void reconstructGroupThresholdOne(ArrayNode groups) {
    ObjectNode g = reconstructGroup(groups, 1, 1);
    long m60 = (1L << 60) - 1;
    valid(g, "chunks at their maxima", List.of(raw(1, 0xffff, m60, m60, m60, m60)), false,
        filled(0xff), "ThresholdOne", "EdgeCaseSecret");
    valid(g, "chunk i = i + 1", List.of(raw(1, 1, 2, 3, 4, 5)), true,
        secretOf(new long[] {1, 2, 3, 4, 5}), "ThresholdOne");
    invalid(g, "chunk 0 = 2^16", List.of(raw(1, 1L << 16, 0, 0, 0, 0)), false,
        InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, "ThresholdOne", "ChunkOutOfRange");
    invalid(g, "chunk 1 = p - 1", List.of(raw(1, 0, P - 1, 0, 0, 0)), false,
        InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, "ThresholdOne", "ChunkOutOfRange");
    invalid(g, "chunk 4 = 2^60", List.of(raw(1, 0, 0, 0, 0, 1L << 60)), true,
        InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, "ThresholdOne", "ChunkOutOfRange");
    invalid(g, "x = 2 > n = 1", List.of(raw(2, 0, 0, 0, 0, 0)), false,
        InvalidShareException.Reason.INDEX_OUT_OF_RANGE, "ThresholdOne", "IndexAboveShareCount");
  }

  private void reconstructGroupLargeIndices(ArrayNode groups) throws Exception {
    ShamirScheme scheme = ShamirScheme.create(2, 65535);
    byte[] secret = randomBytes(32);
    List<Share> s = scheme.split(SecretBytes.copyOf(secret), DeterministicRandom.forTestVectorsOnly(randomBytes(16)));
    ObjectNode g = reconstructGroup(groups, 2, 65535);
    valid(g, "x = 65535 and 65534", enc(s, 65535, 65534), false, secret, "LargeIndex");
    valid(g, "x = 1, 65535 and 32768, verified", enc(s, 65535, 1, 32768), true, secret,
        "LargeIndex", "MoreThanThreshold");
    // A degree-1 polynomial whose chunk 3 is 2^60: consistent shares that encode no secret.
    long a1 = P - 12345;
    long[] c = {0, 0, 0, 1L << 60, 0};
    List<byte[]> bad = new ArrayList<>();
    for (int x : new int[] {7, 65000}) {
      long[] y = new long[5];
      for (int k = 0; k < 5; k++) {
        y[k] = addMod(c[k], mulMod(a1, x));
      }
      bad.add(raw(x, y));
    }
    invalid(g, "consistent shares of chunk 3 = 2^60", bad, true,
        InvalidShareException.Reason.CHUNK_OUT_OF_RANGE, "LargeIndex", "ChunkOutOfRange");
    invalid(g, "one share at x = 65535", enc(s, 65535), false,
        InvalidShareException.Reason.TOO_FEW_SHARES, "LargeIndex", "TooFewShares");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static final long P = ShamirReference.P.longValueExact();

  private static long addMod(long a, long b) {
    return java.math.BigInteger.valueOf(a).add(java.math.BigInteger.valueOf(b)).mod(ShamirReference.P).longValueExact();
  }

  private static long mulMod(long a, long b) {
    return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b)).mod(ShamirReference.P)
        .longValueExact();
  }

  private static long readLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xff);
    }
    return v;
  }

  private static void writeLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** The 32-byte secret whose chunks (section 3.2) are {@code chunks}. */
  private static byte[] secretOf(long[] chunks) {
    java.math.BigInteger s = java.math.BigInteger.ZERO;
    int[] widths = {16, 60, 60, 60, 60};
    for (int k = 0; k < 5; k++) {
      s = s.shiftLeft(widths[k]).add(java.math.BigInteger.valueOf(chunks[k]));
    }
    byte[] raw = s.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  /**
   * The coefficients {@code a_1 .. a_(t-1)} of each chunk's polynomial, recovered by Lagrange
   * interpolation (plain BigInteger arithmetic) through the library's shares at x = 1..t: what the
   * library drew from the seed, without asking it.
   */
  private static long[][] coefficientsThrough(List<Share> shares, int t) {
    java.math.BigInteger p = ShamirReference.P;
    long[][] out = new long[Share.CHUNK_COUNT][t - 1];
    for (int k = 0; k < Share.CHUNK_COUNT; k++) {
      java.math.BigInteger[] result = new java.math.BigInteger[t];
      Arrays.fill(result, java.math.BigInteger.ZERO);
      for (int i = 0; i < t; i++) {
        java.math.BigInteger[] basis = {java.math.BigInteger.ONE};
        java.math.BigInteger den = java.math.BigInteger.ONE;
        long xi = shares.get(i).x();
        for (int j = 0; j < t; j++) {
          if (j == i) {
            continue;
          }
          long xj = shares.get(j).x();
          java.math.BigInteger[] next = new java.math.BigInteger[basis.length + 1];
          Arrays.fill(next, java.math.BigInteger.ZERO);
          for (int d = 0; d < basis.length; d++) {
            next[d + 1] = next[d + 1].add(basis[d]);
            next[d] = next[d].subtract(basis[d].multiply(java.math.BigInteger.valueOf(xj)));
          }
          basis = next;
          den = den.multiply(java.math.BigInteger.valueOf(xi - xj));
        }
        java.math.BigInteger scale =
            java.math.BigInteger.valueOf(shares.get(i).y(k)).multiply(den.modInverse(p));
        for (int d = 0; d < t; d++) {
          result[d] = result[d].add(basis[d].multiply(scale)).mod(p);
        }
      }
      for (int d = 1; d < t; d++) {
        out[k][d - 1] = result[d].longValueExact();
      }
    }
    return out;
  }

  private static List<byte[]> enc(List<Share> shares, int... xs) {
    List<byte[]> out = new ArrayList<>();
    for (int x : xs) {
      out.add(shares.get(x - 1).encode());
    }
    return out;
  }

  /** The encoding with y of {@code chunk} replaced by (y + delta) mod p. */
  private static byte[] alter(byte[] encoded, int chunk, long delta) {
    byte[] out = encoded.clone();
    long y = readLong(out, 2 + 8 * chunk);
    writeLong(out, 2 + 8 * chunk, addMod(y, delta));
    return out;
  }

  /** An encoding built field by field, without validation. */
  private static byte[] raw(int x, long... y) {
    byte[] out = new byte[Share.ENCODED_LENGTH];
    out[0] = (byte) (x >>> 8);
    out[1] = (byte) x;
    for (int k = 0; k < 5; k++) {
      writeLong(out, 2 + 8 * k, y[k]);
    }
    return out;
  }

  private static byte[] filled(int b) {
    byte[] out = new byte[32];
    Arrays.fill(out, (byte) b);
    return out;
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    master.nextBytes(b);
    return b;
  }
}
