package io.secagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
  private static void feed(ProgressDisplay d) {
    d.phaseStarted("ADVERTISE_KEYS", 3);
    d.participantDone("ADVERTISE_KEYS", 1, 3);
    d.answerReceived("ADVERTISE_KEYS", 1);
    d.participantDone("ADVERTISE_KEYS", 2, 3);
    d.participantDone("ADVERTISE_KEYS", 3, 3);
    d.answerReceived("ADVERTISE_KEYS", 2);
    d.phaseStarted("SHARE_KEYS", 2);
    d.participantDone("SHARE_KEYS", 1, 2);
  }

  /** What a display of {@code style} writes for {@link #feed}'s events, closed after them. */
  private static String fed(ProgressDisplay.Style style) {
    StringWriter w = new StringWriter();
    try (ProgressDisplay d = new ProgressDisplay(style, new PrintWriter(w), 4)) {
      feed(d);
    }
    return w.toString();
  }

  @Test
  void plainStyleWritesAStartAndAnEndLinePerPhase() {
    String out = fed(ProgressDisplay.Style.PLAIN);
    String[] lines = out.split("\n");
    assertEquals(4, lines.length, out);
    assertEquals("[1/4] ADVERTISE_KEYS: request sent to 3 clients", lines[0]);
    assertTrue(lines[1].startsWith("[1/4] ADVERTISE_KEYS: 3/3 clients done, 2 answers, "), lines[1]);
    assertEquals("[2/4] SHARE_KEYS: request sent to 2 clients", lines[2]);
    assertTrue(lines[3].startsWith("[2/4] SHARE_KEYS: 1/2 clients done, 0 answers, "), lines[3]);
  }

  @Test
  void liveStyleEndsEachPhaseLineOnce() {
    String out = fed(ProgressDisplay.Style.LIVE);
    String[] lines = out.split("\n");
    assertEquals(2, lines.length, out);
    assertTrue(lines[0].matches(
        "(\r[^\r]*)*\r\\[1/4] ADVERTISE_KEYS +clients 3/3  answers 2  [0-9.]+ m?s\u001b\\[K"), lines[0]);
    assertTrue(lines[1].contains("[2/4] SHARE_KEYS"), lines[1]);
  }

  @Test
  void quietStyleWritesNothing() {
    StringWriter w = new StringWriter();
    ProgressDisplay d = new ProgressDisplay(ProgressDisplay.Style.QUIET, new PrintWriter(w), 4);
    feed(d);
    d.close();
    d.close();
    assertEquals("", w.toString());
  }

  @Test
  void eventsOfAnotherRoundDoNotCount() {
    StringWriter w = new StringWriter();
    try (ProgressDisplay d = new ProgressDisplay(ProgressDisplay.Style.PLAIN, new PrintWriter(w), 4)) {
      d.phaseStarted("SHARE_KEYS", 5);
      d.participantDone("ADVERTISE_KEYS", 4, 5);
      d.answerReceived("ADVERTISE_KEYS", 4);
    }
    assertTrue(w.toString().contains("SHARE_KEYS: 0/5 clients done, 0 answers"), w::toString);
  }
}
