package io.secagg.core.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void aDisconnectedClientNeitherSendsNorReceives() throws Exception {
    InMemoryNetwork net = new InMemoryNetwork(2);
    net.clientEndpoint(1).send(new byte[] {1});
    net.disconnect(1);
    assertNull(net.serverEndpoint().receive(Duration.ZERO));
    net.serverEndpoint().send(1, new byte[] {2});
    assertNull(net.clientEndpoint(1).receive(Duration.ZERO));
    net.clientEndpoint(1).send(new byte[] {3});
    assertNull(net.serverEndpoint().receive(Duration.ZERO));
    assertEquals(1, net.serverBytesSent());
    assertEquals(0, net.clientBytesReceived(1));
  }

  @Test
  void rejectsClientIdsOutsideTheNetwork() {
    InMemoryNetwork net = new InMemoryNetwork(2);
    assertThrows(IllegalArgumentException.class, () -> net.clientEndpoint(0));
    assertThrows(IllegalArgumentException.class, () -> net.clientEndpoint(3));
    assertThrows(IllegalArgumentException.class, () -> net.serverEndpoint().send(3, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> new InMemoryNetwork(0));
  }
}
