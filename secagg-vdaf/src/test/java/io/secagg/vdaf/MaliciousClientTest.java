package io.secagg.vdaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.vdaf.internal.field.Field;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports from malicious clients are rejected: encodings that are not valid measurements (the FLP
 * rejects them), and valid reports altered after sharding (a share, a seed, a blind, the public
 * share, a verifier share or message). The seeds are fixed, so each outcome is deterministic; the
 * probability that an invalid report passes is below 2^-50 for every case here.
 */
class MaliciousClientTest {
  private static final byte[] CTX = "malicious".getBytes(StandardCharsets.US_ASCII);

  /** A variant and an encoded measurement that violates its validity circuit. */
  record Invalid(String name, Prio3<?, ?> prio3, long[] encoded) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static long[] vector(Prio3<?, ?> p, Consumer<long[]> fill) {
    long[] v = p.field().newVector(p.measurementLength());
    fill.accept(v);
    return v;
  }

  static Stream<Arguments> invalidMeasurements() {
    Prio3<?, ?> count = Prio3Count.create();
    Prio3<?, ?> sum = Prio3Sum.builder().maxMeasurement(1000).build();
    Prio3<?, ?> sumVec = Prio3SumVec.builder().length(20).maxMeasurement(255).chunkLength(7).build();
    Prio3<?, ?> hist = Prio3Histogram.builder().length(10).chunkLength(3).build();
    Prio3<?, ?> multi = Prio3MultihotCountVec.builder().length(10).maxWeight(2).chunkLength(4).build();
    Prio3<?, ?> multiproof = Prio3SumVecWithMultiproof.builder().field(VdafField.FIELD64).proofs(3).length(5).maxMeasurement(15).build();
    Prio3<?, ?> threeAggs = Prio3SumVec.builder().shares(3).length(4).maxMeasurement(3).build();
    return Stream.of(
        new Invalid("count of 2", count, vector(count, v -> count.field().set(v, 0, 2))),
        new Invalid("count of -1", count, vector(count, v -> count.field().set(v, 0, -1))),
        new Invalid("sum with a bit of 2", sum, vector(sum, v -> sum.field().set(v, 3, 2))),
        new Invalid("sum of 2000 in plain binary", sum, vector(sum, v -> {
          for (int i = 0; i < 10; i++) {
            sum.field().set(v, i, (2000 >> i) & 1);
          }
          sum.field().set(v, 9, 2000 >> 9); // 3: no bit pattern reaches 2000
        })),
        new Invalid("sum vector element 256 (bits of 0 but one element 256)", sumVec, vector(sumVec, v -> sumVec.field().set(v, 8, 256))),
        new Invalid("sum vector in the last, padded chunk", sumVec, vector(sumVec, v -> sumVec.field().set(v, 159, 2))),
        new Invalid("histogram with two buckets", hist, vector(hist, v -> {
          hist.field().set(v, 2, 1);
          hist.field().set(v, 7, 1);
        })),
        new Invalid("histogram with no bucket", hist, vector(hist, v -> {})),
        new Invalid("histogram with buckets 2 and -1", hist, vector(hist, v -> {
          hist.field().set(v, 0, 2);
          hist.field().set(v, 1, -1);
        })),
        new Invalid("multihot claiming weight 1 with 2 bits", multi, vector(multi, v -> {
          multi.field().set(v, 0, 1);
          multi.field().set(v, 5, 1);
          multi.field().set(v, 10, 1); // weight encoding: bits 1 (weight 1), last weight 1
        })),
        new Invalid("multihot with 3 bits set, over the maximum weight", multi, vector(multi, v -> {
          multi.field().set(v, 0, 1);
          multi.field().set(v, 1, 1);
          multi.field().set(v, 2, 1);
          multi.field().set(v, 10, 1);
          multi.field().set(v, 11, 1); // claimed weight 1 + 1 = 2
        })),
        new Invalid("multiproof element 3", multiproof, vector(multiproof, v -> multiproof.field().set(v, 4, 3))),
        new Invalid("three aggregators, element 7", threeAggs, vector(threeAggs, v -> threeAggs.field().set(v, 1, 7))))
        .map(Arguments::of);
  }

  private static Prio3Report shardEncoded(Prio3<?, ?> p, long[] encoded, SecureRandom random) {
    byte[] nonce = new byte[Prio3.NONCE_SIZE];
    random.nextBytes(nonce);
    byte[] rand = new byte[p.randSize()];
    random.nextBytes(rand);
    return p.shardEncoded(CTX, encoded, nonce, rand);
  }

  private static List<VerifyInitResult> initAll(Prio3<?, ?> p, VerifyKey key, Prio3Report r) throws VdafException {
    List<VerifyInitResult> inits = new ArrayList<>();
    for (int a = 0; a < p.shares(); a++) {
      inits.add(p.verifyInit(key, CTX, a, r.nonce(), r.publicShare(), r.inputShare(a)));
    }
    return inits;
  }

  private static List<byte[]> shares(List<VerifyInitResult> inits) {
    List<byte[]> out = new ArrayList<>();
    inits.forEach(i -> out.add(i.verifierShare()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("invalidMeasurements")
  void invalidMeasurementsAreRejectedByTheProofCheck(Invalid k) throws Exception {
    Prio3<?, ?> p = k.prio3();
    SecureRandom random = DeterministicRandom.forTestVectorsOnly(k.name().getBytes(StandardCharsets.UTF_8));
    VerifyKey key = VerifyKey.generate(random);
    for (int trial = 0; trial < 3; trial++) {
      Prio3Report r = shardEncoded(p, k.encoded(), random);
      List<VerifyInitResult> inits = initAll(p, key, r);
      ReportRejectedException e =
          assertThrows(ReportRejectedException.class, () -> p.verifierSharesToMessage(CTX, shares(inits)));
      assertEquals(VdafException.Reason.PROOF_REJECTED, e.reason());
      if (p.shares() == 2) {
        PingPongState.Continued l = p.leader(key, CTX).init(r.nonce(), r.publicShare(), r.inputShare(0));
        assertThrows(ReportRejectedException.class,
            () -> p.helper(key, CTX).init(r.nonce(), r.publicShare(), r.inputShare(1), l.outbound().orElseThrow()));
      }
    }
  }

  /** Runs verification to the end; returns normally only if the report is accepted. */
  private static void verify(Prio3<?, ?> p, VerifyKey key, byte[] ctx, byte[] nonce, byte[] pub, List<byte[]> inputs)
      throws VdafException {
    List<VerifyInitResult> inits = new ArrayList<>();
    for (int a = 0; a < p.shares(); a++) {
      inits.add(p.verifyInit(key, ctx, a, nonce, pub, inputs.get(a)));
    }
    byte[] msg = p.verifierSharesToMessage(ctx, shares(inits));
    for (VerifyInitResult i : inits) {
      p.verifyNext(i.state(), msg);
    }
  }

  static Stream<Prio3<?, ?>> variants() {
    return Stream.of(
        Prio3Count.create(),
        Prio3Sum.builder().maxMeasurement(100).build(),
        Prio3SumVec.builder().length(10).maxMeasurement(7).build(),
        Prio3Histogram.builder().length(6).build(),
        Prio3MultihotCountVec.builder().length(6).maxWeight(3).build());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Prio3Report validReport(Prio3 p, SecureRandom random) {
    Object m;
    switch (p.name()) {
      case "Prio3Count":
        m = true;
        break;
      case "Prio3Sum":
        m = 42L;
        break;
      case "Prio3SumVec":
        m = new long[] {1, 2, 3, 4, 5, 6, 7, 0, 1, 2};
        break;
      case "Prio3Histogram":
        m = 3;
        break;
      default:
        m = new boolean[] {true, false, true, false, false, true};
    }
    return p.shard(CTX, m, random);
  }

  private static byte[] flip(byte[] b, int index) {
    byte[] c = b.clone();
    c[index] ^= 0x01;
    return c;
  }

  @ParameterizedTest
  @MethodSource("variants")
  void alteredReportsAreRejected(Prio3<?, ?> p) throws Exception {
    SecureRandom random = DeterministicRandom.forTestVectorsOnly(p.name().getBytes(StandardCharsets.UTF_8));
    VerifyKey key = VerifyKey.generate(random);
    Prio3Report r = validReport(p, random);
    List<byte[]> inputs = List.of(r.inputShare(0), r.inputShare(1));
    verify(p, key, CTX, r.nonce(), r.publicShare(), inputs); // the unaltered report passes

    // A flipped low bit in the leader's first measurement element: still canonical, but wrong.
    assertThrows(ReportRejectedException.class,
        () -> verify(p, key, CTX, r.nonce(), r.publicShare(), List.of(flip(inputs.get(0), 0), inputs.get(1))));
    // A flipped bit in the leader's proof share.
    int proofByte = p.field().encodedSize() * p.measurementLength();
    assertThrows(ReportRejectedException.class,
        () -> verify(p, key, CTX, r.nonce(), r.publicShare(), List.of(flip(inputs.get(0), proofByte), inputs.get(1))));
    // The helper's seed.
    assertThrows(ReportRejectedException.class,
        () -> verify(p, key, CTX, r.nonce(), r.publicShare(), List.of(inputs.get(0), flip(inputs.get(1), 5))));
    // Another nonce. With joint randomness the shares are bound to the nonce; without it (Count,
    // Sum) the nonce only seeds the query randomness, so the same shares verify under any nonce:
    // replay protection is the application's duty.
    if (p.publicShareLength() > 0) {
      assertThrows(ReportRejectedException.class,
          () -> verify(p, key, CTX, flip(r.nonce(), 3), r.publicShare(), inputs));
    } else {
      verify(p, key, CTX, flip(r.nonce(), 3), r.publicShare(), inputs);
    }
    // Aggregators with another application context than the client.
    assertThrows(ReportRejectedException.class,
        () -> verify(p, key, "other context".getBytes(StandardCharsets.US_ASCII), r.nonce(), r.publicShare(), inputs));
    if (p.publicShareLength() > 0) {
      // The blinds and the public share (joint randomness parts).
      int blind = inputs.get(0).length - Prio3.SEED_SIZE;
      assertThrows(ReportRejectedException.class,
          () -> verify(p, key, CTX, r.nonce(), r.publicShare(), List.of(flip(inputs.get(0), blind), inputs.get(1))));
      assertThrows(ReportRejectedException.class,
          () -> verify(p, key, CTX, r.nonce(), r.publicShare(), List.of(inputs.get(0), flip(inputs.get(1), Prio3.SEED_SIZE + 1))));
      for (int part = 0; part < 2; part++) {
        byte[] pub = flip(r.publicShare(), part * Prio3.SEED_SIZE + 7);
        assertThrows(ReportRejectedException.class, () -> verify(p, key, CTX, r.nonce(), pub, inputs));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void aggregatorsWithDifferentKeysRejectEvenValidReports(Prio3<?, ?> p) throws Exception {
    SecureRandom random = DeterministicRandom.forTestVectorsOnly(("keys" + p.name()).getBytes(StandardCharsets.UTF_8));
    Prio3Report r = validReport(p, random);
    VerifyInitResult i0 = p.verifyInit(VerifyKey.generate(random), CTX, 0, r.nonce(), r.publicShare(), r.inputShare(0));
    VerifyInitResult i1 = p.verifyInit(VerifyKey.generate(random), CTX, 1, r.nonce(), r.publicShare(), r.inputShare(1));
    assertThrows(ReportRejectedException.class,
        () -> p.verifierSharesToMessage(CTX, List.of(i0.verifierShare(), i1.verifierShare())));
  }

  @Test
  void aForgedVerifierMessageIsCaughtByTheJointRandomnessCheck() throws Exception {
    Prio3<Integer, long[]> p = Prio3Histogram.builder().length(4).build();
    SecureRandom random = DeterministicRandom.forTestVectorsOnly(new byte[] {9});
    VerifyKey key = VerifyKey.generate(random);
    List<VerifyInitResult> inits = initAll(p, key, p.shard(CTX, 1, random));
    byte[] msg = p.verifierSharesToMessage(CTX, shares(inits));
    ReportRejectedException e =
        assertThrows(ReportRejectedException.class, () -> p.verifyNext(inits.get(0).state(), flip(msg, 0)));
    assertEquals(VdafException.Reason.JOINT_RANDOMNESS_MISMATCH, e.reason());
  }

  @Test
  void aClientLyingAboutItsJointRandomnessIsCaughtEvenIfTheProofMatchesIt() throws Exception {
    // The client proves with joint randomness derived from a public share it then replaces by
    // another; each aggregator recomputes its own part, so their seeds disagree with the client's.
    Prio3<Integer, long[]> p = Prio3Histogram.builder().length(5).build();
    SecureRandom random = DeterministicRandom.forTestVectorsOnly(new byte[] {10});
    VerifyKey key = VerifyKey.generate(random);
    Prio3Report honest = p.shard(CTX, 2, random);
    byte[] forged = honest.publicShare();
    forged[0] ^= 1;
    assertThrows(ReportRejectedException.class,
        () -> verify(p, key, CTX, honest.nonce(), forged, List.of(honest.inputShare(0), honest.inputShare(1))));
  }

  @Test
  void theFieldOfAVariantIsTheDraftsField() {
    Field f64 = Prio3Count.create().field();
    assertEquals(VdafField.FIELD64.modulus(), f64.modulus());
    assertEquals(VdafField.FIELD128, Prio3SumVec.builder().length(1).maxMeasurement(1).build().vdafField());
  }
}
