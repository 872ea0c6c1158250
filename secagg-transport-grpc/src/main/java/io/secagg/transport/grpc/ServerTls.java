package io.secagg.transport.grpc;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.secagg.transport.grpc.internal.PemFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The server's TLS material. TLS is mandatory: there is no plaintext mode. Immutable; the files
 * are read and checked when the object is made, and the private key is never printed.
 *
 * <p>With {@link #requireClientCertificates(Path)} (mutual TLS), every client must present a
 * certificate issued by the given authority, and the server takes the participant's id from the
 * certificate's {@code urn:secagg:participant:<id>} name, never from what the client claims.
 */
public final class ServerTls {
  private final byte[] chain;
  private final byte[] key;
  private final byte[] trustedClientCa; // null without mutual TLS
  private final String subject;

  private ServerTls(byte[] chain, byte[] key, byte[] trustedClientCa, String subject) {
    this.chain = chain;
    this.key = key;
    this.trustedClientCa = trustedClientCa;
    this.subject = subject;
  }

  /**
   * Server TLS from a PEM certificate chain (leaf first) and its PKCS#8 PEM private key.
   *
   * @throws NullPointerException if an argument is null
   * @throws IOException if a file is unreadable or not valid PEM of the expected kind
   */
  public static ServerTls fromPem(Path certificateChainPem, Path privateKeyPkcs8Pem) throws IOException {
    Objects.requireNonNull(certificateChainPem, "certificateChainPem");
    Objects.requireNonNull(privateKeyPkcs8Pem, "privateKeyPkcs8Pem");
    byte[] chain = PemFiles.read(certificateChainPem);
    String subject =
        PemFiles.certificates(chain, certificateChainPem).get(0).getSubjectX500Principal().getName();
    byte[] key = PemFiles.read(privateKeyPkcs8Pem);
    PemFiles.checkPrivateKey(key, privateKeyPkcs8Pem);
    return new ServerTls(chain, key, null, subject);
  }

  /**
   * The same server TLS, requiring client certificates issued by the authority in {@code
   * trustedClientCaPem} (mutual TLS). Returns a new instance.
   *
   * @throws NullPointerException if the path is null
   * @throws UncheckedIOException if the file is unreadable or holds no PEM certificate
   */
  public ServerTls requireClientCertificates(Path trustedClientCaPem) {
    Objects.requireNonNull(trustedClientCaPem, "trustedClientCaPem");
    try {
      byte[] ca = PemFiles.read(trustedClientCaPem);
      PemFiles.certificates(ca, trustedClientCaPem);
      return new ServerTls(chain, key, ca, subject);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True iff clients must present a certificate (mutual TLS). */
  public boolean requiresClientCertificates() {
    return trustedClientCa != null;
  }

  /** The grpc-java credentials (internal use). */
  ServerCredentials credentials() throws IOException {
    TlsServerCredentials.Builder b =
        TlsServerCredentials.newBuilder()
            .keyManager(new ByteArrayInputStream(chain), new ByteArrayInputStream(key));
    if (trustedClientCa != null) {
      b.trustManager(new ByteArrayInputStream(trustedClientCa))
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return b.build();
  }

  /** The certificate's subject and whether mutual TLS is on; never the key. */
  @Override
  public String toString() {
    return "ServerTls[" + subject + ", mutual=" + requiresClientCertificates() + "]";
  }
}
