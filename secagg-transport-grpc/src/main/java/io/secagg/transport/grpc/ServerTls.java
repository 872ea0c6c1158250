package io.secagg.transport.grpc;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.secagg.transport.grpc.internal.PemFiles;
import io.secagg.transport.grpc.pki.ParticipantIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

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
   * @throws IOException if a file is unreadable or not valid PEM of the expected kind, or the key
   *     is not the certificate's
   */
  public static ServerTls fromPem(Path certificateChainPem, Path privateKeyPkcs8Pem) throws IOException {
    Objects.requireNonNull(certificateChainPem, "certificateChainPem");
    Objects.requireNonNull(privateKeyPkcs8Pem, "privateKeyPkcs8Pem");
    byte[] chain = PemFiles.read(certificateChainPem);
    X509Certificate leaf = PemFiles.certificates(chain, certificateChainPem).get(0);
    byte[] key = PemFiles.read(privateKeyPkcs8Pem);
    PemFiles.checkKeyPair(key, privateKeyPkcs8Pem, leaf, certificateChainPem);
    return new ServerTls(chain, key, null, leaf.getSubjectX500Principal().getName());
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

  /** Told about each client certificate the server refuses during a handshake. */
  @FunctionalInterface
  interface RefusalObserver {
    void refused(int participant, String reason);
  }

  /**
   * The grpc-java credentials (internal use). With mutual TLS, client certificates are checked by
   * the JDK's PKIX trust manager over the client authority, wrapped so that each refusal is also
   * told to {@code observer} (the same check, only observed).
   */
  ServerCredentials credentials(RefusalObserver observer) throws IOException {
    TlsServerCredentials.Builder b =
        TlsServerCredentials.newBuilder()
            .keyManager(new ByteArrayInputStream(chain), new ByteArrayInputStream(key));
    if (trustedClientCa != null) {
      b.trustManager(new ReportingTrustManager(clientTrustManager(), observer))
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return b.build();
  }

  private X509ExtendedTrustManager clientTrustManager() throws IOException {
    try {
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int i = 0;
      for (X509Certificate ca : PemFiles.certificates(trustedClientCa, Path.of("client CA"))) {
        anchors.setCertificateEntry("client-ca-" + i++, ca);
      }
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(anchors);
      for (TrustManager tm : f.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager) {
          return (X509ExtendedTrustManager) tm;
        }
      }
      throw new IOException("the JDK offers no X.509 trust manager");
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot build a trust manager for the client CA", e);
    }
  }

  /** Delegates every check; reports a refused client certificate before rethrowing. */
  private static final class ReportingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final RefusalObserver observer;

    ReportingTrustManager(X509ExtendedTrustManager delegate, RefusalObserver observer) {
      this.delegate = delegate;
      this.observer = observer;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        delegate.checkClientTrusted(chain, authType, socket);
      } catch (CertificateException e) {
        report(chain, e);
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        delegate.checkClientTrusted(chain, authType, engine);
      } catch (CertificateException e) {
        report(chain, e);
        throw e;
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        delegate.checkClientTrusted(chain, authType);
      } catch (CertificateException e) {
        report(chain, e);
        throw e;
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      delegate.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return delegate.getAcceptedIssuers();
    }

    private void report(X509Certificate[] chain, CertificateException e) {
      try {
        int participant = 0;
        String why = "the client's certificate does not chain to the client authority";
        if (chain != null && chain.length > 0) {
          participant = ParticipantIdentity.of(chain[0]).orElse(0);
          try {
            chain[0].checkValidity();
          } catch (CertificateExpiredException expired) {
            why = "the client's certificate has expired";
          } catch (CertificateNotYetValidException early) {
            why = "the client's certificate is not valid yet (is its clock ahead?)";
          }
        } else {
          why = "the client presented an empty certificate chain";
        }
        observer.refused(participant, why + " (" + e.getMessage() + ")");
      } catch (RuntimeException ignored) {
        // Observing must never change the handshake's outcome.
      }
    }
  }

  /** The certificate's subject and whether mutual TLS is on; never the key. */
  @Override
  public String toString() {
    return "ServerTls[" + subject + ", mutual=" + requiresClientCertificates() + "]";
  }
}
