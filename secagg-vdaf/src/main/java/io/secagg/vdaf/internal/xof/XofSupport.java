package io.secagg.vdaf.internal.xof;

import io.secagg.vdaf.internal.field.Field;

/** Rejection sampling of field vectors from a stream of little-endian words. */
final class XofSupport {
  private XofSupport() {}

  /** A source of output words. */
  interface WordSource {
    void squeezeLongs(long[] out, int off, int count);
  }

  static long[] nextVec(Field f, int n, KeccakSponge sponge) {
    return nextVec(f, n, sponge::squeezeLongs);
  }

  static long[] nextVec(Field f, int n, WordSource source) {
    if (n < 0) {
      throw new IllegalArgumentException("negative length");
    }
    int w = f.words();
    long[] out = f.newVector(n);
    source.squeezeLongs(out, 0, n * w);
    if (f.allCanonical(out, n)) {
      return out;
    }
    // Rare (2^-32 per element for Field64, about 2^-59 for Field128): keep the accepted candidates
    // in stream order and draw the missing ones from the continuing stream.
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (f.isCanonical(out, i)) {
        f.copy(out, kept++, out, i);
      }
    }
    long[] candidate = f.newVector(1);
    while (kept < n) {
      source.squeezeLongs(candidate, 0, w);
      if (f.isCanonical(candidate, 0)) {
        f.copy(out, kept++, candidate, 0);
      }
    }
    return out;
  }
}
