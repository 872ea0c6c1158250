package io.secagg.transport.grpc.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate issued by a {@link DevelopmentCa} together with its private key, ready to be
 * written as the PEM files a TLS server or client loads. The private key is never printed.
 */
public final class IssuedCertificate {
  private final X509Certificate certificate;
  private final X509Certificate issuer;
  private final PrivateKey privateKey;

  IssuedCertificate(X509Certificate certificate, X509Certificate issuer, PrivateKey privateKey) {
    this.certificate = certificate;
    this.issuer = issuer;
    this.privateKey = privateKey;
  }

  /** The issued (leaf) certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The chain a TLS peer presents: the leaf, then the authority's certificate. */
  public List<X509Certificate> chain() {
    return List.of(certificate, issuer);
  }

  /**
   * Writes the chain ({@link #chain()}) as PEM to a new file.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists (nothing is overwritten)
   * @throws IOException if writing fails
   */
  public void writeCertificateChain(Path file) throws IOException {
    Pem.writeNew(file, Pem.certificates(chain()), false);
  }

  /**
   * Writes the private key as an unencrypted PKCS#8 PEM file readable by its owner only (on
   * file systems with POSIX permissions).
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists (nothing is overwritten)
   * @throws IOException if writing fails
   */
  public void writePrivateKey(Path file) throws IOException {
    Pem.writeNew(file, Pem.privateKey(privateKey), true);
  }

  /** The subject; never the key. */
  @Override
  public String toString() {
    return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
