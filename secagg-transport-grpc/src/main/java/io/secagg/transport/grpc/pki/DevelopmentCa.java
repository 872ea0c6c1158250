package io.secagg.transport.grpc.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for test and demonstration deployments: it issues a
 * server certificate for a list of host names and addresses, and client certificates that name
 * a participant ({@link ParticipantIdentity}), all on ECDSA P-256 keys with SHA-256.
 *
 * <p>It exists so that a round over TLS can be tried on a fresh machine without an external
 * PKI; a production deployment issues its certificates from its own authority and never ships
 * this CA's key. The CA's private key lives only in this object's memory: it is never written
 * out and never printed, so certificates can be issued only while the object is alive.
 *
 * <p>Certificates are valid from five minutes before creation (clock skew between machines)
 * until the end of the validity given to {@link #generate}.
 */
public final class DevelopmentCa {
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration BACKDATE = Duration.ofMinutes(5);
  /** The longest validity: development certificates should not outlive their purpose. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(3650);

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final X500Name name;
  private final Instant notBefore;
  private final Instant notAfter;
  private final SecureRandom random;

  private DevelopmentCa(
      KeyPair keys, X509Certificate certificate, X500Name name, Instant notBefore,
      Instant notAfter, SecureRandom random) {
    this.keys = keys;
    this.certificate = certificate;
    this.name = name;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.random = random;
  }

  /**
   * Generates a new authority with a self-signed certificate.
   *
   * @param commonName the authority's subject common name, 1..64 characters
   * @param validity how long the authority and every certificate it issues stay valid, up to
   *     {@link #MAX_VALIDITY}
   * @param random the source of keys and serial numbers (a {@link SecureRandom})
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the name or validity is out of range
   * @throws GeneralSecurityException if the platform lacks P-256 or ECDSA
   */
  public static DevelopmentCa generate(String commonName, Duration validity, SecureRandom random)
      throws GeneralSecurityException {
    Objects.requireNonNull(commonName, "commonName");
    Objects.requireNonNull(validity, "validity");
    Objects.requireNonNull(random, "random");
    if (commonName.isEmpty() || commonName.length() > 64) {
      throw new IllegalArgumentException("Invalid common name length " + commonName.length() + "; must be 1..64");
    }
    if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new IllegalArgumentException("Invalid validity " + validity + "; must be positive and at most " + MAX_VALIDITY);
    }
    Instant now = Instant.now();
    Instant notBefore = now.minus(BACKDATE);
    Instant notAfter = now.plus(validity);
    KeyPair keys = newKeyPair(random);
    X500Name name = name(commonName);
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name, serial(random), Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot encode a certificate extension", e);
    }
    X509Certificate cert = sign(b, keys.getPrivate());
    return new DevelopmentCa(keys, cert, name, notBefore, notAfter, random);
  }

  /** The authority's self-signed certificate: what servers and clients are told to trust. */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * Issues a TLS server certificate.
   *
   * @param hosts the names clients connect to: DNS names and IPv4/IPv6 literals, 1..32 of them
   * @throws NullPointerException if the list or an entry is null
   * @throws IllegalArgumentException if the list is empty, too long, or has an empty entry
   * @throws GeneralSecurityException if signing fails
   */
  public IssuedCertificate issueServer(List<String> hosts) throws GeneralSecurityException {
    Objects.requireNonNull(hosts, "hosts");
    if (hosts.isEmpty() || hosts.size() > 32) {
      throw new IllegalArgumentException("Invalid host count " + hosts.size() + "; must be 1..32");
    }
    List<GeneralName> names = new ArrayList<>();
    for (String h : hosts) {
      Objects.requireNonNull(h, "host");
      if (h.isEmpty() || h.length() > 253) {
        throw new IllegalArgumentException("Invalid host name length " + h.length());
      }
      names.add(isIpLiteral(h) ? new GeneralName(GeneralName.iPAddress, h) : new GeneralName(GeneralName.dNSName, h));
    }
    return issue("secagg server " + hosts.get(0), names, KeyPurposeId.id_kp_serverAuth);
  }

  /**
   * Issues a TLS client certificate naming participant {@code id} ({@link
   * ParticipantIdentity#uri(int)}).
   *
   * @throws IllegalArgumentException if {@code id} is below 1
   * @throws GeneralSecurityException if signing fails
   */
  public IssuedCertificate issueParticipant(int id) throws GeneralSecurityException {
    String uri = ParticipantIdentity.uri(id);
    return issue(
        "secagg participant " + id,
        List.of(new GeneralName(GeneralName.uniformResourceIdentifier, uri)),
        KeyPurposeId.id_kp_clientAuth);
  }

  /**
   * Writes the authority's certificate as PEM to a new file.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the file exists (nothing is overwritten)
   * @throws java.io.IOException if writing fails
   */
  public void writeCertificate(Path file) throws java.io.IOException {
    Pem.writeNew(file, Pem.certificates(List.of(certificate)), false);
  }

  private IssuedCertificate issue(String commonName, List<GeneralName> names, KeyPurposeId purpose)
      throws GeneralSecurityException {
    KeyPair leaf = newKeyPair(random);
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name, serial(random), Date.from(notBefore), Date.from(notAfter), name(commonName), leaf.getPublic());
    JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
      b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(leaf.getPublic()));
      b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
    } catch (CertIOException e) {
      throw new GeneralSecurityException("cannot encode a certificate extension", e);
    }
    return new IssuedCertificate(sign(b, keys.getPrivate()), certificate, leaf.getPrivate());
  }

  private static KeyPair newKeyPair(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static BigInteger serial(SecureRandom random) {
    // RFC 5280: positive, at most 20 octets; 127 random bits keep it positive and unique.
    return new BigInteger(127, random).setBit(126);
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
      throws GeneralSecurityException {
    ContentSigner signer;
    try {
      signer = new JcaContentSignerBuilder(SIGNATURE).build(key);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot create an " + SIGNATURE + " signer", e);
    }
    return new JcaX509CertificateConverter().getCertificate(b.build(signer));
  }

  private static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return true;
    }
    if (!host.matches("[0-9.]+")) {
      return false;
    }
    try {
      InetAddress.getByName(host); // a literal: no lookup happens for digits and dots
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Names the authority; never its key. */
  @Override
  public String toString() {
    return "DevelopmentCa[" + certificate.getSubjectX500Principal().getName() + "]";
  }
}
