package io.secagg.vectors.internal.core;

import static io.secagg.vectors.internal.core.Ed25519Checker.*;
import static io.secagg.vectors.internal.core.VectorSupport.draw;
import static io.secagg.vectors.internal.core.VectorSupport.flipBit;
import static io.secagg.vectors.internal.core.VectorSupport.uniform;
import static io.secagg.vectors.internal.Vectors.bytes;
import static io.secagg.vectors.internal.Vectors.hex;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import java.math.BigInteger;
import java.security.SignatureException;
import java.util.Arrays;
import io.secagg.vectors.internal.VectorFiles;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.crypto.SecretBytes;

/** Generator of the file that {@link Ed25519Checker} checks (how each value was produced). */
final class Ed25519Generator extends CheckedFileGenerator {
  private final Ed25519 ed = Ed25519.create(DeterministicRandom.forTestVectorsOnly(0));

  Ed25519Generator() {
    super(new Ed25519Checker());
  }

  @Override
  public ObjectNode generate() throws Exception {
    ObjectNode file =
        newFile("Ed25519 (RFC 8032 section 5.1, pure) with secagg's strict verification"
                + " (spec/secagg.md, section 2, 'Signatures'). Valid cases: privateKey is the"
                + " 32-byte seed, publicKey and sig are what RFC 8032 computes from it. Seeds,"
                + " messages and tamper positions were drawn from DeterministicRandom"
                + ".forTestVectorsOnly(" + SEED + ") and are recorded in the tests (tamper"
                + " positions in the comments). Invalid cases:"
                + " verify(publicKey, msg, sig) must throw SignatureException; privateKey is then"
                + " empty.");
    DeterministicRandom r = DeterministicRandom.forTestVectorsOnly(SEED);
    ObjectNode group = ((ArrayNode) file.get("testGroups")).addObject();
    group.put("type", "Ed25519Test");
    ArrayNode tests = group.putArray("tests");
    Ed25519KeyPair signer = null;
    for (int length : new int[] {0, 1, 32, 100, 1000}) {
      signer = ed.keyPairFromPrivateKey(SecretBytes.copyOf(draw(r, 32)));
      byte[] msg = draw(r, length);
      ObjectNode t = VectorFiles.newTest(tests, length + "-byte message", "Valid");
      t.put("privateKey", hex(signer.privateKey().toByteArray()));
      t.put("publicKey", hex(signer.publicKey()));
      t.put("msg", hex(msg));
      t.put("sig", hex(ed.sign(signer, msg)));
      t.put("result", "valid");
    }
    byte[] pk = signer.publicKey();
    byte[] msg = draw(r, 100);
    byte[] sig = ed.sign(signer, msg);
    int bit = uniform(r, 8 * msg.length);
    invalid(tests, pk, flipBit(msg, bit), sig, "message bit " + bit + " flipped",
        "ModifiedMessage");
    bit = uniform(r, 256);
    invalid(tests, pk, msg, flipBit(sig, bit), "R bit " + bit + " flipped", "ModifiedR");
    bit = 256 + uniform(r, 253);
    invalid(tests, pk, msg, flipBit(sig, bit), "S bit " + (bit - 256) + " flipped",
        "ModifiedS");
    bit = uniform(r, 256);
    invalid(tests, flipBit(pk, bit), msg, sig, "public key bit " + bit + " flipped",
        "ModifiedPublicKey");
    byte[] otherPk = ed.keyPairFromPrivateKey(SecretBytes.copyOf(draw(r, 32))).publicKey();
    invalid(tests, otherPk, msg, sig, "another signer's public key", "OtherPublicKey");
    invalid(tests, pk, msg, malleate(sig), "S + L", "MalleatedS");
    byte[] identity = new byte[32];
    identity[0] = 1;
    byte[] trivial = new byte[64];
    trivial[0] = 1;
    invalid(tests, identity, msg, trivial, "identity key, R = identity, S = 0",
        "SmallOrderPublicKey");
    invalid(tests, pk, msg, Arrays.copyOf(sig, 63), "63-byte signature", "WrongLength");
    invalid(tests, pk, msg, Arrays.copyOf(sig, 65), "signature with a zero byte appended",
        "WrongLength");
    invalid(tests, Arrays.copyOf(pk, 31), msg, sig, "31-byte public key", "WrongLength");
    return VectorFiles.finish(file);
  }

  private static byte[] malleate(byte[] sig) {
    byte[] le = Arrays.copyOfRange(sig, 32, 64);
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = le[31 - i];
    }
    byte[] sum = new BigInteger(1, be).add(L).toByteArray();
    byte[] out = sig.clone();
    // S + L < 2^253, so it still fits the 32-byte little-endian field.
    for (int i = 0; i < 32; i++) {
      int j = sum.length - 1 - i;
      out[32 + i] = j >= 0 ? sum[j] : 0;
    }
    return out;
  }

  private static void invalid(
      ArrayNode tests, byte[] pk, byte[] msg, byte[] sig, String comment, String flag) {
    ObjectNode t = VectorFiles.newTest(tests, comment, flag);
    t.put("privateKey", "");
    t.put("publicKey", hex(pk));
    t.put("msg", hex(msg));
    t.put("sig", hex(sig));
    t.put("error", "SignatureException");
    t.put("result", "invalid");
  }
}