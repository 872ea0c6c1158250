package io.secagg.cli;

import io.secagg.cli.InputFile.InputFileException;
import io.secagg.core.crypto.Ed25519KeyPair;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.UntrustedInputException;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.protocol.client.ClientAborted;
import io.secagg.core.session.ConfigPolicy;
import io.secagg.core.session.ConfigRejectedException;
import io.secagg.core.vector.ModVector;
import io.secagg.transport.grpc.ClientListener;
import io.secagg.transport.grpc.ClientTls;
import io.secagg.transport.grpc.Participation;
import io.secagg.transport.grpc.SecAggGrpcClient;
import io.secagg.transport.grpc.SessionRefusedException;
import io.secagg.transport.grpc.TlsHandshakeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code secagg join}: one participant of a {@code secagg serve} round ({@link
 * SecAggGrpcClient}). It connects over TLS, checks the server's configuration against its policy,
 * sends its masked input and helps unmask, then prints its group, its id in the group and the
 * outcome.
 *
 * <p>Exit code {@link Secagg#EXIT_OK} iff the participation completed; {@link
 * Secagg#EXIT_FAILURE} with a one-line reason when the session aborted, the server refused the
 * participant, the configuration broke the policy, the input did not fit the round, or the
 * server could not be reached.
 *
 * <p>With {@code --identity-key FILE} the participant holds its Ed25519 identity key ({@link
 * IdentityKeys}) and can take part in malicious-server sessions ({@code secagg serve
 * --malicious}); a malicious session without it, or one that lists another key for this
 * participant, ends the join with a one-line reason. {@code --require-malicious} refuses
 * semi-honest sessions.
 *
 * <p>The hidden option {@code --stall-at ROUND} exists for fault-injection tests: the client
 * stops answering when it should answer that round, prints {@code stalled at ROUND} on standard
 * output and waits until it is killed.
 */
@Command(
    name = "join",
    description = {
      "Joins a secagg serve round as participant I: connects over TLS, checks the server's"
          + " session parameters, sends its input masked (the server learns only the sum) and"
          + " helps unmask the sum.",
      "The input is a file of L integers in [0, m) (--input) or, for demonstrations, --random:"
          + " PUBLIC-SEED DEMO DATA that anyone who knows the seed can recompute (secagg serve"
          + " --verify-random-seed checks the sum against it).",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 completed, 1 aborted, refused, policy rejection, bad input, a missing or"
          + " foreign identity key in a malicious-server session, or unreachable server (one-line"
          + " reason on the error stream), 2 usage error.",
      "Example:",
      "  secagg join --server localhost:50051 --id 3 --random --ca certs/ca.pem"
          + " --cert certs/participant-3.pem --key certs/participant-3.key"
    })
final class JoinCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--server", paramLabel = "HOST:PORT", required = true,
      description = "The server: a host name or address and its port ([v6-address]:PORT for"
          + " IPv6). The host must be one the server certificate names.")
  String server;

  @Option(names = "--id", paramLabel = "I", required = true,
      description = "This participant's id, 1..N (with --cert: the id the certificate names).")
  int id;

  /** Exactly one input source. */
  static final class InputChoice {
    @Option(names = "--input", paramLabel = "FILE", required = true,
        description = "A UTF-8 text file of exactly L integers in [0, m), separated by whitespace"
            + " and/or commas; lines starting with # are comments.")
    Path file;

    @Option(names = "--random", required = true,
        description = "Demo input derived from the PUBLIC seed --seed and the id: not private data.")
    boolean random;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  InputChoice input;

  @Option(names = "--seed", paramLabel = "S",
      description = "Public seed of the --random demo input (default: 0).")
  Long seed;

  @Option(names = "--ca", paramLabel = "FILE", required = true,
      description = "The CA certificate (PEM) that issued the server's certificate.")
  Path ca;

  @Option(names = "--cert", paramLabel = "FILE",
      description = "This participant's certificate chain (PEM), for mutual TLS; with --key.")
  Path cert;

  @Option(names = "--key", paramLabel = "FILE",
      description = "This participant's private key (PKCS#8 PEM); with --cert.")
  Path key;

  @Option(names = "--identity-key", paramLabel = "FILE",
      description = "This participant's Ed25519 identity key (secagg certs --identities writes"
          + " participant-<i>.identity), needed to join a malicious-server session (secagg serve"
          + " --malicious): it signs this participant's messages.")
  Path identityKey;

  @Option(names = "--require-malicious",
      description = "Refuse sessions that are not in malicious-server mode (needs --identity-key).")
  boolean requireMalicious;

  @Option(names = "--connect-window", paramLabel = "DURATION", defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "How long to keep retrying while the server is unreachable or has no round"
          + " open, and to resume a broken stream (default: ${DEFAULT-VALUE}).")
  Duration connectWindow;

  @Option(names = "--min-clients", paramLabel = "N", defaultValue = "3",
      description = "Refuse sessions with fewer clients than N, 3..65535 (the fewer clients, the"
          + " less a sum hides each input) (default: ${DEFAULT-VALUE}).")
  int minClients;

  @Option(names = "--max-clients", paramLabel = "N", defaultValue = "10000",
      description = "Refuse sessions with more clients than N, 3..65535 (a participant's work"
          + " grows with the clients it masks with) (default: ${DEFAULT-VALUE}).")
  int maxClients;

  @Option(names = "--stall-at", paramLabel = "ROUND", hidden = true,
      description = "Fault injection for tests: stop answering at ROUND, print 'stalled at ROUND'"
          + " and wait to be killed.")
  Round stallAt;

  /** Picocli creates this command by reflection. */
  JoinCommand() {}

  /**
   * Host and port of --server.
   *
   * @param host a host name or an IP address (an IPv6 one without brackets)
   * @param port 1..65535
   */
  record Address(String host, int port) {

    /**
     * Parses {@code host:port} or {@code [v6]:port}.
     *
     * @throws IllegalArgumentException if it is neither or the port is outside 1..65535
     */
    static Address parse(String text) {
      String host;
      String port;
      if (text.startsWith("[")) {
        int close = text.indexOf("]:");
        if (close < 0) {
          throw new IllegalArgumentException("'" + text + "' is not [ADDRESS]:PORT");
        }
        host = text.substring(1, close);
        port = text.substring(close + 2);
      } else {
        int colon = text.lastIndexOf(':');
        if (colon < 0 || text.indexOf(':') != colon) {
          throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (IPv6: [ADDRESS]:PORT)");
        }
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      }
      if (host.isEmpty() || host.isBlank()) {
        throw new IllegalArgumentException("'" + text + "' has no host");
      }
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
        throw new IllegalArgumentException("'" + text + "' has no port in 1..65535");
      }
      return new Address(host, Integer.parseInt(port));
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Address address;
    try {
      address = Address.parse(server);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Invalid value for --server: " + e.getMessage());
    }
    check(id >= 1, "Invalid value for --id: " + id + "; must be at least 1");
    check(minClients >= 3 && minClients <= SecAggConfig.MAX_CLIENTS,
        "Invalid value for --min-clients: " + minClients + "; must be 3.." + SecAggConfig.MAX_CLIENTS);
    check(maxClients >= minClients && maxClients <= SecAggConfig.MAX_CLIENTS,
        "Invalid value for --max-clients: " + maxClients + "; must be --min-clients (" + minClients + ").."
            + SecAggConfig.MAX_CLIENTS);
    check((cert == null) == (key == null), "--cert and --key go together (mutual TLS)");
    check(seed == null || input.random, "--seed applies only to --random");
    check(!requireMalicious || identityKey != null,
        "--require-malicious needs --identity-key FILE (malicious-server sessions need this"
            + " participant's identity key)");
    checkReadable("--ca", ca);
    if (cert != null) {
      checkReadable("--cert", cert);
      checkReadable("--key", key);
    }
    Ed25519KeyPair identity = null;
    if (identityKey != null) {
      checkReadable("--identity-key", identityKey);
      try {
        identity = IdentityKeys.readPrivate(identityKey);
      } catch (IdentityKeys.IdentityFileException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "Invalid value for --identity-key: " + e.getMessage());
      }
      if (IdentityKeys.readableByOthers(identityKey)) {
        err.println("WARNING: " + identityKey + " is accessible by other users; keep an identity key"
            + " readable by its owner only (chmod 600)");
        err.flush();
      }
    }
    try {
      return join(out, err, address, identity);
    } finally {
      if (identity != null) {
        identity.destroy();
      }
    }
  }

  /** Why the identity key cannot serve in {@code config}'s session, or null if it can. */
  static String identityProblem(SecAggConfig config, Ed25519KeyPair identity, Path identityFile) {
    if (config.securityMode() != SecurityMode.MALICIOUS) {
      return null;
    }
    if (identity == null) {
      return "the server's session is in malicious-server mode, which needs this participant's"
          + " identity key (--identity-key FILE; secagg certs --identities writes"
          + " participant-<i>.identity)";
    }
    byte[] mine = identity.publicKey();
    for (int c = 1; c <= config.clientCount(); c++) {
      if (Arrays.equals(mine, config.identityKey(c))) {
        return null;
      }
    }
    return "the server's session does not list the identity key of " + identityFile + " (public key "
        + IdentityKeys.hex(mine) + "); is it this participant's file, and is the server's"
        + " --identity-keys from the same secagg certs run?";
  }

  private int join(PrintWriter out, PrintWriter err, Address address, Ed25519KeyPair identity)
      throws InterruptedException {

    InputFile file = null;
    if (input.file != null) {
      try {
        file = InputFile.read(input.file);
      } catch (InputFileException e) {
        return fail(err, "bad input: " + e.getMessage());
      }
    }
    long demoSeed = seed != null ? seed : 0L;

    ClientTls tls;
    try {
      tls = ClientTls.trusting(ca);
      if (cert != null) {
        tls = tls.withClientCertificate(cert, key);
      }
    } catch (IOException e) {
      return fail(err, "TLS material: " + e.getMessage());
    }
    ConfigPolicy.Builder policy = ConfigPolicy.builder().minClients(minClients).maxClients(maxClients);
    if (file != null) {
      // A file fixes L: a server asking for another length is refused before anything is sent.
      policy.vectorLength(file.length());
    }
    if (requireMalicious) {
      policy.securityMode(SecurityMode.MALICIOUS);
    }

    out.println("secagg join");
    ReportWriter.line(out, "Server", address.host + ":" + address.port + ", TLS"
        + (cert != null ? " with this participant's certificate (mutual TLS)" : ", server authenticated"));
    ReportWriter.line(out, "Participant", String.valueOf(id));
    ReportWriter.line(out, "Input", file != null ? input.file + " (" + file.length() + " values)"
        : "PUBLIC-SEED DEMO DATA (seed " + demoSeed + "): anyone who knows the seed can recompute it");
    if (identity != null) {
      ReportWriter.line(out, "Identity key", identityKey + " (Ed25519 public key " + IdentityKeys.hex(identity.publicKey())
          + ")" + (requireMalicious ? "; malicious-server sessions only" : ""));
    }
    out.flush();

    AtomicReference<String> inputProblem = new AtomicReference<>();
    AtomicReference<String> identityProblem = new AtomicReference<>();
    final InputFile values = file;
    Function<SecAggConfig, ModVector> supplier = config -> {
      err.println("joined: " + describe(config) + "; running the session");
      err.flush();
      String problem = identityProblem(config, identity, identityKey);
      if (problem != null) {
        identityProblem.set(problem);
        throw new IllegalArgumentException(problem);
      }
      if (identity != null && config.securityMode() != SecurityMode.MALICIOUS) {
        err.println("note: the session is semi-honest, so the identity key is not used"
            + " (--require-malicious refuses such sessions)");
        err.flush();
      }
      if (values == null) {
        return DemoInputs.of(demoSeed, id, config.modulus(), config.vectorLength());
      }
      try {
        return values.toVector(config);
      } catch (InputFileException e) {
        inputProblem.set(e.getMessage());
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    };

    SecAggGrpcClient.Builder b = SecAggGrpcClient.builder(address.host, address.port, tls)
        .participantId(id).policy(policy.build()).connectWindow(connectWindow);
    if (identity != null) {
      b.identityKey(identity);
    }
    b.listener(new ClientListener() {
      @Override
      public void answering(Round round) throws InterruptedException {
        if (round == stallAt) {
          out.println("stalled at " + stallAt);
          out.flush();
          new CountDownLatch(1).await(); // until the process is killed: that is the point
        }
        err.println("answering " + round);
        err.flush();
      }

      @Override
      public void resumed(int reconnects) {
        err.println("stream broke; resumed (" + reconnects + ")");
        err.flush();
      }
    });
    try (SecAggGrpcClient client = b.build()) {
      Participation p = client.participate(supplier);
      ReportWriter.line(out, "Round", String.format(Locale.ROOT, "group %d, client %d of %d; %s",
          p.group(), p.clientId(), p.config().clientCount(), describe(p.config())));
      if (p.completed()) {
        ReportWriter.line(out, "Result", "COMPLETED: the input is in the round's sum"
            + (p.reconnects() > 0 ? " (" + p.reconnects() + " reconnections)" : ""));
        out.flush();
        return Secagg.EXIT_OK;
      }
      String why = p.finalState() instanceof ClientAborted
          ? ((ClientAborted) p.finalState()).reason() + " (" + ((ClientAborted) p.finalState()).message() + ")"
          : p.finalState().name();
      ReportWriter.line(out, "Result", "ABORTED: " + why);
      out.flush();
      return fail(err, "the session aborted: " + why);
    } catch (ConfigRejectedException e) {
      return fail(err, "refused the server's session parameters: " + e.getMessage());
    } catch (UntrustedInputException e) {
      return fail(err, "the server broke the session protocol: " + e.getMessage());
    } catch (SessionRefusedException e) {
      String m = e.getMessage() != null && e.getMessage().startsWith(e.status()) ? e.getMessage()
          : e.status() + ": " + e.getMessage();
      return fail(err, "the server refused participant " + id + ": " + m);
    } catch (TlsHandshakeException e) {
      return fail(err, e.getMessage() + "; " + tlsHint(e.problem(), address.host));
    } catch (IOException e) {
      return fail(err, "cannot reach " + address.host + ":" + address.port + ": " + e.getMessage()
          + " (is the server running, and its round still open?)");
    } catch (IllegalArgumentException e) {
      if (identityProblem.get() != null) {
        return fail(err, "identity key: " + identityProblem.get());
      }
      String problem = inputProblem.get();
      if (problem != null) {
        return fail(err, "bad input: " + problem);
      }
      if (identity != null && e.getMessage() != null && e.getMessage().startsWith("identity key")) {
        // The key is in the session's list, but at another client's place.
        return fail(err, "identity key: " + identityKey + " holds the key the server's session lists for"
            + " another participant, not this one (" + e.getMessage() + ")");
      }
      return fail(err, "the input does not fit the round: " + e.getMessage());
    }
  }

  /** What to change on this command line for each TLS problem. */
  private String tlsHint(TlsHandshakeException.Problem problem, String host) {
    switch (problem) {
      case SERVER_NAME_MISMATCH:
        return "--server must use a name or address the server's certificate was made for"
            + " (secagg certs --hosts), and '" + host + "' is not one of them";
      case SERVER_NOT_TRUSTED:
        return "--ca must be the ca.pem of the secagg certs run that made the server's certificate";
      case CLIENT_CERTIFICATE_REQUIRED:
        return "the server uses mutual TLS: give this participant's --cert and --key";
      case CLIENT_CERTIFICATE_REFUSED:
        return "--cert and --key must come from the secagg certs run whose ca.pem the server was"
            + " given as --client-ca, and be within their validity period";
      default:
        return "check that the server's certificate names '" + host + "' and comes from the CA"
            + " in --ca" + (cert == null ? ", and whether the server requires --cert/--key"
            : ", and that the server trusts the CA of --cert");
    }
  }

  private static String describe(SecAggConfig c) {
    return String.format(Locale.ROOT, "%d clients, threshold t = %d, %s graph, L = %d, m = %s%s", c.clientCount(),
        c.threshold(), c.graphKind() == GraphKind.COMPLETE ? "complete" : "sparse (degree " + c.degree() + ")",
        c.vectorLength(), c.modulus(), c.securityMode() == SecurityMode.MALICIOUS ? ", malicious-server mode" : "");
  }

  private static int fail(PrintWriter err, String reason) {
    err.println("secagg join: " + reason);
    err.flush();
    return Secagg.EXIT_FAILURE;
  }

  private void checkReadable(String option, Path file) {
    check(Files.isRegularFile(file) && Files.isReadable(file),
        "Invalid value for " + option + ": " + file + " is not a readable file");
  }

  private void check(boolean ok, String message) {
    Converters.check(spec, ok, message);
  }
}
