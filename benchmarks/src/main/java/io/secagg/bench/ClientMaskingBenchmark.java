package io.secagg.bench;

import io.secagg.core.crypto.DeterministicRandom;
import io.secagg.core.protocol.AdvertiseKeysRequest;
import io.secagg.core.protocol.ClientMessage;
import io.secagg.core.protocol.MaskedInputRequest;
import io.secagg.core.protocol.Round;
import io.secagg.core.protocol.SecAggConfig;
import io.secagg.core.protocol.ServerMessage;
import io.secagg.core.protocol.ShareKeysRequest;
import io.secagg.core.protocol.client.ClientMachine;
import io.secagg.core.protocol.client.ClientOutcome;
import io.secagg.core.protocol.server.AddressedMessage;
import io.secagg.core.protocol.server.ServerMachine;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A client's whole round 2 ({@code ClientMachine.handle(MaskedInputRequest)}: decrypt and check k
 * share ciphertexts, add one self mask and k pairwise masks of L elements mod 2^32, encode the
 * result) beside its raw limit: k + 1 bare AES-128-CTR keystreams of 4L bytes, each added into an
 * int[] accumulator. The target is a ratio below 2.
 *
 * <p>Setup: one complete-graph session of k + 1 clients runs once per trial up to round 2 with
 * fixed seeds; before each invocation client 1 is rebuilt from its seed and replays rounds 0 and
 * 1 (deterministic randomness makes its keys, hence the recorded round-2 request, valid again).
 *
 * <p>How to run:
 *
 * <pre>
 * mvn -B -q -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ClientMaskingBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientMaskingBenchmark {
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int CHUNK = 64 * 1024;

  /** Elements per vector. */
  @Param({"100000"})
  public int length;

  /** Neighbours k (the session has k + 1 clients). */
  @Param({"16", "64"})
  public int neighbours;

  private SecAggConfig config;
  private ServerMessage round0;
  private ServerMessage round1;
  private MaskedInputRequest round2;
  private ClientMachine ready;

  private int[] accumulator;
  private byte[] keystream;
  private byte[] zeros;
  private Cipher cipher;
  private SecretKeySpec[] keys;

  /** Runs the session to round 2 and records client 1's three requests. */
  @Setup(Level.Trial)
  public void session() throws GeneralSecurityException {
    int n = neighbours + 1;
    config =
        SecAggConfig.builder().clientCount(n).threshold(neighbours / 2 + 1).vectorLength(length)
            .modulus(Modulus.powerOfTwo(32)).completeGraph().build();
    ClientMachine[] clients = new ClientMachine[n + 1];
    for (int id = 1; id <= n; id++) {
      clients[id] = client(id);
    }
    ServerMachine server = ServerMachine.builder(config).random(random("server", 0)).build();
    Deque<AddressedMessage> queue = new ArrayDeque<>(server.start().messages());
    while (round2 == null) {
      List<Object[]> answers = new ArrayList<>();
      while (!queue.isEmpty()) {
        AddressedMessage m = queue.poll();
        if (m.clientId() == 1) {
          Round r = m.message().round();
          if (r == Round.ADVERTISE_KEYS) {
            round0 = m.message();
          } else if (r == Round.SHARE_KEYS) {
            round1 = m.message();
          } else if (r == Round.MASKED_INPUT_COLLECTION) {
            round2 = (MaskedInputRequest) m.message();
            break;
          }
        }
        for (ClientMessage c : clients[m.clientId()].handle(m.message()).messages()) {
          answers.add(new Object[] {m.clientId(), c});
        }
      }
      for (Object[] a : answers) {
        queue.addAll(server.handle((Integer) a[0], (ClientMessage) a[1]).messages());
      }
    }
    accumulator = new int[length];
    keystream = new byte[CHUNK];
    zeros = new byte[CHUNK];
    cipher = Cipher.getInstance("AES/CTR/NoPadding");
    keys = new SecretKeySpec[neighbours + 1];
    for (int i = 0; i <= neighbours; i++) {
      byte[] k = new byte[16];
      k[0] = (byte) i;
      keys[i] = new SecretKeySpec(k, "AES");
    }
  }

  private DeterministicRandom random(String what, int id) {
    return DeterministicRandom.forTestVectorsOnly((what + "/" + id).getBytes(StandardCharsets.US_ASCII));
  }

  private ClientMachine client(int id) {
    long[] x = new long[length];
    for (int i = 0; i < length; i++) {
      x[i] = (i * 2654435761L + id) & 0xffffffffL;
    }
    return ClientMachine.builder(config, id).input(ModVector.of(config.modulus(), x))
        .random(random("client", id)).build();
  }

  /** Client 1 rebuilt and brought to round 2 again (not measured). */
  @Setup(Level.Invocation)
  public void freshClient() {
    ready = client(1);
    ready.handle(round0);
    ready.handle(round1);
  }

  /** The measured protocol step. */
  @Benchmark
  public ClientOutcome clientRound2() {
    return ready.handle(round2);
  }

  /** The raw limit: k + 1 bare AES-128-CTR keystreams added into an int[] accumulator. */
  @Benchmark
  public int[] bareKeystreamAndAdd() throws GeneralSecurityException {
    int bytes = 4 * length;
    for (SecretKeySpec key : keys) {
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
      for (int off = 0; off < bytes; off += CHUNK) {
        int len = Math.min(CHUNK, bytes - off);
        cipher.update(zeros, 0, len, keystream, 0);
        addChunk(accumulator, off >>> 2, keystream, len >>> 2);
      }
    }
    return accumulator;
  }

  // Its own small method: C2 vectorises it only away from the Cipher call (PERFORMANCE.md).
  private static void addChunk(int[] acc, int start, byte[] ks, int count) {
    for (int i = 0; i < count; i++) {
      acc[start + i] += (int) INT_LE.get(ks, i << 2);
    }
  }
}
