package io.secagg.transport.grpc;

import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.session.GroupOutcome;


/**
 * Observes a {@link SecAggGrpcServer}: every method has a no-op default. Methods are called from
 * gRPC and driver threads, possibly concurrently, and must return quickly and not throw (a
 * throwing listener is ignored).
 */
public interface ServerListener {
  /**
   * A participant's Hello was accepted (a first join or a resumption).
   *
   * @param participant the global participant id
   * @param group its group index
   * @param clientId its id inside the group's session
   */
  default void participantConnected(int participant, int group, int clientId) {}

  /**
   * A participant's stream ended before its group's session did (it may resume within the
   * resume grace).
   *
   * @param participant the global participant id
   */
  default void participantDisconnected(int participant) {}

  /**
   * The server refused a stream, or closed it for breaking a rule of the session protocol
   * ({@code spec/transport.md}, sections 7.3 and 7.8): an unknown participant, a certificate
   * that names another participant, a second join, a malformed message, no Hello within the
   * hello timeout. Not called for "no round is open" (the client retries) nor for a stream that
   * its own resumption replaced.
   *
   * @param participant the participant the stream named (by its Hello or its certificate), 0 if
   *     none is known
   * @param status the gRPC status code sent to the client, for example {@code PERMISSION_DENIED}
   * @param reason the rule that failed, in plain words (public information only)
   */
  default void streamRefused(int participant, String status, String reason) {}

  /**
   * A TLS handshake failed because the server did not accept the client's certificate (mutual
   * TLS): it does not chain to the client authority, or it is outside its validity period. A
   * client that presents no certificate at all is refused by the TLS library before any
   * certificate check, so it is not reported here.
   *
   * @param participant the participant the refused certificate names, 0 if it names none;
   *     unverified, since the certificate failed the check
   * @param reason in plain words, followed by the certificate library's text
   */
  default void clientCertificateRefused(int participant, String reason) {}

  /**
   * A participant was reported gone to its group's session, which no longer waits for it: its
   * stream ended in order ({@link LeaveReason#EXPLICIT_LEAVE}: it finished, or declined), or broke
   * and was not resumed within the resume grace ({@link LeaveReason#STREAM_CANCELLED}).
   *
   * @param participant the global participant id
   * @param reason how it left
   */
  default void participantLeft(int participant, LeaveReason reason) {}

  /**
   * A group's session ended (completed or aborted).
   *
   * @param outcome what the group's session produced
   */
  default void groupFinished(GroupOutcome outcome) {}
}
