package io.secagg.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.AesGcm;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Keystream;
import io.secagg.core.crypto.KeystreamPurpose;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519;
import io.secagg.core.prg.AesCtrMaskGenerator;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.EncryptedShares;
import io.secagg.core.protocol.MaskedInput;
import io.secagg.core.protocol.MaskedInputRequest;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.ShareKeys;
import io.secagg.core.protocol.UnmaskingResponse;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.quant.Quantizer;
import io.secagg.core.quant.QuantizerConfig;
import io.secagg.core.shamir.RobustReconstruction;
import io.secagg.core.shamir.ShamirScheme;
import io.secagg.core.shamir.Share;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No public type of secagg-core prints secret material in {@code toString()}.
 *
 * <p>Two halves: every class that can hold a secret is built around a distinctive secret and its
 * {@code toString()} is searched for every usual rendering of it (hex in both cases, Base64,
 * {@link Arrays#toString}, decimal elements); and a completeness guard fails when a public class
 * appears in an exported package without being classified here, so a new type cannot skip the
 * check.
 */
class SecretsNeverPrintedTest {
  private static final byte[] SECRET32 = HexFormat.of().parseHex(
      "c0ffee00deadbeef0123456789abcdeffedcba9876543210a5a5a5a55a5a5a5a");
  private static final long[] SECRET_LONGS = {1234567890123L, 987654321987L, 555555555551L};

  /** A type that can hold secret material, and how to build one around a known secret. */
  private static final class Sample {
    final Object instance;
    final List<String> forbidden;

    Sample(Object instance, List<String> forbidden) {
      this.instance = instance;
      this.forbidden = forbidden;
    }
  }

  private static List<String> renderings(byte[] secret) {
    List<String> r = new ArrayList<>();
    String hex = HexFormat.of().formatHex(secret);
    r.add(hex);
    r.add(hex.toUpperCase(Locale.ROOT));
    // A partial dump is a leak too: any 8 consecutive secret bytes.
    for (int i = 0; i + 8 <= secret.length; i += 8) {
      r.add(hex.substring(2 * i, 2 * i + 16));
    }
    r.add(Base64.getEncoder().encodeToString(secret));
    r.add(Arrays.toString(secret));
    r.add(Arrays.toString(secret).substring(1, 20));
    return r;
  }

  private static List<String> renderings(long[] secret) {
    List<String> r = new ArrayList<>();
    for (long v : secret) {
      r.add(Long.toString(v));
      r.add(Long.toHexString(v));
    }
    r.add(Arrays.toString(secret));
    return r;
  }

  /** Classes holding secrets, each with an instance built around a known secret. */
  private static Map<Class<?>, Sample> samples() throws Exception {
    Map<Class<?>, Sample> s = new LinkedHashMap<>();
    DeterministicRandom rnd = DeterministicRandom.forTestVectorsOnly(42);

    SecretBytes secret = SecretBytes.copyOf(SECRET32);
    s.put(SecretBytes.class, new Sample(secret, renderings(SECRET32)));

    X25519 x25519 = X25519.create(rnd);
    var xPair = x25519.keyPairFromPrivateKey(SecretBytes.copyOf(SECRET32));
    s.put(xPair.getClass(), new Sample(xPair, renderings(SECRET32)));
    s.put(x25519.getClass(), new Sample(x25519, renderings(SECRET32)));

    Ed25519 ed25519 = Ed25519.create(rnd);
    var edPair = ed25519.keyPairFromPrivateKey(SecretBytes.copyOf(SECRET32));
    ed25519.sign(edPair, new byte[] {1, 2, 3});
    s.put(edPair.getClass(), new Sample(edPair, renderings(SECRET32)));
    s.put(ed25519.getClass(), new Sample(ed25519, renderings(SECRET32)));

    byte[] key = Arrays.copyOf(SECRET32, 16);
    AesGcm aead = AesGcm.create(SecretBytes.copyOf(key), rnd);
    aead.encrypt(new byte[] {9}, new byte[0]);
    s.put(AesGcm.class, new Sample(aead, renderings(key)));

    DeterministicRandom seeded = DeterministicRandom.forTestVectorsOnly(SECRET32);
    s.put(DeterministicRandom.class, new Sample(seeded, renderings(SECRET32)));

    Keystream stream = Keystream.open(KeystreamPurpose.MASK, SECRET32, new byte[] {1});
    List<String> streamForbidden = new ArrayList<>(renderings(SECRET32));
    streamForbidden.add(Long.toString(stream.nextLong()));
    s.put(Keystream.class, new Sample(stream, streamForbidden));

    Share share = Share.of(7, new long[] {SECRET_LONGS[0], SECRET_LONGS[1], SECRET_LONGS[2], 3L, 4L});
    s.put(Share.class, new Sample(share, renderings(SECRET_LONGS)));

    ShamirScheme scheme = ShamirScheme.create(2, 3);
    RobustReconstruction robust = scheme.reconstructRobust(scheme.split(SecretBytes.copyOf(SECRET32), rnd));
    s.put(RobustReconstruction.class, new Sample(robust, renderings(SECRET32)));

    ModVector vector = ModVector.of(Modulus.powerOfTwo(62), SECRET_LONGS);
    s.put(ModVector.class, new Sample(vector, renderings(SECRET_LONGS)));

    AesCtrMaskGenerator prg = AesCtrMaskGenerator.create(Modulus.powerOfTwo(32), 1000);
    ModVector mask = prg.expand(SecretBytes.copyOf(SECRET32), new byte[] {1});
    List<String> prgForbidden = new ArrayList<>(renderings(SECRET32));
    prgForbidden.add(Long.toString(mask.get(0)));
    s.put(AesCtrMaskGenerator.class, new Sample(prg, prgForbidden));

    QuantizerConfig config =
        QuantizerConfig.builder().clipBound(1.0).modulus(Modulus.powerOfTwo(62)).maxClients(4).build();
    Quantizer quantizer = Quantizer.create(config, rnd);
    double[] input = {0.7071067811865476, -0.3141592653589793, 0.2718281828459045};
    var quantized = quantizer.quantize(input);
    List<String> qForbidden = new ArrayList<>();
    for (double d : input) {
      qForbidden.add(Double.toString(d));
    }
    qForbidden.addAll(renderings(quantized.vector().toLongArray()));
    s.put(quantized.getClass(), new Sample(quantized, qForbidden));
    s.put(Quantizer.class, new Sample(quantizer, qForbidden));
    addProtocolSamples(s, rnd);
    return s;
  }

  /**
   * The protocol's secret-holding types: messages carrying shares, ciphertexts or masked input,
   * and every client and server state and outcome of two tiny sessions (semi-honest and
   * malicious) whose clients' inputs are {@link #SECRET_LONGS}.
   */
  private static void addProtocolSamples(Map<Class<?>, Sample> s, DeterministicRandom rnd) {
    List<String> bytesForbidden = renderings(SECRET32);
    s.put(MaskedInput.class, new Sample(new MaskedInput(SECRET32), bytesForbidden));
    s.put(UnmaskingResponse.class,
        new Sample(new UnmaskingResponse(List.of(SECRET32), List.of(SECRET32)), bytesForbidden));
    EncryptedShares ct = new EncryptedShares(2, SECRET32);
    s.put(EncryptedShares.class, new Sample(ct, bytesForbidden));
    s.put(ShareKeys.class, new Sample(new ShareKeys(List.of(ct), new byte[32]), bytesForbidden));
    s.put(MaskedInputRequest.class, new Sample(new MaskedInputRequest(List.of(ct)), bytesForbidden));

    List<String> inputForbidden = renderings(SECRET_LONGS);
    for (SecurityMode mode : SecurityMode.values()) {
      SecAggConfig.Builder b =
          SecAggConfig.builder().clientCount(3).threshold(2).vectorLength(SECRET_LONGS.length)
              .modulus(Modulus.powerOfTwo(62)).completeGraph().securityMode(mode);
      Ed25519KeyPair[] identity = new Ed25519KeyPair[4];
      if (mode == SecurityMode.MALICIOUS) {
        List<byte[]> keys = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
          identity[id] = Ed25519.create(rnd).generateKeyPair();
          keys.add(identity[id].publicKey());
        }
        b.identityKeys(keys);
      }
      SecAggConfig config = b.build();
      ClientMachine[] clients = new ClientMachine[4];
      for (int id = 1; id <= 3; id++) {
        ClientMachine.Builder cb =
            ClientMachine.builder(config, id).input(ModVector.of(config.modulus(), SECRET_LONGS)).random(rnd);
        if (identity[id] != null) {
          cb.identityKey(identity[id]);
        }
        s.put(ClientMachine.Builder.class, new Sample(cb, inputForbidden));
        clients[id] = cb.build();
        s.put(ClientMachine.class, new Sample(clients[id], inputForbidden));
        s.put(clients[id].state().getClass(), new Sample(clients[id].state(), inputForbidden));
      }
      ServerMachine server = ServerMachine.builder(config).random(rnd).build();
      List<AddressedMessage> queue = new ArrayList<>(server.start().messages());
      s.put(server.state().getClass(), new Sample(server.state(), inputForbidden));
      while (!server.state().isTerminal()) {
        List<AddressedMessage> next = new ArrayList<>();
        for (AddressedMessage m : queue) {
          ClientOutcome o = clients[m.clientId()].handle(m.message());
          s.put(ClientOutcome.class, new Sample(o, inputForbidden));
          s.put(o.state().getClass(), new Sample(o.state(), inputForbidden));
          for (ClientMessage c : o.messages()) {
            next.addAll(server.handle(m.clientId(), c).messages());
            s.put(server.state().getClass(), new Sample(server.state(), inputForbidden));
          }
        }
        queue = next;
      }
      s.put(ServerMachine.class, new Sample(server, inputForbidden));
      ServerMachine cancelled = ServerMachine.builder(config).random(rnd).build();
      cancelled.start();
      s.put(ServerAborted.class, new Sample(cancelled.cancel().state(), inputForbidden));
      ClientMachine.Builder cb = ClientMachine.builder(config, 1).input(ModVector.of(config.modulus(), SECRET_LONGS));
      if (identity[1] != null) {
        cb.identityKey(identity[1]);
      }
      s.put(ClientAborted.class, new Sample(cb.build().cancel().state(), inputForbidden));
    }
  }

  /** Public classes of exported packages that hold no secret, each with the reason. */
  private static final Map<String, String> NOT_SECRET = Map.ofEntries(
      Map.entry("io.secagg.core.vector.Modulus", "public parameter"),
      Map.entry("io.secagg.core.crypto.Hkdf", "static functions, no state"),
      Map.entry("io.secagg.core.crypto.KdfLabel", "public label string"),
      Map.entry("io.secagg.core.graph.CompleteGraph", "public graph"),
      Map.entry("io.secagg.core.graph.HararyGraph", "public graph from a public seed"),
      Map.entry("io.secagg.core.graph.GraphParameters", "public parameters"),
      Map.entry("io.secagg.core.graph.GraphRequirements", "public threat-model parameters"),
      Map.entry("io.secagg.core.graph.GraphRequirements$Builder", "public threat-model parameters"),
      Map.entry("io.secagg.core.quant.QuantizerConfig", "public parameters"),
      Map.entry("io.secagg.core.quant.QuantizerConfig$Builder", "public parameters"),
      Map.entry("io.secagg.core.quant.DequantizedSum", "the aggregate: the protocol's output"),
      Map.entry("io.secagg.core.shamir.ShamirScheme", "public (t, n)"),
      Map.entry("io.secagg.core.shamir.Reconstructor", "public indices and Lagrange coefficients"),
      Map.entry("io.secagg.core.shamir.ParityCheck", "public indices and check coefficients, nothing shared"),
      Map.entry("io.secagg.core.protocol.RejectedShare", "public session bookkeeping: who sent a wrong share"),
      Map.entry("io.secagg.core.protocol.SecAggConfig", "public parameters"),
      Map.entry("io.secagg.core.protocol.SecAggConfig$Builder", "public parameters"),
      Map.entry("io.secagg.core.protocol.AggregationResult", "the aggregate: the protocol's output"),
      Map.entry("io.secagg.core.protocol.Dropout", "public session bookkeeping"),
      Map.entry("io.secagg.core.protocol.AdvertiseKeysRequest", "public nonce"),
      Map.entry("io.secagg.core.protocol.AdvertiseKeys", "public keys and signature"),
      Map.entry("io.secagg.core.protocol.AdvertisedKeys", "public keys and signature"),
      Map.entry("io.secagg.core.protocol.ShareKeysRequest", "public keys and signatures"),
      Map.entry("io.secagg.core.protocol.ConsistencyCheckRequest", "public survivor set"),
      Map.entry("io.secagg.core.protocol.ConsistencyCheckResponse", "public signature"),
      Map.entry("io.secagg.core.protocol.SurvivorSignature", "public signature"),
      Map.entry("io.secagg.core.protocol.UnmaskingRequest", "public id lists and signatures"),
      Map.entry("io.secagg.core.protocol.ServerAbort", "public reason code"),
      Map.entry("io.secagg.core.protocol.ClientAbort", "public reason code"),
      Map.entry("io.secagg.core.protocol.client.ClientState", "abstract; every subclass is sampled"),
      Map.entry("io.secagg.core.protocol.server.ServerState", "abstract; every subclass is sampled"),
      Map.entry("io.secagg.core.protocol.server.ServerMachine$Builder", "public configuration and options"),
      Map.entry("io.secagg.core.protocol.server.ServerOptions", "an executor and a count"),
      Map.entry("io.secagg.core.protocol.server.ServerStats", "counters"),
      Map.entry("io.secagg.core.protocol.server.ServerOutcome", "server messages, none secret, and a state"),
      Map.entry("io.secagg.core.protocol.server.AddressedMessage", "a server message, none secret"),
      Map.entry("io.secagg.core.wire.WireCodec", "public configuration"),
      Map.entry("io.secagg.core.wire.ConfigCodec", "static codec of public configurations"),
      Map.entry("io.secagg.core.transport.InboundFrame", "a frame in transit; toString prints its length only"),
      Map.entry("io.secagg.core.transport.InMemoryNetwork", "queues of frames and byte counters"),
      Map.entry("io.secagg.core.transport.ServerDriver", "default toString: class name and hash"),
      Map.entry("io.secagg.core.transport.ServerDriver$Builder", "default toString: class name and hash"),
      Map.entry("io.secagg.core.transport.ClientDriver", "default toString: class name and hash"),
      Map.entry("io.secagg.core.transport.ClientDriver$Builder", "default toString: class name and hash"),
      Map.entry("io.secagg.core.transport.ClientResult", "a client's public outcome and its state's name"),
      Map.entry("io.secagg.core.session.SessionPlanner", "public rates and choices"),
      Map.entry("io.secagg.core.session.SessionPlan", "public graph parameters"),
      Map.entry("io.secagg.core.session.RoundStats", "measurements and public dropouts"),
      Map.entry("io.secagg.core.session.GroupPlan", "public configurations"),
      Map.entry("io.secagg.core.session.GroupPlan$Group", "three public counts"),
      Map.entry("io.secagg.core.session.GroupOutcome", "the aggregate of a group: the protocol's output"),
      Map.entry("io.secagg.core.session.GroupedResult", "the aggregate: the protocol's output"),
      Map.entry("io.secagg.core.session.ConfigPolicy", "public expectations; the context is printed by length"),
      Map.entry("io.secagg.core.session.ConfigPolicy$Builder", "default toString: class name and hash"));

  @Test
  void noSampleLeaksItsSecretInToString() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<Class<?>, Sample> e : samples().entrySet()) {
      String text = String.valueOf(e.getValue().instance);
      for (String f : e.getValue().forbidden) {
        if (text.contains(f)) {
          leaks.add(e.getKey().getName() + ".toString() contains a rendering of its secret: " + text);
          break;
        }
      }
    }
    assertTrue(leaks.isEmpty(), String.join("\n", leaks));
  }

  @Test
  void everyPublicClassOfAnExportedPackageIsClassified() throws Exception {
    Set<String> sampled =
        samples().keySet().stream()
            .filter(c -> Modifier.isPublic(c.getModifiers()))
            .map(Class::getName)
            .collect(Collectors.toSet());
    List<String> unclassified = new ArrayList<>();
    for (Class<?> c : publicClassesOfExportedPackages()) {
      if (c.isInterface() || c.isEnum() || Throwable.class.isAssignableFrom(c)) {
        continue; // no state of their own (interfaces, enums) or checked by message tests
      }
      if (!sampled.contains(c.getName()) && !NOT_SECRET.containsKey(c.getName())) {
        unclassified.add(c.getName());
      }
    }
    assertTrue(
        unclassified.isEmpty(),
        "public classes not classified as secret-holding (add a sample) or not (add a reason): "
            + unclassified);
  }

  static List<Class<?>> publicClassesOfExportedPackages() throws Exception {
    Path root = Paths.get(SecretBytes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> exported;
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      exported =
          ModuleDescriptor.read(in).exports().stream()
              .filter(e -> !e.isQualified())
              .map(ModuleDescriptor.Exports::source)
              .collect(Collectors.toCollection(TreeSet::new));
    }
    List<Class<?>> result = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(p).toString();
        if (!rel.endsWith(".class") || rel.endsWith("module-info.class")
            || rel.endsWith("package-info.class")) {
          continue;
        }
        String name = rel.substring(0, rel.length() - 6).replace('/', '.');
        int dot = name.lastIndexOf('.');
        if (!exported.contains(name.substring(0, dot)) || name.matches(".*\\$\\d+.*")) {
          continue;
        }
        Class<?> c = Class.forName(name, false, SecretBytes.class.getClassLoader());
        if (Modifier.isPublic(c.getModifiers()) && isPubliclyReachable(c)) {
          result.add(c);
        }
      }
    } catch (IOException e) {
      throw new AssertionError("cannot list " + root, e);
    }
    return result;
  }

  private static boolean isPubliclyReachable(Class<?> c) {
    for (Class<?> o = c.getEnclosingClass(); o != null; o = o.getEnclosingClass()) {
      if (!Modifier.isPublic(o.getModifiers())) {
        return false;
      }
    }
    return true;
  }
}
