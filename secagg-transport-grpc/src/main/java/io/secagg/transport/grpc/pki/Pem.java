package io.secagg.transport.grpc.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** RFC 7468 text encoding, and files that are created new (never overwritten). */
final class Pem {
  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  static byte[] certificates(List<X509Certificate> chain) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (X509Certificate c : chain) {
      try {
        block(sb, "CERTIFICATE", c.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IOException("cannot encode a certificate", e);
      }
    }
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] privateKey(PrivateKey key) {
    byte[] der = key.getEncoded(); // PKCS#8 PrivateKeyInfo
    StringBuilder sb = new StringBuilder();
    block(sb, "PRIVATE KEY", der);
    Arrays.fill(der, (byte) 0);
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static void block(StringBuilder sb, String label, byte[] der) {
    sb.append("-----BEGIN ").append(label).append("-----\n");
    sb.append(BASE64.encodeToString(der)).append('\n');
    sb.append("-----END ").append(label).append("-----\n");
  }

  static void writeNew(Path file, byte[] content, boolean ownerOnly) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] attrs =
        ownerOnly && posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    try (OutputStream out =
        Files.newOutputStream(
            Files.createFile(file, attrs), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(content);
    } finally {
      if (ownerOnly) {
        Arrays.fill(content, (byte) 0);
      }
    }
  }
}
