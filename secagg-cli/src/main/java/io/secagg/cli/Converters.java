package io.secagg.cli;

import io.secagg.core.vector.Modulus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The option converters and checks that several subcommands share, so that a modulus, a
 * duration or a bad value is spelled and reported the same way everywhere.
 */
final class Converters {
  /** The longest duration any option accepts: longer waits are a typo, not a plan. */
  static final Duration MAX_DURATION = Duration.ofHours(24);

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Converters() {}

  /**
   * A usage error (exit code {@link Secagg#EXIT_USAGE}) with {@code message} unless {@code ok}.
   *
   * @throws ParameterException if {@code ok} is false
   */
  static void check(CommandSpec spec, boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /**
   * Parses a duration: a whole number with a unit, {@code 500ms}, {@code 30s}, {@code 2m} or
   * {@code 1h}, or an ISO-8601 duration such as {@code PT1M30S}.
   *
   * @throws IllegalArgumentException if the text is neither, or the duration is not in (0, 24 h]
   */
  static Duration duration(String text) {
    Duration d;
    Matcher m = SIMPLE_DURATION.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          d = Duration.ofMillis(n);
          break;
        case "s":
          d = Duration.ofSeconds(n);
          break;
        case "m":
          d = Duration.ofMinutes(n);
          break;
        default:
          d = Duration.ofHours(n);
          break;
      }
    } else {
      try {
        d = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not a duration (examples: 500ms, 30s, 2m, 1h, PT1M30S)");
      }
    }
    if (d.isZero() || d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("'" + text + "' is not a duration in (0, 24h]");
    }
    return d;
  }

  /** "120 s", "1.50 s", "500.0 ms": a duration as the reports print it. */
  static String format(Duration d) {
    if (d.toNanos() % 1_000_000_000L == 0) {
      return d.toSeconds() + " s";
    }
    return Units.duration(d.toNanos());
  }

  /** Parses --modulus with {@link Modulus#parse}, keeping its message for the user. */
  static final class ModulusConverter implements ITypeConverter<Modulus> {
    ModulusConverter() {}

    @Override
    public Modulus convert(String value) {
      try {
        return Modulus.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a supported modulus (" + e.getMessage() + ")");
      }
    }
  }

  /** Parses a duration option with {@link #duration}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    DurationConverter() {}

    @Override
    public Duration convert(String value) {
      try {
        return duration(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
