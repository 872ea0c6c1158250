package io.secagg.vectors.internal.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.protocol.server.ServerOutcome;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.Modulus;
import io.secagg.core.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.secagg.core.protocol.AdvertisedKeys;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.ConsistencyCheckRequest;
import io.secagg.core.protocol.ConsistencyCheckResponse;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.EncryptedShares;
import io.secagg.core.protocol.MaskedInput;
import io.secagg.core.protocol.MaskedInputRequest;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.ShareKeys;
import io.secagg.core.protocol.ShareKeysRequest;
import io.secagg.core.protocol.SurvivorSignature;
import io.secagg.core.protocol.UnmaskingRequest;
import io.secagg.core.protocol.UnmaskingResponse;

/**
 * Produces {@code secagg_transcript_test.json}: whole sessions between one server and n clients,
 * driven by a deterministic single-threaded driver that records every frame in delivery order.
 * Invalid cases run honest machines and tamper one frame between them; the tampered bytes are
 * recorded as delivered, beside the bytes the honest party produced.
 *
 * <p>Driver: start the server; then repeatedly deliver every queued server frame (FIFO) to its
 * client, then every queued client frame (FIFO) to the server; when a pass moves nothing and the
 * server is not terminal, the round deadline passes ({@code advance}). A client scheduled to drop
 * at round R goes offline on the first server frame of round R addressed to it, and never
 * receives or sends anything again.
 */
public final class TranscriptVectorGenerator extends CheckedFileGenerator {
  /** Rewrites the frame one party sent to another; returns the frame as delivered. */
  @FunctionalInterface
  interface Tamper {
    byte[] apply(Run run, boolean toClient, int clientId, Object message, byte[] frame);
  }

  private static final Tamper NONE = (run, toClient, id, m, frame) -> frame;

  public TranscriptVectorGenerator() {
    super(new TranscriptVectorChecker());
  }

  @Override
  public ObjectNode generate() {
    ObjectNode file = newFile("Full SecAgg/SecAgg+ sessions: every party's seed and input, every frame in delivery"
            + " order, and the outcome (spec/secagg.md, section 6).");
    ArrayNode groups = (ArrayNode) file.get("testGroups");
    int[] seq = {0};
    for (SecurityMode mode : SecurityMode.values()) {
      ObjectNode group = groups.addObject();
      group.put("type", "SecAggTranscriptTest");
      group.put("securityMode", mode.name());
      ArrayNode tests = group.putArray("tests");
      if (mode == SecurityMode.SEMI_HONEST) {
        semiHonest(tests, seq);
      } else {
        malicious(tests, seq);
      }
    }
    return VectorFiles.finish(file);
  }

  // ------------------------------------------------------------------------ the cases

  private static final Modulus M32 = Modulus.powerOfTwo(32);
  private static final Modulus M16 = Modulus.powerOfTwo(16);
  private static final Modulus ODD = Modulus.of(1_000_003L);

  private static SecAggConfig.Builder complete(int n, int t, int l, Modulus m) {
    return SecAggConfig.builder().clientCount(n).threshold(t).vectorLength(l).modulus(m).completeGraph();
  }

  private static SecAggConfig.Builder harary(int n, int k, int t, int l, Modulus m) {
    return SecAggConfig.builder().clientCount(n).threshold(t).vectorLength(l).modulus(m).hararyGraph(k);
  }

  private static Map<Integer, Round> drops(Object... idRound) {
    Map<Integer, Round> d = new HashMap<>();
    for (int i = 0; i < idRound.length; i += 2) {
      d.put((Integer) idRound[i], (Round) idRound[i + 1]);
    }
    return d;
  }

  private static void semiHonest(ArrayNode tests, int[] seq) {
    SecurityMode sh = SecurityMode.SEMI_HONEST;
    honest(tests, seq, "n=3 t=2 complete, m=2^32", complete(3, 2, 4, M32), sh, drops());
    honest(tests, seq, "n=4 t=3 complete, m=2^16", complete(4, 3, 8, M16), sh, drops());
    honest(tests, seq, "n=5 t=3 complete, odd m, client 5 drops after round 0",
        complete(5, 3, 6, ODD), sh, drops(5, Round.SHARE_KEYS));
    honest(tests, seq, "n=5 t=3 complete, m=2^32, client 2 drops after round 1 (no masked input)",
        complete(5, 3, 4, M32), sh, drops(2, Round.MASKED_INPUT_COLLECTION));
    honest(tests, seq, "n=6 t=4 complete, m=2^16, client 6 drops during unmasking",
        complete(6, 4, 5, M16), sh, drops(6, Round.UNMASKING));
    honest(tests, seq, "n=8 k=4 t=3 Harary, m=2^32", harary(8, 4, 3, 4, M32), sh, drops());
    honest(tests, seq, "n=8 k=4 t=3 Harary, odd m, client 2 drops after round 1",
        harary(8, 4, 3, 8, ODD), sh, drops(2, Round.MASKED_INPUT_COLLECTION));
    honest(tests, seq, "n=7 k=4 t=2 Harary, m=2^16, client 3 drops after round 0, client 6 during unmasking",
        harary(7, 4, 2, 4, M16), sh, drops(3, Round.SHARE_KEYS, 6, Round.UNMASKING));
    honest(tests, seq, "n=7 k=4 t=3 Harary, m=2^16, clients 3 and 6 drop: a common neighbour's self-mask"
            + " has only 2 < t shares left, the server aborts",
        harary(7, 4, 3, 4, M16), sh, drops(3, Round.SHARE_KEYS, 6, Round.UNMASKING), "InsufficientShares");
    honest(tests, seq, "n=5 t=3 complete, three clients drop after round 1: too few survivors",
        complete(5, 3, 4, M32), sh,
        drops(3, Round.MASKED_INPUT_COLLECTION, 4, Round.MASKED_INPUT_COLLECTION, 5, Round.MASKED_INPUT_COLLECTION),
        "TooFewSurvivors");

    Map<Integer, Round> fiveDrops = drops(5, Round.MASKED_INPUT_COLLECTION);
    tampered(tests, seq, "unmasking request to client 1 lists peer 2 as alive and dropped",
        complete(5, 3, 4, M32), sh, fiveDrops, "OverlappingUnmaskLists",
        unmaskingTo(1, (r, run) -> new UnmaskingRequest(r.alive(), sortedWith(r.dropped(), 2), r.signatures())));
    tampered(tests, seq, "key list relayed to client 1 has n + 1 entries, client 3 twice",
        complete(5, 3, 4, M32), sh, drops(), "KeyListTooLong",
        (run, toClient, id, m, frame) -> {
          if (!toClient || id != 1 || !(m instanceof ShareKeysRequest)) {
            return frame;
          }
          List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) m).keys());
          keys.add(3, keys.get(2));
          return run.codec.encode(new ShareKeysRequest(keys));
        });
    tampered(tests, seq, "key list relayed to client 1 names client 3 twice, in place of client 4",
        complete(5, 3, 4, M32), sh, drops(), "DuplicateClientId",
        (run, toClient, id, m, frame) -> {
          if (!toClient || id != 1 || !(m instanceof ShareKeysRequest)) {
            return frame;
          }
          List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) m).keys());
          keys.set(3, keys.get(2));
          return run.codec.encode(new ShareKeysRequest(keys));
        });
    tampered(tests, seq, "client 1 receives its own ciphertext for client 2 as client 2's share",
        complete(5, 3, 4, M32), sh, drops(), "ReflectedShare",
        (run, toClient, id, m, frame) -> {
          if (!toClient || id != 1 || !(m instanceof MaskedInputRequest)) {
            return frame;
          }
          byte[] own = run.ciphertext(1, 2);
          List<EncryptedShares> list = new ArrayList<>();
          for (EncryptedShares e : ((MaskedInputRequest) m).shares()) {
            list.add(e.peerId() == 2 ? new EncryptedShares(2, own) : e);
          }
          return run.codec.encode(new MaskedInputRequest(list));
        });
    tampered(tests, seq, "client 3's masked input frame has one element too many",
        complete(5, 3, 4, M32), sh, drops(), "WrongLengthMaskedInput", wrongLengthMaskedInput(3));
    tampered(tests, seq, "unmasking request to client 1 lists client 1 itself as dropped",
        complete(5, 3, 4, M32), sh, fiveDrops, "SelfListedAsDropped",
        unmaskingTo(1, (r, run) -> new UnmaskingRequest(r.alive(), sortedWith(r.dropped(), 1), r.signatures())));
    tampered(tests, seq, "unmasking request to client 1 calls peers 4 and 5 dropped: 2 < t alive in its group",
        complete(5, 3, 4, M32), sh, fiveDrops, "TooFewNeighbours",
        unmaskingTo(1, (r, run) -> new UnmaskingRequest(List.of(2, 3), List.of(4, 5), r.signatures())));
    tampered(tests, seq, "Harary n=8 k=4 t=3, m=2^16: client 4's masked input is one element short",
        harary(8, 4, 3, 4, M16), sh, drops(), "WrongLengthMaskedInput", wrongLengthMaskedInput(4));
    tampered(tests, seq, "n=6 t=3 complete: client 2 alters chunk 1 of its share of client 5's self-mask"
            + " seed; 5 shares, so the server corrects it and records client 2",
        complete(6, 3, 4, M32), sh, drops(), "LyingShareCorrected", lyingShare(2, false, 5, 1));
    tampered(tests, seq, "n=5 t=3 complete: client 4 alters chunk 0 of its share of client 1's self-mask"
            + " seed; 4 shares cannot correct a lie, the server aborts",
        complete(5, 3, 4, M32), sh, drops(), "LyingShareUncorrectable", lyingShare(4, false, 1, 0));
  }

  private static void malicious(ArrayNode tests, int[] seq) {
    SecurityMode mal = SecurityMode.MALICIOUS;
    honest(tests, seq, "n=3 t=2 complete, m=2^32", complete(3, 2, 4, M32), mal, drops());
    honest(tests, seq, "n=5 t=3 complete, m=2^16, client 4 drops after round 0",
        complete(5, 3, 4, M16), mal, drops(4, Round.SHARE_KEYS));
    honest(tests, seq, "n=5 t=3 complete, odd m, client 1 drops after round 1",
        complete(5, 3, 6, ODD), mal, drops(1, Round.MASKED_INPUT_COLLECTION));
    honest(tests, seq, "n=6 t=4 complete, m=2^32, client 2 drops after round 2 (before the consistency check)",
        complete(6, 4, 4, M32), mal, drops(2, Round.CONSISTENCY_CHECK));
    honest(tests, seq, "n=6 t=3 complete, m=2^16, client 5 drops during unmasking",
        complete(6, 3, 4, M16), mal, drops(5, Round.UNMASKING));
    honest(tests, seq, "n=8 k=4 t=3 Harary, m=2^16", harary(8, 4, 3, 4, M16), mal, drops());
    honest(tests, seq, "n=8 k=6 t=4 Harary, odd m, client 7 drops after round 2",
        harary(8, 6, 4, 4, ODD), mal, drops(7, Round.CONSISTENCY_CHECK));
    honest(tests, seq, "n=8 k=6 t=4 Harary, m=2^32, client 1 drops after round 1, client 4 during unmasking",
        harary(8, 6, 4, 4, M32), mal, drops(1, Round.MASKED_INPUT_COLLECTION, 4, Round.UNMASKING));

    tampered(tests, seq, "unmasking request to client 1 carries a forged survivor signature of client 2",
        complete(5, 3, 4, M32), mal, drops(), "ForgedSignature",
        unmaskingTo(1, (r, run) -> {
          List<SurvivorSignature> sigs = new ArrayList<>();
          for (SurvivorSignature s : r.signatures()) {
            sigs.add(s.clientId() == 2 ? new SurvivorSignature(2, flip(s.signature())) : s);
          }
          return new UnmaskingRequest(r.alive(), r.dropped(), sigs);
        }));
    tampered(tests, seq, "client 3's consistency-check signature is altered on its way to the server",
        complete(5, 3, 4, M32), mal, drops(), "ForgedSignature",
        (run, toClient, id, m, frame) -> {
          if (toClient || id != 3 || !(m instanceof ConsistencyCheckResponse)) {
            return frame;
          }
          return run.codec.encode(new ConsistencyCheckResponse(flip(((ConsistencyCheckResponse) m).signature())));
        });
    tampered(tests, seq, "consistency-check survivor set sent to client 1 leaves client 1 out",
        complete(5, 3, 4, M32), mal, drops(), "SelfListedAsDropped",
        (run, toClient, id, m, frame) -> {
          if (!toClient || id != 1 || !(m instanceof ConsistencyCheckRequest)) {
            return frame;
          }
          List<Integer> s = new ArrayList<>(((ConsistencyCheckRequest) m).survivors());
          s.remove(Integer.valueOf(1));
          return run.codec.encode(new ConsistencyCheckRequest(s));
        });
    tampered(tests, seq, "key list relayed to client 2 names client 4 twice, in place of client 5",
        complete(5, 3, 4, M32), mal, drops(), "DuplicateClientId",
        (run, toClient, id, m, frame) -> {
          if (!toClient || id != 2 || !(m instanceof ShareKeysRequest)) {
            return frame;
          }
          List<AdvertisedKeys> keys = new ArrayList<>(((ShareKeysRequest) m).keys());
          keys.set(4, keys.get(3));
          return run.codec.encode(new ShareKeysRequest(keys));
        });
    tampered(tests, seq, "Harary n=8 k=6 t=4, client 1 drops after round 1: a neighbour alters chunk 4 of"
            + " its share of client 1's masking key; 6 shares, corrected and recorded",
        harary(8, 6, 4, 4, M32), mal, drops(1, Round.MASKED_INPUT_COLLECTION), "LyingShareCorrected",
        lyingShare(0, true, 1, 4));
    tampered(tests, seq, "n=5 t=3, three clients drop after round 2: too few survivors for the consistency check",
        complete(5, 3, 4, M32), mal,
        drops(3, Round.CONSISTENCY_CHECK, 4, Round.CONSISTENCY_CHECK, 5, Round.CONSISTENCY_CHECK),
        "TooFewSurvivors", NONE);
  }

  /**
   * Alters one chunk of one share in an unmasking response: the share of {@code owner}'s self-mask
   * seed ({@code keyShare} false) or masking key (true) sent by {@code liar}, or, for {@code liar}
   * = 0, by the first client whose response carries one. The chunk value is raised by 1 mod p.
   */
  private static Tamper lyingShare(int liar, boolean keyShare, int owner, int chunk) {
    boolean[] done = {false};
    return (run, toClient, id, m, frame) -> {
      if (toClient || done[0] || (liar != 0 && id != liar) || !(m instanceof UnmaskingResponse)) {
        return frame;
      }
      UnmaskingRequest asked = run.lastUnmaskingRequest(id);
      int at = (keyShare ? asked.dropped() : asked.alive()).indexOf(owner);
      if (at < 0) {
        return frame;
      }
      done[0] = true;
      try {
        return run.codec.encode(lieIn((UnmaskingResponse) m, keyShare, at, chunk, 1));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    };
  }

  private static List<Integer> sortedWith(List<Integer> ids, int id) {
    List<Integer> l = new ArrayList<>(ids);
    l.add(id);
    l.sort(null);
    return l;
  }

  static byte[] flip(byte[] b) {
    byte[] c = b.clone();
    c[c.length / 2] ^= 1;
    return c;
  }

  private interface UnmaskEdit {
    UnmaskingRequest edit(UnmaskingRequest honest, Run run);
  }

  private static Tamper unmaskingTo(int client, UnmaskEdit edit) {
    return (run, toClient, id, m, frame) -> {
      if (!toClient || id != client || !(m instanceof UnmaskingRequest)) {
        return frame;
      }
      return run.codec.encode(edit.edit((UnmaskingRequest) m, run));
    };
  }

  /**
   * Rewrites the masked-input frame of {@code client}: one more element (odd clients) or one
   * fewer (even clients), re-encoded canonically, so the only fault is the vector's length.
   */
  private static Tamper wrongLengthMaskedInput(int client) {
    return (run, toClient, id, m, frame) -> {
      if (toClient || id != client || !(m instanceof MaskedInput)) {
        return frame;
      }
      byte[] vec = ((MaskedInput) m).encodedVector();
      int width = run.config.modulus().byteWidth();
      int newLength = client % 2 == 1 ? vec.length + width : vec.length - width;
      byte[] changed = java.util.Arrays.copyOf(vec, newLength);
      return run.codec.encode(new MaskedInput(changed));
    };
  }

  // ------------------------------------------------------------------------ recording

  private static void honest(ArrayNode tests, int[] seq, String comment, SecAggConfig.Builder cfg,
      SecurityMode mode, Map<Integer, Round> drops, String... extraFlags) {
    String flag = extraFlags.length > 0 ? extraFlags[0] : drops.isEmpty() ? "NoDropout" : "Dropout";
    record(tests, seq, comment, cfg, mode, drops, flag, NONE);
  }

  private static void tampered(ArrayNode tests, int[] seq, String comment, SecAggConfig.Builder cfg,
      SecurityMode mode, Map<Integer, Round> drops, String flag, Tamper tamper) {
    record(tests, seq, comment, cfg, mode, drops, flag, tamper);
  }

  private static byte[] seed(int tc, String party) {
    return ("secagg transcript " + tc + " " + party).getBytes(StandardCharsets.US_ASCII);
  }

  private static void record(ArrayNode tests, int[] seq, String comment, SecAggConfig.Builder cfg,
      SecurityMode mode, Map<Integer, Round> drops, String flag, Tamper tamper) {
    int tc = ++seq[0];
    // Build the config first without identities to learn n, then add them for malicious mode.
    int n = cfg.securityMode(SecurityMode.SEMI_HONEST).build().clientCount();
    byte[][] identityPrivate = new byte[n + 1][];
    if (mode == SecurityMode.MALICIOUS) {
      List<byte[]> pubs = new ArrayList<>();
      for (int id = 1; id <= n; id++) {
        identityPrivate[id] = new byte[32];
        DeterministicRandom.forTestVectorsOnly(seed(tc, "identity " + id)).nextBytes(identityPrivate[id]);
        pubs.add(TranscriptJson.identityKeyPair(identityPrivate[id]).publicKey());
      }
      cfg.identityKeys(pubs);
    }
    cfg.securityMode(mode);
    SecAggConfig config = cfg.build();
    // Elements are written as JSON numbers, exact only below 2^53 (spec section 3 of the intro).
    if (config.modulus().bits() > 53) {
      throw new AssertionError("moduli above 2^53 need decimal strings in this schema");
    }
    long[][] inputs = new long[n + 1][];
    for (int id = 1; id <= n; id++) {
      inputs[id] = randomInput(config.modulus(), config.vectorLength(), seed(tc, "input " + id));
    }
    byte[][] clientSeeds = new byte[n + 1][];
    for (int id = 1; id <= n; id++) {
      clientSeeds[id] = seed(tc, "client " + id);
    }
    byte[] serverSeed = seed(tc, "server");

    Run run = new Run(config, serverSeed, clientSeeds, identityPrivate, inputs, drops, tamper);
    run.drive();

    boolean sawTamper = tamper == NONE || run.tampered;
    if (!sawTamper) {
      throw new AssertionError("tcId " + tc + ": the tamper never applied");
    }
    boolean valid = tamper == NONE && run.server.result() != null;
    ObjectNode test = VectorFiles.newTest(tests, comment, flag);
    test.set("config", TranscriptJson.config(config));
    test.put("serverSeed", Vectors.hex(serverSeed));
    ArrayNode parties = test.putArray("clients");
    for (int id = 1; id <= n; id++) {
      ObjectNode c = parties.addObject();
      c.put("id", id);
      c.put("seed", Vectors.hex(clientSeeds[id]));
      if (identityPrivate[id] != null) {
        c.put("identityPrivateKey", Vectors.hex(identityPrivate[id]));
      }
      ArrayNode in = c.putArray("input");
      for (long x : inputs[id]) {
        in.add(x);
      }
    }
    test.set("operations", run.ops);
    test.set("serverOutcome", TranscriptJson.serverOutcome(run.server));
    test.set("clientOutcomes", TranscriptJson.clientOutcomes(run.clients));
    test.put("result", valid ? "valid" : "invalid");
  }

  /**
   * The input of one client: for each element, 8 bytes of the stream as a big-endian unsigned
   * integer, reduced mod m (masked to the low bits for a power of two).
   */
  static long[] randomInput(Modulus m, int length, byte[] seed) {
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(seed);
    long[] e = new long[length];
    byte[] b = new byte[8];
    for (int i = 0; i < length; i++) {
      r.nextBytes(b);
      long x = 0;
      for (byte v : b) {
        x = (x << 8) | (v & 0xff);
      }
      e[i] = m.isPowerOfTwo() ? x & m.maxElement() : Long.remainderUnsigned(x, m.longValueExact());
    }
    return e;
  }

  /** One session being driven and recorded. */
  static final class Run {
    final SecAggConfig config;
    final WireCodec codec;
    final ServerMachine server;
    final ClientMachine[] clients;
    final Map<Integer, Round> dropAt;
    final Tamper tamper;
    final Set<Integer> offline = new HashSet<>();
    final Deque<AddressedMessage> toClients = new ArrayDeque<>();
    final Deque<Object[]> toServer = new ArrayDeque<>();
    final List<List<ClientMessage>> sentBy = new ArrayList<>();
    final Map<Integer, UnmaskingRequest> unmaskingRequests = new HashMap<>();
    final ArrayNode ops = Vectors.array();
    boolean tampered;

    Run(SecAggConfig config, byte[] serverSeed, byte[][] clientSeeds, byte[][] identities,
        long[][] inputs, Map<Integer, Round> dropAt, Tamper tamper) {
      this.config = config;
      this.codec = WireCodec.forConfig(config);
      this.dropAt = dropAt;
      this.tamper = tamper;
      int n = config.clientCount();
      clients = new ClientMachine[n + 1];
      sentBy.add(null);
      for (int id = 1; id <= n; id++) {
        clients[id] = TranscriptJson.client(config, id, clientSeeds[id], identities[id], inputs[id]);
        sentBy.add(new ArrayList<>());
      }
      server = ServerMachine.builder(config).random(DeterministicRandom.forTestVectorsOnly(serverSeed)).build();
    }

    UnmaskingRequest lastUnmaskingRequest(int client) {
      UnmaskingRequest r = unmaskingRequests.get(client);
      if (r == null) {
        throw new AssertionError("client " + client + " answered an unmasking request it never got");
      }
      return r;
    }

    byte[] ciphertext(int from, int to) {
      for (ClientMessage m : sentBy.get(from)) {
        if (m instanceof ShareKeys) {
          for (EncryptedShares e : ((ShareKeys) m).shares()) {
            if (e.peerId() == to) {
              return e.ciphertext();
            }
          }
        }
      }
      throw new AssertionError("no ciphertext from " + from + " to " + to);
    }

    void drive() {
      ops.addObject().put("op", "start");
      toClients.addAll(server.start().messages());
      int guard = 0;
      while (true) {
        if (++guard > 1000) {
          throw new AssertionError("the session does not end");
        }
        boolean moved = pump();
        if (server.state().isTerminal()) {
          if (!moved) {
            return;
          }
          continue;
        }
        if (!moved) {
          ops.addObject().put("op", "advance");
          toClients.addAll(server.advance().messages());
        }
      }
    }

    private boolean pump() {
      boolean moved = false;
      while (!toClients.isEmpty()) {
        moved = true;
        AddressedMessage m = toClients.poll();
        int id = m.clientId();
        byte[] produced = codec.encode(m.message());
        Round r = m.message().round();
        if (!offline.contains(id) && r != null && r == dropAt.get(id)) {
          offline.add(id);
          ops.addObject().put("op", "dropout").put("client", id);
        }
        if (offline.contains(id)) {
          ObjectNode op = ops.addObject();
          op.put("op", "lost").put("client", id).put("round", TranscriptJson.roundName(r));
          op.put("frame", Vectors.hex(produced));
          continue;
        }
        if (m.message() instanceof UnmaskingRequest) {
          unmaskingRequests.put(id, (UnmaskingRequest) m.message());
        }
        byte[] delivered = tamper.apply(this, true, id, m.message(), produced);
        message("serverToClient", id, r, produced, delivered);
        ClientOutcome o = TranscriptJson.deliverToClient(codec, clients[id], delivered);
        for (ClientMessage cm : o.messages()) {
          sentBy.get(id).add(cm);
          toServer.add(new Object[] {id, cm});
        }
      }
      while (!toServer.isEmpty()) {
        moved = true;
        Object[] e = toServer.poll();
        int id = (Integer) e[0];
        ClientMessage cm = (ClientMessage) e[1];
        byte[] produced = codec.encode(cm);
        byte[] delivered = tamper.apply(this, false, id, cm, produced);
        message("clientToServer", id, cm.round(), produced, delivered);
        ServerOutcome o = TranscriptJson.deliverToServer(codec, server, id, delivered);
        toClients.addAll(o.messages());
      }
      return moved;
    }

    private void message(String kind, int id, Round r, byte[] produced, byte[] delivered) {
      ObjectNode op = ops.addObject();
      op.put("op", kind).put("client", id).put("round", TranscriptJson.roundName(r));
      op.put("frame", Vectors.hex(delivered));
      if (!java.util.Arrays.equals(produced, delivered)) {
        tampered = true;
        op.put("producedFrame", Vectors.hex(produced));
      }
    }
  }

  /** {@code honest} with y of {@code chunk} of share {@code at} (of the key or self-mask list) plus {@code delta}. */
  static UnmaskingResponse lieIn(UnmaskingResponse honest, boolean keyShare, int at, int chunk, long delta)
      throws Exception {
    List<byte[]> self = new ArrayList<>();
    for (int i = 0; i < honest.selfMaskShareCount(); i++) {
      self.add(honest.selfMaskShare(i));
    }
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < honest.keyShareCount(); i++) {
      keys.add(honest.keyShare(i));
    }
    List<byte[]> target = keyShare ? keys : self;
    io.secagg.core.shamir.Share share = io.secagg.core.shamir.Share.decode(target.get(at));
    long[] y = share.yValues();
    y[chunk] = java.math.BigInteger.valueOf(y[chunk]).add(java.math.BigInteger.valueOf(delta))
        .mod(ShamirReference.P).longValueExact();
    target.set(at, io.secagg.core.shamir.Share.of(share.x(), y).encode());
    return new UnmaskingResponse(self, keys);
  }
}
