package io.secagg.core.protocol.server;

import io.secagg.core.protocol.AdvertiseKeys;
import io.secagg.core.protocol.AdvertisedKeys;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.EncryptedShares;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.shamir.Share;

/**
 * Everything the server knows about one client, in one place: how far it got in the session,
 * whether it answered the round being collected, whether it was excluded, and what it sent.
 *
 * <p>The sets of the specification are nested and read off {@link #stage}: U1 = stage at least
 * {@link Stage#ADVERTISED}, U2 = at least {@link Stage#SHARED}, U3 = at least {@link
 * Stage#MASKED}, the unmasking responders = {@link Stage#RESPONDER}; the clients whose keys the
 * server must recover (U2 \ U3) are exactly those whose stage is {@link Stage#SHARED} once round
 * 2 has closed.
 *
 * <p>Mutable bookkeeping owned by one {@link ServerMachine}, never shared across threads.
 */
final class ClientRecord {
  /** The deepest set of the session the client belongs to. Ordered: each implies the previous. */
  enum Stage {
    /** Not (or no longer) part of the session's key list. */
    NONE,
    /** In U1: its keys were accepted and relayed. */
    ADVERTISED,
    /** In U2: it shared its secrets with enough neighbours that also did. */
    SHARED,
    /** In U3: its masked input is in the accumulator (even if it was excluded afterwards). */
    MASKED,
    /** Asked to unmask: reachable in U3 and, in malicious mode, a signer with t signing neighbours. */
    RESPONDER;

    /** True iff this stage is {@code other} or a deeper one. */
    boolean atLeast(Stage other) {
      return compareTo(other) >= 0;
    }
  }

  /** Whether the client is expected to answer the round being collected. */
  enum Attendance {
    NOT_EXPECTED,
    PENDING,
    ANSWERED
  }

  final int id;
  Stage stage = Stage.NONE;
  Attendance attendance = Attendance.NOT_EXPECTED;
  /** Broke a rule or aborted: never contacted again; see {@link ServerContext#ban}. */
  boolean banned;
  /** True once the client was sent an AbortNotice: it is never sent a second one (spec 5.1). */
  boolean noticeSent;
  /**
   * How the transport reported the client gone ({@link ServerMachine#clientLeft}), or null: it is
   * never waited for again, and what it already contributed stands.
   */
  LeaveReason gone;
  /** The first record of the server no longer counting on the client, or null. */
  Dropout dropout;

  /** Round 0: the advertisement as received (checked), until round 0 closes. */
  AdvertiseKeys advertisement;
  /** The accepted keys (set iff the client is in U1). */
  AdvertisedKeys keys;

  /** Round 1: the neighbours in U1 it must address, ascending. */
  int[] shareRecipients;
  /** Round 1: its ciphertexts, parallel to {@link #shareRecipients}. */
  EncryptedShares[] outbox;
  /** Round 1: its commitment to its self-mask seed b_u. */
  byte[] selfMaskCommitment;

  /** Round 3 (malicious mode): its signature over U3. */
  byte[] survivorSignature;

  /** Round 4: the alive neighbours it was asked about (whose self-mask seeds it holds shares of). */
  int[] aliveNeighbours;
  /** Round 4: the dropped neighbours it was asked about (whose masking keys it holds shares of). */
  int[] droppedNeighbours;
  /** Round 4: its shares of b_v, parallel to {@link #aliveNeighbours}. */
  Share[] selfMaskShares;
  /** Round 4: its shares of s_v^SK, parallel to {@link #droppedNeighbours}. */
  Share[] keyShares;

  ClientRecord(int id) {
    this.id = id;
  }

  /** In U3 and still contactable (neither excluded nor reported gone). */
  boolean reachableSurvivor() {
    return stage.atLeast(Stage.MASKED) && !banned && gone == null;
  }

  @Override
  public String toString() {
    return "ClientRecord[" + id + ", " + stage + ", " + attendance + (banned ? ", banned" : "")
        + (gone != null ? ", gone" : "") + "]";
  }
}
