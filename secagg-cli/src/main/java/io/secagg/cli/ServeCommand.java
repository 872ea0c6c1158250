package io.secagg.cli;

import io.secagg.cli.SimulationPlan.GraphChoice;
import io.secagg.core.graph.GraphKind;
import io.secagg.core.graph.GraphRequirements;
import io.secagg.core.graph.ThreatModel;
import io.secagg.core.protocol.Dropout;
import io.secagg.core.protocol.LeaveReason;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.SecurityMode;
import io.secagg.core.session.GroupOutcome;
import io.secagg.core.session.GroupPlan;
import io.secagg.core.session.GroupedResult;
import io.secagg.core.session.SessionPlan;
import io.secagg.core.session.SessionPlanner;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.transport.grpc.SecAggGrpcServer;
import io.secagg.transport.grpc.ServerListener;
import io.secagg.transport.grpc.ServerTls;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secagg serve}: a secure-aggregation server over gRPC with TLS ({@link
 * SecAggGrpcServer}). It runs {@code --rounds} rounds, each over the participants that join it
 * ({@code secagg join}), prints progress on the error stream and a summary of each round on
 * standard output (included participants, dropouts, a digest and the first elements of the sum,
 * and with {@code --verify-random-seed} a check of the sum against the participants' public-seed
 * demo inputs), and with {@code --output} writes each round's sum.
 *
 * <p>With {@code --group-size G} the participants are split into groups of at most G (sizes
 * balanced), each group runs its own session with the same threshold, and the server adds the
 * groups' sums: it learns each group's sum, not only the total.
 *
 * <p>With {@code --malicious --identity-keys FILE} every group's session runs in
 * malicious-server mode ({@link SecurityMode#MALICIOUS}) with the participants' Ed25519 public
 * keys from FILE ({@link IdentityKeys}), group g's being those of its participants in id order.
 *
 * <p>Exit code {@link Secagg#EXIT_OK} iff every group of every round completed and, with {@code
 * --verify-random-seed}, every sum was verified.
 */
@Command(
    name = "serve",
    description = {
      "Runs a secure-aggregation server over gRPC with TLS: N participants (secagg join) each"
          + " send a masked vector of L elements of Z_m, and the server learns only their sum"
          + " (with --group-size: each group's sum).",
      "Prints the port, progress on the error stream, and a summary per round on standard"
          + " output: included participants, dropouts, the SHA-256 of the sum's encoding, its first"
          + " elements, and with --verify-random-seed whether it equals the sum of the public-seed"
          + " demo inputs (secagg join --random) of the included participants.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 every round completed (and verified, with --verify-random-seed), 1 a group"
          + " aborted, a mismatch or an error, 2 usage error.",
      "Example:",
      "  secagg serve --port 50051 --clients 5 --length 1000 --tls-cert certs/server.pem"
          + " --tls-key certs/server.key --client-ca certs/ca.pem --verify-random-seed 0"
    })
final class ServeCommand implements Callable<Integer> {
  /** The most participants one server accepts (groups keep each session within SecAggConfig). */
  static final int MAX_PARTICIPANTS = 1_000_000;
  /** Elements of the sum shown in the summary. */
  static final int SHOWN_ELEMENTS = 8;
  /** Participant ids listed in full in the summary before it abbreviates. */
  static final int LISTED_IDS = 32;
  // The sparse default: the degree recommended for 10% dropouts and 10% corrupted participants.
  private static final double DEFAULT_DROPOUT = 0.1;
  private static final double DEFAULT_CORRUPTION = 0.1;

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", required = true,
      description = "TCP port to listen on, 0..65535 (0: any free port, printed at start).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address to listen on (default: every interface).")
  String bind;

  @Option(names = {"-n", "--clients"}, paramLabel = "N", required = true,
      description = "Participants, ids 1..N: 3..65535, or up to " + MAX_PARTICIPANTS
          + " with --group-size.")
  int clients;

  @Option(names = {"-t", "--threshold"}, paramLabel = "T",
      description = "Shamir threshold of each session, 2..k (k: a participant's neighbours in"
          + " the masking graph; N - 1 for the complete graph) with 2T > k, which participants"
          + " require (default: floor(k/2) + 1).")
  Integer threshold;

  @Option(names = {"-l", "--length"}, paramLabel = "L", required = true,
      description = "Elements per vector, 1..67108864.")
  int length;

  @Option(names = {"-m", "--modulus"}, paramLabel = "M", defaultValue = "2^32",
      converter = Converters.ModulusConverter.class,
      description = "The modulus: 2^b (b <= 64) or a decimal integer in 2..2^62"
          + " (default: ${DEFAULT-VALUE}).")
  Modulus modulus;

  @Option(names = {"-g", "--graph"}, paramLabel = "GRAPH", defaultValue = "COMPLETE",
      description = "Masking graph: COMPLETE (SecAgg, every pair masks) or SPARSE (SecAgg+, a"
          + " random Harary graph of degree --degree) (default: ${DEFAULT-VALUE};"
          + " case-insensitive).")
  GraphChoice graph;

  @Option(names = "--degree", paramLabel = "K",
      description = "Harary degree with --graph sparse: even, at least 2 and below the smallest"
          + " group's size (default:"
          + " the degree recommended for 10%% dropouts and 10%% corrupted participants).")
  Integer degree;

  @Option(names = "--group-size", paramLabel = "G",
      description = "Split the participants into ceil(N/G) groups of balanced sizes (each at"
          + " least 3), in id order, each its own session with threshold T; the server adds the"
          + " groups' sums and learns each group's sum (default: one group).")
  Integer groupSize;

  @Option(names = "--malicious",
      description = "Malicious-server mode: participants sign their key advertisements with their"
          + " identity keys and check, in an extra signed round, that every participant was told"
          + " the same set of survivors, so a server that lies about dropouts cannot learn an"
          + " individual input. Needs --identity-keys.")
  boolean malicious;

  @Option(names = "--identity-keys", paramLabel = "FILE",
      description = "With --malicious: the participants' Ed25519 public keys, participant i's on"
          + " the i-th line that is not a # comment, 64 hex digits each, exactly N (secagg certs"
          + " --identities writes " + IdentityKeys.PUBLIC_FILE + ").")
  Path identityKeysFile;

  @Option(names = "--join-timeout", paramLabel = "DURATION", defaultValue = "120s",
      converter = Converters.DurationConverter.class,
      description = "How long participants have to connect and advertise their keys"
          + " (default: ${DEFAULT-VALUE}; 500ms, 30s, 2m, 1h or PT1M30S).")
  Duration joinTimeout;

  @Option(names = "--round-timeout", paramLabel = "DURATION", defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "Deadline of every later protocol round; who has not answered by then"
          + " counts as dropped (default: ${DEFAULT-VALUE}).")
  Duration roundTimeout;

  @Option(names = "--resume-grace", paramLabel = "DURATION", defaultValue = "5s",
      converter = Converters.DurationConverter.class,
      description = "How long a participant whose connection broke may take to resume it before"
          + " it counts as dropped at once, without waiting for --round-timeout; a participant that"
          + " ends its stream counts as dropped immediately (default: ${DEFAULT-VALUE}).")
  Duration resumeGrace;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "1",
      description = "Aggregation rounds to run one after the other, 1..1000000; participants"
          + " join each round anew (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--tls-cert", paramLabel = "FILE", required = true,
      description = "The server's certificate chain, PEM (secagg certs writes server.pem).")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", required = true,
      description = "The server's private key, PKCS#8 PEM (secagg certs writes server.key).")
  Path tlsKey;

  @Option(names = "--client-ca", paramLabel = "FILE",
      description = "Require client certificates issued by this CA (PEM): mutual TLS, each"
          + " participant's id taken from its certificate. Without it participants are not"
          + " authenticated: any client can claim any id.")
  Path clientCa;

  @Option(names = "--verify-random-seed", paramLabel = "S",
      description = "Check each sum against the public-seed demo inputs (secagg join --random"
          + " --seed S) of the included participants; a mismatch exits with code 1.")
  Long verifySeed;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the sum, one unsigned decimal integer per line (with --rounds above"
          + " 1: FILE.1, FILE.2, ...). Existing files are never overwritten.")
  Path output;

  /** Picocli creates this command by reflection. */
  ServeCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    GroupPlan plan = plan();
    List<Path> outputs = outputs();
    checkReadable("--tls-cert", tlsCert);
    checkReadable("--tls-key", tlsKey);
    if (clientCa != null) {
      checkReadable("--client-ca", clientCa);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    ServerTls tls = ServerTls.fromPem(tlsCert, tlsKey);
    if (clientCa != null) {
      tls = tls.requireClientCertificates(clientCa);
    }
    Progress progress = new Progress(err, plan, resumeGrace);
    SecAggGrpcServer.Builder b = SecAggGrpcServer.builder(plan, tls)
        .port(port).joinTimeout(joinTimeout).roundTimeout(roundTimeout).resumeGrace(resumeGrace)
        .listener(progress);
    if (bind != null) {
      b.host(bind);
    }
    HandshakeFailures handshakes = HandshakeFailures.reportTo(progress);
    try (SecAggGrpcServer server = b.build()) {
      server.start();
      Thread hook = new Thread(server::close, "secagg-serve-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      writePlan(out, plan, server.port());
      if (clientCa == null) {
        err.println("WARNING: no --client-ca: participants are not authenticated; any client can"
            + " claim any id. Use secagg certs and --client-ca for mutual TLS.");
        err.flush();
      }
      boolean ok = true;
      for (int r = 1; r <= rounds; r++) {
        progress.newRound(r);
        long start = System.nanoTime();
        GroupedResult result = server.runRound();
        long wall = System.nanoTime() - start;
        ok &= writeRound(out, plan, r, result, wall, outputs.isEmpty() ? null : outputs.get(r - 1));
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook closes the server.
      }
      return ok ? Secagg.EXIT_OK : Secagg.EXIT_FAILURE;
    } finally {
      handshakes.close();
    }
  }

  /** Checks every option and builds the group plan; any problem is a usage error. */
  GroupPlan plan() {
    check(port >= 0 && port <= 65535, "Invalid value for --port: " + port + "; must be 0..65535");
    check(length >= 1 && length <= SecAggConfig.MAX_VECTOR_LENGTH,
        "Invalid value for --length: " + length + "; must be 1.." + SecAggConfig.MAX_VECTOR_LENGTH);
    check(rounds >= 1 && rounds <= 1_000_000, "Invalid value for --rounds: " + rounds + "; must be 1..1000000");
    if (groupSize == null) {
      check(clients >= 3 && clients <= SecAggConfig.MAX_CLIENTS,
          "Invalid value for --clients: " + clients + "; must be 3.." + SecAggConfig.MAX_CLIENTS
              + " (more with --group-size)");
    } else {
      check(clients >= 3 && clients <= MAX_PARTICIPANTS,
          "Invalid value for --clients: " + clients + "; must be 3.." + MAX_PARTICIPANTS);
      check(groupSize >= 3 && groupSize <= SecAggConfig.MAX_CLIENTS,
          "Invalid value for --group-size: " + groupSize + "; must be 3.." + SecAggConfig.MAX_CLIENTS);
    }
    List<GroupPlan.Group> layout;
    try {
      layout = GroupPlan.layout(clients, groupSize != null ? groupSize : clients);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination: " + e.getMessage(), e);
    }
    int groups = layout.size();
    int smallest = layout.stream().mapToInt(GroupPlan.Group::size).min().orElseThrow();
    int largest = layout.stream().mapToInt(GroupPlan.Group::size).max().orElseThrow();
    boolean complete = graph == GraphChoice.COMPLETE;
    check(complete || degree == null || (degree >= 2 && degree % 2 == 0 && degree <= smallest - 1),
        "Invalid value for --degree: " + degree + "; must be even and 2.." + evenBelow(smallest - 1)
            + " (below the smallest group, " + smallest + ")");
    check(degree == null || !complete, "--degree needs --graph sparse");
    // Participants refuse a threshold that is not a majority of their neighbours (ConfigPolicy's
    // default): the planner's defaults, a malicious server with no corrupted neighbour. --malicious
    // chooses the protocol's mode (signatures, consistency check), and the sparse default's sizing.
    SessionPlanner planner = SessionPlanner.defaults();
    if (complete) {
      planner = planner.completeGraph();
    } else if (degree != null) {
      planner = planner.hararyGraph(degree);
    } else {
      int recommended = recommendedDegree(smallest);
      fellBack = recommended == 0;
      planner = fellBack ? planner.completeGraph() : planner.hararyGraph(recommended);
    }
    SessionPlan derived = planOrUsageError(planner, smallest, largest);
    int kSmallest = derived.degree(smallest);
    int kLargest = derived.degree(largest);
    SessionPlan session = derived;
    if (threshold != null) {
      int t = threshold;
      check(t >= 2 && t <= kSmallest, "Invalid value for --threshold: " + t + "; must be 2.." + kSmallest
          + (groups > 1 ? " (the degree in the smallest group, of " + smallest + ")" : " (the degree k)"));
      check(t >= derived.threshold(), "Invalid value for --threshold: " + t + "; participants require 2T > k = "
          + kLargest + ", so T must be at least " + derived.threshold());
      session = planOrUsageError(planner.threshold(t), smallest, largest);
    }
    List<byte[]> keys = identityKeys();
    final SessionPlan chosen = session;
    try {
      return GroupPlan.split(clients, groupSize != null ? groupSize : clients,
          g -> groupConfig(g, groups, chosen, keys));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination: " + e.getMessage(), e);
    }
  }

  /**
   * The Harary degree recommended for groups of {@code smallest} with 10% dropouts and 10%
   * corrupted participants (against a malicious server with --malicious), or 0 when no sparse
   * graph fits and the complete graph is used.
   */
  private int recommendedDegree(int smallest) {
    try {
      SessionPlan p = SessionPlanner.of(GraphRequirements.builder()
              .threatModel(malicious ? ThreatModel.MALICIOUS_SERVER : ThreatModel.SEMI_HONEST)
              .dropoutRate(DEFAULT_DROPOUT).corruptionRate(DEFAULT_CORRUPTION).build())
          .plan(smallest);
      return p.graphKind() == GraphKind.HARARY ? p.degree(smallest) : 0;
    } catch (IllegalArgumentException e) {
      return 0; // not even the complete graph meets that budget: serve the complete graph anyway
    }
  }

  private SessionPlan planOrUsageError(SessionPlanner planner, int smallest, int largest) {
    try {
      return planner.plan(smallest, largest);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "Invalid combination: " + e.getMessage(), e);
    }
  }

  private boolean fellBack;

  /** The public identity keys of --identity-keys (null without --malicious); usage errors. */
  private List<byte[]> identityKeys() {
    check(!malicious || identityKeysFile != null,
        "--malicious needs --identity-keys FILE (the participants' public identity keys; secagg certs"
            + " --identities writes " + IdentityKeys.PUBLIC_FILE + ")");
    check(malicious || identityKeysFile == null, "--identity-keys needs --malicious");
    if (!malicious) {
      return null;
    }
    checkReadable("--identity-keys", identityKeysFile);
    try {
      return IdentityKeys.readPublic(identityKeysFile, clients);
    } catch (IdentityKeys.IdentityFileException e) {
      throw new ParameterException(spec.commandLine(),
          "Invalid value for --identity-keys: " + e.getMessage());
    }
  }

  private SecAggConfig groupConfig(GroupPlan.Group group, int groupCount, SessionPlan session, List<byte[]> keys) {
    SecAggConfig.Builder b = session.configBuilder(group.size()).vectorLength(length).modulus(modulus)
        .context(context(group.index(), groupCount));
    if (keys != null) {
      int first = group.firstParticipant();
      b.securityMode(SecurityMode.MALICIOUS).identityKeys(keys.subList(first - 1, first - 1 + group.size()));
    }
    return b.build();
  }

  /**
   * The context bytes of group {@code group}: binds each session to its group, so a session's
   * messages cannot be replayed into another group's session.
   */
  static byte[] context(int group, int groupCount) {
    return ("secagg serve/v1 group " + group + " of " + groupCount).getBytes(StandardCharsets.US_ASCII);
  }

  private static int evenBelow(int n) {
    return (n & 1) == 0 ? n : n - 1;
  }

  /** The output file of each round (none without --output), checked not to exist. */
  private List<Path> outputs() {
    List<Path> files = new ArrayList<>();
    if (output == null) {
      return files;
    }
    for (int r = 1; r <= rounds; r++) {
      Path f = rounds == 1 ? output : output.resolveSibling(output.getFileName() + "." + r);
      check(!Files.exists(f), "Invalid value for --output: " + f + " exists; refusing to overwrite");
      files.add(f);
    }
    Path parent = output.toAbsolutePath().getParent();
    check(parent != null && Files.isDirectory(parent),
        "Invalid value for --output: " + parent + " is not a directory");
    return files;
  }

  private void checkReadable(String option, Path file) {
    check(Files.isRegularFile(file) && Files.isReadable(file),
        "Invalid value for " + option + ": " + file + " is not a readable file");
  }

  private void writePlan(PrintWriter out, GroupPlan plan, int boundPort) {
    SecAggConfig c = plan.groupConfig(0);
    out.println("secagg serve");
    ReportWriter.line(out, "Listening", "port " + boundPort + (bind != null ? " on " + bind : "")
        + ", TLS" + (clientCa != null ? " with client certificates (mutual TLS)" : " (participants not authenticated)"));
    String groups = plan.groupCount() == 1
        ? "one group: participants 1.." + plan.participantCount()
        : plan.groupCount() + " groups of " + sizes(plan) + " (the server learns each group's sum)";
    ReportWriter.line(out, "Participants", plan.participantCount() + ", " + groups);
    String g = c.graphKind() == GraphKind.COMPLETE
        ? "complete (SecAgg)" + (fellBack ? " (no sparse graph fits these group sizes)" : "")
        : "sparse (SecAgg+ Harary), degree k = " + c.degree();
    String mode = c.securityMode() == SecurityMode.MALICIOUS
        ? "malicious (signed keys and consistency check; identity keys from " + identityKeysFile + ")"
        : "semi-honest";
    ReportWriter.line(out, "Session", String.format(Locale.ROOT, "threshold t = %d, graph %s, %s",
        c.threshold(), g, mode));
    ReportWriter.line(out, "Vectors", String.format(Locale.ROOT, "%d elements in Z_m, m = %s",
        plan.vectorLength(), plan.modulus()));
    ReportWriter.line(out, "Deadlines", "join " + Converters.format(joinTimeout) + ", each later round "
        + Converters.format(roundTimeout) + "; a broken connection counts as dropped after "
        + Converters.format(resumeGrace));
    ReportWriter.line(out, "Rounds", String.valueOf(rounds));
    out.flush();
  }

  private static String sizes(GroupPlan plan) {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int g = 0; g < plan.groupCount(); g++) {
      int n = plan.groupConfig(g).clientCount();
      min = Math.min(min, n);
      max = Math.max(max, n);
    }
    return min == max ? String.valueOf(min) : min + "-" + max;
  }

  /** Prints one round's summary, writes its sum; true iff it completed (and verified). */
  private boolean writeRound(PrintWriter out, GroupPlan plan, int r, GroupedResult result, long wallNanos,
      Path file) throws IOException {
    out.println();
    out.println("Round " + r + " of " + rounds);
    int completed = 0;
    List<String> dropped = new ArrayList<>();
    for (GroupOutcome g : result.groups()) {
      if (g.completed()) {
        completed++;
        for (Dropout d : g.result().dropouts()) {
          dropped.add("participant " + plan.participantOf(g.group(), d.clientId()) + " at "
              + d.round() + " (" + cause(d) + ")");
        }
      } else {
        ReportWriter.line(out, "Group " + g.group(), "ABORTED: " + g.abortReason().map(Enum::name)
            .orElse("no session") + " (" + g.message() + "); participants " + g.firstParticipant() + ".."
            + (g.firstParticipant() + g.size() - 1) + " not in the sum");
      }
    }
    ReportWriter.line(out, "Groups", completed + " of " + result.groups().size() + " completed");
    List<Integer> included = result.includedParticipants();
    ReportWriter.line(out, "Included", included.size() + " of " + plan.participantCount()
        + " participants" + (included.isEmpty() ? "" : ": " + ids(included)));
    ReportWriter.line(out, "Dropouts", dropped.isEmpty() ? "none among the completed groups"
        : dropped.size() + ": " + abbreviate(dropped));
    if (completed == 0) {
      ReportWriter.line(out, "Result", "ABORTED: no group completed; there is no sum");
      out.flush();
      return false;
    }
    ModVector sum = result.sum();
    ReportWriter.line(out, "Sum SHA-256", digest(sum) + " (of its encoding, " + sum.modulus().byteWidth()
        + " little-endian bytes per element)");
    ReportWriter.line(out, "Sum", firstElements(sum));
    boolean verified = true;
    if (verifySeed != null) {
      ModVector expected = DemoInputs.sum(verifySeed, included, plan.modulus(), plan.vectorLength());
      verified = expected.equals(sum);
      ReportWriter.line(out, "Verification", (verified ? "VERIFIED" : "MISMATCH") + ": the sum "
          + (verified ? "equals" : "differs from") + " the sum of the demo inputs (seed " + verifySeed
          + ") of the " + included.size() + " included participants mod " + plan.modulus());
    }
    if (file != null) {
      writeSum(file, sum);
      ReportWriter.line(out, "Output", file.toString());
    }
    boolean all = result.allGroupsCompleted();
    ReportWriter.line(out, "Result", (all ? "COMPLETED" : "PARTIAL: " + (result.groups().size() - completed)
        + " group(s) aborted") + (verifySeed == null ? "" : verified ? ", verified" : ", MISMATCH")
        + " in " + Units.duration(wallNanos));
    out.flush();
    return all && verified;
  }

  /** A dropout's cause as the summary shows it, with the transport's reason for a departure. */
  static String cause(Dropout d) {
    return d.cause() == Dropout.Cause.DISCONNECTED ? d.cause() + ": " + d.leaveReason() : d.cause().name();
  }

  static String digest(ModVector v) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v.encode()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static String firstElements(ModVector v) {
    StringJoiner j = new StringJoiner(", ", "[", "");
    int n = Math.min(SHOWN_ELEMENTS, v.length());
    for (int i = 0; i < n; i++) {
      j.add(Long.toUnsignedString(v.get(i)));
    }
    return j + (v.length() > n ? ", ...] (first " + n + " of " + v.length() + ")" : "]");
  }

  /** Ascending ids, runs collapsed ("1..4, 7"), abbreviated after {@link #LISTED_IDS} runs. */
  static String ids(List<Integer> ids) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < ids.size()) {
      int j = i;
      while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) {
        j++;
      }
      runs.add(j == i ? String.valueOf(ids.get(i)) : ids.get(i) + ".." + ids.get(j));
      i = j + 1;
    }
    return abbreviate(runs);
  }

  private static String abbreviate(List<String> items) {
    if (items.size() <= LISTED_IDS) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, LISTED_IDS)) + ", ... (" + (items.size() - LISTED_IDS) + " more)";
  }

  private static void writeSum(Path file, ModVector sum) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int i = 0; i < sum.length(); i++) {
        w.write(Long.toUnsignedString(sum.get(i)));
        w.write('\n');
      }
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(file + " exists; refusing to overwrite");
    }
  }

  private void check(boolean ok, String message) {
    Converters.check(spec, ok, message);
  }

  /** Progress lines on the error stream, from the server's gRPC and driver threads. */
  private static final class Progress implements ServerListener {
    private final PrintWriter err;
    private final GroupPlan plan;
    private final Duration grace;
    private final Set<Integer> connected = ConcurrentHashMap.newKeySet();
    private final Set<Integer> finished = ConcurrentHashMap.newKeySet();
    private final AtomicInteger certificateRefusals = new AtomicInteger();
    private volatile int round;

    Progress(PrintWriter err, GroupPlan plan, Duration grace) {
      this.err = err;
      this.plan = plan;
      this.grace = grace;
    }

    void newRound(int r) {
      connected.clear();
      finished.clear();
      round = r;
      print("round " + r + ": waiting for " + plan.participantCount() + " participants");
    }

    @Override
    public void participantConnected(int participant, int group, int clientId) {
      synchronized (err) {
        connected.add(participant);
        print("round " + round + ": participant " + participant + " connected (group " + group
            + ", client " + clientId + "), " + connected.size() + " of " + plan.participantCount());
      }
    }

    @Override
    public void participantDisconnected(int participant) {
      print("round " + round + ": participant " + participant + " disconnected");
    }

    @Override
    public void participantLeft(int participant, LeaveReason reason) {
      // An orderly end (after finishing or declining) is already shown as "disconnected".
      if (reason != LeaveReason.EXPLICIT_LEAVE) {
        print("round " + round + ": participant " + participant + " did not resume its connection in "
            + Converters.format(grace) + "; its group no longer waits for it (" + reason + ")");
      }
    }

    @Override
    public void groupFinished(GroupOutcome outcome) {
      synchronized (err) {
        finished.add(outcome.group());
        printFinished(outcome);
      }
    }

    @Override
    public void streamRefused(int participant, String status, String reason) {
      print("round " + round + ": " + (participant > 0 ? "participant " + participant : "a connection")
          + " refused: " + reason + " (" + status + ")");
    }

    @Override
    public void clientCertificateRefused(int participant, String reason) {
      certificateRefusals.incrementAndGet();
      // The name in a refused certificate is unverified: anyone can put any id in one.
      print("round " + round + ": a connection failed the TLS handshake: " + reason
          + (participant > 0 ? "; its certificate claims participant " + participant : ""));
    }

    /**
     * A TLS handshake failed that {@link #clientCertificateRefused} did not explain: gRPC reports
     * those only in its log, without a cause, so the reason is what remains possible.
     */
    void handshakeFailed() {
      if (certificateRefusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return; // the refusal of a certificate just reported
      }
      print("round " + round + ": a connection failed the TLS handshake before naming a participant:"
          + " it presented no client certificate, or it does not trust this server's certificate,"
          + " or it is not TLS (the participant's own output says which)");
    }

    private void printFinished(GroupOutcome outcome) {
      print("round " + round + ": group " + outcome.group() + " "
          + (outcome.completed() ? "completed, " + outcome.includedParticipants().size() + " of "
              + outcome.size() + " included" : "aborted: " + outcome.abortReason().map(Enum::name).orElse("")
              + " (" + outcome.message() + ")")
          + "; " + finished.size() + " of " + plan.groupCount() + " groups finished");
    }

    private void print(String line) {
      synchronized (err) {
        err.println(line);
        err.flush();
      }
    }
  }

  /**
   * Watches gRPC's own log for failed TLS handshakes, the only place they appear (at level FINE,
   * without the cause), for the length of one serve. This process's logging is the command's
   * own; the library never touches global logging.
   */
  private static final class HandshakeFailures extends Handler implements AutoCloseable {
    /** The logger gRPC's shaded Netty transport reports failed negotiations to. */
    private static final String LOGGER = "io.grpc.netty.shaded.io.grpc.netty.ProtocolNegotiators";

    private final Logger logger = Logger.getLogger(LOGGER); // held: JUL keeps loggers weakly
    private final Level previous = logger.getLevel();
    private final Progress progress;

    private HandshakeFailures(Progress progress) {
      this.progress = progress;
      logger.addHandler(this);
      logger.setLevel(Level.FINE);
    }

    static HandshakeFailures reportTo(Progress progress) {
      return new HandshakeFailures(progress);
    }

    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      if (message != null && message.startsWith("TLS negotiation failed")) {
        progress.handshakeFailed();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setLevel(previous);
    }
  }
}
