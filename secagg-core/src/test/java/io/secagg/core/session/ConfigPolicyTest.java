package io.secagg.core.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.vector.Modulus;
import org.junit.jupiter.api.Test;

class ConfigPolicyTest {
  private static final Modulus M = Modulus.powerOfTwo(32);

  private static SecAggConfig config(int n, int t) {
    return SecAggConfig.builder().clientCount(n).threshold(t).vectorLength(10).modulus(M)
        .context(new byte[] {1, 2}).completeGraph().build();
  }

  @Test
  void defaultsAcceptMajorityThreshold() {
    assertDoesNotThrow(() -> ConfigPolicy.defaults().check(config(5, 3)));
  }

  @Test
  void defaultsRejectMinorityThreshold() {
    assertThrows(ConfigRejectedException.class, () -> ConfigPolicy.defaults().check(config(5, 2)));
    assertDoesNotThrow(() -> ConfigPolicy.builder().requireMajorityThreshold(false).build().check(config(5, 2)));
  }

  @Test
  void rejectsTooFewOrTooManyClients() {
    assertThrows(ConfigRejectedException.class, () -> ConfigPolicy.builder().minClients(6).build().check(config(5, 3)));
    assertThrows(ConfigRejectedException.class, () -> ConfigPolicy.builder().maxClients(4).build().check(config(5, 3)));
  }

  @Test
  void rejectsUnexpectedParameters() {
    assertThrows(ConfigRejectedException.class, () -> ConfigPolicy.builder().vectorLength(11).build().check(config(5, 3)));
    assertThrows(ConfigRejectedException.class,
        () -> ConfigPolicy.builder().modulus(Modulus.powerOfTwo(16)).build().check(config(5, 3)));
    assertThrows(ConfigRejectedException.class,
        () -> ConfigPolicy.builder().context(new byte[] {1, 3}).build().check(config(5, 3)));
    assertThrows(ConfigRejectedException.class,
        () -> ConfigPolicy.builder().securityMode(SecurityMode.MALICIOUS).build().check(config(5, 3)));
    assertDoesNotThrow(() -> ConfigPolicy.builder().vectorLength(10).modulus(M).context(new byte[] {1, 2})
        .securityMode(SecurityMode.SEMI_HONEST).build().check(config(5, 3)));
  }

  @Test
  void builderValidatesAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> ConfigPolicy.builder().minClients(2));
    assertThrows(IllegalArgumentException.class, () -> ConfigPolicy.builder().maxClients(SecAggConfig.MAX_CLIENTS + 1));
    assertThrows(IllegalArgumentException.class, () -> ConfigPolicy.builder().vectorLength(0));
    assertThrows(IllegalStateException.class, () -> ConfigPolicy.builder().minClients(10).maxClients(5).build());
  }
}
