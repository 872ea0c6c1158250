package io.secagg.core.protocol.server;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.X25519;
import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AdvertisedKeys;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.ServerAbort;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.internal.Masking;
import io.secagg.core.shamir.ShamirScheme;
import io.secagg.core.vector.ModVector;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The server's session-wide data and primitives, shared by its states. */
final class ServerContext {
  final SecAggConfig config;
  final int n;
  final int t;
  final SecureRandom random;
  final X25519 x25519;
  final Ed25519 ed25519;
  final byte[] configDigest;
  final Masking masking;
  final ShamirScheme shamir;
  final ServerOptions options;

  byte[] nonce;
  byte[] sessionId;
  MaskingGraph graph;
  /** One record per client; index 0 is unused so that {@code clients[id]} is client id. */
  private final ClientRecord[] clients;
  private final int[][] neighbourCache;
  ModVector accumulator;

  private final long bytesPerVector;
  private int liveVectors;
  private int peakLiveVectors;
  private int vectorsAllocated;

  final List<AddressedMessage> out = new ArrayList<>();
  /** How many clients the transport has reported gone. */
  int goneCount;

  ServerContext(SecAggConfig config, SecureRandom random, ServerOptions options) {
    this.config = config;
    this.n = config.clientCount();
    this.t = config.threshold();
    this.random = random;
    this.options = options;
    this.x25519 = X25519.create(random);
    this.ed25519 = Ed25519.create(random);
    this.configDigest = Derivations.configDigest(config);
    this.masking = new Masking(config);
    this.shamir = ShamirScheme.create(config.threshold(), config.clientCount());
    this.clients = new ClientRecord[n + 1];
    for (int id = 1; id <= n; id++) {
      clients[id] = new ClientRecord(id);
    }
    this.neighbourCache = new int[n + 1][];
    int bits = config.modulus().bits();
    boolean fitsInt = config.modulus().isPowerOfTwo() ? bits <= 32 : bits <= 31;
    this.bytesPerVector = (long) config.vectorLength() * (fitsInt ? 4 : 8);
  }

  boolean malicious() {
    return config.securityMode() == SecurityMode.MALICIOUS;
  }

  void send(int clientId, ServerMessage message) {
    out.add(new AddressedMessage(clientId, message));
  }

  /**
   * Sends {@code clientId} an {@code AbortNotice}, unless it was already sent one: a client told
   * to stop (excluded, removed with too few neighbours) has left and is not contacted again, even
   * when the whole session aborts afterwards (spec/secagg.md 5.1).
   */
  void sendAbortNotice(int clientId, AbortReason reason) {
    ClientRecord c = clients[clientId];
    if (!c.noticeSent) {
      c.noticeSent = true;
      send(clientId, new ServerAbort(reason));
    }
  }

  /** The neighbours of {@code u} in the session graph, ascending (cached). */
  int[] neighbours(int u) {
    int[] cached = neighbourCache[u];
    if (cached == null) {
      cached = graph.neighbours(u);
      neighbourCache[u] = cached;
    }
    return cached;
  }

  /** The record of client {@code id} (1..n). */
  ClientRecord client(int id) {
    return clients[id];
  }

  /** The advertised keys of client {@code id} (set once round 0 has accepted them). */
  AdvertisedKeys keys(int id) {
    return clients[id].keys;
  }

  /** The number of neighbours of {@code u} whose stage is at least {@code stage}. */
  int countNeighboursAt(int u, ClientRecord.Stage stage) {
    int c = 0;
    for (int v : neighbours(u)) {
      if (clients[v].stage.atLeast(stage)) {
        c++;
      }
    }
    return c;
  }

  /**
   * Demotes to the previous stage, until none is left, every client at {@code stage} with fewer
   * than t neighbours at that stage (such a client would abort, and its secrets could not be
   * recovered). Called while {@code stage} is the deepest stage any client has reached.
   *
   * @return the demoted clients, in the order they were removed
   */
  List<Integer> peel(ClientRecord.Stage stage) {
    ClientRecord.Stage below = ClientRecord.Stage.values()[stage.ordinal() - 1];
    int[] count = new int[n + 1];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int u = 1; u <= n; u++) {
      if (clients[u].stage == stage) {
        count[u] = countNeighboursAt(u, stage);
        if (count[u] < t) {
          queue.add(u);
        }
      }
    }
    List<Integer> removed = new ArrayList<>();
    while (!queue.isEmpty()) {
      int u = queue.poll();
      if (clients[u].stage != stage) {
        continue;
      }
      clients[u].stage = below;
      removed.add(u);
      for (int v : neighbours(u)) {
        if (clients[v].stage == stage && --count[v] < t) {
          queue.add(v);
        }
      }
    }
    return removed;
  }

  /** Records that the server stopped counting on {@code clientId} (the first record wins). */
  void drop(int clientId, Round round, Dropout.Cause cause, AbortReason violation) {
    ClientRecord c = clients[clientId];
    if (c.dropout == null) {
      c.dropout = new Dropout(clientId, round, cause, violation);
    }
  }

  /**
   * Records that the transport reported {@code clientId} gone and that {@code round} is the
   * first round that stops waiting for it (the first record wins).
   */
  void dropDisconnected(int clientId, Round round) {
    ClientRecord c = clients[clientId];
    if (c.dropout == null) {
      c.dropout = Dropout.disconnected(clientId, round, c.gone);
    }
  }

  /**
   * Bans a rule breaker, records it and tells it. A banned client is never contacted again; its
   * contributions are withdrawn except where they cannot be (a masked input already in the sum).
   */
  void ban(int clientId, Round round, AbortReason reason) {
    clients[clientId].banned = true;
    drop(clientId, round, Dropout.Cause.PROTOCOL_VIOLATION, reason);
    sendAbortNotice(clientId, reason);
  }

  /**
   * Drops every unmasking share the records hold (the round that used them is over, or the
   * session ended): shares of a secret must not outlive the session in the server's memory.
   */
  void forgetShares() {
    for (int id = 1; id <= n; id++) {
      clients[id].selfMaskShares = null;
      clients[id].keyShares = null;
    }
  }

  boolean isBanned(int clientId) {
    return clients[clientId].banned;
  }

  List<Dropout> dropouts() {
    List<Dropout> list = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      if (clients[i].dropout != null) {
        list.add(clients[i].dropout);
      }
    }
    return list;
  }

  ModVector newVector() {
    liveVectors++;
    vectorsAllocated++;
    peakLiveVectors = Math.max(peakLiveVectors, liveVectors);
    return ModVector.zeros(config.modulus(), config.vectorLength());
  }

  /** Accounts for a vector this context allocated elsewhere (a decoded input). */
  void vectorAllocated() {
    liveVectors++;
    vectorsAllocated++;
    peakLiveVectors = Math.max(peakLiveVectors, liveVectors);
  }

  void vectorReleased() {
    liveVectors--;
  }

  ServerStats stats() {
    return new ServerStats(peakLiveVectors, peakLiveVectors * bytesPerVector, vectorsAllocated);
  }
}
