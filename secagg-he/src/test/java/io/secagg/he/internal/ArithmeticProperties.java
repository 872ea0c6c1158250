package io.secagg.he.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ArithmeticProperties {
  private static final BigInteger MODULUS =
      BigInteger.probablePrime(512, new Random(1)).multiply(BigInteger.probablePrime(512, new Random(2)))
          .pow(2);
  private static final BarrettReducer REDUCER = new BarrettReducer(MODULUS);
  private static final BigInteger BASE = new BigInteger(2000, new Random(3)).mod(MODULUS);
  private static final FixedBaseTable TABLE = new FixedBaseTable(BASE, REDUCER, 300, 5);

  @Property(tries = 200)
  void barrettMultiplyEqualsMultiplyMod(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    BigInteger a = new BigInteger(MODULUS.bitLength() + 8, r).mod(MODULUS);
    BigInteger b = new BigInteger(MODULUS.bitLength() + 8, r).mod(MODULUS);
    assertEquals(a.multiply(b).mod(MODULUS), REDUCER.multiply(a, b));
  }

  @Property(tries = 100)
  void fixedBaseTableEqualsModPow(@ForAll @IntRange(min = 0, max = 300) int bits, @ForAll("seeds") long seed) {
    BigInteger e = new BigInteger(bits, new Random(seed));
    assertEquals(BASE.modPow(e, MODULUS), TABLE.pow(e));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Long> seeds() {
    return net.jqwik.api.Arbitraries.longs();
  }
}
