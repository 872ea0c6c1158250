package io.secagg.core.testing;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The checks every decoder's fuzz target makes, written once: the decoder lets only its
 * documented checked rejection out, and what it accepts survives re-encoding (byte for byte for
 * canonical formats, as an equal value for the others). A target that finds a problem throws
 * {@link AssertionError}; any undocumented exception of the decoder propagates unchanged, so
 * Jazzer and {@link UntrustedInputSurface#runMalformed} report it as it was thrown. Shipped in
 * secagg-core's test-jar for every module's fuzz tests.
 */
public final class FuzzChecks {
  private FuzzChecks() {}

  /**
   * A decoder of untrusted bytes.
   *
   * @param <T> what it decodes to
   * @param <X> its documented checked rejection
   */
  @FunctionalInterface
  public interface Decoder<T, X extends Exception> {
    /** Decodes {@code input}, or rejects it with an {@code X}. */
    T decode(byte[] input) throws X;
  }

  /**
   * What {@code decode} accepts from {@code input}, or {@code null} if it rejected it with a
   * {@code rejection}.
   */
  public static <T, X extends Exception> T acceptedOrNull(
      byte[] input, Class<X> rejection, Decoder<T, X> decode) {
    try {
      return decode.decode(input);
    } catch (Exception e) {
      if (rejection.isInstance(e)) {
        return null;
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      // Unreachable unless a decoder throws a checked exception it does not declare.
      throw new AssertionError("undeclared checked exception from a decoder", e);
    }
  }

  /**
   * The target of a canonical format: if {@code decode} accepts {@code input}, {@code encode}
   * must give back exactly {@code input}.
   *
   * @param what the thing decoded, for the failure message (e.g. {@code "share"})
   * @return the accepted value, or {@code null} if it was rejected
   */
  public static <T, X extends Exception> T canonical(
      byte[] input, Class<X> rejection, Decoder<T, X> decode, Function<T, byte[]> encode, String what) {
    T value = acceptedOrNull(input, rejection, decode);
    if (value != null && !Arrays.equals(encode.apply(value), input)) {
      throw new AssertionError("an accepted " + what + " does not re-encode to itself");
    }
    return value;
  }

  /**
   * The target of a format that need not be canonical: if {@code decode} accepts {@code input},
   * it must accept the encoding of what it decoded and decode it to an equal value.
   *
   * @param what the thing decoded, for the failure message (e.g. {@code "client envelope"})
   */
  public static <T, X extends Exception> void roundTrips(
      byte[] input, Class<X> rejection, Decoder<T, X> decode, Function<T, byte[]> encode, String what) {
    T value = acceptedOrNull(input, rejection, decode);
    if (value == null) {
      return;
    }
    T again = acceptedOrNull(encode.apply(value), rejection, decode);
    if (again == null) {
      throw new AssertionError("the encoding of an accepted " + what + " is rejected");
    }
    if (!again.equals(value)) {
      throw new AssertionError("a " + what + " changed in a round trip");
    }
  }
}
