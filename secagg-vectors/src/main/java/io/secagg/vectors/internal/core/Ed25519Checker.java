package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.isValid;
import static io.secagg.vectors.internal.Vectors.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Set;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.crypto.SecretBytes;

/**
 * Generator and checker of {@code ed25519_test.json}: signatures made by our Ed25519 from
 * recorded seeds, and tampered messages, signatures and keys that strict verification rejects.
 */
public final class Ed25519Checker extends NamedVectorChecker {
  static final String ALGORITHM = "ED25519-SECAGG";
  static final String SCHEMA = "ed25519_secagg_test_schema_v1.json";
  static final long SEED = 0x4544323535313953L; // "ED25519S"
  static final Set<String> GROUP_FIELDS = Set.of("type", "tests");
  static final Set<String> TEST_FIELDS =
      VectorSupport.testFields("privateKey", "publicKey", "msg", "sig");
  /** The group order L = 2^252 + 27742317777372353535851937790883648493. */
  static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private final Ed25519 ed = Ed25519.create(DeterministicRandom.forTestVectorsOnly(0));

  public Ed25519Checker() {
    super("ed25519_test.json", ALGORITHM, SCHEMA);
  }

  @Override
  public void checkGroup(JsonNode group) {
    Vectors.onlyFields(group, GROUP_FIELDS);
    if (!"Ed25519Test".equals(text(group, "type"))) {
      throw new Mismatch("unknown group type " + group.get("type"));
    }
  }

  @Override
  public void checkTest(JsonNode group, JsonNode test) throws Exception {
    Vectors.onlyFields(test, TEST_FIELDS);
    byte[] pk = bytes(test, "publicKey");
    byte[] msg = bytes(test, "msg");
    byte[] sig = bytes(test, "sig");
    if (isValid(test)) {
      Ed25519KeyPair p = ed.keyPairFromPrivateKey(SecretBytes.copyOf(bytes(test, "privateKey")));
      KdfLabelsChecker.expectHex("publicKey", text(test, "publicKey"), p.publicKey());
      KdfLabelsChecker.expectHex("sig", text(test, "sig"), ed.sign(p, msg));
      ed.verify(pk, msg, sig);
    } else {
      Vectors.expectNamedError(test, () -> ed.verify(pk, msg, sig), SignatureException.class);
    }
  }
}
