package io.secagg.vectors.internal.he;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.Vectors;
import java.math.BigInteger;
import java.security.SecureRandom;
import io.secagg.vectors.internal.VectorFiles;
import static io.secagg.vectors.internal.he.PaillierVectors.*;
import io.secagg.he.Ciphertext;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierKeyPair;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.RandomizerSource;
import io.secagg.vectors.internal.ReplayRandom;

/** The generators of the files that {@link PaillierVectors} checks (how each value was produced). */
final class PaillierGenerators {
  private PaillierGenerators() {}

  static final class KeysGenerator extends CheckedFileGenerator {
    KeysGenerator() {
      super(new PaillierVectors.KeysChecker());
    }

    @Override
    public ObjectNode generate() {
      ObjectNode file = newFile("Paillier key validation and serialization (spec/paillier.md, Keys and Serialization)");
      ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
      group.put("type", "PaillierKeys");
      ArrayNode tests = group.putArray("tests");
      PaillierKeyPair kp = HeTestKeys.vectorKey();
      BigInteger p = HeTestKeys.primes(kp.privateKey()).get(0);
      BigInteger q = HeTestKeys.primes(kp.privateKey()).get(1);
      BigInteger n = kp.publicKey().modulus();

      ObjectNode t = VectorFiles.newTest(tests, "2048-bit key from primes", "Valid");
      t.put("operation", "fromPrimes");
      t.put("p", dec(p));
      t.put("q", dec(q));
      t.put("n", dec(n));
      t.put("publicKey", Vectors.hex(kp.publicKey().toBytes()));
      t.put("privateKey", Vectors.hex(kp.privateKey().toBytes()));
      t.put("result", "valid");

      t = VectorFiles.newTest(tests, "2048-bit public key encoding", "Valid");
      t.put("operation", "parsePublicKey");
      t.put("publicKey", Vectors.hex(kp.publicKey().toBytes()));
      t.put("n", dec(n));
      t.put("result", "valid");

      t = VectorFiles.newTest(tests, "primes given as q, p are sorted", "Valid");
      t.put("operation", "fromPrimes");
      t.put("p", dec(q));
      t.put("q", dec(p));
      t.put("n", dec(n));
      t.put("publicKey", Vectors.hex(kp.publicKey().toBytes()));
      t.put("privateKey", Vectors.hex(kp.privateKey().toBytes()));
      t.put("result", "valid");

      byte[] pub = kp.publicKey().toBytes();
      addParse(tests, "parsePublicKey", "trailing byte", "MalformedEncoding", concat(pub, new byte[] {0}));
      addParse(tests, "parsePublicKey", "truncated", "MalformedEncoding", java.util.Arrays.copyOf(pub, pub.length - 1));
      byte[] v2 = pub.clone();
      v2[0] = 2;
      addParse(tests, "parsePublicKey", "unknown version 2", "MalformedEncoding", v2);
      byte[] ty = pub.clone();
      ty[1] = 3;
      addParse(tests, "parsePublicKey", "ciphertext type byte", "MalformedEncoding", ty);
      addParse(tests, "parsePublicKey", "leading zero byte in n", "MalformedEncoding",
          new HeTestKeys.Writer(1).u32(PaillierSpec.byteLength(n) + 1).raw(new byte[] {0}).raw(PaillierSpec.i2osp(n, PaillierSpec.byteLength(n))).toByteArray());
      addParse(tests, "parsePublicKey", "even modulus", "WeakKey", new HeTestKeys.Writer(1).integer(n.add(BigInteger.ONE)).toByteArray());
      addParse(tests, "parsePublicKey", "prime modulus", "WeakKey",
          new HeTestKeys.Writer(1).integer(primeModulus()).toByteArray());
      addParse(tests, "parsePublicKey", "perfect square modulus p^2", "WeakKey",
          new HeTestKeys.Writer(1).integer(p.multiply(p)).toByteArray());
      addParse(tests, "parsePublicKey", "modulus divisible by 3", "WeakKey",
          new HeTestKeys.Writer(1).integer(n.multiply(BigInteger.valueOf(3))).toByteArray());
      PaillierKeyPair small = HeTestKeys.small();
      addParse(tests, "parsePublicKey", "512-bit modulus below the 2048-bit minimum", "WeakKey", small.publicKey().toBytes());
      addParse(tests, "parsePrivateKey", "private key listing q before p", "NonCanonical",
          new HeTestKeys.Writer(2).integer(q).integer(p).toByteArray());
      addParse(tests, "parsePrivateKey", "private key with trailing byte", "MalformedEncoding",
          concat(kp.privateKey().toBytes(), new byte[] {1}));
      addPrimes(tests, "p = q", p, p);
      addPrimes(tests, "q composite (q + 2^40)", p, q.add(BigInteger.ONE.shiftLeft(40)));
      addPrimes(tests, "p and q of different lengths", p, HeTestKeys.primes(small.privateKey()).get(1));
      addPrimes(tests, "512-bit modulus below the 2048-bit minimum", HeTestKeys.primes(small.privateKey()).get(0), HeTestKeys.primes(small.privateKey()).get(1));
      return VectorFiles.finish(file);
    }

    private static void addParse(ArrayNode tests, String op, String comment, String flag, byte[] enc) {
      ObjectNode t = VectorFiles.newTest(tests, comment, flag);
      t.put("operation", op);
      t.put(op.equals("parsePublicKey") ? "publicKey" : "privateKey", Vectors.hex(enc));
      t.put("error", "InvalidPaillierKeyException");
      t.put("result", "invalid");
    }

    private static void addPrimes(ArrayNode tests, String comment, BigInteger p, BigInteger q) {
      ObjectNode t = VectorFiles.newTest(tests, comment, "WeakKey");
      t.put("operation", "fromPrimes");
      t.put("p", dec(p));
      t.put("q", dec(q));
      t.put("error", "InvalidPaillierKeyException");
      t.put("result", "invalid");
    }
  }

  static final class EncryptionGenerator extends CheckedFileGenerator {
    EncryptionGenerator() {
      super(new PaillierVectors.EncryptionChecker());
    }

    @Override
    public ObjectNode generate() {
      ObjectNode file = newFile("Paillier g = n + 1 encryption, DJN randomizers, CRT decryption and homomorphic operations"
              + " (spec/paillier.md, Encryption and Decryption)");
      PaillierKeyPair kp = HeTestKeys.vectorKey();
      PaillierPublicKey pk = kp.publicKey();
      BigInteger n = pk.modulus();
      BigInteger n2 = pk.modulusSquared();
      ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
      group.put("type", "PaillierEncryption");
      BigInteger djnX = PaillierSpec.djnX(n);
      BigInteger djnH = n.subtract(djnX.multiply(djnX).mod(n));
      BigInteger djnHs = djnH.modPow(n, n2);
      int exponentBits = (n.bitLength() + 1) / 2;
      group.put("p", dec(HeTestKeys.primes(kp.privateKey()).get(0)));
      group.put("q", dec(HeTestKeys.primes(kp.privateKey()).get(1)));
      group.put("n", dec(n));
      group.put("djnX", dec(djnX));
      group.put("djnH", dec(djnH));
      group.put("djnHs", dec(djnHs));
      group.put("djnExponentBits", exponentBits);
      ArrayNode tests = group.putArray("tests");
      SecureRandom rnd = HeTestKeys.random(HeTestKeys.VECTOR_KEY_SEED + 2);
      PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.djn(pk, rnd, 4));
      BigInteger[] ms = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(65535), n.subtract(BigInteger.ONE),
          new BigInteger(2040, rnd)};
      for (BigInteger m : ms) {
        BigInteger r = sampleUnit(n, rnd);
        Ciphertext c = PaillierEncryptor.create(
            RandomizerSource.standard(pk, ReplayRandom.ofBigInteger(r, n.bitLength()))).encrypt(m);
        ObjectNode t = VectorFiles.newTest(tests, "standard encryption of a " + m.bitLength() + "-bit m",
            m.signum() == 0 || m.equals(n.subtract(BigInteger.ONE)) ? new String[] {"Standard", "EdgeCase"} : new String[] {"Standard"});
        t.put("operation", "encrypt");
        t.put("m", dec(m));
        t.put("r", dec(r));
        t.put("c", dec(c.value()));
        t.put("ciphertext", Vectors.hex(c.toBytes()));
        t.put("result", "valid");
      }
      Ciphertext last = null;
      for (BigInteger m : new BigInteger[] {BigInteger.valueOf(7), new BigInteger(2000, rnd)}) {
        BigInteger a = new BigInteger(exponentBits, rnd);
        Ciphertext c = PaillierEncryptor.create(
            RandomizerSource.djn(pk, ReplayRandom.ofBigInteger(a, exponentBits), 4)).encrypt(m);
        ObjectNode t = VectorFiles.newTest(tests, "DJN encryption of a " + m.bitLength() + "-bit m", "Djn");
        t.put("operation", "encryptDjn");
        t.put("m", dec(m));
        t.put("a", dec(a));
        t.put("c", dec(c.value()));
        t.put("result", "valid");
        last = c;
      }
      Ciphertext c1 = enc.encrypt(BigInteger.valueOf(1000));
      Ciphertext c2 = enc.encrypt(n.subtract(BigInteger.valueOf(10)));
      ObjectNode t = VectorFiles.newTest(tests, "sum 1000 + (n - 10) wraps to 990", "Homomorphic");
      t.put("operation", "add");
      t.put("c1", dec(c1.value()));
      t.put("c2", dec(c2.value()));
      t.put("c", dec(c1.add(c2).value()));
      t.put("m", "990");
      t.put("result", "valid");
      BigInteger k = BigInteger.valueOf(12345);
      BigInteger a = new BigInteger(exponentBits, rnd);
      BigInteger scaled = last.value().modPow(k, n2).multiply(djnHs.modPow(a, n2)).mod(n2);
      t = VectorFiles.newTest(tests, "multiply by plaintext 12345, rerandomized", "Homomorphic", "Djn");
      t.put("operation", "multiplyPlaintext");
      t.put("c1", dec(last.value()));
      t.put("k", dec(k));
      t.put("a", dec(a));
      t.put("c", dec(scaled));
      t.put("m", dec(kp.privateKey().decrypt(last).multiply(k).mod(n)));
      t.put("result", "valid");

      addBadDecrypt(tests, "c = 0", "OutOfRange", BigInteger.ZERO);
      addBadDecrypt(tests, "c = n^2", "OutOfRange", n2);
      addBadDecrypt(tests, "c = n^2 + 1", "OutOfRange", n2.add(BigInteger.ONE));
      addBadDecrypt(tests, "c = -1", "OutOfRange", BigInteger.ONE.negate());
      addBadDecrypt(tests, "c = p * 12345 shares the factor p", "NotAUnit", HeTestKeys.primes(kp.privateKey()).get(0).multiply(k));
      addBadDecrypt(tests, "c = n", "NotAUnit", n);
      for (BigInteger m : new BigInteger[] {n, BigInteger.ONE.negate()}) {
        t = VectorFiles.newTest(tests, "plaintext " + (m.signum() < 0 ? "-1" : "n") + " is outside [0, n)", "OutOfRange");
        t.put("operation", "encrypt");
        t.put("m", dec(m));
        t.put("r", "1");
        t.put("error", "IllegalArgumentException");
        t.put("result", "invalid");
      }
      byte[] good = c1.toBytes();
      addBadParse(tests, "ciphertext encoding one byte short", java.util.Arrays.copyOf(good, good.length - 1));
      addBadParse(tests, "ciphertext encoding one byte long", concat(good, new byte[] {0}));
      byte[] ty = good.clone();
      ty[1] = 1;
      addBadParse(tests, "public-key type byte", ty);
      byte[] big = good.clone();
      java.util.Arrays.fill(big, 2, big.length, (byte) 0xff);
      t = VectorFiles.newTest(tests, "well-formed encoding of a value >= n^2", "OutOfRange");
      t.put("operation", "parseCiphertext");
      t.put("ciphertext", Vectors.hex(big));
      t.put("error", "InvalidCiphertextException");
      t.put("result", "invalid");
      return VectorFiles.finish(file);
    }

    private static void addBadDecrypt(ArrayNode tests, String comment, String flag, BigInteger c) {
      ObjectNode t = VectorFiles.newTest(tests, comment, flag);
      t.put("operation", "decrypt");
      t.put("c", dec(c));
      t.put("error", "InvalidCiphertextException");
      t.put("result", "invalid");
    }

    private static void addBadParse(ArrayNode tests, String comment, byte[] enc) {
      ObjectNode t = VectorFiles.newTest(tests, comment, "MalformedEncoding");
      t.put("operation", "parseCiphertext");
      t.put("ciphertext", Vectors.hex(enc));
      t.put("error", "InvalidCiphertextException");
      t.put("result", "invalid");
    }
  }

  /** Uniform in {@code Z*_n} (section 5): {@code bits(n)} random bits, redrawn until a unit below n. */
  static BigInteger sampleUnit(BigInteger n, SecureRandom random) {
    while (true) {
      BigInteger r = new BigInteger(n.bitLength(), random);
      if (r.signum() > 0 && r.compareTo(n) < 0 && r.gcd(n).equals(BigInteger.ONE)) {
        return r;
      }
    }
  }
}
