package io.secagg.vdaf;

/** Parameter checks shared by the variant builders. */
final class Variants {
  /**
   * Largest encoded measurement ({@code MEAS_LEN}) the builders accept: 2^24 field elements (256
   * MiB for a Field128 vector), far above federated-learning model sizes at 8-16 bits, and small
   * enough that no length computation overflows.
   */
  static final int MAX_MEAS_LEN = 1 << 24;

  private Variants() {}

  static int checkShares(int shares) {
    if (shares < 2 || shares > 255) {
      throw new IllegalArgumentException("shares must be in [2, 255], not " + shares);
    }
    return shares;
  }

  static int checkProofs(int proofs) {
    if (proofs < 1 || proofs > 255) {
      throw new IllegalArgumentException("proofs must be in [1, 255], not " + proofs);
    }
    return proofs;
  }

  static int checkLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be positive, not " + length);
    }
    return length;
  }

  static long checkMax(String what, long max) {
    if (max < 1) {
      throw new IllegalArgumentException(what + " must be positive, not " + max);
    }
    return max;
  }

  static int checkMeasLen(long measLen) {
    if (measLen > MAX_MEAS_LEN) {
      throw new IllegalArgumentException(
          "encoded measurement of " + measLen + " field elements exceeds " + MAX_MEAS_LEN);
    }
    return (int) measLen;
  }

  /**
   * The chunk length: the given one, or the draft's recommendation {@code floor(sqrt(measLen))}
   * (at least 1). Must be in {@code [1, measLen]}.
   */
  static int chunkLength(int given, int measLen) {
    if (given == 0) {
      int c = (int) Math.sqrt((double) measLen);
      while ((long) c * c > measLen) {
        c--;
      }
      while ((long) (c + 1) * (c + 1) <= measLen) {
        c++;
      }
      return Math.max(1, c);
    }
    if (given < 1 || given > measLen) {
      throw new IllegalArgumentException("chunk length " + given + " not in [1, " + measLen + "]");
    }
    return given;
  }

  /**
   * The chunk length in {@code [1, measLen]} that gives the shortest proof, {@code 2 chunk + 2p - 1}
   * elements with {@code p = next_power_of_2(ceil(measLen / chunk) + 1)} (the trial and error the
   * draft's "Selection of ParallelSum Chunk Length" leaves to the deployment). For each wire
   * polynomial length {@code p} the best chunk is the smallest whose calls fit, {@code
   * ceil(measLen / (p - 1))}, so {@code O(log measLen)} candidates suffice; ties go to the smaller
   * chunk. The prover's work, about {@code chunk * p log p}, falls with it.
   */
  static int shortestProofChunkLength(int measLen) {
    if (measLen < 1) {
      throw new IllegalArgumentException("measurement length must be positive");
    }
    int best = measLen;
    long bestLen = Long.MAX_VALUE;
    for (long p = 2; p <= 2L * measLen + 2; p <<= 1) {
      long chunk = (measLen + p - 2) / (p - 1);
      if (chunk < 1 || chunk > measLen) {
        continue;
      }
      long calls = (measLen + chunk - 1) / chunk;
      long wire = Long.highestOneBit(calls + 1) == calls + 1 ? calls + 1 : Long.highestOneBit(calls + 1) << 1;
      long proofLen = 2 * chunk + 2 * wire - 1;
      if (proofLen < bestLen || (proofLen == bestLen && chunk < best)) {
        bestLen = proofLen;
        best = (int) chunk;
      }
    }
    return best;
  }

  static void requireSet(boolean set, String what) {
    if (!set) {
      throw new IllegalStateException(what + " is not set");
    }
  }
}
