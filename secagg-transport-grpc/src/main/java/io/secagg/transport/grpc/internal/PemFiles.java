package io.secagg.transport.grpc.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Reads and checks the PEM files a TLS endpoint is configured with, so that a bad file is
 * reported when the configuration is made, not at the first handshake. Error messages name the
 * file and the rule, never key material.
 */
public final class PemFiles {
  /** Larger PEM files are refused before they are read (a chain of a few certificates is ~5 KB). */
  public static final long MAX_FILE_LENGTH = 1 << 20;

  private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String KEY_END = "-----END PRIVATE KEY-----";

  private PemFiles() {}

  /** Reads a file of at most {@link #MAX_FILE_LENGTH} bytes. */
  public static byte[] read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    long size = Files.size(file);
    if (size > MAX_FILE_LENGTH) {
      throw new IOException(file + " has " + size + " bytes; a PEM file may have at most " + MAX_FILE_LENGTH);
    }
    return Files.readAllBytes(file);
  }

  /** Parses one or more PEM certificates; the first is the leaf. */
  public static List<X509Certificate> certificates(byte[] pem, Path origin) throws IOException {
    try {
      Collection<? extends Certificate> all =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : all) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IOException(origin + " holds no certificate");
      }
      return out;
    } catch (CertificateException | ClassCastException e) {
      throw new IOException(origin + " is not a PEM certificate file", e);
    }
  }

  /**
   * Checks that {@code keyPem} is one unencrypted PKCS#8 private key (EC, RSA or Ed25519) and that
   * it belongs to {@code certificate}: it signs a fixed message that the certificate's public key
   * verifies. A mismatched pair would otherwise only fail at the first handshake, with the TLS
   * library's {@code KEY_VALUES_MISMATCH}.
   */
  public static void checkKeyPair(byte[] keyPem, Path keyOrigin, X509Certificate certificate, Path certOrigin)
      throws IOException {
    PrivateKey key = privateKey(keyPem, keyOrigin);
    String algorithm;
    switch (key.getAlgorithm()) {
      case "EC":
        algorithm = "SHA256withECDSA";
        break;
      case "RSA":
        algorithm = "SHA256withRSA";
        break;
      default:
        algorithm = "Ed25519";
        break;
    }
    byte[] probe = "secagg key pair check".getBytes(StandardCharsets.US_ASCII);
    boolean matches;
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A key of another algorithm than the certificate's: not its key either.
      matches = false;
    }
    if (!matches) {
      throw new IOException(keyOrigin + " is not the private key of the certificate in " + certOrigin);
    }
  }

  /** Checks that {@code pem} is one unencrypted PKCS#8 private key (EC, RSA or Ed25519). */
  public static void checkPrivateKey(byte[] pem, Path origin) throws IOException {
    privateKey(pem, origin);
  }

  private static PrivateKey privateKey(byte[] pem, Path origin) throws IOException {
    String text = new String(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf(KEY_BEGIN);
    int end = text.indexOf(KEY_END);
    if (begin < 0 || end < begin) {
      throw new IOException(origin + " is not an unencrypted PKCS#8 PEM private key");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IOException(origin + " has a malformed base64 body");
    }
    try {
      for (String alg : new String[] {"EC", "RSA", "Ed25519"}) {
        try {
          return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
          // Try the next algorithm; the key's own algorithm accepts it.
        }
      }
      throw new IOException(origin + " holds no EC, RSA or Ed25519 PKCS#8 private key");
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }
}
