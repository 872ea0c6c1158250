package io.secagg.he;

import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.EncryptedVectorFuzzTest;
import java.nio.ByteBuffer;

/**
 * The probe {@link PaillierHeapBoundTest} runs in a JVM with a tight heap: Paillier encodings
 * whose headers claim the largest sizes the format allows over a body of a few bytes, each of
 * which must be rejected before anything of the claimed size is allocated. Prints {@code CASE
 * <name> REJECTED|ACCEPTED|THREW <type>}.
 */
public final class HostileEncodingProbe {
  private HostileEncodingProbe() {}

  private interface Decoder {
    Object decode(byte[] b) throws PaillierInputException;
  }

  public static void main(String[] args) {
    PaillierPublicKey pk = TestKeys.vectorKey().publicKey();
    // Public key: an integer claiming 2^31 - 1 bytes.
    run("public-key-huge-integer", PaillierPublicKey::fromBytes,
        ByteBuffer.allocate(8).put((byte) 1).put((byte) 1).putInt(Integer.MAX_VALUE).array());
    // Private key of five primes, each claiming the largest modulus.
    ByteBuffer multi = ByteBuffer.allocate(3 + 5 * 4).put((byte) 1).put((byte) 8).put((byte) 5);
    for (int i = 0; i < 5; i++) {
      multi.putInt(PaillierPublicKey.MAX_MODULUS_BITS / 8);
    }
    run("private-key-five-huge-primes", PaillierPrivateKey::fromBytes, multi.array());
    // Encrypted vector: 2^28 values announced, no ciphertext bytes.
    ByteBuffer v = ByteBuffer.allocate(2 + 4 + 1 + 4 + 1 + 1 + 4 + 4)
        .put((byte) 1).put((byte) 7).putInt(2048).put((byte) 16).putInt(10).put((byte) 8).put((byte) 1)
        .putInt(EncryptedVector.MAX_LENGTH).putInt(1);
    run("encrypted-vector-max-length", b -> EncryptedVector.fromBytes(pk, EncryptedVectorFuzzTest.LAYOUT, b), v.array());
    // Threshold public key: 128 parties announced, integers claiming 2^31 - 1 bytes.
    ByteBuffer t = ByteBuffer.allocate(2 + 4).put((byte) 1).put((byte) 4).putInt(Integer.MAX_VALUE);
    run("threshold-key-huge-modulus", io.secagg.he.threshold.ThresholdPublicKey::fromBytes, t.array());
  }

  private static void run(String name, Decoder d, byte[] input) {
    String outcome;
    try {
      d.decode(input);
      outcome = "ACCEPTED";
    } catch (PaillierInputException e) {
      outcome = "REJECTED " + e.getMessage();
    } catch (RuntimeException e) {
      outcome = "THREW " + e;
    }
    System.out.println("CASE " + name + " " + outcome);
  }
}
