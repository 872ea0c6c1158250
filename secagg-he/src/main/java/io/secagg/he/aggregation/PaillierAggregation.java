package io.secagg.he.aggregation;

import io.secagg.he.PaillierEncryptor;
import io.secagg.he.PaillierInputException;
import io.secagg.he.RandomizerSource;
import io.secagg.he.packing.EncryptedVector;
import io.secagg.he.threshold.PartialDecryption;
import io.secagg.he.threshold.ThresholdKeySet;
import io.secagg.he.threshold.ThresholdPublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * One whole Paillier aggregation round in memory: every client encrypts its packed vector and
 * serializes it, the server parses, validates and adds the uploads, the first {@code t}
 * committee members partially decrypt the sum, and their partial decryptions (serialized and
 * parsed again) are verified and combined. Used by tests and by {@code secagg simulate --scheme
 * paillier}.
 */
public final class PaillierAggregation {
  private PaillierAggregation() {}

  /**
   * Runs a round.
   *
   * @param keys a dealt threshold key (its shares play the committee)
   * @param inputs one vector per client, each of {@code config.vectorLength()} signed values
   * @param random randomness for encryption and proofs (inject a deterministic source only for
   *     reproducible simulations)
   * @param executor where chunks of vector work run; {@code parallelism} chunks per operation
   * @throws IllegalArgumentException if the number of clients is outside
   *     {@code [minClients, maxClients]} or a vector has the wrong length
   * @throws IllegalArgumentException also if an input value is outside the signed {@code
   *     valueBits} range
   */
  public static AggregationResult simulate(ThresholdKeySet keys, AggregationConfig config, long[][] inputs,
      SecureRandom random, Executor executor, int parallelism) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(executor, "executor");
    if (inputs.length < config.minClients() || inputs.length > config.maxClients()) {
      throw new IllegalArgumentException("number of clients " + inputs.length + " is outside "
          + config.minClients() + ".." + config.maxClients());
    }
    ThresholdPublicKey tpk = keys.publicKey();
    try {
      PaillierEncryptor encryptor = PaillierEncryptor.create(RandomizerSource.djn(tpk.paillierKey(), random));
      AggregationClient client = new AggregationClient(encryptor, config);
      AggregationServer server = new AggregationServer(tpk.paillierKey(), config);
      long bytesPerClient = 0;
      int ciphertextsPerClient = 0;
      for (int i = 0; i < inputs.length; i++) {
        EncryptedVector upload = client.encrypt(inputs[i], executor, parallelism);
        byte[] wire = upload.toBytes();
        bytesPerClient = wire.length;
        ciphertextsPerClient = upload.ciphertexts().size();
        server.accept("client-" + i, wire, executor, parallelism);
      }
      EncryptedVector sum = server.sum();
      List<List<PartialDecryption>> responses = new ArrayList<>();
      long bytesPerMember = 0;
      for (int i = 1; i <= tpk.threshold(); i++) {
        CommitteeMember member = new CommitteeMember(keys.share(i), config, random);
        List<PartialDecryption> partials = member.partialDecrypt(sum, executor, parallelism);
        List<PartialDecryption> received = new ArrayList<>(partials.size());
        long bytes = 0;
        for (PartialDecryption p : partials) {
          byte[] wire = p.toBytes(tpk);
          bytes += wire.length;
          received.add(PartialDecryption.fromBytes(tpk, wire));
        }
        bytesPerMember = bytes;
        responses.add(received);
      }
      long[] result = CommitteeMember.combine(tpk, config, sum, responses, executor, parallelism).values();
      return new AggregationResult(result, inputs.length, ciphertextsPerClient, bytesPerClient,
          tpk.threshold(), bytesPerMember);
    } catch (PaillierInputException e) {
      // Every party here is this method's own honest code: a rejection is a bug, not an attack.
      throw new IllegalStateException("an honest simulated party was rejected", e);
    }
  }
}
