package io.secagg.bench;

import io.secagg.core.crypto.AesGcm;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.crypto.Hkdf;
import io.secagg.core.crypto.KdfLabel;
import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.crypto.X25519;
import io.secagg.core.crypto.X25519KeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The primitives of {@code io.secagg.core.crypto}, each beside the providers it was chosen from:
 * X25519 agreement and key generation (ours = Bouncy Castle's RFC 7748 code behind our
 * validation, against BC's bare low-level calls and the JDK's {@code XDH}), labelled HKDF-SHA256
 * (ours = a reused JDK {@code Mac} per thread, against BC's {@code HKDFBytesGenerator}), AES-GCM
 * on small messages (ours = one JDK {@code Cipher} per thread behind our framing, against a bare
 * reused {@code Cipher} and a fresh {@code Cipher} per call), and
 * Ed25519 sign/verify (ours = BC's RFC 8032 code, against bare BC and the JDK's {@code Ed25519}).
 * All results are operations per second.
 *
 * <p>How to run:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar CryptoBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s
 * java -jar benchmarks/target/benchmarks.jar 'CryptoBenchmark.x25519' -f 1   # one primitive
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {

  /** Key pairs of both sides, in every provider's representation. */
  @State(Scope.Thread)
  public static class X25519State {
    X25519 ours;
    X25519KeyPair ourKeys;
    byte[] peerPublic;
    byte[] bcPrivate;
    SecureRandom random;
    KeyPairGenerator jceGenerator;
    KeyPair jceKeys;
    KeyPair jcePeer;
    KeyAgreement jceAgreement;

    /** Creates fixed key pairs so that only the measured operation varies. */
    @Setup
    public void setUp() throws GeneralSecurityException {
      random = new SecureRandom();
      ours = X25519.create(random);
      ourKeys = ours.generateKeyPair();
      peerPublic = ours.generateKeyPair().publicKey();
      bcPrivate = ourKeys.privateKey().toByteArray();
      jceGenerator = KeyPairGenerator.getInstance("X25519");
      jceKeys = jceGenerator.generateKeyPair();
      jcePeer = jceGenerator.generateKeyPair();
      jceAgreement = KeyAgreement.getInstance("X25519");
    }
  }

  /** Our agreement: length check, BC scalar multiplication, all-zero check, SecretBytes. */
  @Benchmark
  public SecretBytes x25519AgreeOurs(X25519State s) throws GeneralSecurityException {
    return s.ours.agree(s.ourKeys.privateKey(), s.peerPublic);
  }

  /** Baseline: BC's bare scalar multiplication, no copies and no checks. */
  @Benchmark
  public byte[] x25519AgreeBcBare(X25519State s) {
    byte[] out = new byte[32];
    org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(s.bcPrivate, 0, s.peerPublic, 0, out, 0);
    return out;
  }

  /** Competitor: the JDK's XDH provider (SunEC), reusing one KeyAgreement object. */
  @Benchmark
  public byte[] x25519AgreeJce(X25519State s) throws GeneralSecurityException {
    s.jceAgreement.init(s.jceKeys.getPrivate());
    s.jceAgreement.doPhase(s.jcePeer.getPublic(), true);
    return s.jceAgreement.generateSecret();
  }

  /** Our key generation: 32 random bytes and a fixed-base multiplication. */
  @Benchmark
  public X25519KeyPair x25519KeyGenOurs(X25519State s) {
    return s.ours.generateKeyPair();
  }

  /** Baseline: BC's bare fixed-base multiplication (random bytes included). */
  @Benchmark
  public byte[] x25519KeyGenBcBare(X25519State s) {
    byte[] k = new byte[32];
    s.random.nextBytes(k);
    byte[] pub = new byte[32];
    org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(k, 0, pub, 0);
    return pub;
  }

  /** Competitor: the JDK's XDH key-pair generator. */
  @Benchmark
  public KeyPair x25519KeyGenJce(X25519State s) {
    return s.jceGenerator.generateKeyPair();
  }

  /** A 32-byte secret, a 32-byte salt and a 16-byte context. */
  @State(Scope.Thread)
  public static class HkdfState {
    SecretBytes ikm;
    byte[] ikmBytes;
    byte[] salt;
    byte[] context;
    byte[] info;

    /** Random inputs, fixed for the run. */
    @Setup
    public void setUp() {
      SecureRandom r = new SecureRandom();
      ikmBytes = new byte[32];
      salt = new byte[32];
      context = new byte[16];
      r.nextBytes(ikmBytes);
      r.nextBytes(salt);
      r.nextBytes(context);
      ikm = SecretBytes.copyOf(ikmBytes);
      info = KdfLabel.PAIRWISE_MASK_SEED.info(context);
    }
  }

  /** Ours: labelled derivation of a 32-byte secret (a reused JDK Mac per thread). */
  @Benchmark
  public SecretBytes hkdfLabelledOurs(HkdfState s) {
    return Hkdf.derive(s.ikm, s.salt, KdfLabel.PAIRWISE_MASK_SEED, s.context, 32);
  }

  /** Baseline: RFC 5869 on the same reused JDK Mac, without the label or SecretBytes. */
  @Benchmark
  public byte[] hkdfRawJceMac(HkdfState s) {
    return Hkdf.derive(s.ikmBytes, s.salt, s.info, 32);
  }

  /** Competitor: Bouncy Castle's HKDFBytesGenerator over its SHA-256. */
  @Benchmark
  public byte[] hkdfBc(HkdfState s) {
    HKDFBytesGenerator g = new HKDFBytesGenerator(new SHA256Digest());
    g.init(new HKDFParameters(s.ikmBytes, s.salt, s.info));
    byte[] out = new byte[32];
    g.generateBytes(out, 0, 32);
    return out;
  }

  /** An AES-128-GCM key, a message and associated data of share-transport size. */
  @State(Scope.Thread)
  public static class AeadState {
    /** Plaintext length in bytes (a Shamir share with its framing is about 100 bytes). */
    @Param({"100"})
    public int messageSize;

    AesGcm ours;
    SecretBytes keySecret;
    SecureRandom random;
    byte[] message;
    byte[] associatedData;
    byte[] ciphertext;
    SecretKeySpec key;
    byte[] keyBytes;
    Cipher reused;
    byte[] nonce;
    long counter;

    /** Random key and inputs, fixed for the run. */
    @Setup
    public void setUp() throws GeneralSecurityException {
      SecureRandom r = new SecureRandom();
      byte[] k = new byte[16];
      r.nextBytes(k);
      random = r;
      keySecret = SecretBytes.copyOf(k);
      ours = AesGcm.create(keySecret, r);
      key = new SecretKeySpec(k, "AES");
      keyBytes = k.clone();
      message = new byte[messageSize];
      associatedData = new byte[48];
      r.nextBytes(message);
      r.nextBytes(associatedData);
      ciphertext = ours.encrypt(message, associatedData);
      reused = Cipher.getInstance("AES/GCM/NoPadding");
      nonce = new byte[12];
    }
  }

  /** Ours: random nonce, the thread's Cipher, output nonce || ct || tag. */
  @Benchmark
  public byte[] aesGcmEncryptOurs(AeadState s) {
    return s.ours.encrypt(s.message, s.associatedData);
  }

  /** Ours as the protocol uses it: a new key per message (one share per pair of clients). */
  @Benchmark
  public byte[] aesGcmNewKeyEncryptOurs(AeadState s) throws GeneralSecurityException {
    return AesGcm.create(s.keySecret, s.random).encrypt(s.message, s.associatedData);
  }

  /**
   * Baseline for the protocol's pattern: a new key per message on one reused JDK Cipher (what a
   * per-thread Cipher cache inside AesGcm would cost), counter nonce, no framing.
   */
  @Benchmark
  public byte[] aesGcmNewKeyEncryptJceReusedCipher(AeadState s) throws GeneralSecurityException {
    long c = ++s.counter;
    for (int i = 0; i < 8; i++) {
      s.keyBytes[i] = (byte) (c >>> (8 * i));
    }
    s.reused.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(s.keyBytes, "AES"), new GCMParameterSpec(128, s.nonce));
    s.reused.updateAAD(s.associatedData);
    return s.reused.doFinal(s.message);
  }

  /** Ours: framing checks, the thread's Cipher, tag verification. */
  @Benchmark
  public byte[] aesGcmDecryptOurs(AeadState s) throws GeneralSecurityException {
    return s.ours.decrypt(s.ciphertext, s.associatedData);
  }

  /** Baseline: one reused JDK Cipher re-initialised with a counter nonce (no RNG, no framing). */
  @Benchmark
  public byte[] aesGcmEncryptJceReusedCipher(AeadState s) throws GeneralSecurityException {
    long c = ++s.counter;
    for (int i = 0; i < 8; i++) {
      s.nonce[i] = (byte) (c >>> (8 * i));
    }
    s.reused.init(Cipher.ENCRYPT_MODE, s.key, new GCMParameterSpec(128, s.nonce));
    s.reused.updateAAD(s.associatedData);
    return s.reused.doFinal(s.message);
  }

  /** Baseline: a fresh JDK Cipher per call with a counter nonce (what AesGcm avoids). */
  @Benchmark
  public byte[] aesGcmEncryptJceFreshCipher(AeadState s) throws GeneralSecurityException {
    long c = ++s.counter;
    for (int i = 0; i < 8; i++) {
      s.nonce[i] = (byte) (c >>> (8 * i));
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, s.key, new GCMParameterSpec(128, s.nonce));
    cipher.updateAAD(s.associatedData);
    return cipher.doFinal(s.message);
  }

  /** Key pairs and a signed 100-byte message in every provider's representation. */
  @State(Scope.Thread)
  public static class Ed25519State {
    Ed25519 ours;
    Ed25519KeyPair ourKeys;
    byte[] seed;
    byte[] publicKey;
    byte[] message;
    byte[] signature;
    Signature jceSigner;
    Signature jceVerifier;
    KeyPair jceKeys;
    byte[] jceSignature;

    /** Fixed keys and message so that only the measured operation varies. */
    @Setup
    public void setUp() throws GeneralSecurityException {
      SecureRandom r = new SecureRandom();
      ours = Ed25519.create(r);
      ourKeys = ours.generateKeyPair();
      seed = ourKeys.privateKey().toByteArray();
      publicKey = ourKeys.publicKey();
      message = new byte[100];
      r.nextBytes(message);
      signature = ours.sign(ourKeys, message);
      jceKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      jceSigner = Signature.getInstance("Ed25519");
      jceSigner.initSign(jceKeys.getPrivate());
      jceVerifier = Signature.getInstance("Ed25519");
      jceVerifier.initVerify(jceKeys.getPublic());
      jceSigner.update(message);
      jceSignature = jceSigner.sign();
    }
  }

  /** Ours: sign a 100-byte message. */
  @Benchmark
  public byte[] ed25519SignOurs(Ed25519State s) {
    return s.ours.sign(s.ourKeys, s.message);
  }

  /** Baseline: BC's bare signing with the public key supplied. */
  @Benchmark
  public byte[] ed25519SignBcBare(Ed25519State s) {
    byte[] sig = new byte[64];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        s.seed, 0, s.publicKey, 0, s.message, 0, s.message.length, sig, 0);
    return sig;
  }

  /** Competitor: the JDK's Ed25519 Signature (SunEC), reused. */
  @Benchmark
  public byte[] ed25519SignJce(Ed25519State s) throws GeneralSecurityException {
    s.jceSigner.update(s.message);
    return s.jceSigner.sign();
  }

  /** Ours: strict verification of a valid signature. */
  @Benchmark
  public void ed25519VerifyOurs(Ed25519State s, Blackhole bh) throws GeneralSecurityException {
    s.ours.verify(s.publicKey, s.message, s.signature);
    bh.consume(s.signature);
  }

  /** Baseline: BC's bare verification. */
  @Benchmark
  public boolean ed25519VerifyBcBare(Ed25519State s) {
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        s.signature, 0, s.publicKey, 0, s.message, 0, s.message.length);
  }

  /** Competitor: the JDK's Ed25519 Signature (SunEC), reused. */
  @Benchmark
  public boolean ed25519VerifyJce(Ed25519State s) throws GeneralSecurityException {
    s.jceVerifier.update(s.message);
    return s.jceVerifier.verify(s.jceSignature);
  }
}
