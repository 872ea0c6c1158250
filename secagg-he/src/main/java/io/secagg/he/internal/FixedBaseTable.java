package io.secagg.he.internal;

import java.math.BigInteger;

/**
 * Fixed-base windowed exponentiation: {@code base^e mod m} for exponents below {@code 2^bits}
 * with no squarings at all.
 *
 * <p>Row {@code i} holds {@code base^(j * 2^(w*i))} for {@code j = 1 .. 2^w - 1}, so an
 * exponent's {@code w}-bit digits select one entry per row and the result is the product of at
 * most {@code ceil(bits / w)} entries. Memory: {@code ceil(bits/w) * (2^w - 1)} residues.
 */
public final class FixedBaseTable {
  private final BarrettReducer reducer;
  private final int window;
  private final int exponentBits;
  private final BigInteger[][] rows;

  /**
   * Builds the table (cost: about {@code rows * 2^w} modular multiplications).
   *
   * @param base the fixed base, {@code 0 < base < m}
   * @param reducer reduction modulo {@code m}
   * @param exponentBits largest exponent length served, {@code >= 1}
   * @param window digit width {@code w} in bits, 1 to 12
   */
  public FixedBaseTable(BigInteger base, BarrettReducer reducer, int exponentBits, int window) {
    if (window < 1 || window > 12) {
      throw new IllegalArgumentException("window must be 1..12 bits, got " + window);
    }
    if (exponentBits < 1) {
      throw new IllegalArgumentException("exponentBits must be positive");
    }
    this.reducer = reducer;
    this.window = window;
    this.exponentBits = exponentBits;
    int rowCount = (exponentBits + window - 1) / window;
    int width = (1 << window) - 1;
    rows = new BigInteger[rowCount][width];
    BigInteger rowBase = base;
    for (int i = 0; i < rowCount; i++) {
      BigInteger[] row = rows[i];
      row[0] = rowBase;
      for (int j = 1; j < width; j++) {
        row[j] = reducer.multiply(row[j - 1], rowBase);
      }
      // base^(2^(w*(i+1))) = base^((2^w - 1) 2^(w i)) * base^(2^(w i)).
      rowBase = reducer.multiply(row[width - 1], rowBase);
    }
  }

  /** The largest exponent length in bits this table serves. */
  public int exponentBits() {
    return exponentBits;
  }

  /**
   * {@code base^e mod m}.
   *
   * @param e an exponent with {@code 0 <= e < 2^exponentBits}
   */
  public BigInteger pow(BigInteger e) {
    if (e.signum() < 0 || e.bitLength() > exponentBits) {
      throw new IllegalArgumentException("exponent out of the table's range");
    }
    BigInteger acc = null;
    int mask = (1 << window) - 1;
    for (int i = 0; i < rows.length; i++) {
      int digit = digit(e, i * window, mask);
      if (digit != 0) {
        BigInteger entry = rows[i][digit - 1];
        acc = acc == null ? entry : reducer.multiply(acc, entry);
      }
    }
    return acc == null ? BigInteger.ONE : acc;
  }

  private static int digit(BigInteger e, int from, int mask) {
    // testBit per bit is cheap compared with one 4096-bit multiplication per row.
    int d = 0;
    for (int b = Integer.bitCount(mask) - 1; b >= 0; b--) {
      d = (d << 1) | (e.testBit(from + b) ? 1 : 0);
    }
    return d & mask;
  }
}
