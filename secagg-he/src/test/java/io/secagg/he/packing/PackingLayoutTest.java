package io.secagg.he.packing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.he.PlaintextOverflowException;
import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PackingLayoutTest {
  private static PackingLayout layout(int bits, int k, int guard, boolean signed) {
    return PackingLayout.builder().modulusBits(2048).valueBits(bits).maxSummands(k).guardBits(guard)
        .signed(signed).build();
  }

  @Test
  void slotWidthIsValueBitsPlusLogKPlusGuard() {
    PackingLayout l = layout(16, 100, 1, true);
    assertEquals(16 + 7 + 1, l.slotBits());
    assertEquals(2047 / 24, l.slotsPerCiphertext());
    assertEquals(16 + 0 + 0, layout(16, 1, 0, true).slotBits());
    assertEquals(16 + 1, layout(16, 2, 0, true).slotBits());
    assertEquals(16 + 2, layout(16, 3, 0, true).slotBits());
    assertEquals(2, l.ciphertextCount(86));
  }

  @Test
  void packsSlotZeroIntoTheLowBitsWithOffset() throws Exception {
    PackingLayout l = layout(8, 2, 0, true); // slot 9 bits, offset 128
    BigInteger m = l.pack(new long[] {-128, 1, 127}, 0, 3);
    assertEquals(BigInteger.valueOf(0 + (129L << 9) + (255L << 18)), m);
    long[] out = new long[3];
    l.unpack(m, 1, 3, out, 0);
    assertArrayEquals(new long[] {-128, 1, 127}, out);
  }

  @Test
  void rejectsValuesOutsideTheRange() {
    PackingLayout l = layout(8, 2, 0, true);
    assertThrows(IllegalArgumentException.class, () -> l.pack(new long[] {128}, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> l.pack(new long[] {-129}, 0, 1));
    PackingLayout u = layout(8, 2, 0, false);
    assertThrows(IllegalArgumentException.class, () -> u.pack(new long[] {-1}, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> u.pack(new long[] {256}, 0, 1));
  }

  @Test
  void unpackRejectsAnOverflowingSlotAnUnusedSlotAndHighBits() {
    PackingLayout l = layout(8, 4, 1, false); // slot 11 bits
    assertThrows(PlaintextOverflowException.class, () -> l.unpack(BigInteger.valueOf(256), 1, 1, new long[1], 0));
    assertThrows(PlaintextOverflowException.class,
        () -> l.unpack(BigInteger.ONE.shiftLeft(11), 1, 1, new long[1], 0));
    BigInteger high = BigInteger.ONE.shiftLeft(l.slotsPerCiphertext() * l.slotBits());
    assertThrows(PlaintextOverflowException.class, () -> l.unpack(high, 1, 1, new long[1], 0));
    assertThrows(IllegalArgumentException.class, () -> l.unpack(BigInteger.ONE, 5, 1, new long[1], 0));
  }

  @Test
  void builderRejectsBadFields() {
    assertThrows(IllegalArgumentException.class, () -> PackingLayout.builder().valueBits(0));
    assertThrows(IllegalArgumentException.class, () -> PackingLayout.builder().valueBits(33));
    assertThrows(IllegalArgumentException.class, () -> PackingLayout.builder().maxSummands(0));
    assertThrows(IllegalArgumentException.class, () -> PackingLayout.builder().guardBits(17));
    assertThrows(IllegalStateException.class, () -> PackingLayout.builder().valueBits(8).build());
    assertThrows(IllegalStateException.class,
        () -> PackingLayout.builder().modulusBits(64).valueBits(32).maxSummands(1 << 24).guardBits(16).build());
  }

  @Property(tries = 100)
  void sumsOfUpToKPackedVectorsUnpackToTheSums(
      @ForAll @IntRange(min = 1, max = 32) int bits, @ForAll @IntRange(min = 1, max = 300) int k,
      @ForAll @IntRange(min = 0, max = 3) int guard, @ForAll boolean signed, @ForAll long seed) throws Exception {
    PackingLayout l = layout(bits, k, guard, signed);
    Random r = new Random(seed);
    int count = 1 + r.nextInt(l.slotsPerCiphertext());
    int summands = 1 + r.nextInt(k);
    long[] expected = new long[count];
    BigInteger packed = BigInteger.ZERO;
    for (int s = 0; s < summands; s++) {
      long[] v = new long[count];
      for (int i = 0; i < count; i++) {
        // Extremes are the interesting cases: draw them often.
        int pick = r.nextInt(4);
        v[i] = pick == 0 ? l.minValue() : pick == 1 ? l.maxValue()
            : l.minValue() + (long) (r.nextDouble() * (l.maxValue() - l.minValue()));
        expected[i] += v[i];
      }
      packed = packed.add(l.pack(v, 0, count));
    }
    long[] out = new long[count];
    l.unpack(packed, summands, count, out, 0);
    assertArrayEquals(expected, out);
  }
}
