package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.X25519;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphParameters;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.MaskingGraph;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.internal.Derivations;
import io.secagg.core.vector.Modulus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Replays the graph-grinding attack of issue 14 against the real session-id and graph
 * derivations: n = 40 clients, 5 of them (36..40) colluding with a malicious server, which has
 * every client's advertised keys and tries one candidate key list after another, each relaying a
 * random subset of the honest clients, looking for a graph in which an honest client has enough
 * colluding neighbours to expose its input. Every candidate is one evaluation of the real {@code
 * sid} and graph derivations.
 *
 * <p>With k = 8, t = 5 the attack finds such a graph (about one in 10^4 candidates surrounds a
 * given client with all five colluders), which is why that configuration must be refused: the
 * rule a participant applies ({@link GraphParameters#evaluate} and {@link
 * GraphParameters#meetsRequirements()}, with the default 2^64 grinding budget) refuses it. With
 * the parameters the rule admits for this population, 10^5 candidates find no exposing graph.
 */
class GraphGrindingReplayTest {
  private static final int N = 40;
  private static final int COLLUDERS = 5;
  private static final int TRIALS = 100_000;

  /** 5 of 40 corrupted, 10% dropouts, malicious server, 2^-40 / 2^-20, 2^64 grinding (default). */
  private static final GraphRequirements RULE =
      GraphRequirements.builder()
          .dropoutRate(0.1)
          .corruptionRate(COLLUDERS / (double) N)
          .threatModel(ThreatModel.MALICIOUS_SERVER)
          .build();

  private static DeterministicRandom random(String label) {
    return DeterministicRandom.forTestVectorsOnly(label.getBytes(StandardCharsets.US_ASCII));
  }

  private static SecAggConfig config(SecAggConfig.Builder b) {
    List<byte[]> identities = new ArrayList<>();
    Ed25519 ed = Ed25519.create(random("grinding identities"));
    for (int id = 1; id <= N; id++) {
      identities.add(ed.generateKeyPair().publicKey());
    }
    return b.vectorLength(1).modulus(Modulus.powerOfTwo(32)).securityMode(SecurityMode.MALICIOUS)
        .identityKeys(identities).build();
  }

  /** The key every client advertised in round 0 (what the server holds when it grinds). */
  private static List<AdvertisedKeys> advertisedKeys() {
    X25519 x = X25519.create(random("grinding keys"));
    List<AdvertisedKeys> keys = new ArrayList<>();
    for (int id = 1; id <= N; id++) {
      keys.add(new AdvertisedKeys(id, x.generateKeyPair().publicKey(), x.generateKeyPair().publicKey(), new byte[64]));
    }
    return keys;
  }

  private static boolean colluding(int id) {
    return id > N - COLLUDERS;
  }

  /**
   * Runs up to {@code trials} candidates and returns how many expose some honest client: that
   * client has at least {@code exposedAt} colluding neighbours. Stops at the first one if {@code
   * stopAtFirst}.
   */
  private static int grind(SecAggConfig config, int exposedAt, int trials, boolean stopAtFirst) {
    byte[] digest = Derivations.configDigest(config);
    byte[] nonce = new byte[32];
    random("grinding nonce").nextBytes(nonce);
    List<AdvertisedKeys> all = advertisedKeys();
    Random choice = new Random(14);
    int exposing = 0;
    for (int trial = 0; trial < trials; trial++) {
      List<AdvertisedKeys> relayed = new ArrayList<>();
      for (AdvertisedKeys k : all) {
        // The server keeps every colluder and drops each honest client with probability 1/4.
        if (colluding(k.clientId()) || choice.nextInt(4) != 0) {
          relayed.add(k);
        }
      }
      MaskingGraph graph = Derivations.graph(config, Derivations.sessionId(digest, nonce, relayed));
      if (exposesAnHonestClient(graph, exposedAt)) {
        exposing++;
        if (stopAtFirst) {
          break;
        }
      }
    }
    return exposing;
  }

  private static boolean exposesAnHonestClient(MaskingGraph graph, int exposedAt) {
    for (int u = 1; u <= N - COLLUDERS; u++) {
      int colluders = 0;
      for (int v : graph.neighbours(u)) {
        colluders += colluding(v) ? 1 : 0;
      }
      if (colluders >= exposedAt) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theAttacksConfigurationIsRefusedAndTheAttackWorksAgainstIt() {
    GraphParameters offered = GraphParameters.evaluate(N, GraphKind.HARARY, 8, 5, RULE);
    assertFalse(offered.meetsRequirements(), offered::toString);
    // Against one graph the server cannot influence it would still fall short (about 2^-8).
    assertTrue(offered.perGraphSecurityBits() < 40, offered::toString);
    // Positive control: with k = 8, t = 5 grinding does find a client whose 8 neighbours include
    // all 5 colluders, who then hold t shares of both its secrets.
    SecAggConfig attacked = config(SecAggConfig.builder().clientCount(N).threshold(5).hararyGraph(8));
    assertEquals(1, grind(attacked, 5, TRIALS, true));
  }

  @Test
  void withTheAdmittedParametersTenToTheFiveCandidateGraphsExposeNobody() {
    GraphParameters admitted = GraphParameters.recommend(N, RULE);
    assertTrue(admitted.meetsRequirements(), admitted::toString);
    assertTrue(admitted.securityBits() >= 40, admitted::toString);
    SecAggConfig config = config(SecAggConfig.builder().graph(admitted));
    // Against a malicious server a client is exposed once 2t - k of its neighbours collude (the
    // server can then obtain t shares of both secrets); semi-honest exposure needs t.
    int exposedAt = 2 * admitted.threshold() - admitted.degree();
    assertEquals(0, grind(config, exposedAt, TRIALS, false), admitted::toString);
  }
}
