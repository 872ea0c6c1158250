package io.secagg.he;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.testing.FuzzCorpus;
import io.secagg.core.testing.UntrustedInputContract;
import io.secagg.core.testing.UntrustedInputSurface;
import io.secagg.core.testing.UntrustedInputSurface.Target;
import io.secagg.he.aggregation.AggregationClient;
import io.secagg.he.aggregation.AggregationServerFuzzTest;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.EncryptedVectorFuzzTest;
import io.secagg.he.threshold.KeyShare;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdFuzzTest;
import io.secagg.he.threshold.ThresholdKeySet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every exported decoder and accepting method of secagg-he has a Jazzer fuzz target, the
 * corpus is what its generator writes, and malformed inputs yield only the documented {@link
 * PaillierInputException} subtypes.
 */
class HeUntrustedInputCoverageTest implements UntrustedInputContract {
  /**
   * Malformations per seed for targets whose executions cost exponentiations modulo a 2048- or
   * 4096-bit number (key validation, share and proof checks): the fuzz regression runs their
   * whole corpus, this test a sample of each seed's malformations, headers first.
   */
  static final int EXPENSIVE = 24;

  static final List<Target> TARGETS = List.of(
      new Target(PaillierFuzzTest.class, "publicKeys", PaillierFuzzTest::publicKey, EXPENSIVE),
      new Target(PaillierFuzzTest.class, "privateKeys", PaillierFuzzTest::privateKey, EXPENSIVE),
      new Target(PaillierFuzzTest.class, "ciphertexts", PaillierFuzzTest::ciphertext, EXPENSIVE),
      new Target(PaillierFuzzTest.class, "fixedPointPlaintexts", PaillierFuzzTest::fixedPointPlaintext),
      new Target(EncryptedVectorFuzzTest.class, "vectors", EncryptedVectorFuzzTest::vector),
      new Target(EncryptedVectorFuzzTest.class, "plaintexts", EncryptedVectorFuzzTest::plaintext),
      new Target(ThresholdFuzzTest.class, "publicKeys", ThresholdFuzzTest::publicKey, EXPENSIVE),
      new Target(ThresholdFuzzTest.class, "keyShares", ThresholdFuzzTest::keyShare, EXPENSIVE),
      new Target(ThresholdFuzzTest.class, "partialDecryptions", ThresholdFuzzTest::partialDecryption, EXPENSIVE),
      new Target(AggregationServerFuzzTest.class, "contributions", AggregationServerFuzzTest::contribution, EXPENSIVE));

  static final Map<String, String> COVERED = Map.ofEntries(
      Map.entry("io.secagg.he.PaillierPublicKey#fromBytes", "PaillierFuzzTest#publicKeys"),
      Map.entry("io.secagg.he.PaillierPrivateKey#fromBytes", "PaillierFuzzTest#privateKeys"),
      Map.entry("io.secagg.he.Ciphertext#fromBytes", "PaillierFuzzTest#ciphertexts"),
      Map.entry("io.secagg.he.encoding.FixedPointEncoder#decode", "PaillierFuzzTest#fixedPointPlaintexts"),
      Map.entry("io.secagg.he.encoding.FixedPointEncoder#decodeScaled", "PaillierFuzzTest#fixedPointPlaintexts"),
      Map.entry("io.secagg.he.encoding.FixedPointEncoder#decodeDouble", "PaillierFuzzTest#fixedPointPlaintexts"),
      Map.entry("io.secagg.he.packing.EncryptedVector#fromBytes", "EncryptedVectorFuzzTest#vectors"),
      Map.entry("io.secagg.he.packing.EncryptedVector#decode", "EncryptedVectorFuzzTest#plaintexts"),
      Map.entry("io.secagg.he.packing.EncryptedVector#decodePlaintexts", "EncryptedVectorFuzzTest#plaintexts"),
      Map.entry("io.secagg.he.threshold.ThresholdPublicKey#fromBytes", "ThresholdFuzzTest#publicKeys"),
      Map.entry("io.secagg.he.threshold.KeyShare#fromBytes", "ThresholdFuzzTest#keyShares"),
      Map.entry("io.secagg.he.threshold.PartialDecryption#fromBytes", "ThresholdFuzzTest#partialDecryptions"),
      Map.entry("io.secagg.he.aggregation.AggregationServer#accept", "AggregationServerFuzzTest#contributions"));

  @Override
  public Surface surface() {
    return new Surface(PaillierPublicKey.class, COVERED, Map.of(), TARGETS);
  }

  @Test
  void everyFuzzedDecoderDeclaresOnlyCheckedPaillierInputExceptions() throws Exception {
    assertEquals(List.of(), UntrustedInputSurface.declarationProblems(COVERED.keySet(), PaillierInputException.class));
  }

  @Test
  void theCorpusIsWhatItsGeneratorWrites() throws Exception {
    Map<String, List<byte[]>> seeds = seeds();
    assertEquals(List.of(), FuzzCorpus.checkAll(TARGETS, t -> seeds.get(t.name())));
  }

  /**
   * Seeds from the keys of the vector files (the 2048-bit two-prime and three-prime vector keys,
   * the threshold key dealt from the published safe primes) and encodings made with them from
   * fixed randomness.
   */
  static Map<String, List<byte[]>> seeds() throws Exception {
    Map<String, List<byte[]>> out = new LinkedHashMap<>();
    PaillierKeyPair kp = TestKeys.vectorKey();
    PaillierPublicKey pk = kp.publicKey();
    out.put("PaillierFuzzTest#publicKeys", List.of(pk.toBytes(), TestKeys.multiPrimeVectorKey().publicKey().toBytes()));
    out.put("PaillierFuzzTest#privateKeys",
        List.of(kp.privateKey().toBytes(), TestKeys.multiPrimeVectorKey().privateKey().toBytes()));
    PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.standard(pk, DeterministicRandom.forTestVectorsOnly(11)));
    out.put("PaillierFuzzTest#ciphertexts",
        List.of(enc.encrypt(0).toBytes(), enc.encrypt(42).toBytes(), enc.encrypt(pk.modulus().subtract(BigInteger.ONE)).toBytes()));
    BigInteger n = pk.modulus();
    BigInteger b = n.divide(BigInteger.valueOf(3));
    List<byte[]> plain = new ArrayList<>();
    for (BigInteger m : List.of(BigInteger.ZERO, BigInteger.ONE.shiftLeft(32), b, b.add(BigInteger.ONE), n.subtract(b), n.subtract(BigInteger.ONE))) {
      plain.add(m.toByteArray());
    }
    out.put("PaillierFuzzTest#fixedPointPlaintexts", plain);
    long[] values = new long[40];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i * 977L) % 65536 - 32768;
    }
    EncryptedVector v = EncryptedVector.encrypt(enc, EncryptedVectorFuzzTest.LAYOUT, values);
    out.put("EncryptedVectorFuzzTest#vectors", List.of(v.toBytes(), v.add(v).toBytes()));
    EncryptedVector sum = EncryptedVectorFuzzTest.sumOfThree();
    List<BigInteger> sumPlain = new ArrayList<>();
    for (var c : sum.ciphertexts()) {
      sumPlain.add(kp.privateKey().decrypt(c));
    }
    out.put("EncryptedVectorFuzzTest#plaintexts", List.of(EncryptedVectorFuzzTest.plaintextSeed(sumPlain)));
    ThresholdKeySet keys = ThresholdFuzzTest.keys();
    out.put("ThresholdFuzzTest#publicKeys", List.of(keys.publicKey().toBytes()));
    List<byte[]> shares = new ArrayList<>();
    List<byte[]> partials = new ArrayList<>();
    for (KeyShare s : keys.shares()) {
      shares.add(s.toBytes());
      PartialDecryption p = s.partialDecrypt(ThresholdFuzzTest.ciphertext(), DeterministicRandom.forTestVectorsOnly(s.index()));
      partials.add(p.toBytes(keys.publicKey()));
    }
    out.put("ThresholdFuzzTest#keyShares", shares);
    out.put("ThresholdFuzzTest#partialDecryptions", partials);
    AggregationClient client = new AggregationClient(enc, AggregationServerFuzzTest.CONFIG);
    long[] upload = new long[AggregationServerFuzzTest.CONFIG.vectorLength()];
    for (int i = 0; i < upload.length; i++) {
      upload[i] = 1000 - 37L * i;
    }
    EncryptedVector up = client.encrypt(upload);
    out.put("AggregationServerFuzzTest#contributions", List.of(up.toBytes(), up.add(up).toBytes()));
    return out;
  }
}
