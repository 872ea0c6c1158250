package io.secagg.core.protocol;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOptions;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Test harness: one server and n clients driven directly (no wire), all randomness from a seed,
 * with hooks to stop before a round's requests are delivered and to hand a client any message.
 */
final class Harness {
  final SecAggConfig config;
  final Ed25519KeyPair[] identities;
  final ModVector[] inputs;
  final ServerMachine server;
  final ClientMachine[] clients;
  final Deque<AddressedMessage> toClients = new ArrayDeque<>();
  final Deque<Object[]> toServer = new ArrayDeque<>();
  final List<List<ClientMessage>> sentBy = new ArrayList<>();
  final Set<Integer> offline = new HashSet<>();
  /** Clients that go offline on receiving the request of the given round (never answering it). */
  final java.util.Map<Integer, Round> dropAt = new java.util.HashMap<>();

  private Harness(SecAggConfig config, Ed25519KeyPair[] identities, long seed, ServerOptions options) {
    this.config = config;
    this.identities = identities;
    int n = config.clientCount();
    this.inputs = new ModVector[n + 1];
    this.clients = new ClientMachine[n + 1];
    sentBy.add(null);
    for (int id = 1; id <= n; id++) {
      inputs[id] = randomInput(config, seed, id);
      ClientMachine.Builder b =
          ClientMachine.builder(config, id).input(inputs[id]).random(random(seed, "client", id));
      if (identities != null) {
        b.identityKey(identities[id]);
      }
      clients[id] = b.build();
      sentBy.add(new ArrayList<>());
    }
    this.server = ServerMachine.builder(config).random(random(seed, "server", 0)).options(options).build();
  }

  static DeterministicRandom random(long seed, String what, int id) {
    return DeterministicRandom.forTestVectorsOnly((seed + "/" + what + "/" + id).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  static ModVector randomInput(SecAggConfig config, long seed, int id) {
    DeterministicRandom r = random(seed, "input", id);
    long[] e = new long[config.vectorLength()];
    Modulus m = config.modulus();
    for (int i = 0; i < e.length; i++) {
      long x = r.nextLong();
      e[i] = m.isPowerOfTwo() ? x & m.maxElement() : Long.remainderUnsigned(x, m.longValueExact());
    }
    return ModVector.of(m, e);
  }

  /** A configuration builder preset with L and m, plus identity keys when {@code mode} is malicious. */
  static Harness create(SecAggConfig.Builder partial, SecurityMode mode, int n, long seed) {
    return create(partial, mode, n, seed, ServerOptions.defaults());
  }

  static Harness create(SecAggConfig.Builder partial, SecurityMode mode, int n, long seed, ServerOptions options) {
    Ed25519KeyPair[] ids = null;
    if (mode == SecurityMode.MALICIOUS) {
      ids = new Ed25519KeyPair[n + 1];
      List<byte[]> keys = new ArrayList<>();
      for (int id = 1; id <= n; id++) {
        ids[id] = Ed25519.create(random(seed, "identity", id)).generateKeyPair();
        keys.add(ids[id].publicKey());
      }
      partial.identityKeys(keys);
    }
    partial.securityMode(mode);
    return new Harness(partial.build(), ids, seed, options);
  }

  /** A complete-graph configuration builder with L = 8 and m = 2^32. */
  static SecAggConfig.Builder complete(int n, int t) {
    return SecAggConfig.builder().clientCount(n).threshold(t).vectorLength(8)
        .modulus(Modulus.powerOfTwo(32)).completeGraph();
  }

  void start() {
    enqueue(server.start());
  }

  void enqueue(ServerOutcome outcome) {
    toClients.addAll(outcome.messages());
  }

  /** Delivers messages honestly until the queued server messages are requests of {@code round}. */
  void runUntilRequestsOf(Round round) {
    while (true) {
      if (toClients.stream().anyMatch(m -> m.message().round() == round)) {
        return;
      }
      if (server.state().isTerminal()) {
        throw new AssertionError("the session ended before round " + round + ": " + server.state());
      }
      if (!step()) {
        enqueue(server.advance());
      }
    }
  }

  /** Runs honestly to the end, calling advance() whenever nothing moves. */
  void runToEnd() {
    while (!server.state().isTerminal()) {
      if (!step()) {
        enqueue(server.advance());
      }
    }
    pumpClients();
  }

  /** One pass: all queued client deliveries, then all queued server deliveries. */
  boolean step() {
    boolean moved = pumpClients();
    while (!toServer.isEmpty()) {
      Object[] m = toServer.poll();
      enqueue(server.handle((Integer) m[0], (ClientMessage) m[1]));
      moved = true;
    }
    return moved;
  }

  private boolean pumpClients() {
    boolean moved = false;
    while (!toClients.isEmpty()) {
      AddressedMessage m = toClients.poll();
      moved = true;
      Round r = m.message().round();
      if (r != null && r == dropAt.get(m.clientId())) {
        offline.add(m.clientId());
      }
      if (!offline.contains(m.clientId())) {
        deliver(m.clientId(), m.message());
      }
    }
    return moved;
  }

  /** Removes and returns the queued message for {@code clientId}. */
  ServerMessage take(int clientId) {
    Iterator<AddressedMessage> it = toClients.iterator();
    while (it.hasNext()) {
      AddressedMessage m = it.next();
      if (m.clientId() == clientId) {
        it.remove();
        return m.message();
      }
    }
    throw new AssertionError("nothing queued for client " + clientId);
  }

  /** Hands {@code message} to client {@code id} and queues its answers for the server. */
  ClientOutcome deliver(int id, ServerMessage message) {
    ClientOutcome o = clients[id].handle(message);
    for (ClientMessage m : o.messages()) {
      sentBy.get(id).add(m);
      toServer.add(new Object[] {id, m});
    }
    return o;
  }

  ModVector plaintextSum(Collection<Integer> ids) {
    ModVector sum = ModVector.zeros(config.modulus(), config.vectorLength());
    for (int id : ids) {
      sum.addInPlace(inputs[id]);
    }
    return sum;
  }

  /** The session's graph (after round 0 closed). */
  MaskingGraph graph() {
    return Derivations.graph(config, server.sessionId());
  }
}
