package io.secagg.vdaf;

/**
 * A report or aggregator message cannot be decoded: a length does not match the Prio3 instance
 * ({@link VdafException.Reason#WRONG_LENGTH}), a field element is not canonical
 * ({@link VdafException.Reason#NON_CANONICAL_FIELD_ELEMENT}), or a ping-pong message has an
 * unknown or unexpected type. Decoding checks every length before allocating anything.
 */
public final class MalformedMessageException extends VdafException {
  private static final long serialVersionUID = 1L;

  MalformedMessageException(Reason reason, String message) {
    super(reason, message);
  }

  static MalformedMessageException wrongLength(String what, int actual, int expected) {
    return new MalformedMessageException(
        Reason.WRONG_LENGTH, what + " has " + actual + " bytes, expected " + expected);
  }

  static MalformedMessageException nonCanonical(String what) {
    return new MalformedMessageException(
        Reason.NON_CANONICAL_FIELD_ELEMENT, what + " contains a field element not below the modulus");
  }
}
