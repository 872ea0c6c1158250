package io.secagg.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerAborted;
import io.secagg.core.protocol.server.ServerCompleted;
import io.secagg.core.protocol.server.ServerMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ServerMachine.clientLeft}: a client the transport reports gone is never waited for, so a
 * session whose every other client answers closes each round without {@code advance()} (the
 * deadline); what the client already contributed stands.
 */
class ClientLeftTest {
  /** Runs the harness to the end and fails if the session ever needs a deadline to move on. */
  private static void runWithoutDeadlines(Harness h) {
    while (!h.server.state().isTerminal()) {
      if (!h.step()) {
        throw new AssertionError("the session waits for a deadline in " + h.server.state());
      }
    }
  }

  /** Hands the server every queued client message, delivering nothing to the clients. */
  private static void serverTakesQueuedAnswers(Harness h) {
    while (!h.toServer.isEmpty()) {
      Object[] m = h.toServer.poll();
      h.enqueue(h.server.handle((Integer) m[0], (ClientMessage) m[1]));
    }
  }

  private static ServerCompleted completed(Harness h) {
    return assertInstanceOf(ServerCompleted.class, h.server.state(), () -> "not completed: " + h.server.state());
  }

  /** A started semi-honest complete-graph session whose round-{@code round} requests are queued. */
  private static Harness semiHonestAt(int n, int t, long seed, Round round) {
    Harness h = Harness.create(Harness.complete(n, t), SecurityMode.SEMI_HONEST, n, seed);
    h.start();
    h.runUntilRequestsOf(round);
    return h;
  }

  /** Client {@code id} never sees its queued request: the transport reports it gone. */
  private static void leavesUnanswered(Harness h, int id, LeaveReason reason) {
    h.take(id);
    h.enqueue(h.server.clientLeft(id, reason));
  }

  @Test
  void aClientThatLeavesBeforeItsMaskedInputCostsNoDeadline() {
    Harness h = semiHonestAt(6, 3, 70, Round.MASKED_INPUT_COLLECTION);
    leavesUnanswered(h, 4, LeaveReason.CONNECTION_CLOSED);
    runWithoutDeadlines(h);
    assertOutcome(h, completed(h), List.of(1, 2, 3, 5, 6),
        Dropout.disconnected(4, Round.MASKED_INPUT_COLLECTION, LeaveReason.CONNECTION_CLOSED));
  }

  @Test
  void theLastAwaitedClientLeavingClosesTheRoundAtOnce() {
    Harness h = semiHonestAt(5, 3, 71, Round.SHARE_KEYS);
    h.take(2);
    while (h.step()) {
      // Every other client answers round 1; the server still waits for client 2.
    }
    assertEquals(Round.SHARE_KEYS, h.server.round());
    h.enqueue(h.server.clientLeft(2, LeaveReason.STREAM_CANCELLED));
    assertEquals(Round.MASKED_INPUT_COLLECTION, h.server.round(), "the round closed when its last client left");
    runWithoutDeadlines(h);
    assertOutcome(h, completed(h), List.of(1, 3, 4, 5),
        Dropout.disconnected(2, Round.SHARE_KEYS, LeaveReason.STREAM_CANCELLED));
  }

  /**
   * Starts the session, lets client {@code id} alone answer the requests of {@code round}, then
   * reports it gone (nothing reaches it any more) and runs the rest without deadlines.
   */
  private static ServerCompleted leavesAfterAnswering(Harness h, Round round, int id, LeaveReason reason) {
    h.start();
    h.runUntilRequestsOf(round);
    h.deliver(id, h.take(id));
    serverTakesQueuedAnswers(h);
    h.enqueue(h.server.clientLeft(id, reason));
    h.offline.add(id);
    runWithoutDeadlines(h);
    return completed(h);
  }

  private static void assertOutcome(Harness h, ServerCompleted done, List<Integer> included, Dropout... dropouts) {
    assertEquals(included, done.result().includedClients());
    assertEquals(h.plaintextSum(included), done.result().sum());
    assertEquals(List.of(dropouts), done.result().dropouts());
  }

  @Test
  void aClientThatLeavesAfterItsMaskedInputStaysInTheSumAndIsNotAskedToUnmask() {
    Harness h = Harness.create(Harness.complete(6, 3), SecurityMode.SEMI_HONEST, 6, 72);
    ServerCompleted done = leavesAfterAnswering(h, Round.MASKED_INPUT_COLLECTION, 5, LeaveReason.CONNECTION_CLOSED);
    assertOutcome(h, done, List.of(1, 2, 3, 4, 5, 6),
        Dropout.disconnected(5, Round.UNMASKING, LeaveReason.CONNECTION_CLOSED));
    assertTrue(h.sentBy.get(5).stream().noneMatch(m -> m instanceof UnmaskingResponse));
  }

  @Test
  void aClientThatLeftInRoundZeroAfterAnsweringIsReleasedWhenRoundOneOpens() {
    Harness h = Harness.create(Harness.complete(5, 2), SecurityMode.SEMI_HONEST, 5, 73);
    ServerCompleted done = leavesAfterAnswering(h, Round.ADVERTISE_KEYS, 3, LeaveReason.EXPLICIT_LEAVE);
    assertOutcome(h, done, List.of(1, 2, 4, 5), Dropout.disconnected(3, Round.SHARE_KEYS, LeaveReason.EXPLICIT_LEAVE));
  }

  @Test
  void aSignerThatLeavesIsNotCountedOnForUnmaskingInMaliciousMode() {
    Harness h = Harness.create(Harness.complete(7, 4), SecurityMode.MALICIOUS, 7, 74);
    ServerCompleted done = leavesAfterAnswering(h, Round.CONSISTENCY_CHECK, 6, LeaveReason.CONNECTION_CLOSED);
    assertOutcome(h, done, List.of(1, 2, 3, 4, 5, 6, 7),
        Dropout.disconnected(6, Round.UNMASKING, LeaveReason.CONNECTION_CLOSED));
  }

  @Test
  void tooManyDeparturesAbortBeforeAnyoneRevealsAShare() {
    Harness h = semiHonestAt(5, 3, 75, Round.MASKED_INPUT_COLLECTION);
    leavesUnanswered(h, 1, LeaveReason.CONNECTION_CLOSED);
    leavesUnanswered(h, 2, LeaveReason.CONNECTION_CLOSED);
    h.deliver(3, h.take(3));
    serverTakesQueuedAnswers(h);
    h.enqueue(h.server.clientLeft(3, LeaveReason.CONNECTION_CLOSED));
    runWithoutDeadlines(h);
    ServerAborted aborted = assertInstanceOf(ServerAborted.class, h.server.state());
    assertEquals(AbortReason.TOO_FEW_SURVIVORS, aborted.reason());
    for (int id = 1; id <= 5; id++) {
      assertTrue(h.sentBy.get(id).stream().noneMatch(m -> m instanceof UnmaskingResponse), "client " + id);
    }
  }

  @Test
  void anAbortNotifiesTheClientsStillExpectedButNoneThatDeparted() {
    Harness h = semiHonestAt(5, 3, 77, Round.MASKED_INPUT_COLLECTION);
    h.deliver(4, h.take(4));
    h.deliver(5, h.take(5));
    serverTakesQueuedAnswers(h);
    List<AddressedMessage> sent = new java.util.ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      h.take(id);
      sent.addAll(h.server.clientLeft(id, LeaveReason.CONNECTION_CLOSED).messages());
    }
    ServerAborted aborted = assertInstanceOf(ServerAborted.class, h.server.state());
    assertEquals(AbortReason.TOO_FEW_SURVIVORS, aborted.reason());
    assertEquals(List.of(4, 5), sent.stream().map(AddressedMessage::clientId).toList(),
        "one AbortNotice to each client the closing round expects, none to a departed one");
    assertTrue(sent.stream().allMatch(m -> m.message() instanceof ServerAbort));
  }

  @Test
  void departuresOfUnknownExcludedOrRepeatedClientsAndAfterTheEndAreIgnored() {
    Harness h = Harness.create(Harness.complete(4, 2), SecurityMode.SEMI_HONEST, 4, 76);
    ServerMachine server = h.server;
    assertThrows(IllegalStateException.class, () -> server.clientLeft(1, LeaveReason.CONNECTION_CLOSED));
    h.start();
    assertThrows(NullPointerException.class, () -> server.clientLeft(1, null));
    assertTrue(server.clientLeft(0, LeaveReason.CONNECTION_CLOSED).messages().isEmpty());
    assertTrue(server.clientLeft(5, LeaveReason.CONNECTION_CLOSED).messages().isEmpty());
    h.take(2);
    h.enqueue(server.clientLeft(2, LeaveReason.CONNECTION_CLOSED));
    h.enqueue(server.clientLeft(2, LeaveReason.EXPLICIT_LEAVE));
    runWithoutDeadlines(h);
    ServerCompleted done = completed(h);
    assertEquals(List.of(Dropout.disconnected(2, Round.ADVERTISE_KEYS, LeaveReason.CONNECTION_CLOSED)),
        done.result().dropouts());
    assertTrue(server.clientLeft(1, LeaveReason.CONNECTION_CLOSED).messages().isEmpty());
    assertEquals(done, server.state());
  }

  @Test
  void aDisconnectedDropoutCarriesItsLeaveReason() {
    Dropout d = Dropout.disconnected(3, Round.UNMASKING, LeaveReason.STREAM_CANCELLED);
    assertEquals(Dropout.Cause.DISCONNECTED, d.cause());
    assertEquals(LeaveReason.STREAM_CANCELLED, d.leaveReason());
    assertEquals(null, d.violation());
    assertThrows(IllegalArgumentException.class,
        () -> new Dropout(3, Round.UNMASKING, Dropout.Cause.DISCONNECTED, null));
    assertThrows(NullPointerException.class, () -> Dropout.disconnected(3, Round.UNMASKING, null));
  }
}
