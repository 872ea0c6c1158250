package io.secagg.he.threshold;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.secagg.core.testing.FuzzBudget;
import io.secagg.core.testing.FuzzChecks;
import io.secagg.he.Ciphertext;
import io.secagg.he.InvalidPaillierKeyException;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.RandomizerSource;
import io.secagg.he.TestKeys;
import java.math.BigInteger;

/**
 * Jazzer fuzz tests of the threshold decoders: {@link ThresholdPublicKey#fromBytes} and {@link
 * KeyShare#fromBytes} (only {@link InvalidPaillierKeyException}), {@link
 * PartialDecryption#fromBytes} and the verification of what it accepts (only {@link
 * InvalidPartialDecryptionException}). Accepted encodings re-encode to themselves. Shares and
 * partial decryptions are read for a 2-of-3 key dealt from the fixed 1024-bit safe primes.
 */
public class ThresholdFuzzTest {
  private static ThresholdKeySet keys;
  private static Ciphertext ciphertext;

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void publicKeys(byte[] input) {
    publicKey(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void keyShares(byte[] input) {
    keyShare(input);
  }

  @FuzzTest(maxDuration = FuzzBudget.UNTIL_STOPPED)
  void partialDecryptions(byte[] input) {
    partialDecryption(input);
  }

  /** A threshold public key encoding. */
  public static void publicKey(byte[] input) {
    FuzzChecks.canonical(
        input, InvalidPaillierKeyException.class, ThresholdPublicKey::fromBytes, ThresholdPublicKey::toBytes,
        "threshold public key");
  }

  /** A key share encoding for {@link #keys()}. */
  public static void keyShare(byte[] input) {
    ThresholdPublicKey pk = keys().publicKey();
    FuzzChecks.canonical(
        input, InvalidPaillierKeyException.class, b -> KeyShare.fromBytes(pk, b), KeyShare::toBytes, "key share");
  }

  /** A partial decryption of {@link #ciphertext()} for {@link #keys()}, parsed and verified. */
  public static void partialDecryption(byte[] input) {
    ThresholdPublicKey pk = keys().publicKey();
    PartialDecryption p = FuzzChecks.canonical(
        input, InvalidPartialDecryptionException.class, b -> PartialDecryption.fromBytes(pk, b),
        q -> q.toBytes(pk), "partial decryption");
    if (p == null) {
      return;
    }
    try {
      pk.decryption(ciphertext()).offer(p);
    } catch (InvalidPartialDecryptionException e) {
      // Well formed but not a valid share of the decryption: the documented rejection.
    }
  }

  /** The fixed key: 2 of 3, dealt from the published 1024-bit safe primes. */
  public static synchronized ThresholdKeySet keys() {
    if (keys == null) {
      try {
        keys = ThresholdKeyDealer.dealFromSafePrimes(
            TestKeys.SAFE_P_1024, TestKeys.SAFE_Q_1024, 2, 3, TestKeys.random(0x7f));
      } catch (InvalidPaillierKeyException e) {
        throw new AssertionError(e);
      }
    }
    return keys;
  }

  /** The fixed ciphertext partial decryptions are checked against. */
  public static synchronized Ciphertext ciphertext() {
    if (ciphertext == null) {
      ciphertext = PaillierEncryptor.create(RandomizerSource.standard(keys().publicKey().paillierKey(),
          TestKeys.random(0x80))).encrypt(BigInteger.valueOf(4242));
    }
    return ciphertext;
  }
}
