package io.secagg.he.packing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.testing.FuzzChecks;
import io.secagg.he.InvalidCiphertextException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierPublicKey;
import io.secagg.he.PlaintextOverflowException;
import io.secagg.he.RandomizerSource;
import io.secagg.he.TestKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer fuzz tests of {@link EncryptedVector#fromBytes} (only {@link
 * InvalidCiphertextException}; accepted encodings re-encode to themselves) and of the unpacking
 * of decrypted plaintexts, {@link EncryptedVector#decodePlaintexts} and {@link
 * EncryptedVector#decode} (only {@link PlaintextOverflowException}), under the vector key and
 * {@link #LAYOUT}.
 */
public class EncryptedVectorFuzzTest {
  /** Signed 16-bit values, sums of up to 10 vectors, 8 guard bits. */
  public static final PackingLayout LAYOUT = PackingLayout.builder()
      .modulusBits(2048).valueBits(16).maxSummands(10).guardBits(8).signed(true).build();
  private static EncryptedVector sumOfThree;

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void vectors(byte[] input) {
    vector(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void plaintexts(byte[] input) {
    plaintext(input);
  }

  /** An encrypted vector encoding. */
  public static void vector(byte[] input) {
    PaillierPublicKey pk = TestKeys.vectorKey().publicKey();
    FuzzChecks.canonical(
        input, InvalidCiphertextException.class, b -> EncryptedVector.fromBytes(pk, LAYOUT, b),
        EncryptedVector::toBytes, "encrypted vector");
  }

  /**
   * Plaintexts for the ciphertexts of a fixed sum of three 100-value vectors: the input is cut
   * into as many equal big-endian pieces, each reduced below {@code n}.
   */
  public static void plaintext(byte[] input) {
    EncryptedVector sum = sumOfThree();
    int count = sum.ciphertexts().size();
    BigInteger n = sum.publicKey().modulus();
    List<BigInteger> plain = new ArrayList<>(count);
    int piece = input.length / count;
    for (int j = 0; j < count; j++) {
      plain.add(new BigInteger(1, Arrays.copyOfRange(input, j * piece, (j + 1) * piece)).mod(n));
    }
    long[] a;
    long[] b;
    try {
      a = sum.decodePlaintexts(plain);
      b = sum.decode(c -> plain.get(sum.ciphertexts().indexOf(c)), Runnable::run, 1);
    } catch (PlaintextOverflowException e) {
      return;
    }
    if (!Arrays.equals(a, b)) {
      throw new AssertionError("decode and decodePlaintexts disagree");
    }
  }

  /** The fixed vector the plaintext target decodes for. */
  public static synchronized EncryptedVector sumOfThree() {
    if (sumOfThree == null) {
      PaillierPublicKey pk = TestKeys.vectorKey().publicKey();
      PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.standard(pk, TestKeys.random(31)));
      long[] values = new long[100];
      EncryptedVector s = EncryptedVector.encrypt(enc, LAYOUT, values);
      sumOfThree = s.add(s).add(s);
    }
    return sumOfThree;
  }

  /** The plaintexts of {@link #sumOfThree()}, concatenated as the plaintext target reads them. */
  public static byte[] plaintextSeed(List<BigInteger> plaintexts) {
    int width = 256;
    byte[] out = new byte[width * plaintexts.size()];
    for (int j = 0; j < plaintexts.size(); j++) {
      byte[] m = plaintexts.get(j).toByteArray();
      int copy = Math.min(m.length, width);
      System.arraycopy(m, m.length - copy, out, (j + 1) * width - copy, copy);
    }
    return out;
  }

}
