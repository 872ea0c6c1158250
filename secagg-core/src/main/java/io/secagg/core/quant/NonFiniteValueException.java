package io.secagg.core.quant;

/**
 * Thrown when a value to quantize is NaN or infinite. Such values are never clipped or replaced
 * silently: a NaN in a model update is a bug upstream that must surface.
 */
public final class NonFiniteValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int index;

  /**
   * @param index the first offending coordinate
   * @param value the offending value (NaN or an infinity; not secret)
   */
  public NonFiniteValueException(int index, double value) {
    super("input coordinate " + index + " is " + value + "; only finite values can be quantized");
    this.index = index;
  }

  /** The index of the first non-finite coordinate. */
  public int index() {
    return index;
  }
}
