package io.secagg.vectors.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.client.ClientState;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.core.wire.WireCodec;
import io.secagg.core.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.secagg.core.protocol.AbortReason;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.RejectedShare;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.ServerMessage;

/**
 * What the transcript generator and checker share: the JSON form of a configuration and of the
 * outcomes, how a party is created from its recorded seed, and how a frame is handed to a party.
 */
public final class TranscriptJson {
  static final Set<String> CONFIG_FIELDS =
      Set.of("clientCount", "threshold", "vectorLength", "modulus", "graph", "degree",
          "securityMode", "identityKeys", "context");

  private TranscriptJson() {}

  static ObjectNode config(SecAggConfig c) {
    ObjectNode o = Vectors.object();
    o.put("clientCount", c.clientCount());
    o.put("threshold", c.threshold());
    o.put("vectorLength", c.vectorLength());
    o.put("modulus", c.modulus().value().toString());
    o.put("graph", c.graphKind().name());
    o.put("degree", c.degree());
    o.put("securityMode", c.securityMode().name());
    if (c.securityMode() == SecurityMode.MALICIOUS) {
      ArrayNode keys = o.putArray("identityKeys");
      for (int id = 1; id <= c.clientCount(); id++) {
        keys.add(Vectors.hex(c.identityKey(id)));
      }
    }
    o.put("context", Vectors.hex(c.context()));
    return o;
  }

  public static SecAggConfig parseConfig(JsonNode o) {
    Vectors.onlyFields(o, CONFIG_FIELDS);
    SecAggConfig.Builder b = SecAggConfig.builder()
        .clientCount(Vectors.integer(o, "clientCount"))
        .threshold(Vectors.integer(o, "threshold"))
        .vectorLength(Vectors.integer(o, "vectorLength"))
        .modulus(Modulus.of(Vectors.bigInteger(o, "modulus")));
    GraphKind kind = GraphKind.valueOf(Vectors.text(o, "graph"));
    if (kind == GraphKind.COMPLETE) {
      b.completeGraph();
    } else {
      b.hararyGraph(Vectors.integer(o, "degree"));
    }
    SecurityMode mode = SecurityMode.valueOf(Vectors.text(o, "securityMode"));
    b.securityMode(mode);
    if (mode == SecurityMode.MALICIOUS) {
      List<byte[]> keys = new ArrayList<>();
      for (JsonNode k : o.get("identityKeys")) {
        keys.add(java.util.HexFormat.of().parseHex(k.asText()));
      }
      b.identityKeys(keys);
    } else if (o.has("identityKeys")) {
      throw new Mismatch("identityKeys in a semi-honest configuration");
    }
    byte[] context = Vectors.bytes(o, "context");
    if (context.length > 0) {
      b.context(context);
    }
    SecAggConfig c = b.build();
    if (c.degree() != Vectors.integer(o, "degree")) {
      throw new Mismatch("degree " + o.get("degree") + " disagrees with the graph: " + c.degree());
    }
    return c;
  }

  /** A client created from its recorded seed, identity private key (or null) and input. */
  static ClientMachine client(SecAggConfig config, int id, byte[] seed, byte[] identityPrivate, long[] input) {
    ClientMachine.Builder b = ClientMachine.builder(config, id)
        .input(ModVector.of(config.modulus(), input))
        .random(DeterministicRandom.forTestVectorsOnly(seed));
    if (identityPrivate != null) {
      b.identityKey(identityKeyPair(identityPrivate));
    }
    return b.build();
  }

  /** The Ed25519 identity key pair of a recorded 32-byte private key (an RFC 8032 seed). */
  static io.secagg.core.crypto.Ed25519KeyPair identityKeyPair(byte[] privateKey) {
    try {
      return io.secagg.core.crypto.Ed25519.create()
          .keyPairFromPrivateKey(io.secagg.core.crypto.SecretBytes.copyOf(privateKey));
    } catch (java.security.InvalidKeyException e) {
      throw new Mismatch("identityPrivateKey is not an Ed25519 private key");
    }
  }

  static String roundName(Round r) {
    return r == null ? "ABORT" : r.name();
  }

  /** Decodes a frame for a client; an undecodable frame is reported to the machine as such. */
  static ClientOutcome deliverToClient(WireCodec codec, ClientMachine client, byte[] frame) {
    ServerMessage m;
    try {
      m = codec.decodeServerMessage(frame);
    } catch (WireFormatException e) {
      return client.handleUndecodableMessage();
    }
    return client.handle(m);
  }

  /** Decodes a frame for the server; an undecodable frame is reported to the machine as such. */
  static ServerOutcome deliverToServer(WireCodec codec, ServerMachine server, int id, byte[] frame) {
    ClientMessage m;
    try {
      m = codec.decodeClientMessage(frame);
    } catch (WireFormatException e) {
      return server.handleUndecodableMessage(id);
    }
    return server.handle(id, m);
  }

  static ObjectNode serverOutcome(ServerMachine server) {
    ObjectNode o = Vectors.object();
    o.put("state", server.state().name());
    if (server.state() instanceof ServerAborted) {
      AbortReason r = ((ServerAborted) server.state()).reason();
      o.put("reasonCode", r.code());
      o.put("reason", r.name());
    }
    AggregationResult result = server.result();
    if (result != null) {
      ArrayNode sum = o.putArray("sum");
      for (long x : result.sum().toLongArray()) {
        sum.add(x);
      }
      ArrayNode inc = o.putArray("includedClients");
      result.includedClients().forEach(inc::add);
      ArrayNode rejected = o.putArray("rejectedShares");
      for (RejectedShare r : result.rejectedShares()) {
        rejected.addObject().put("sender", r.sender()).put("owner", r.owner()).put("kind", r.kind().name());
      }
    }
    ArrayNode drops = o.putArray("dropouts");
    for (Dropout d : server.dropouts()) {
      ObjectNode e = drops.addObject();
      e.put("client", d.clientId());
      e.put("round", roundName(d.round()));
      e.put("cause", d.cause().name());
      if (d.violation() != null) {
        e.put("violationCode", d.violation().code());
        e.put("violation", d.violation().name());
      }
    }
    return o;
  }

  static ArrayNode clientOutcomes(ClientMachine[] clients) {
    ArrayNode a = Vectors.array();
    for (int id = 1; id < clients.length; id++) {
      ClientState s = clients[id].state();
      ObjectNode o = a.addObject();
      o.put("client", id);
      o.put("state", s.name());
      if (s instanceof ClientAborted) {
        AbortReason r = ((ClientAborted) s).reason();
        o.put("reasonCode", r.code());
        o.put("reason", r.name());
      }
    }
    return a;
  }
}
