package io.secagg.vectors.internal.he;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.Vectors;
import io.secagg.he.Ciphertext;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.RandomizerSource;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.function.Consumer;
import io.secagg.vectors.internal.VectorFiles;
import static io.secagg.vectors.internal.he.ThresholdVectors.*;
import io.secagg.he.threshold.KeyShare;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.vectors.internal.ReplayRandom;
import io.secagg.he.threshold.ThresholdPublicKey;

/** The generators of the files that {@link ThresholdVectors} checks (how each value was produced). */
final class ThresholdGenerators {
  private ThresholdGenerators() {}

  static final class Generator extends CheckedFileGenerator {
    Generator() {
      super(new ThresholdVectors.Checker());
    }

    @Override
    public ObjectNode generate() throws Exception {
      ObjectNode file = newFile("Dealt threshold Paillier decryption, Shoup / Damgard-Jurik with s = 1 (spec/paillier.md, Threshold decryption)");
      BigInteger p = HeTestKeys.SAFE_P_1024;
      BigInteger q = HeTestKeys.SAFE_Q_1024;
      SecureRandom rnd = HeTestKeys.random(0x7e5401dL);
      BigInteger n = p.multiply(q);
      BigInteger nm = n.multiply(p.shiftRight(1).multiply(q.shiftRight(1)));
      BigInteger n2 = n.multiply(n);
      BigInteger[] coeffs = {HeTestKeys.uniformBelow(nm, rnd)};
      BigInteger x = HeTestKeys.uniformBelow(n2, rnd);
      ThresholdVectors.Dealt keys = ThresholdVectors.deal(p, q, T, W, coeffs, x);
      ThresholdPublicKey tpk = keys.publicKey;
      ObjectNode g = ((ArrayNode) file.get("testGroups")).addObject();
      g.put("type", "ThresholdPaillier");
      g.put("p", p.toString());
      g.put("q", q.toString());
      g.put("n", n.toString());
      g.put("threshold", T);
      g.put("parties", W);
      g.put("delta", tpk.delta().toString());
      ArrayNode ca = g.putArray("coefficients");
      for (BigInteger c : coeffs) {
        ca.add(c.toString());
      }
      g.put("x", x.toString());
      g.put("v", tpk.verificationBase().toString());
      ArrayNode sa = g.putArray("shares");
      ArrayNode va = g.putArray("verificationKeys");
      for (KeyShare s : java.util.Arrays.asList(keys.shares)) {
        sa.add(new BigInteger(1, java.util.Arrays.copyOfRange(s.toBytes(), 10, s.toBytes().length)).toString());
        va.add(tpk.verificationKey(s.index()).toString());
      }
      g.put("publicKey", Vectors.hex(tpk.toBytes()));
      ArrayNode tests = g.putArray("tests");
      PaillierEncryptor enc = PaillierEncryptor.create(RandomizerSource.standard(tpk.paillierKey(), rnd));
      BigInteger m = new BigInteger(2040, rnd);
      Ciphertext c = enc.encrypt(m);
      int nonceBits = ThresholdVectors.nonceBits(tpk);
      PartialDecryption[] pd = new PartialDecryption[W + 1];
      BigInteger[] nonces = new BigInteger[W + 1];
      for (int i = 1; i <= W; i++) {
        nonces[i] = new BigInteger(nonceBits, rnd);
        pd[i] = keys.share(i).partialDecrypt(c, ReplayRandom.ofBigInteger(nonces[i], nonceBits));
      }
      int[][] subsets = {{1, 2}, {2, 3}, {3, 1}};
      for (int[] set : subsets) {
        ObjectNode t = VectorFiles.newTest(tests, "parties " + set[0] + " and " + set[1], "Valid");
        t.put("c", c.value().toString());
        ArrayNode arr = t.putArray("partials");
        for (int i : set) {
          partialJson(arr, pd[i], nonces[i]);
        }
        t.put("m", m.toString());
        t.put("result", "valid");
      }
      rejected(tests, "party 1 alone", "TooFewShares", c, arr -> partialJson(arr, pd[1], nonces[1]));
      rejected(tests, "party 2 twice", "DuplicateShare", c, arr -> {
        partialJson(arr, pd[2], nonces[2]);
        partialJson(arr, pd[2], nonces[2]);
      });
      rejected(tests, "party 2's response z + 1", "BadProof", c, arr -> {
        partialJson(arr, pd[1], nonces[1]);
        partialJson(arr, pd[2], nonces[2]).put("response", pd[2].proofResponse().add(BigInteger.ONE).toString());
      });
      rejected(tests, "party 2's value times 4 with its original proof", "BadProof", c, arr -> {
        partialJson(arr, pd[1], nonces[1]);
        partialJson(arr, pd[2], nonces[2]).put("value", pd[2].value().shiftLeft(2).mod(n2).toString());
      });
      Ciphertext other = enc.encrypt(m);
      BigInteger r3 = new BigInteger(nonceBits, rnd);
      rejected(tests, "party 3's partial of another encryption of the same m", "BadProof", c, arr -> {
        partialJson(arr, pd[1], nonces[1]);
        partialJson(arr, keys.share(3).partialDecrypt(other, ReplayRandom.ofBigInteger(r3, nonceBits)), r3);
      });
      rejected(tests, "party index 4 of 3", "BadIndex", c, arr -> {
        partialJson(arr, pd[1], nonces[1]);
        partialJson(arr, pd[2], nonces[2]).put("index", 4);
      });
      return VectorFiles.finish(file);
    }

    /** A case the checker must reject: ciphertext {@code c} with the partials {@code partials} writes. */
    private static void rejected(ArrayNode tests, String comment, String flag, Ciphertext c,
        Consumer<ArrayNode> partials) {
      ObjectNode t = VectorFiles.newTest(tests, comment, flag);
      t.put("c", c.value().toString());
      partials.accept(t.putArray("partials"));
      t.put("error", "InvalidPartialDecryptionException");
      t.put("result", "invalid");
    }
  }
}
