package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.Reconstructor;
import io.secagg.core.shamir.Share;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shamir reconstruction of the secrets the server needs, from the t shares with the smallest
 * x. Many secrets share the same responders (all of them, in the complete graph), so the
 * Lagrange coefficients are computed once per distinct x-set and reused.
 */
final class Reconstruction {
  private final ServerContext ctx;
  private final Map<List<Integer>, Reconstructor> cache = new HashMap<>();

  Reconstruction(ServerContext ctx) {
    this.ctx = ctx;
  }

  SecretBytes reconstruct(List<Share> shares, int owner) throws ProtocolViolation {
    List<Share> sorted = new ArrayList<>(shares);
    sorted.sort(Comparator.comparingInt(Share::x));
    List<Share> basis = sorted.subList(0, ctx.t);
    int[] xs = basis.stream().mapToInt(Share::x).toArray();
    try {
      Reconstructor r = cache.get(asList(xs));
      if (r == null) {
        r = ctx.shamir.reconstructor(xs);
        cache.put(asList(xs), r);
      }
      return r.reconstruct(basis);
    } catch (InvalidShareException e) {
      throw new ProtocolViolation(
          AbortReason.RECONSTRUCTION_MISMATCH, "the shares of client " + owner + " do not reconstruct");
    }
  }

  private static List<Integer> asList(int[] xs) {
    return Arrays.stream(xs).boxed().collect(java.util.stream.Collectors.toUnmodifiableList());
  }
}
