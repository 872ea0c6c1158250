package io.secagg.he;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.testing.FuzzChecks;
import io.secagg.he.encoding.FixedPointEncoder;
import java.math.BigInteger;

/**
 * Jazzer fuzz tests of the Paillier key, ciphertext and fixed-point decoders. Each target lets
 * only the documented {@link PaillierInputException} subtype through; an accepted encoding must
 * re-encode to exactly its bytes (the formats are canonical: minimal integers, fixed widths).
 * Ciphertexts and plaintexts are read under the 2048-bit key of the vector files.
 */
public class PaillierFuzzTest {
  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void publicKeys(byte[] input) {
    publicKey(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void privateKeys(byte[] input) {
    privateKey(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void ciphertexts(byte[] input) {
    ciphertext(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void fixedPointPlaintexts(byte[] input) {
    fixedPointPlaintext(input);
  }

  /** A public key encoding. */
  public static void publicKey(byte[] input) {
    FuzzChecks.canonical(
        input, InvalidPaillierKeyException.class, PaillierPublicKey::fromBytes, PaillierPublicKey::toBytes,
        "public key");
  }

  /** A private key encoding (two or more primes). */
  public static void privateKey(byte[] input) {
    FuzzChecks.canonical(
        input, InvalidPaillierKeyException.class, PaillierPrivateKey::fromBytes, PaillierPrivateKey::toBytes,
        "private key");
  }

  /** A ciphertext encoding under the vector key. */
  public static void ciphertext(byte[] input) {
    PaillierPublicKey pk = TestKeys.vectorKey().publicKey();
    FuzzChecks.canonical(
        input, InvalidCiphertextException.class, b -> Ciphertext.fromBytes(pk, b), Ciphertext::toBytes,
        "ciphertext");
  }

  /**
   * A decrypted plaintext (unsigned big-endian, reduced below {@code n} as a decryption's
   * always is) decoded as fixed point with 32 fractional bits.
   */
  public static void fixedPointPlaintext(byte[] input) {
    PaillierPublicKey pk = TestKeys.vectorKey().publicKey();
    BigInteger m = new BigInteger(1, input).mod(pk.modulus());
    FixedPointEncoder enc = FixedPointEncoder.create(pk, 32);
    BigInteger s;
    try {
      s = enc.decodeScaled(m);
      enc.decode(m);
      enc.decode(m, 2);
      enc.decodeDouble(m);
    } catch (PlaintextOverflowException e) {
      return;
    }
    if (!enc.encodeScaled(s).equals(m)) {
      throw new AssertionError("an accepted plaintext does not re-encode to itself");
    }
  }
}
