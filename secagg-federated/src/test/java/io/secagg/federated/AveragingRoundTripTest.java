package io.secagg.federated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.protocol.AggregationResult;
import io.secagg.core.transport.InMemoryNetwork;
import io.secagg.core.transport.SessionAbortedException;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.accounting.PrivacyGuarantee;
import io.secagg.dp.accounting.RdpCurve;
import io.secagg.dp.ddg.DdgParameters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AveragingRoundTripTest {
  private static AveragingClient[] clients(AveragingParameters p, long seed) {
    AveragingClient[] c = new AveragingClient[p.clients()];
    for (int i = 0; i < c.length; i++) {
      c[i] = AveragingClient.builder(p, i + 1)
          .random(DeterministicRandom.forTestVectorsOnly(seed * 1000 + i)).build();
    }
    return c;
  }

  private static AveragingServer server(AveragingParameters p, long seed) {
    return AveragingServer.builder(p).random(DeterministicRandom.forTestVectorsOnly(seed))
        .roundTimeout(Duration.ofMinutes(10)).build();
  }

  /** Updates with Gaussian coordinates of L2 norm about {@code norm}. */
  private static double[][] updates(int n, int d, double norm, long seed) {
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(seed);
    double[][] u = new double[n][d];
    for (double[] row : u) {
      for (int i = 0; i < d; i++) {
        row[i] = r.nextGaussian() * norm / Math.sqrt(d);
      }
    }
    return u;
  }

  private static double[] meanOf(double[][] updates, List<Integer> ids) {
    double[] m = new double[updates[0].length];
    for (int id : ids) {
      for (int i = 0; i < m.length; i++) {
        m[i] += updates[id - 1][i];
      }
    }
    for (int i = 0; i < m.length; i++) {
      m[i] /= ids.size();
    }
    return m;
  }

  @Test
  void theMeanIsThePlaintextMeanWithinTheGuaranteedBound() throws Exception {
    AveragingParameters p = AveragingParameters.builder().clients(5).dimension(1000).clipNorm(1)
        .maxDropouts(1).build();
    double[][] u = updates(5, 1000, 0.5, 1);
    InMemoryRound.Outcome o = InMemoryRound.run(server(p, 1), clients(p, 1), 0, u);
    assertNull(o.serverFailure);
    AveragingRound r = o.result;
    assertEquals(List.of(1, 2, 3, 4, 5), r.includedClients());
    assertTrue(r.dropouts().isEmpty());
    double[] truth = meanOf(u, r.includedClients());
    double[] mean = r.mean();
    ErrorBound e = r.meanError();
    assertTrue(e.isGuaranteed());
    // 5 clients in Z_(2^32), bound 1: scale 2^28, so the mean is within 2^-28 plus rounding.
    assertTrue(e.maxAbsoluteError() < 0x1p-27, e.toString());
    double worst = 0;
    for (int i = 0; i < truth.length; i++) {
      worst = Math.max(worst, Math.abs(mean[i] - truth[i]));
    }
    assertTrue(worst <= e.maxAbsoluteError(), worst + " > " + e);
    assertTrue(worst > 0, "quantization leaves some error");
    float[] floats = r.meanAsFloats();
    for (int i = 0; i < truth.length; i++) {
      assertEquals((float) mean[i], floats[i]);
    }
    assertEquals(r.sum()[7] / 5, mean[7]);
    assertFalse(r.privacy().isPresent());
    assertFalse(r.privacySpent().isPresent());
    for (Contribution c : o.contributions) {
      assertFalse(c.clipped());
      assertEquals(0, c.round());
    }
  }

  @Test
  void updatesBeyondTheClipNormAreAveragedClippedAndTheClientIsTold() throws Exception {
    AveragingParameters p = AveragingParameters.builder().clients(4).dimension(100).clipNorm(1)
        .build();
    double[][] u = updates(4, 100, 0.5, 2);
    for (int i = 0; i < 100; i++) {
      u[2][i] *= 8; // norm about 4
    }
    double norm = io.secagg.dp.clip.L2Clipping.norm(u[2]);
    InMemoryRound.Outcome o = InMemoryRound.run(server(p, 2), clients(p, 2), 5, u);
    Contribution third = o.contributions.stream().filter(c -> c.clientId() == 3).findFirst()
        .orElseThrow();
    assertTrue(third.clipped());
    assertEquals(norm, third.normBeforeClipping());
    io.secagg.dp.clip.L2Clipping.clip(u[2], 1);
    double[] truth = meanOf(u, o.result.includedClients());
    double[] mean = o.result.mean();
    for (int i = 0; i < truth.length; i++) {
      assertEquals(truth[i], mean[i], o.result.meanError().maxAbsoluteError(), "coordinate " + i);
    }
    assertEquals(5, o.result.round());
  }

  @Test
  void aCoordinateBoundClipsEachValueAndCountsThem() throws Exception {
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(4)
        .coordinateBound(0.5).modulus(Modulus.of(1_000_003)).build();
    double[][] u = {{0.1, -0.2, 0.7, -3}, {0.5, 0.5, 0.5, 0.5}, {0, 0, 0, -0.25}};
    InMemoryRound.Outcome o = InMemoryRound.run(server(p, 3), clients(p, 3), 0, u);
    Contribution first = o.contributions.get(0);
    assertEquals(1, first.clientId());
    assertTrue(first.clipped());
    assertEquals(2, first.clippedCoordinates());
    double[] truth = {0.6 / 3, 0.3 / 3, 1.0 / 3, -0.25 / 3};
    double[] mean = o.result.mean();
    for (int i = 0; i < 4; i++) {
      assertEquals(truth[i], mean[i], o.result.meanError().maxAbsoluteError() + 1e-15, "coordinate " + i);
    }
  }

  /**
   * The DP round's measured error has the predicted variance. The errors of the d coordinates
   * are independent with variance between the noise alone (v_lo) and noise plus rounding (v_hi =
   * the prediction), so (1/d) sum e_i^2 lies in [v_lo (1 - 5 sqrt(2/d)), v_hi (1 + 5 sqrt(2/d))]
   * except with probability about 6e-7 (normal approximation of chi-square with d = 16384
   * degrees of freedom, 5 standard deviations on either side).
   */
  @Test
  void aDpRoundsErrorMatchesThePredictionAndItsPrivacyIsAccounted() throws Exception {
    int d = 16_384;
    AveragingParameters p = AveragingParameters.builder().clients(6).dimension(d).clipNorm(1)
        .maxDropouts(1).maxCorruptedClients(1).differentialPrivacy(4, 1e-6, 3).build();
    double[][] u = updates(6, d, 0.8, 4);
    AveragingServer server = server(p, 4);
    AveragingClient[] clients = clients(p, 4);
    InMemoryRound.Outcome o = InMemoryRound.run(server, clients, 0, u);
    AveragingRound r = o.result;
    assertEquals(6, r.includedClients().size());
    double[] truth = meanOf(u, r.includedClients());
    double[] mean = r.mean();
    double sq = 0;
    for (int i = 0; i < d; i++) {
      sq += (mean[i] - truth[i]) * (mean[i] - truth[i]);
    }
    double measured = sq / d;
    ErrorBound e = r.meanError();
    assertFalse(e.isGuaranteed());
    double window = 5 * Math.sqrt(2.0 / d);
    double vHi = e.standardDeviation() * e.standardDeviation();
    double vLo = e.noiseStandardDeviation() * e.noiseStandardDeviation();
    assertTrue(measured <= vHi * (1 + window), measured + " above " + vHi);
    assertTrue(measured >= vLo * (1 - window), measured + " below " + vLo);

    DdgParameters ddg = p.differentialPrivacy().get();
    PrivacyGuarantee one = ddg.perRoundRdp(RdpCurve.defaultOrders(), 6 - 1).toApproxDp(1e-6);
    assertEquals(one.epsilon(), r.privacy().get().epsilon(), 1e-12);
    assertEquals(one.epsilon(), r.privacySpent().get().epsilon(), 1e-12);
    assertEquals(r.privacySpent().get().epsilon(), server.privacySpent().get().epsilon());
    // The noise was sized for n - D - C = 4 honest clients: 5 of them spend less than the target.
    assertTrue(r.privacy().get().epsilon() < ddg.plannedGuarantee().epsilon());
  }

  @Test
  void theDpBudgetIsEnforcedByEveryClientAndByTheServer() throws Exception {
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(8).clipNorm(1)
        .differentialPrivacy(4, 1e-6, 2).build();
    AveragingServer server = server(p, 5);
    AveragingClient[] clients = clients(p, 5);
    double[][] u = updates(3, 8, 0.5, 5);
    assertEquals(2, clients[0].remainingRounds());
    InMemoryRound.run(server, clients, 0, u);
    InMemoryRound.Outcome second = InMemoryRound.run(server, clients, 3, u);
    assertEquals(2, server.completedRounds());
    double two = second.result.privacySpent().get().epsilon();
    assertTrue(two <= 4 * (1 + 1e-9) && two > second.result.privacy().get().epsilon(), "" + two);
    assertEquals(0, clients[0].remainingRounds());
    assertThrows(IllegalStateException.class, () -> clients[0].prepare(4, u[0]));
    assertThrows(IllegalStateException.class,
        () -> server.aggregate(4, new InMemoryNetwork(3).serverEndpoint()));
  }

  @Test
  void roundNumbersMustIncrease() {
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(2).clipNorm(1)
        .build();
    AveragingClient c = AveragingClient.create(p, 1);
    assertEquals(Long.MAX_VALUE, c.remainingRounds());
    c.prepare(3, new double[2]);
    assertThrows(IllegalArgumentException.class, () -> c.prepare(3, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> c.prepare(2, new float[2]));
    c.prepare(4, new float[2]);
    assertThrows(IllegalArgumentException.class, () -> c.prepare(-1, new double[2]));
  }

  @Test
  void clientsRefuseBadUpdates() {
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(2).clipNorm(1)
        .build();
    AveragingClient c = AveragingClient.create(p, 2);
    assertThrows(IllegalArgumentException.class, () -> c.prepare(0, new double[3]));
    assertThrows(IllegalArgumentException.class, () -> c.prepare(0, new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class,
        () -> c.prepare(0, new float[] {Float.POSITIVE_INFINITY, 0}));
    assertThrows(NullPointerException.class, () -> c.prepare(0, (double[]) null));
    assertThrows(IllegalArgumentException.class, () -> AveragingClient.create(p, 0));
    assertThrows(IllegalArgumentException.class, () -> AveragingClient.create(p, 4));
    // A refused update uses no round number.
    c.prepare(0, new double[2]);
  }

  @Test
  void aPreparedInputIsAProtocolInputOfTheRoundsConfiguration() {
    AveragingParameters p = AveragingParameters.builder().clients(4).dimension(1000).clipNorm(1)
        .differentialPrivacy(1, 1e-6, 5).build();
    Contribution c = AveragingClient.create(p, 4).prepare(2, new double[1000]);
    ModVector in = c.input();
    assertEquals(p.secAggConfig(2).vectorLength(), in.length());
    assertEquals(p.secAggConfig(2).modulus(), in.modulus());
    assertFalse(c.toString().contains(Long.toString(in.get(0))) && in.get(0) > 9);
  }

  @Test
  void finishRefusesResultsThatDoNotFitTheParameters() {
    AveragingParameters p = AveragingParameters.builder().clients(4).dimension(3).clipNorm(1)
        .maxDropouts(1).build();
    AveragingServer s = AveragingServer.create(p);
    Duration t = Duration.ZERO;
    ModVector ok = ModVector.zeros(p.modulus(), 3);
    assertThrows(IllegalArgumentException.class, () -> s.finish(0,
        new AggregationResult(ModVector.zeros(p.modulus(), 4), List.of(1, 2, 3), List.of()), t));
    assertThrows(IllegalArgumentException.class, () -> s.finish(0,
        new AggregationResult(ModVector.zeros(Modulus.powerOfTwo(31), 3), List.of(1, 2, 3), List.of()), t));
    // n - D = 3 clients at least.
    assertThrows(IllegalArgumentException.class,
        () -> s.finish(0, new AggregationResult(ok, List.of(1, 2), List.of()), t));
    assertEquals(0, s.completedRounds());
  }

  @Test
  void aSumOutsideTheRangeOfHonestUpdatesIsRejected() throws Exception {
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(2).clipNorm(1)
        .build();
    AveragingServer s = AveragingServer.create(p);
    ModVector sum = ModVector.zeros(p.modulus(), 2);
    sum.set(1, (1L << 32) - 5); // far above 3 * 2B: a client sent an out-of-range value
    InvalidAggregateException e = assertThrows(InvalidAggregateException.class,
        () -> s.finish(7, new AggregationResult(sum, List.of(1, 2, 3), List.of()), Duration.ZERO));
    assertEquals(7, e.round());
    assertEquals(1, e.coordinates());
  }

  /**
   * A round with more dropouts than the parameters tolerate aborts on every side. The verdict
   * does not depend on speed: the absent client never answers, so the round fails however long
   * the server waits; the short timeout only keeps the test fast.
   */
  @Test
  void moreDropoutsThanToleratedAbortTheRound() throws Exception {
    AveragingParameters p = AveragingParameters.builder().clients(4).dimension(10).clipNorm(1)
        .build();
    AveragingServer server = AveragingServer.builder(p).roundTimeout(Duration.ofMillis(300)).build();
    double[][] u = updates(4, 10, 0.5, 7);
    u[3] = null;
    InMemoryRound.Outcome o = InMemoryRound.run(server, clients(p, 7), 0, u);
    assertInstanceOf(SessionAbortedException.class, o.serverFailure);
    assertEquals(3, o.clientFailures.size());
    for (Exception e : o.clientFailures) {
      assertInstanceOf(SessionAbortedException.class, e);
    }
    // The number is used up; the next round takes the next one.
    assertThrows(IllegalArgumentException.class,
        () -> server.aggregate(0, new InMemoryNetwork(4).serverEndpoint()));
  }

  private static List<Ed25519KeyPair> identities(int n, long seed) {
    Ed25519 ed = Ed25519.create(DeterministicRandom.forTestVectorsOnly(seed));
    List<Ed25519KeyPair> keys = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(ed.generateKeyPair());
    }
    return keys;
  }

  private static List<byte[]> publicKeys(List<Ed25519KeyPair> pairs) {
    List<byte[]> keys = new java.util.ArrayList<>();
    pairs.forEach(k -> keys.add(k.publicKey()));
    return keys;
  }

  @Test
  void againstAMaliciousServerEveryClientProvesItsIdentityAndTheRoundCompletes() throws Exception {
    List<Ed25519KeyPair> ids = identities(5, 9);
    AveragingParameters p = AveragingParameters.builder().clients(5).dimension(64).clipNorm(1)
        .maxDropouts(1).differentialPrivacy(8, 1e-6, 2).maliciousServer(publicKeys(ids)).build();
    assertEquals(io.secagg.core.protocol.SecurityMode.MALICIOUS, p.securityMode());
    assertEquals(io.secagg.core.protocol.SecurityMode.MALICIOUS, p.secAggConfig(0).securityMode());
    AveragingClient[] clients = new AveragingClient[5];
    for (int i = 0; i < 5; i++) {
      clients[i] = AveragingClient.builder(p, i + 1).identityKey(ids.get(i))
          .random(DeterministicRandom.forTestVectorsOnly(900 + i)).build();
    }
    InMemoryRound.Outcome o = InMemoryRound.run(server(p, 9), clients, 0, updates(5, 64, 0.5, 9));
    assertNull(o.serverFailure);
    assertEquals(5, o.result.includedClients().size());
    assertTrue(o.clientFailures.isEmpty());
  }

  @Test
  void aClientMustHoldTheIdentityKeyTheParametersListForIt() {
    List<Ed25519KeyPair> ids = identities(3, 10);
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(4).clipNorm(1)
        .maliciousServer(publicKeys(ids)).build();
    assertThrows(IllegalStateException.class, () -> AveragingClient.create(p, 1));
    assertThrows(IllegalArgumentException.class,
        () -> AveragingClient.builder(p, 1).identityKey(ids.get(1)));
    AveragingClient.builder(p, 2).identityKey(ids.get(1)).build();
    AveragingParameters semiHonest = AveragingParameters.builder().clients(3).dimension(4)
        .clipNorm(1).build();
    assertThrows(IllegalArgumentException.class,
        () -> AveragingClient.builder(semiHonest, 1).identityKey(ids.get(0)));
    assertThrows(IllegalStateException.class, () -> semiHonest.identityKey(1));
    assertArrayEquals(ids.get(2).publicKey(), p.identityKey(3));
  }

  @Test
  void aRestartedClientResumesItsRoundsAndItsBudget() {
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(2).clipNorm(1)
        .differentialPrivacy(1, 1e-6, 5).build();
    AveragingClient before = AveragingClient.create(p, 1);
    before.prepare(0, new double[2]);
    before.prepare(4, new double[2]);
    assertEquals(4, before.lastRound());
    assertEquals(2, before.contributions());
    AveragingClient after = AveragingClient.builder(p, 1)
        .resume(before.lastRound(), before.contributions()).build();
    assertEquals(3, after.remainingRounds());
    assertThrows(IllegalArgumentException.class, () -> after.prepare(4, new double[2]));
    after.prepare(5, new double[2]);
    assertEquals(2, after.remainingRounds());
    assertThrows(IllegalArgumentException.class, () -> AveragingClient.builder(p, 1).resume(-2, 0));
    assertThrows(IllegalArgumentException.class, () -> AveragingClient.builder(p, 1).resume(1, 3));
    assertThrows(IllegalArgumentException.class, () -> AveragingClient.builder(p, 1).resume(1, -1));
  }

  @Test
  void meanAsFloatsAndSumAreCopies() throws Exception {
    AveragingParameters p = AveragingParameters.builder().clients(3).dimension(3).clipNorm(1)
        .build();
    double[][] u = {{0.5, 0, 0}, {0, 0.5, 0}, {0, 0, 0.5}};
    AveragingRound r = InMemoryRound.run(server(p, 8), clients(p, 8), 0, u).result;
    double[] s = r.sum();
    s[0] = 99;
    assertEquals(0.5, r.sum()[0], 1e-8);
    assertArrayEquals(new float[] {1 / 6f, 1 / 6f, 1 / 6f}, r.meanAsFloats(), 1e-7f);
  }
}
