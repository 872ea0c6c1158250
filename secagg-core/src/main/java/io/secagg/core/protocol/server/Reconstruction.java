package io.secagg.core.protocol.server;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.RejectedShare;
import io.secagg.core.protocol.internal.ProtocolViolation;
import io.secagg.core.shamir.InvalidShareException;
import io.secagg.core.shamir.ParityCheck;
import io.secagg.core.shamir.Reconstructor;
import io.secagg.core.shamir.RobustReconstruction;
import io.secagg.core.shamir.Share;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verified reconstruction of the secrets the server needs: every recovered secret must match
 * what its owner bound it to (the self-mask commitment for b_v, the advertised public key for
 * s_v^SK), lying shares are found by error correction and left out, and their senders are
 * recorded; if no candidate matches, the session aborts. A wrong secret never reaches the sum.
 *
 * <p>Fast path, taken whenever nobody lied: a randomized parity check of all shares (O(m) per
 * secret; see {@link ParityCheck}), then the secret from the t shares of smallest x with cached
 * Lagrange coefficients, then the commitment check. Slow path, when the check fails or the
 * secret does not match: Reed-Solomon decoding of all m shares (O(m^2)), correcting up to
 * floor((m - t) / 2) lies, then the commitment check. A sender caught lying once is left out of
 * the fast path for the other secrets, so one liar costs one slow decoding, not one per secret;
 * each of its other shares then costs one more parity check, so that every wrong share is still
 * recorded.
 *
 * <p>The parity checks draw their randomness from the server's source when first needed, after
 * every share has arrived, so no client can adapt its shares to them.
 */
final class Reconstruction {
  /** What a recovered secret must match. */
  @FunctionalInterface
  interface Expectation {
    boolean matches(SecretBytes candidate);
  }

  private final ServerContext ctx;
  /** Every responder whose shares were kept, ascending: all shares come from these. */
  private final int[] universe;
  private ParityCheck universeCheck;
  private final Map<List<Integer>, ParityCheck> checks = new HashMap<>();
  private final Map<List<Integer>, Reconstructor> reconstructors = new HashMap<>();
  private final Set<Integer> liars = new HashSet<>();
  private final List<RejectedShare> rejected = new ArrayList<>();

  Reconstruction(ServerContext ctx, int[] universe) {
    this.ctx = ctx;
    this.universe = universe.clone();
  }

  /**
   * The secret of {@code owner} from {@code shares} (at least t, from distinct responders,
   * validated), checked against {@code expected}.
   *
   * @throws ProtocolViolation {@code RECONSTRUCTION_MISMATCH} if no secret matching the
   *     expectation can be recovered
   */
  SecretBytes recover(int owner, RejectedShare.SecretKind kind, List<Share> shares, Expectation expected)
      throws ProtocolViolation {
    List<Share> sorted = new ArrayList<>(shares);
    sorted.sort(Comparator.comparingInt(Share::x));
    List<Share> trusted = new ArrayList<>(sorted);
    trusted.removeIf(s -> liars.contains(s.x()));
    if (trusted.size() < ctx.t) {
      trusted = sorted;
    }
    try {
      if (trusted.size() == ctx.t || parityCheckFor(trusted).passes(trusted)) {
        List<Share> basis = trusted.subList(0, ctx.t);
        SecretBytes candidate = reconstructorFor(basis).reconstruct(basis);
        if (expected.matches(candidate)) {
          recordLiesOfKnownLiars(owner, kind, sorted, trusted);
          return candidate;
        }
        candidate.destroy();
      }
    } catch (InvalidShareException e) {
      // The fast path failed to reconstruct at all (a chunk out of range): decode below.
    }
    return decode(owner, kind, sorted, expected);
  }

  /**
   * The shares of known liars were left out of {@code trusted}, which passed: each one that does
   * not fit the trusted shares' polynomials is recorded too, so the result lists every wrong share.
   */
  private void recordLiesOfKnownLiars(
      int owner, RejectedShare.SecretKind kind, List<Share> all, List<Share> trusted)
      throws InvalidShareException {
    if (trusted.size() == all.size()) {
      return;
    }
    for (Share s : all) {
      if (liars.contains(s.x())) {
        List<Share> withIt = new ArrayList<>(trusted);
        withIt.add(s);
        if (!parityCheckFor(withIt).passes(withIt)) {
          rejected.add(new RejectedShare(s.x(), owner, kind));
        }
      }
    }
  }

  private SecretBytes decode(int owner, RejectedShare.SecretKind kind, List<Share> shares, Expectation expected)
      throws ProtocolViolation {
    int m = shares.size();
    int correctable = (m - ctx.t) / 2;
    String what = "client " + owner + "'s " + describe(kind);
    RobustReconstruction r;
    try {
      r = ctx.shamir.reconstructRobust(shares);
    } catch (InvalidShareException e) {
      throw new ProtocolViolation(
          AbortReason.RECONSTRUCTION_MISMATCH,
          "the " + m + " shares of " + what + " cannot be corrected: more than " + correctable
              + " disagree with the rest (" + e.reason() + ")");
    }
    if (!expected.matches(r.secret())) {
      r.secret().destroy();
      throw new ProtocolViolation(
          AbortReason.RECONSTRUCTION_MISMATCH,
          m == ctx.t
              ? "the " + m + " shares of " + what + " do not give the secret it is bound to; with"
                  + " exactly t shares a lying one cannot be told apart"
              : "the shares of " + what + " decode to a secret it is not bound to: client " + owner
                  + " shared a secret other than the one it committed to, or more than "
                  + correctable + " of its " + m + " shareholders lie");
    }
    for (int x : r.rejectedIndices()) {
      rejected.add(new RejectedShare(x, owner, kind));
      liars.add(x);
    }
    return r.secret();
  }

  private static String describe(RejectedShare.SecretKind kind) {
    return kind == RejectedShare.SecretKind.SELF_MASK_SEED ? "self-mask seed" : "masking key";
  }

  /**
   * The check for a share set T: the universe's own when T misses few of its members (each
   * missing member costs one multiplication per share), else one built for T alone.
   */
  private ParityCheck parityCheckFor(List<Share> shares) throws InvalidShareException {
    if (universe.length - shares.size() <= shares.size()) {
      if (universeCheck == null) {
        universeCheck = ctx.shamir.parityCheck(ctx.random, universe);
      }
      return universeCheck;
    }
    List<Integer> xs = indices(shares);
    ParityCheck c = checks.get(xs);
    if (c == null) {
      c = ctx.shamir.parityCheck(ctx.random, xs.stream().mapToInt(Integer::intValue).toArray());
      checks.put(xs, c);
    }
    return c;
  }

  /** Lagrange coefficients per basis: in the complete graph most secrets share one basis. */
  private Reconstructor reconstructorFor(List<Share> basis) throws InvalidShareException {
    List<Integer> xs = indices(basis);
    Reconstructor r = reconstructors.get(xs);
    if (r == null) {
      r = ctx.shamir.reconstructor(xs.stream().mapToInt(Integer::intValue).toArray());
      reconstructors.put(xs, r);
    }
    return r;
  }

  private static List<Integer> indices(List<Share> shares) {
    Integer[] xs = new Integer[shares.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = shares.get(i).x();
    }
    return List.of(xs);
  }

  /** Every share left out so far, ascending by owner, kind and sender. */
  List<RejectedShare> rejectedShares() {
    List<RejectedShare> out = new ArrayList<>(rejected);
    out.sort(
        Comparator.comparingInt(RejectedShare::owner)
            .thenComparing(RejectedShare::kind)
            .thenComparingInt(RejectedShare::sender));
    return out;
  }

  @Override
  public String toString() {
    return "Reconstruction[" + universe.length + " responders, " + rejected.size() + " shares rejected, "
        + Arrays.toString(liars.stream().sorted().toArray()) + " caught]";
  }
}
