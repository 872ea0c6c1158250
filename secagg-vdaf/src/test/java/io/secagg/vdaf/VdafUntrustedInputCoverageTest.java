package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.secagg.core.testing.FuzzCorpus;
import io.secagg.core.testing.UntrustedInputSurface;
import io.secagg.core.testing.UntrustedInputSurface.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * secagg-vdaf's decoders of untrusted bytes have Jazzer fuzz targets ({@link Prio3FuzzTest}),
 * their corpus is what its generator writes, and malformed inputs yield only the documented
 * exceptions (docs/fuzzing.md). The exported methods found by name ({@code decode*},
 * {@code from...Bytes}) are mapped; the other steps that decode peer bytes ({@code verifyInit},
 * {@code verifierSharesToMessage}, {@code verifyNext}, the ping-pong roles, {@code
 * BoundedVector#collect}) have targets too.
 */
class VdafUntrustedInputCoverageTest {
  private static final Prio3FuzzTest PRIO3 = new Prio3FuzzTest();
  private static final BoundedVectorFuzzTest BOUNDED = new BoundedVectorFuzzTest();
  static final List<Target> TARGETS = List.of(
      // Each execution verifies a report (milliseconds), so malformations are sampled.
      new Target(Prio3FuzzTest.class, "reports", PRIO3::reports, 300),
      new Target(Prio3FuzzTest.class, "verifierShares", PRIO3::verifierShares, 300),
      new Target(Prio3FuzzTest.class, "pingPongMessages", PRIO3::pingPongMessages, 300),
      new Target(Prio3FuzzTest.class, "aggregateShares", PRIO3::aggregateShares),
      new Target(BoundedVectorFuzzTest.class, "uploads", BOUNDED::uploads, 300),
      new Target(BoundedVectorFuzzTest.class, "verifyInits", BOUNDED::verifyInits, 300),
      new Target(BoundedVectorFuzzTest.class, "verifyResponses", BOUNDED::verifyResponses, 300),
      new Target(BoundedVectorFuzzTest.class, "commits", BOUNDED::commits, 300),
      new Target(BoundedVectorFuzzTest.class, "aggregateShares", BOUNDED::aggregateShares, 300));

  static final Map<String, String> COVERED = Map.of(
      "io.secagg.vdaf.Prio3#decodeAggregateShare", "Prio3FuzzTest#aggregateShares",
      "io.secagg.vdaf.BoundedVectorAggregator#acceptUpload", "BoundedVectorFuzzTest#uploads",
      "io.secagg.vdaf.BoundedVectorAggregator#acceptVerifyInit", "BoundedVectorFuzzTest#verifyInits",
      "io.secagg.vdaf.BoundedVectorAggregator#acceptVerifyResponse", "BoundedVectorFuzzTest#verifyResponses",
      "io.secagg.vdaf.BoundedVectorAggregator#acceptCommit", "BoundedVectorFuzzTest#commits");

  static final Map<String, String> EXEMPT = Map.of(
      "io.secagg.vdaf.VerifyKey#fromBytes",
      "the aggregators' own key material, not peer input: IllegalArgumentException on a wrong length");

  @Test
  void everyExportedDecoderHasAFuzzTarget() throws Exception {
    List<String> found = UntrustedInputSurface.methods(Prio3.class);
    assertEquals(List.of(), UntrustedInputSurface.coverageProblems(found, COVERED, EXEMPT, TARGETS));
  }

  @Test
  void malformedInputsYieldOnlyTheDocumentedExceptions() {
    assertEquals(List.of(), UntrustedInputSurface.runMalformed(TARGETS));
  }

  @Test
  void theCorpusIsWhatItsGeneratorWrites() throws Exception {
    List<byte[]> reports = new ArrayList<>();
    List<byte[]> shares = new ArrayList<>();
    List<byte[]> pingPong = new ArrayList<>();
    List<byte[]> aggregates = new ArrayList<>();
    for (int i = 0; i < Prio3FuzzTest.INSTANCES.size(); i++) {
      Prio3<?, ?> p = Prio3FuzzTest.INSTANCES.get(i);
      Prio3Report r = Prio3FuzzTest.FIXTURES.get(i);
      List<VerifyInitResult> inits = new ArrayList<>();
      List<byte[]> verifierShares = new ArrayList<>();
      for (int a = 0; a < p.shares(); a++) {
        reports.add(Prio3FuzzTest.reportSeed(i, a, r.nonce(), r.publicShare(), r.inputShare(a)));
        VerifyInitResult init = p.verifyInit(Prio3FuzzTest.KEY, Prio3FuzzTest.CTX, a, r.nonce(), r.publicShare(), r.inputShare(a));
        inits.add(init);
        verifierShares.add(init.verifierShare());
      }
      shares.add(Prio3FuzzTest.verifierShareSeed(i, verifierShares.get(0), verifierShares.get(1)));
      byte[] message = p.verifierSharesToMessage(Prio3FuzzTest.CTX, verifierShares);
      pingPong.add(Prio3FuzzTest.pingPongSeed(i, 0, PingPongMessage.encode(PingPongMessage.INITIALIZE, verifierShares.get(0))));
      pingPong.add(Prio3FuzzTest.pingPongSeed(i, 1, PingPongMessage.encode(PingPongMessage.FINISH, message)));
      AggregateShare agg = p.newAggregateShare().add(p.verifyNext(inits.get(0).state(), message));
      aggregates.add(Prio3FuzzTest.aggregateShareSeed(i, agg.encode()));
    }
    List<String> problems = new ArrayList<>();
    problems.addAll(FuzzCorpus.check(Prio3FuzzTest.class, "reports", reports));
    problems.addAll(FuzzCorpus.check(Prio3FuzzTest.class, "verifierShares", shares));
    problems.addAll(FuzzCorpus.check(Prio3FuzzTest.class, "pingPongMessages", pingPong));
    problems.addAll(FuzzCorpus.check(Prio3FuzzTest.class, "aggregateShares", aggregates));
    problems.addAll(FuzzCorpus.check(BoundedVectorFuzzTest.class, "uploads", List.of(
        BoundedVectorFuzzTest.uploadSeed(0, BoundedVectorFuzzTest.UPLOAD_LEADER),
        BoundedVectorFuzzTest.uploadSeed(1, BoundedVectorFuzzTest.UPLOAD_HELPER))));
    problems.addAll(FuzzCorpus.check(BoundedVectorFuzzTest.class, "verifyInits", List.of(BoundedVectorFuzzTest.INIT)));
    problems.addAll(FuzzCorpus.check(BoundedVectorFuzzTest.class, "verifyResponses", List.of(BoundedVectorFuzzTest.RESPONSE)));
    problems.addAll(FuzzCorpus.check(BoundedVectorFuzzTest.class, "commits", List.of(BoundedVectorFuzzTest.COMMIT)));
    problems.addAll(FuzzCorpus.check(BoundedVectorFuzzTest.class, "aggregateShares", List.of(
        BoundedVectorFuzzTest.aggregateShareSeed(BoundedVectorFuzzTest.SHARE_LEADER, BoundedVectorFuzzTest.SHARE_HELPER))));
    assertEquals(List.of(), problems);
  }

  @Test
  void fixturesAreTheDraftsOwnReports() throws Exception {
    // The first report of each of the draft's files, byte for byte.
    String[] files = {"Prio3Count_0.json", "Prio3Histogram_0.json", "Prio3SumVecWithMultiproof_0.json"};
    for (int i = 0; i < files.length; i++) {
      var v = io.secagg.core.testvectors.Vectors.read(OfficialVectorsTest.thirdPartyDir().resolve("vdaf").resolve(files[i]));
      var report = v.get("reports").get(0);
      Prio3Report r = Prio3FuzzTest.FIXTURES.get(i);
      assertEquals(report.get("public_share").asText(), java.util.HexFormat.of().formatHex(r.publicShare()), files[i]);
      for (int a = 0; a < 2; a++) {
        assertEquals(report.get("input_shares").get(a).asText(), java.util.HexFormat.of().formatHex(r.inputShare(a)), files[i]);
      }
    }
  }
}
