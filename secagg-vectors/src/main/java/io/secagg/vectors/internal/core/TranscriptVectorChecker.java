package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Expect.assertArrayEquals;
import static io.secagg.vectors.internal.Expect.assertEquals;
import static io.secagg.vectors.internal.Expect.assertFalse;
import static io.secagg.vectors.internal.Expect.assertNotNull;
import static io.secagg.vectors.internal.Expect.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.ModVector;
import io.secagg.core.wire.WireCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;

/**
 * Replays {@code secagg_transcript_test.json}: re-creates the server and every client from their
 * recorded seeds, identity keys and inputs, performs the recorded operations in order, and
 * asserts that every frame an honest party produces equals the recorded bytes ({@code
 * producedFrame} where the frame was tampered in transit, else {@code frame}), that nothing is
 * left unsent, and that the server's and every client's final state, abort reason, sum, included
 * clients and dropout record equal the recorded outcome.
 */
public final class TranscriptVectorChecker extends NamedVectorChecker {
  static final String FILE = "secagg_transcript_test.json";
  static final String ALGORITHM = "SECAGG-TRANSCRIPT";
  static final String SCHEMA = "secagg_transcript_test_schema_v1.json";
  static final Set<String> GROUP_FIELDS = Set.of("type", "securityMode", "tests");
  static final Set<String> TEST_FIELDS;
  static final Set<String> CLIENT_FIELDS = Set.of("id", "seed", "identityPrivateKey", "input");
  static final Set<String> OP_FIELDS = Set.of("op", "client", "round", "frame", "producedFrame");

  static {
    Set<String> s = new HashSet<>(Vectors.COMMON_TEST_FIELDS);
    s.addAll(List.of("config", "serverSeed", "clients", "operations", "serverOutcome", "clientOutcomes"));
    TEST_FIELDS = Set.copyOf(s);
  }

  public TranscriptVectorChecker() {
    super("secagg_transcript_test.json", ALGORITHM, SCHEMA);
  }

  /** A tampered session's expected behaviour is its recorded outcome, not one error. */
  @Override
  public boolean invalidCasesNameTheirError() {
    return false;
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    assertEquals("SecAggTranscriptTest", Vectors.text(group, "type"));
    SecurityMode.valueOf(Vectors.text(group, "securityMode"));
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    Vectors.onlyFields(test, TEST_FIELDS);
    SecAggConfig config = TranscriptJson.parseConfig(test.get("config"));
    assertEquals(Vectors.text(group, "securityMode"), config.securityMode().name(), "group mode");
    int n = config.clientCount();
    WireCodec codec = WireCodec.forConfig(config);
    ServerMachine server = ServerMachine.builder(config)
        .random(DeterministicRandom.forTestVectorsOnly(Vectors.bytes(test, "serverSeed"))).build();
    ClientMachine[] clients = new ClientMachine[n + 1];
    long[][] inputs = new long[n + 1][];
    JsonNode parties = test.get("clients");
    assertEquals(n, parties.size(), "one entry per client");
    for (int i = 0; i < n; i++) {
      JsonNode c = parties.get(i);
      Vectors.onlyFields(c, CLIENT_FIELDS);
      int id = Vectors.integer(c, "id");
      assertEquals(i + 1, id, "clients in id order");
      inputs[id] = new long[c.get("input").size()];
      for (int j = 0; j < inputs[id].length; j++) {
        inputs[id][j] = c.get("input").get(j).longValue();
      }
      byte[] identity = c.has("identityPrivateKey") ? Vectors.bytes(c, "identityPrivateKey") : null;
      assertEquals(config.securityMode() == SecurityMode.MALICIOUS, identity != null, "identity key iff malicious");
      clients[id] = TranscriptJson.client(config, id, Vectors.bytes(c, "seed"), identity, inputs[id]);
    }

    List<Deque<byte[]>> fromServer = queues(n);
    List<Deque<byte[]>> fromClient = queues(n);
    Set<Integer> offline = new HashSet<>();
    boolean started = false;
    boolean tampered = false;
    int index = 0;
    for (JsonNode op : test.get("operations")) {
      String where = "operation " + index++ + " ";
      Vectors.onlyFields(op, OP_FIELDS);
      String kind = Vectors.text(op, "op");
      switch (kind) {
        case "start":
          assertFalse(started, where + "second start");
          started = true;
          queue(codec, fromServer, server.start());
          break;
        case "advance":
          assertTrue(started, where + "advance before start");
          queue(codec, fromServer, server.advance());
          break;
        case "dropout": {
          int id = clientId(op, n);
          assertTrue(offline.add(id), where + "client " + id + " dropped twice");
          break;
        }
        case "lost": {
          int id = clientId(op, n);
          assertTrue(offline.contains(id), where + "a frame lost for an online client");
          byte[] produced = next(fromServer.get(id), where);
          assertArrayEquals(Vectors.bytes(op, "frame"), produced, where + "server frame for client " + id);
          assertRound(op, codec.decodeServerMessage(produced).round(), where);
          break;
        }
        case "serverToClient": {
          int id = clientId(op, n);
          assertFalse(offline.contains(id), where + "delivery to an offline client");
          byte[] produced = next(fromServer.get(id), where);
          byte[] delivered = Vectors.bytes(op, "frame");
          tampered |= checkProduced(op, produced, where);
          assertRound(op, codec.decodeServerMessage(produced).round(), where);
          for (ClientMessage m : TranscriptJson.deliverToClient(codec, clients[id], delivered).messages()) {
            fromClient.get(id).add(codec.encode(m));
          }
          break;
        }
        case "clientToServer": {
          int id = clientId(op, n);
          byte[] produced = next(fromClient.get(id), where);
          byte[] delivered = Vectors.bytes(op, "frame");
          tampered |= checkProduced(op, produced, where);
          assertRound(op, codec.decodeClientMessage(produced).round(), where);
          queue(codec, fromServer, TranscriptJson.deliverToServer(codec, server, id, delivered));
          break;
        }
        default:
          throw new Mismatch(where + "unknown op '" + kind + "'");
      }
    }
    for (int id = 1; id <= n; id++) {
      assertTrue(fromServer.get(id).isEmpty(), "server frames for client " + id + " never delivered");
      assertTrue(fromClient.get(id).isEmpty(), "frames of client " + id + " never delivered");
    }
    assertTrue(server.state().isTerminal(), "the server did not finish: " + server.state());
    // Compared as canonical text: parsed numbers and freshly built ones differ in node type only.
    assertEquals(test.get("serverOutcome").toString(), TranscriptJson.serverOutcome(server).toString(), "server outcome");
    assertEquals(test.get("clientOutcomes").toString(), TranscriptJson.clientOutcomes(clients).toString(), "client outcomes");

    AggregationResult result = server.result();
    if (result != null) {
      // Independent of the machines: the sum is the plain sum of the included inputs.
      ModVector expected = ModVector.zeros(config.modulus(), config.vectorLength());
      for (int id : result.includedClients()) {
        expected.addInPlace(ModVector.of(config.modulus(), inputs[id]));
      }
      assertArrayEquals(expected.toLongArray(), result.sum().toLongArray(), "sum of included inputs");
    }
    boolean valid = !tampered && result != null;
    assertEquals(valid, Vectors.isValid(test), "result: an untampered session that completes is valid");
  }

  static List<Deque<byte[]>> queues(int n) {
    List<Deque<byte[]>> q = new ArrayList<>();
    for (int id = 0; id <= n; id++) {
      q.add(new ArrayDeque<>());
    }
    return q;
  }

  static void queue(WireCodec codec, List<Deque<byte[]>> fromServer, ServerOutcome o) {
    for (AddressedMessage m : o.messages()) {
      fromServer.get(m.clientId()).add(codec.encode(m.message()));
    }
  }

  static int clientId(JsonNode op, int n) {
    int id = Vectors.integer(op, "client");
    assertTrue(id >= 1 && id <= n, "client id out of range: " + id);
    return id;
  }

  static byte[] next(Deque<byte[]> q, String where) {
    byte[] b = q.poll();
    assertNotNull(b, where + "the recorded frame was never produced");
    return b;
  }

  /** Compares the produced frame with the record; returns true if the frame was tampered. */
  static boolean checkProduced(JsonNode op, byte[] produced, String where) {
    if (op.has("producedFrame")) {
      assertArrayEquals(Vectors.bytes(op, "producedFrame"), produced, where + "produced frame");
      assertFalse(java.util.Arrays.equals(produced, Vectors.bytes(op, "frame")), where + "producedFrame equals frame");
      return true;
    }
    assertArrayEquals(Vectors.bytes(op, "frame"), produced, where + "frame");
    return false;
  }

  static void assertRound(JsonNode op, Round r, String where) {
    assertEquals(Vectors.text(op, "round"), TranscriptJson.roundName(r), where + "round");
  }
}
