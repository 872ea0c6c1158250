package io.secagg.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secagg.core.protocol.LeaveReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryNetworkTest {
  @Test
  void movesFramesAndCountsBytesBothWays() throws Exception {
    InMemoryNetwork net = new InMemoryNetwork(3);
    net.serverEndpoint().send(2, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, net.clientEndpoint(2).receive(Duration.ZERO));
    net.clientEndpoint(3).send(new byte[] {9});
    InboundFrame in = net.serverEndpoint().receive(Duration.ZERO);
    assertEquals(3, in.clientId());
    assertArrayEquals(new byte[] {9}, in.frame());
    assertEquals(3, net.serverBytesSent());
    assertEquals(1, net.serverBytesReceived());
    assertEquals(3, net.clientBytesReceived(2));
    assertEquals(1, net.clientBytesSent(3));
    assertNull(net.serverEndpoint().receive(Duration.ZERO));
  }

  @Test
  void aDisconnectedClientNeitherSendsNorReceivesAndTheServerIsToldOnce() throws Exception {
    InMemoryNetwork net = new InMemoryNetwork(2);
    net.clientEndpoint(1).send(new byte[] {1});
    net.disconnect(1);
    net.disconnect(1, LeaveReason.EXPLICIT_LEAVE);
    InboundFrame left = net.serverEndpoint().receive(Duration.ZERO);
    assertTrue(left.isDeparture());
    assertEquals(1, left.clientId());
    assertEquals(LeaveReason.CONNECTION_CLOSED, left.leaveReason());
    assertThrows(IllegalStateException.class, left::frame);
    assertNull(net.serverEndpoint().receive(Duration.ZERO));
    net.serverEndpoint().send(1, new byte[] {2});
    assertNull(net.clientEndpoint(1).receive(Duration.ZERO));
    net.clientEndpoint(1).send(new byte[] {3});
    assertNull(net.serverEndpoint().receive(Duration.ZERO));
    assertEquals(1, net.serverBytesSent());
    assertEquals(0, net.clientBytesReceived(1));
  }

  @Test
  void aSilentlyDisconnectedClientVanishesWithoutTheServerBeingTold() throws Exception {
    InMemoryNetwork net = new InMemoryNetwork(2);
    net.clientEndpoint(2).send(new byte[] {1});
    net.disconnectSilently(2);
    assertTrue(net.isDisconnected(2));
    net.clientEndpoint(2).send(new byte[] {2});
    assertNull(net.serverEndpoint().receive(Duration.ZERO));
    net.disconnect(2); // already cut off: nothing more to report
    assertNull(net.serverEndpoint().receive(Duration.ZERO));
  }

  @Test
  void aFrameIsNotADeparture() throws Exception {
    InboundFrame f = new InboundFrame(1, new byte[] {7});
    assertFalse(f.isDeparture());
    assertThrows(IllegalStateException.class, f::leaveReason);
    assertThrows(NullPointerException.class, () -> InboundFrame.clientLeft(1, null));
    assertThrows(NullPointerException.class, () -> new InMemoryNetwork(2).disconnect(1, null));
  }

  @Test
  void rejectsClientIdsOutsideTheNetwork() {
    InMemoryNetwork net = new InMemoryNetwork(2);
    assertThrows(IllegalArgumentException.class, () -> net.clientEndpoint(0));
    assertThrows(IllegalArgumentException.class, () -> net.clientEndpoint(3));
    assertThrows(IllegalArgumentException.class, () -> net.serverEndpoint().send(3, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new InMemoryNetwork(0));
    assertThrows(IllegalArgumentException.class, () -> new InMemoryNetwork(2).disconnect(3));
    assertThrows(IllegalArgumentException.class, () -> new InMemoryNetwork(2).disconnectSilently(0));
  }
}
