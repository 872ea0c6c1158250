package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvertersTest {
  @Test
  void parsesDurationsWithUnitsAndIso8601() {
    assertEquals(Duration.ofMillis(500), Converters.duration("500ms"));
    assertEquals(Duration.ofSeconds(120), Converters.duration("120s"));
    assertEquals(Duration.ofMinutes(2), Converters.duration("2m"));
    assertEquals(Duration.ofHours(1), Converters.duration("1h"));
    assertEquals(Duration.ofSeconds(90), Converters.duration("PT1M30S"));
    assertEquals(Duration.ofSeconds(90), Converters.duration("pt1m30s"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "s", "-1s", "0s", "1.5s", "25h", "P2D", "10 s", "1d"})
  void rejectsMalformedZeroAndTooLongDurations(String text) {
    assertThrows(IllegalArgumentException.class, () -> Converters.duration(text));
  }
}
