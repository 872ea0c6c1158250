package io.secagg.cli;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierInputException;
import io.secagg.he.RandomizerSource;
import io.secagg.he.aggregation.AggregationClient;
import io.secagg.he.aggregation.AggregationConfig;
import io.secagg.he.aggregation.AggregationServer;
import io.secagg.he.aggregation.CommitteeMember;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.packing.PackingLayout;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdKeyDealer;
import io.secagg.he.threshold.ThresholdKeySet;
import io.secagg.he.threshold.ThresholdPublicKey;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code secagg simulate --scheme paillier}: one threshold-Paillier aggregation round in this JVM,
 * phase by phase and timed: a dealer deals a t-of-w key to the decryption committee, every client
 * encrypts its packed vector of random signed quantized values and serializes it, the server
 * parses, validates and adds the uploads, t committee members partially decrypt the sum only
 * (their partial decryptions serialized and parsed again), and the shares are verified and
 * combined. The decrypted sum is checked against the plaintext sum. ENCRYPTOR_SETUP is the
 * one-time precomputation of the DJN randomizer (a fixed-base table for the public key), shared
 * by all simulated clients here and paid once per key by each real client.
 *
 * <p>Key: without {@code --key-bits}, the key is dealt from two fixed, published 1024-bit safe
 * primes (a 2048-bit modulus, production size, through the production validation path): the
 * timings are those of a real 2048-bit key, but since the factorization is public the key protects
 * nothing. {@code --key-bits B} generates fresh safe primes of B/2 bits (seconds to minutes:
 * finding a 1024-bit safe prime takes seconds to a minute on one core).
 */
final class PaillierRun {
  /** The fixed demonstration primes (1024-bit safe primes; public, so the key is not secret). */
  static final BigInteger DEMO_P = new BigInteger(
      "162385737781390544105330619045114430702662934857161220156017819877014861061203478978340669108174629169974542852163465218554114174090674046319152177924038226153209928566202300627087766877796978026915349899888266069931013120514843383440524059540518501126525938519041458278399714573316042328113224059023004658507");
  static final BigInteger DEMO_Q = new BigInteger(
      "142340952196858641212678885639333593215725619992370260897389478819609445982444377587273779433145635014786085753690791086037572429989699783637242054303621023965736811685124684302011681712610512295545702640362136987948339378004436788635808271360009505800857417221621435073258761771808628608138464907284286052983");

  private final int clients;
  private final int length;
  private final Integer keyBits;
  private final int committee;
  private final int committeeThreshold;
  private final int valueBits;
  private final int threads;
  private final long seed;
  private final boolean seedGiven;

  /**
   * @param keyBits a fresh key's modulus bits, or null for the fixed demonstration key
   */
  PaillierRun(int clients, int length, Integer keyBits, int committee, int committeeThreshold,
      int valueBits, int threads, long seed, boolean seedGiven) {
    this.clients = clients;
    this.length = length;
    this.keyBits = keyBits;
    this.committee = committee;
    this.committeeThreshold = committeeThreshold;
    this.valueBits = valueBits;
    this.threads = threads;
    this.seed = seed;
    this.seedGiven = seedGiven;
  }

  /** The configuration this run uses; throws IllegalArgumentException/IllegalStateException if invalid. */
  AggregationConfig config() {
    return AggregationConfig.builder().vectorLength(length).valueBits(valueBits).maxClients(clients)
        .minClients(2).build();
  }

  private DeterministicRandom random(String purpose) {
    byte[] label = purpose.getBytes(StandardCharsets.US_ASCII);
    return DeterministicRandom.forTestVectorsOnly(
        ByteBuffer.allocate(8 + label.length).putLong(seed).put(label).array());
  }

  /**
   * Runs the round, writing the plan first and the report after.
   *
   * @return true iff the decrypted sum equals the plaintext sum
   */
  boolean run(PrintWriter out, PrintWriter err) {
    AggregationConfig config = config();
    out.println("secagg simulate --scheme paillier");
    line(out, "Clients", clients + ", each encrypting " + length + " signed " + valueBits + "-bit values");
    line(out, "Committee", String.format(Locale.ROOT,
        "%d members, any %d decrypt (threshold Paillier, trusted dealer)", committee, committeeThreshold));
    line(out, "Key", keyBits == null
        ? "2048-bit modulus dealt from fixed published safe primes: production size,"
            + " NOT secret (timings only; --key-bits B generates a fresh key)"
        : keyBits + "-bit modulus from freshly generated safe primes");
    line(out, "Threads", String.valueOf(threads));
    line(out, "Seed", seedGiven ? String.valueOf(seed) : seed + " (random; --seed " + seed + " repeats this run)");
    out.flush();

    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "secagg-sim-paillier");
      t.setDaemon(true);
      return t;
    });
    try {
      return execute(config, out, err, pool);
    } catch (PaillierInputException e) {
      // Every party of this run is honest code in this JVM: a rejection means a bug, reported
      // like a mismatch rather than as a stack trace.
      out.println();
      line(out, "Result", "REJECTED: an honest party's message was refused (" + e.getMessage() + ")");
      out.flush();
      return false;
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean execute(AggregationConfig config, PrintWriter out, PrintWriter err, ExecutorService pool)
      throws PaillierInputException {
    long start = System.nanoTime();
    err.println("paillier: dealing the " + (keyBits == null ? "fixed 2048-bit" : keyBits + "-bit") + " key");
    err.flush();
    DeterministicRandom keyRandom = random("paillier-key");
    long t0 = System.nanoTime();
    ThresholdKeySet keys = keyBits == null
        ? ThresholdKeyDealer.dealFromSafePrimes(DEMO_P, DEMO_Q, committeeThreshold, committee, keyRandom)
        : ThresholdKeyDealer.deal(keyBits, committeeThreshold, committee, keyRandom);
    long dealNanos = System.nanoTime() - t0;
    ThresholdPublicKey tpk = keys.publicKey();
    PackingLayout layout = config.layout(tpk.paillierKey());

    long[][] inputs = inputs();
    long[] expected = new long[length];
    for (long[] v : inputs) {
      for (int i = 0; i < length; i++) {
        expected[i] += v[i];
      }
    }

    DeterministicRandom random = random("paillier-run");
    long e0 = System.nanoTime();
    PaillierEncryptor encryptor = PaillierEncryptor.create(RandomizerSource.djn(tpk.paillierKey(), random));
    AggregationClient client = new AggregationClient(encryptor, config);
    AggregationServer server = new AggregationServer(tpk.paillierKey(), config);
    long setupNanos = System.nanoTime() - e0;
    err.println("paillier: " + clients + " clients encrypt, the server adds");
    err.flush();
    long encryptTotal = 0;
    long encryptMax = 0;
    long addTotal = 0;
    long bytesPerClient = 0;
    int ciphertexts = 0;
    for (int c = 0; c < clients; c++) {
      long a = System.nanoTime();
      EncryptedVector upload = client.encrypt(inputs[c], pool, threads);
      byte[] wire = upload.toBytes();
      long spent = System.nanoTime() - a;
      encryptTotal += spent;
      encryptMax = Math.max(encryptMax, spent);
      bytesPerClient = wire.length;
      ciphertexts = upload.ciphertexts().size();
      long b = System.nanoTime();
      server.accept("client-" + (c + 1), wire, pool, threads);
      addTotal += System.nanoTime() - b;
    }
    EncryptedVector sum = server.sum();

    err.println("paillier: " + committeeThreshold + " committee members decrypt the sum");
    err.flush();
    List<List<PartialDecryption>> responses = new ArrayList<>();
    long partialTotal = 0;
    long partialMax = 0;
    long bytesPerMember = 0;
    for (int i = 1; i <= committeeThreshold; i++) {
      long a = System.nanoTime();
      CommitteeMember member = new CommitteeMember(keys.share(i), config, random);
      List<PartialDecryption> partials = member.partialDecrypt(sum, pool, threads);
      List<PartialDecryption> received = new ArrayList<>(partials.size());
      long bytes = 0;
      for (PartialDecryption p : partials) {
        byte[] wire = p.toBytes(tpk);
        bytes += wire.length;
        received.add(PartialDecryption.fromBytes(tpk, wire));
      }
      long spent = System.nanoTime() - a;
      partialTotal += spent;
      partialMax = Math.max(partialMax, spent);
      bytesPerMember = bytes;
      responses.add(received);
    }
    long c0 = System.nanoTime();
    long[] result = CommitteeMember.combine(tpk, config, sum, responses, pool, threads).values();
    long combineNanos = System.nanoTime() - c0;
    long total = System.nanoTime() - start;
    boolean verified = Arrays.equals(expected, result);

    out.println();
    out.println(String.format(Locale.ROOT, "%-25s %10s %10s %10s", "Phase", "total", "avg", "max"));
    phase(out, "KEY_DEAL", dealNanos, 1, dealNanos);
    phase(out, "ENCRYPTOR_SETUP", setupNanos, 1, setupNanos);
    phase(out, "ENCRYPT (per client)", encryptTotal, clients, encryptMax);
    phase(out, "ADD (server)", addTotal, clients, -1);
    phase(out, "PARTIAL_DECRYPT", partialTotal, committeeThreshold, partialMax);
    phase(out, "COMBINE", combineNanos, 1, combineNanos);
    out.println();
    line(out, "Packing", String.format(Locale.ROOT,
        "%d values per ciphertext (%d-bit slots: %d value bits + headroom for %d summands),"
            + " %d ciphertexts per client", layout.slotsPerCiphertext(), layout.slotBits(),
        valueBits, clients, ciphertexts));
    line(out, "Bytes per client", Units.bytes(bytesPerClient) + String.format(Locale.ROOT,
        " of ciphertext (%.2f bytes per value; plaintext %d bits per value)",
        bytesPerClient / (double) length, valueBits));
    line(out, "Committee bytes", Units.bytes(bytesPerMember) + " of partial decryptions per member");
    line(out, "Time", Units.duration(total) + " in all (phases above, plus input generation"
        + " and the plaintext check)");
    line(out, "Result", verified
        ? "VERIFIED: the threshold-decrypted sum equals the plaintext sum of the " + clients + " inputs"
        : "MISMATCH: the threshold-decrypted sum differs from the plaintext sum");
    out.flush();
    return verified;
  }

  private long[][] inputs() {
    DeterministicRandom r = random("paillier-inputs");
    long[][] in = new long[clients][length];
    long half = 1L << (valueBits - 1);
    for (long[] v : in) {
      for (int i = 0; i < length; i++) {
        // Uniform in [-2^(V-1), 2^(V-1)): the full signed range the packing is sized for.
        v[i] = (r.nextLong() >>> (64 - valueBits)) - half;
      }
    }
    return in;
  }

  private static void phase(PrintWriter out, String name, long total, int count, long max) {
    out.println(String.format(Locale.ROOT, "  %-23s %10s %10s %10s", name, Units.duration(total),
        Units.duration(total / Math.max(1, count)), max < 0 ? "" : Units.duration(max)));
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(String.format(Locale.ROOT, "%-18s", label) + value);
  }
}
