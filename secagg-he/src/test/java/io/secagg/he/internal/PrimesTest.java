package io.secagg.he.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.testvectors.Vectors;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimesTest {
  private final SecureRandom random = DeterministicRandom.forTestVectorsOnly(7);

  @Test
  void classifiesEveryWycheproofPrimalityVector() {
    JsonNode file = Vectors.read(Vectors.wycheproofFile("primality_test.json"));
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (JsonNode group : file.get("testGroups")) {
      for (JsonNode test : group.get("tests")) {
        String result = test.get("result").asText();
        // Wycheproof encodes the value as big-endian two's complement hex.
        BigInteger value = new BigInteger(HexFormat.of().parseHex(test.get("value").asText()));
        // 24 random-base rounds (error <= 2^-48 per composite) keep this test fast; the
        // algorithm is the production one, which uses 64.
        boolean prime = Primes.isProbablePrime(value, 24, random);
        if (result.equals("valid") && !prime || result.equals("invalid") && prime) {
          failures.add("tcId " + test.get("tcId").asInt() + " " + test.get("flags"));
        }
        checked++;
      }
    }
    assertTrue(checked > 300, "expected the whole file, got " + checked);
    assertTrue(failures.isEmpty(), "misclassified: " + failures);
  }

  @Test
  void rejectsNegativeZeroAndOne() {
    assertFalse(Primes.isProbablePrime(BigInteger.valueOf(-7), random));
    assertFalse(Primes.isProbablePrime(BigInteger.ZERO, random));
    assertFalse(Primes.isProbablePrime(BigInteger.ONE, random));
    assertTrue(Primes.isProbablePrime(BigInteger.TWO, random));
  }

  @Test
  void randomPrimeHasExactLengthAndBothTopBits() {
    for (int bits : new int[] {64, 256, 512}) {
      BigInteger p = Primes.randomPrime(bits, random);
      assertEquals(bits, p.bitLength());
      assertTrue(p.testBit(bits - 2));
      assertTrue(p.isProbablePrime(64));
    }
  }

  @Test
  void randomSafePrimeIsSafe() {
    BigInteger p = Primes.randomSafePrime(128, random);
    assertEquals(128, p.bitLength());
    assertTrue(p.isProbablePrime(64));
    assertTrue(p.shiftRight(1).isProbablePrime(64));
    assertTrue(Primes.isSafePrime(p, random));
    assertFalse(Primes.isSafePrime(BigInteger.valueOf(13), random)); // (13-1)/2 = 6
  }

  @Test
  void uniformBelowStaysBelowItsBound() {
    BigInteger bound = BigInteger.valueOf(1000);
    for (int i = 0; i < 200; i++) {
      BigInteger r = Primes.uniformBelow(bound, random);
      assertTrue(r.signum() >= 0 && r.compareTo(bound) < 0);
    }
  }
}
