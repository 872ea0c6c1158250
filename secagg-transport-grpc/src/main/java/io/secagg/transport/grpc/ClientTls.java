package io.secagg.transport.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;
import io.secagg.transport.grpc.internal.PemFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The client's TLS material: the authority it trusts to certify the server and, for mutual TLS,
 * its own certificate and key. Immutable; files are read and checked when the object is made,
 * and the private key is never printed.
 *
 * <p>The server's certificate must name the host the client connects to (DNS name or IP
 * address), checked by the TLS stack.
 */
public final class ClientTls {
  private final byte[] trustedCa;
  private final byte[] chain; // null without a client certificate
  private final byte[] key;
  private final String subject;

  private ClientTls(byte[] trustedCa, byte[] chain, byte[] key, String subject) {
    this.trustedCa = trustedCa;
    this.chain = chain;
    this.key = key;
    this.subject = subject;
  }

  /**
   * Trusts the authority (or authorities) in {@code trustedCaPem} to certify the server.
   *
   * @throws NullPointerException if the path is null
   * @throws IOException if the file is unreadable or holds no PEM certificate
   */
  public static ClientTls trusting(Path trustedCaPem) throws IOException {
    Objects.requireNonNull(trustedCaPem, "trustedCaPem");
    byte[] ca = PemFiles.read(trustedCaPem);
    PemFiles.certificates(ca, trustedCaPem);
    return new ClientTls(ca, null, null, null);
  }

  /**
   * The same trust, presenting a client certificate (mutual TLS). Returns a new instance.
   *
   * @throws NullPointerException if an argument is null
   * @throws IOException if a file is unreadable or not valid PEM of the expected kind, or the key
   *     is not the certificate's
   */
  public ClientTls withClientCertificate(Path certificateChainPem, Path privateKeyPkcs8Pem) throws IOException {
    Objects.requireNonNull(certificateChainPem, "certificateChainPem");
    Objects.requireNonNull(privateKeyPkcs8Pem, "privateKeyPkcs8Pem");
    byte[] c = PemFiles.read(certificateChainPem);
    X509Certificate leaf = PemFiles.certificates(c, certificateChainPem).get(0);
    byte[] k = PemFiles.read(privateKeyPkcs8Pem);
    PemFiles.checkKeyPair(k, privateKeyPkcs8Pem, leaf, certificateChainPem);
    return new ClientTls(trustedCa, c, k, leaf.getSubjectX500Principal().getName());
  }

  /** True iff a client certificate is configured. */
  public boolean hasClientCertificate() {
    return chain != null;
  }

  /** The grpc-java credentials (internal use). */
  ChannelCredentials credentials() throws IOException {
    TlsChannelCredentials.Builder b =
        TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(trustedCa));
    if (chain != null) {
      b.keyManager(new ByteArrayInputStream(chain), new ByteArrayInputStream(key));
    }
    return b.build();
  }

  /** The client certificate's subject, if any; never the key. */
  @Override
  public String toString() {
    return "ClientTls[" + (subject == null ? "no client certificate" : subject) + "]";
  }
}
