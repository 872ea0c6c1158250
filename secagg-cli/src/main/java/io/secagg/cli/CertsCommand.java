package io.secagg.cli;

import io.secagg.core.crypto.Ed25519;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.transport.grpc.pki.DevelopmentCa;
import io.secagg.transport.grpc.pki.IssuedCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secagg certs}: a throw-away certificate authority ({@link DevelopmentCa}) and the
 * certificates a trial deployment needs: the CA certificate every side trusts, a server
 * certificate for the given hosts, and one client certificate per participant for mutual TLS.
 *
 * <p>Nothing is overwritten: if any of the files exists, nothing is written and the command
 * fails (exit code {@link Secagg#EXIT_FAILURE}). The CA's private key is never written, so no
 * further certificate can be issued from it; run the command again into a new directory for a
 * new set.
 *
 * <p>With {@code --identities} it also writes, for malicious-server mode, one Ed25519 identity
 * key per participant ({@code participant-<i>.identity}, private, for {@code secagg join
 * --identity-key}) and the list of their public keys ({@code identities.txt}, for {@code secagg
 * serve --malicious --identity-keys}); {@link IdentityKeys} describes both formats. Private keys
 * are never printed.
 */
@Command(
    name = "certs",
    description = {
      "Writes a DEVELOPMENT certificate authority and the TLS certificates of a trial deployment:"
          + " DIR/ca.pem (trusted by server and participants), DIR/server.pem + DIR/server.key"
          + " (for secagg serve), DIR/participant-<i>.pem + .key for i = 1..N (for secagg join"
          + " --cert/--key, mutual TLS).",
      "The CA's private key is discarded once the certificates are issued. Private keys are"
          + " PKCS#8 PEM files readable by their owner only. Existing files are never overwritten.",
      "With --identities, also the Ed25519 identity keys of malicious-server mode:"
          + " DIR/participant-<i>.identity (private, owner-only; for secagg join --identity-key)"
          + " and DIR/identities.txt (the public keys, participant i's on the i-th key line; for"
          + " secagg serve --malicious --identity-keys).",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 written, 1 a file exists or writing failed (nothing is overwritten), 2 usage"
          + " error.",
      "Example:",
      "  secagg certs --out certs --hosts localhost,127.0.0.1 --participants 5 --identities"
    })
final class CertsCommand implements Callable<Integer> {
  /** Upper bound of --participants: each certificate is a key pair and a signature. */
  static final int MAX_PARTICIPANTS = 100_000;
  static final String CA_NAME = "secagg development CA";

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Directory to write into (created if missing; existing files are never"
          + " overwritten).")
  Path out;

  @Option(
      names = "--hosts",
      paramLabel = "HOST",
      split = ",",
      defaultValue = "localhost,127.0.0.1",
      description = "Comma-separated DNS names and IP addresses the server certificate is valid"
          + " for: every name participants will connect to, 1..32 of them"
          + " (default: ${DEFAULT-VALUE}).")
  List<String> hosts;

  @Option(
      names = "--participants",
      paramLabel = "N",
      required = true,
      description = "Participant certificates to issue, for ids 1..N, 0.." + MAX_PARTICIPANTS
          + " (0: no client certificates, server-authenticated TLS only).")
  int participants;

  @Option(
      names = "--validity-days",
      paramLabel = "D",
      defaultValue = "30",
      description = "Days the CA and every certificate stay valid, 1..3650"
          + " (default: ${DEFAULT-VALUE}).")
  int validityDays;

  @Option(
      names = "--identities",
      description = "Also write an Ed25519 identity key per participant, for malicious-server"
          + " mode: DIR/participant-<i>.identity (private) and DIR/" + IdentityKeys.PUBLIC_FILE
          + " (public).")
  boolean identities;

  /** Picocli creates this command by reflection. */
  CertsCommand() {}

  @Override
  public Integer call() throws IOException, GeneralSecurityException {
    Converters.check(spec, participants >= 0 && participants <= MAX_PARTICIPANTS,
        "Invalid value for --participants: " + participants + "; must be 0.." + MAX_PARTICIPANTS);
    Converters.check(spec, validityDays >= 1 && validityDays <= DevelopmentCa.MAX_VALIDITY.toDays(),
        "Invalid value for --validity-days: " + validityDays + "; must be 1.."
            + DevelopmentCa.MAX_VALIDITY.toDays());
    Converters.check(spec, !identities || participants >= 1,
        "--identities needs --participants 1 or more (one identity key per participant)");
    List<String> hostList = new ArrayList<>(new LinkedHashSet<>(hosts));
    Converters.check(spec, !hostList.isEmpty() && hostList.size() <= 32,
        "Invalid value for --hosts: " + hostList.size() + " names; must be 1..32");
    for (String h : hostList) {
      Converters.check(spec, !h.isBlank() && h.equals(h.strip()) && h.length() <= 253,
          "Invalid value for --hosts: '" + h + "' is not a host name or address");
    }

    List<Path> files = new ArrayList<>();
    Path ca = out.resolve("ca.pem");
    Path serverCert = out.resolve("server.pem");
    Path serverKey = out.resolve("server.key");
    files.add(ca);
    files.add(serverCert);
    files.add(serverKey);
    for (int i = 1; i <= participants; i++) {
      files.add(participantCertificate(out, i));
      files.add(participantKey(out, i));
      if (identities) {
        files.add(IdentityKeys.privateFile(out, i));
      }
    }
    Path publicKeys = out.resolve(IdentityKeys.PUBLIC_FILE);
    if (identities) {
      files.add(publicKeys);
    }
    // Every name is checked before anything is written, so a refusal leaves no half-written set.
    for (Path f : files) {
      if (Files.exists(f)) {
        throw new FileAlreadyExistsException(f + " exists; refusing to overwrite (remove it or"
            + " choose another --out)");
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IOException(out + " is not a directory");
    }
    Files.createDirectories(out);

    DevelopmentCa authority =
        DevelopmentCa.generate(CA_NAME, Duration.ofDays(validityDays), new SecureRandom());
    authority.writeCertificate(ca);
    IssuedCertificate server = authority.issueServer(hostList);
    server.writeCertificateChain(serverCert);
    server.writePrivateKey(serverKey);
    for (int i = 1; i <= participants; i++) {
      IssuedCertificate p = authority.issueParticipant(i);
      p.writeCertificateChain(participantCertificate(out, i));
      p.writePrivateKey(participantKey(out, i));
    }
    if (identities) {
      Ed25519 ed = Ed25519.create();
      List<byte[]> publicList = new ArrayList<>(participants);
      for (int i = 1; i <= participants; i++) {
        Ed25519KeyPair k = ed.generateKeyPair();
        try {
          IdentityKeys.writePrivate(IdentityKeys.privateFile(out, i), i, k);
          publicList.add(k.publicKey());
        } finally {
          k.destroy();
        }
      }
      IdentityKeys.writePublic(publicKeys, publicList);
    }

    PrintWriter o = spec.commandLine().getOut();
    o.println("secagg certs");
    ReportWriter.line(o, "CA certificate", ca + " (trusted by the server and every participant)");
    ReportWriter.line(o, "Server", serverCert + " + " + serverKey + ", valid for "
        + String.join(", ", hostList));
    ReportWriter.line(o, "Participants", participants == 0 ? "none"
        : participants + ": " + participantCertificate(out, 1) + " + .key"
            + (participants > 1 ? " .. " + participantCertificate(out, participants) + " + .key" : "")
            + " (identity urn:secagg:participant:<i>)");
    if (identities) {
      ReportWriter.line(o, "Identity keys", IdentityKeys.privateFile(out, 1)
          + (participants > 1 ? " .. " + IdentityKeys.privateFile(out, participants) : "")
          + " (Ed25519 private keys for malicious-server mode: secagg join --identity-key)");
      ReportWriter.line(o, "Identity list", publicKeys + " (their public keys: secagg serve"
          + " --malicious --identity-keys)");
    }
    ReportWriter.line(o, "Valid", validityDays + " days");
    o.println("WARNING: a DEVELOPMENT certificate authority, for trials only. Its key is gone, so"
        + " it can issue nothing more; a production deployment uses its own PKI. Keep the .key"
        + (identities ? " and .identity" : "") + " files private.");
    o.flush();
    return Secagg.EXIT_OK;
  }

  static Path participantCertificate(Path dir, int id) {
    return dir.resolve("participant-" + id + ".pem");
  }

  static Path participantKey(Path dir, int id) {
    return dir.resolve("participant-" + id + ".key");
  }
}
