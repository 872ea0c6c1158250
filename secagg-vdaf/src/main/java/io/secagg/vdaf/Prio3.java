package io.secagg.vdaf;

import io.secagg.vdaf.internal.field.Field;
import io.secagg.vdaf.internal.flp.Circuit;
import io.secagg.vdaf.internal.xof.XofTurboShake128;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One instance of Prio3, the VDAF of the CFRG draft {@value #DRAFT} ("Prio3"): clients split a
 * measurement into shares with a proof of its validity, and aggregators verify the proof on their
 * shares, without any of them seeing the measurement, before adding the shares up.
 *
 * <p>Create one with a variant's builder ({@link Prio3Count}, {@link Prio3Sum},
 * {@link Prio3SumVec}, {@link Prio3Histogram}, {@link Prio3MultihotCountVec},
 * {@link Prio3SumVecWithMultiproof}); clients and aggregators must use identical parameters. The
 * type parameters are the measurement type {@code M} and the aggregate result type {@code R}.
 *
 * <p>The flow, for each report:
 * <ol>
 *   <li>Client: {@link #shard} gives a {@link Prio3Report} (nonce, public share, one input share
 *       per aggregator).
 *   <li>Aggregators: with two aggregators use {@link #leader} and {@link #helper} (the draft's
 *       ping-pong topology: one round trip per report); with more, {@link #verifyInit} on each,
 *       {@link #verifierSharesToMessage} on the gathered verifier shares, {@link #verifyNext} on
 *       each. A report that fails any step raises a {@link VdafException} and must be dropped.
 *   <li>Each aggregator adds every verified report's {@link OutputShare} to its
 *       {@link AggregateShare} and sends the encoded sum to the collector.
 *   <li>Collector: {@link #unshard} gives the aggregate result.
 * </ol>
 *
 * <p><b>Security.</b> Privacy holds as long as one aggregator is honest; verifiability (an
 * invalid measurement is rejected, except with negligible probability) holds against malicious
 * clients. Both assume: the {@link VerifyKey} is secret from clients and fixed before reports
 * arrive; nonces come from a CSPRNG ({@link #shard} does this); all aggregators receive the same
 * public share; a report is aggregated at most once (replay protection, e.g. by nonce, is the
 * caller's duty); channels are confidential and authenticated. Prio3 does not provide
 * differential privacy or robustness against a malicious aggregator, which can shift its own
 * aggregate share. See {@code spec/vdaf.md}.
 *
 * <p>Immutable and thread-safe: every method is a function of its arguments (sans-I/O), so the
 * aggregator steps can be driven by any transport. Wire inputs are validated before use (lengths
 * first, then canonical field elements) and rejected with a {@link MalformedMessageException};
 * the caller's own mistakes (a wrong aggregator id, an over-long context) raise
 * {@link IllegalArgumentException}.
 *
 * @param <M> the measurement type
 * @param <R> the aggregate result type
 */
public final class Prio3<M, R> {
  /** The draft implemented: encodings and algorithms are byte-exact with its test vectors. */
  public static final String DRAFT = "draft-irtf-cfrg-vdaf-20";
  /** The draft's {@code VERSION} constant, the first byte of every domain separation tag. */
  public static final int VERSION = 18;
  /** {@code NONCE_SIZE}: bytes of a report nonce. */
  public static final int NONCE_SIZE = 16;
  /** {@code XofTurboShake128.SEED_SIZE}: bytes of every seed, blind and joint randomness part. */
  public static final int SEED_SIZE = XofTurboShake128.SEED_SIZE;
  /** Longest application context: a domain separation tag is at most 65535 bytes, 8 are ours. */
  public static final int MAX_CONTEXT_LENGTH = 65535 - 8;

  /** The draft's {@code USAGE_*} domain separators of the XOF calls, numbered 1 to 7 in this order. */
  private enum Usage {
    MEAS_SHARE,
    PROOF_SHARE,
    JOINT_RANDOMNESS,
    PROVE_RANDOMNESS,
    QUERY_RANDOMNESS,
    JOINT_RAND_SEED,
    JOINT_RAND_PART;

    int code() {
      return ordinal() + 1;
    }
  }

  private final String name;
  private final int algorithmId;
  private final Circuit circuit;
  private final Field field;
  private final int shares;
  private final int proofs;
  private final Codec<M, R> codec;
  private final boolean usesJointRand;

  Prio3(String name, int algorithmId, Circuit circuit, int shares, int proofs, Codec<M, R> codec) {
    Variants.checkShares(shares);
    Variants.checkProofs(proofs);
    this.name = name;
    this.algorithmId = algorithmId;
    this.circuit = circuit;
    this.field = circuit.field();
    this.shares = shares;
    this.proofs = proofs;
    this.codec = codec;
    this.usesJointRand = circuit.jointRandLen() > 0;
    // Every encoded length must fit an int.
    Math.multiplyExact(field.encodedSize(), Math.addExact(circuit.measLen(), Math.multiplyExact(circuit.proofLen(), proofs)));
    Math.multiplyExact(field.encodedSize(), Math.multiplyExact(circuit.verifierLen(), proofs));
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters.

  /** The variant's name, e.g. {@code Prio3SumVec}. */
  public String name() {
    return name;
  }

  /** The variant's 32-bit identifier ({@code ID}), bound into every XOF call. */
  public int algorithmId() {
    return algorithmId;
  }

  /** Number of aggregators ({@code SHARES}). */
  public int shares() {
    return shares;
  }

  /** Number of proofs ({@code PROOFS}). */
  public int proofs() {
    return proofs;
  }

  /** The field. */
  public VdafField vdafField() {
    return VdafField.of(field);
  }

  /** Length of the encoded measurement ({@code MEAS_LEN}, field elements). */
  public int measurementLength() {
    return circuit.measLen();
  }

  /** Length of output and aggregate shares ({@code OUTPUT_LEN}, field elements). */
  public int outputLength() {
    return circuit.outputLen();
  }

  /** Length of one proof ({@code PROOF_LEN}, field elements). */
  public int proofLength() {
    return circuit.proofLen();
  }

  /** {@code RAND_SIZE}: random bytes consumed by {@link #shardForTestVectorsOnly}. */
  public int randSize() {
    return SEED_SIZE * shares * (usesJointRand ? 2 : 1);
  }

  /** Bytes of the encoded public share. */
  public int publicShareLength() {
    return usesJointRand ? SEED_SIZE * shares : 0;
  }

  /** Bytes of the encoded input share of aggregator {@code aggregatorId}. */
  public int inputShareLength(int aggregatorId) {
    checkAggregatorId(aggregatorId);
    int blind = usesJointRand ? SEED_SIZE : 0;
    if (aggregatorId > 0) {
      return SEED_SIZE + blind;
    }
    return field.encodedSize() * (circuit.measLen() + circuit.proofLen() * proofs) + blind;
  }

  /** Bytes of an encoded verifier share. */
  public int verifierShareLength() {
    return field.encodedSize() * circuit.verifierLen() * proofs + (usesJointRand ? SEED_SIZE : 0);
  }

  /** Bytes of an encoded verifier message (0 or 32). */
  public int verifierMessageLength() {
    return usesJointRand ? SEED_SIZE : 0;
  }

  /** Bytes of an encoded output or aggregate share. */
  public int aggregateShareLength() {
    return field.encodedSize() * circuit.outputLen();
  }

  Field field() {
    return field;
  }

  Circuit circuit() {
    return circuit;
  }

  @Override
  public String toString() {
    return name + "[" + VdafField.of(field) + ", shares " + shares + ", proofs " + proofs
        + ", MEAS_LEN " + circuit.measLen() + ", OUTPUT_LEN " + circuit.outputLen() + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Client.

  /**
   * Shards {@code measurement} into a report, drawing the nonce and the sharding randomness from
   * {@code random}.
   *
   * @param ctx the application context (at most {@link #MAX_CONTEXT_LENGTH} bytes), identical at
   *     clients and aggregators
   * @throws IllegalArgumentException if the measurement is not valid for this variant (the report
   *     would be rejected anyway) or {@code ctx} is too long
   */
  public Prio3Report shard(byte[] ctx, M measurement, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    byte[] nonce = new byte[NONCE_SIZE];
    random.nextBytes(nonce);
    byte[] rand = new byte[randSize()];
    random.nextBytes(rand);
    return shardForTestVectorsOnly(ctx, measurement, nonce, rand);
  }

  /**
   * The draft's deterministic {@code shard(ctx, measurement, nonce, rand)}, for known-answer tests
   * only: a report's privacy depends on {@code nonce} and {@code rand} being fresh CSPRNG output,
   * which {@link #shard} guarantees.
   *
   * @throws IllegalArgumentException if the nonce is not {@link #NONCE_SIZE} bytes, {@code rand}
   *     not {@link #randSize()} bytes, the measurement invalid or {@code ctx} too long
   */
  public Prio3Report shardForTestVectorsOnly(byte[] ctx, M measurement, byte[] nonce, byte[] rand) {
    checkContext(ctx);
    if (nonce.length != NONCE_SIZE) {
      throw new IllegalArgumentException("nonce must have " + NONCE_SIZE + " bytes");
    }
    if (rand.length != randSize()) {
      throw new IllegalArgumentException("rand must have " + randSize() + " bytes");
    }
    long[] meas = codec.encode(field, Objects.requireNonNull(measurement, "measurement"));
    if (field.length(meas) != circuit.measLen()) {
      throw new IllegalStateException("encoding has the wrong length");
    }
    return shardEncoded(ctx, meas, nonce, rand);
  }

  /** Sharding of an already encoded measurement (tests use it to build invalid reports). */
  Prio3Report shardEncoded(byte[] ctx, long[] meas, byte[] nonce, byte[] rand) {
    byte[][] seeds = new byte[rand.length / SEED_SIZE][];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = Arrays.copyOfRange(rand, i * SEED_SIZE, (i + 1) * SEED_SIZE);
    }
    int helpers = shares - 1;
    byte[][] helperShares = new byte[helpers][];
    byte[][] helperBlinds = new byte[helpers][];
    byte[] leaderBlind = null;
    byte[] proveSeed;
    if (usesJointRand) {
      for (int j = 0; j < helpers; j++) {
        helperShares[j] = seeds[2 * j];
        helperBlinds[j] = seeds[2 * j + 1];
      }
      leaderBlind = seeds[2 * helpers];
      proveSeed = seeds[2 * helpers + 1];
    } else {
      System.arraycopy(seeds, 0, helperShares, 0, helpers);
      proveSeed = seeds[helpers];
    }

    // Measurement shares and, with joint randomness, each aggregator's part of it.
    long[] leaderMeas = meas.clone();
    byte[][] parts = new byte[shares][];
    for (int j = 0; j < helpers; j++) {
      long[] helperMeas = helperMeasShare(ctx, j + 1, helperShares[j]);
      field.subInPlace(leaderMeas, helperMeas);
      if (usesJointRand) {
        parts[j + 1] = jointRandPart(ctx, j + 1, helperBlinds[j], helperMeas, nonce);
      }
    }
    long[] jointRands = null;
    if (usesJointRand) {
      parts[0] = jointRandPart(ctx, 0, leaderBlind, leaderMeas, nonce);
      jointRands = jointRands(ctx, jointRandSeed(ctx, parts));
    }

    // The proofs, then the leader's share of them.
    long[] proveRands = proveRands(ctx, proveSeed);
    int w = field.words();
    int proofLen = circuit.proofLen();
    long[] leaderProofs = field.newVector(proofLen * proofs);
    for (int i = 0; i < proofs; i++) {
      long[] proof = circuit.prove(meas, slice(proveRands, i, circuit.proveRandLen()), slice(jointRands, i, circuit.jointRandLen()));
      System.arraycopy(proof, 0, leaderProofs, i * proofLen * w, proofLen * w);
    }
    for (int j = 0; j < helpers; j++) {
      field.subInPlace(leaderProofs, helperProofsShare(ctx, j + 1, helperShares[j]));
    }

    List<byte[]> inputShares = new ArrayList<>(shares);
    byte[] leader = new byte[inputShareLength(0)];
    int measBytes = field.encodedSize() * circuit.measLen();
    field.encode(leaderMeas, 0, circuit.measLen(), leader, 0);
    field.encode(leaderProofs, 0, proofLen * proofs, leader, measBytes);
    if (usesJointRand) {
      System.arraycopy(leaderBlind, 0, leader, leader.length - SEED_SIZE, SEED_SIZE);
    }
    inputShares.add(leader);
    for (int j = 0; j < helpers; j++) {
      inputShares.add(usesJointRand ? concat(helperShares[j], helperBlinds[j]) : helperShares[j]);
    }
    byte[] publicShare = usesJointRand ? concat(parts) : new byte[0];
    return new Prio3Report(nonce, publicShare, inputShares);
  }

  // ---------------------------------------------------------------------------------------------
  // Aggregators: the draft's verify_init, verifier_shares_to_message and verify_next.

  /**
   * The draft's {@code verify_init}: decodes this aggregator's share of a report, derives the
   * randomness, queries the proofs and returns the verification state and the encoded verifier
   * share to broadcast.
   *
   * @param key the aggregators' verification key
   * @param ctx the application context
   * @param aggregatorId this aggregator's index in {@code [0, shares())}; 0 is the leader
   * @param nonce the report's nonce
   * @param publicShare the report's encoded public share (identical at every aggregator)
   * @param inputShare this aggregator's encoded input share
   * @throws MalformedMessageException if the nonce, public share or input share does not decode
   * @throws ReportRejectedException if the query randomness hits an interpolation node
   * @throws IllegalArgumentException if {@code aggregatorId} or {@code ctx} is out of range
   */
  public VerifyInitResult verifyInit(
      VerifyKey key, byte[] ctx, int aggregatorId, byte[] nonce, byte[] publicShare, byte[] inputShare)
      throws MalformedMessageException, ReportRejectedException {
    Objects.requireNonNull(key, "key");
    checkContext(ctx);
    checkAggregatorId(aggregatorId);
    if (nonce.length != NONCE_SIZE) {
      throw MalformedMessageException.wrongLength("nonce", nonce.length, NONCE_SIZE);
    }
    if (publicShare.length != publicShareLength()) {
      throw MalformedMessageException.wrongLength("public share", publicShare.length, publicShareLength());
    }
    if (inputShare.length != inputShareLength(aggregatorId)) {
      throw MalformedMessageException.wrongLength("input share", inputShare.length, inputShareLength(aggregatorId));
    }
    int proofsLen = circuit.proofLen() * proofs;
    long[] measShare;
    long[] proofsShare;
    byte[] blind = usesJointRand ? Arrays.copyOfRange(inputShare, inputShare.length - SEED_SIZE, inputShare.length) : null;
    if (aggregatorId == 0) {
      measShare = field.newVector(circuit.measLen());
      proofsShare = field.newVector(proofsLen);
      boolean ok = field.decode(inputShare, 0, circuit.measLen(), measShare, 0);
      ok &= field.decode(inputShare, field.encodedSize() * circuit.measLen(), proofsLen, proofsShare, 0);
      if (!ok) {
        throw MalformedMessageException.nonCanonical("input share");
      }
    } else {
      byte[] seed = Arrays.copyOf(inputShare, SEED_SIZE);
      measShare = helperMeasShare(ctx, aggregatorId, seed);
      proofsShare = helperProofsShare(ctx, aggregatorId, seed);
    }
    long[] outShare = circuit.truncate(measShare);

    byte[] part = null;
    byte[] corrected = null;
    long[] jointRands = null;
    if (usesJointRand) {
      part = jointRandPart(ctx, aggregatorId, blind, measShare, nonce);
      byte[][] parts = new byte[shares][];
      for (int i = 0; i < shares; i++) {
        parts[i] = i == aggregatorId ? part : Arrays.copyOfRange(publicShare, i * SEED_SIZE, (i + 1) * SEED_SIZE);
      }
      corrected = jointRandSeed(ctx, parts);
      jointRands = jointRands(ctx, corrected);
    }

    long[] queryRands = queryRands(key, ctx, nonce);
    int w = field.words();
    int verifierLen = circuit.verifierLen();
    long[] verifiers = field.newVector(verifierLen * proofs);
    for (int i = 0; i < proofs; i++) {
      long[] verifier;
      try {
        verifier =
            circuit.query(
                measShare,
                slice(proofsShare, i, circuit.proofLen()),
                slice(queryRands, i, circuit.queryRandLen()),
                slice(jointRands, i, circuit.jointRandLen()),
                shares);
      } catch (Circuit.TestPointException e) {
        throw new ReportRejectedException(VdafException.Reason.TEST_POINT_IS_ROOT_OF_UNITY, "test point is a root of unity");
      }
      System.arraycopy(verifier, 0, verifiers, i * verifierLen * w, verifierLen * w);
    }
    byte[] verifierShare = new byte[verifierShareLength()];
    field.encode(verifiers, 0, verifierLen * proofs, verifierShare, 0);
    if (usesJointRand) {
      System.arraycopy(part, 0, verifierShare, verifierShare.length - SEED_SIZE, SEED_SIZE);
    }
    return new VerifyInitResult(new VerifyState(this, aggregatorId, outShare, corrected), verifierShare);
  }

  /**
   * The draft's {@code verifier_shares_to_message}: combines every aggregator's verifier share (in
   * aggregator order), decides each proof, and returns the encoded verifier message (the joint
   * randomness seed, or empty).
   *
   * @param ctx the application context
   * @param verifierShares one encoded verifier share per aggregator, leader first
   * @throws MalformedMessageException if a verifier share does not decode
   * @throws ReportRejectedException if a proof is rejected: the report is invalid
   * @throws IllegalArgumentException if the number of shares is not {@link #shares()}
   */
  public byte[] verifierSharesToMessage(byte[] ctx, List<byte[]> verifierShares)
      throws MalformedMessageException, ReportRejectedException {
    checkContext(ctx);
    if (verifierShares.size() != shares) {
      throw new IllegalArgumentException("need " + shares + " verifier shares, got " + verifierShares.size());
    }
    int verifierLen = circuit.verifierLen();
    long[] sum = field.newVector(verifierLen * proofs);
    long[] one = field.newVector(verifierLen * proofs);
    byte[][] parts = new byte[shares][];
    for (int i = 0; i < shares; i++) {
      byte[] share = verifierShares.get(i);
      if (share.length != verifierShareLength()) {
        throw MalformedMessageException.wrongLength("verifier share", share.length, verifierShareLength());
      }
      if (!field.decode(share, 0, verifierLen * proofs, one, 0)) {
        throw MalformedMessageException.nonCanonical("verifier share");
      }
      field.addInPlace(sum, one);
      if (usesJointRand) {
        parts[i] = Arrays.copyOfRange(share, share.length - SEED_SIZE, share.length);
      }
    }
    boolean valid = true;
    for (int i = 0; i < proofs; i++) {
      valid &= circuit.decide(slice(sum, i, verifierLen));
    }
    if (!valid) {
      throw new ReportRejectedException(VdafException.Reason.PROOF_REJECTED, "proof verifier check failed");
    }
    return usesJointRand ? jointRandSeed(ctx, parts) : new byte[0];
  }

  /**
   * The draft's {@code verify_next} (Prio3 has one round): checks the verifier message against the
   * joint randomness this aggregator computed and releases its output share. Consumes
   * {@code state}.
   *
   * @throws MalformedMessageException if the message has the wrong length
   * @throws ReportRejectedException if the joint randomness differs: the report is invalid
   * @throws IllegalArgumentException if the state belongs to another Prio3 instance
   * @throws IllegalStateException if the state was already used
   */
  public OutputShare verifyNext(VerifyState state, byte[] verifierMessage)
      throws MalformedMessageException, ReportRejectedException {
    if (state.prio3 != this) {
      throw new IllegalArgumentException("verification state of another Prio3 instance");
    }
    if (verifierMessage.length != verifierMessageLength()) {
      throw MalformedMessageException.wrongLength("verifier message", verifierMessage.length, verifierMessageLength());
    }
    state.consume();
    if (usesJointRand && !MessageDigest.isEqual(verifierMessage, state.correctedJointRandSeed)) {
      throw new ReportRejectedException(VdafException.Reason.JOINT_RANDOMNESS_MISMATCH, "joint randomness check failed");
    }
    return new OutputShare(this, state.outputShare);
  }

  /**
   * The leader (aggregator 0) of the draft's ping-pong topology for two aggregators, bound to a
   * verification key and application context.
   *
   * @throws IllegalStateException if this instance does not have exactly two aggregators
   */
  public PingPongLeader leader(VerifyKey key, byte[] ctx) {
    return new PingPongLeader(this, key, ctx);
  }

  /**
   * The helper (aggregator 1) of the draft's ping-pong topology, bound to a verification key and
   * application context.
   *
   * @throws IllegalStateException if this instance does not have exactly two aggregators
   */
  public PingPongHelper helper(VerifyKey key, byte[] ctx) {
    return new PingPongHelper(this, key, ctx);
  }

  // ---------------------------------------------------------------------------------------------
  // Aggregation and collection.

  /** A new, empty aggregate share ({@code agg_init}). */
  public AggregateShare newAggregateShare() {
    return new AggregateShare(this, field.newVector(circuit.outputLen()));
  }

  /**
   * Decodes an aggregate share sent by an aggregator.
   *
   * @throws MalformedMessageException if the length is wrong or an element is not canonical
   */
  public AggregateShare decodeAggregateShare(byte[] encoded) throws MalformedMessageException {
    if (encoded.length != aggregateShareLength()) {
      throw MalformedMessageException.wrongLength("aggregate share", encoded.length, aggregateShareLength());
    }
    long[] v = field.newVector(circuit.outputLen());
    if (!field.decode(encoded, 0, circuit.outputLen(), v, 0)) {
      throw MalformedMessageException.nonCanonical("aggregate share");
    }
    return new AggregateShare(this, v);
  }

  /**
   * The draft's {@code unshard}: adds the aggregators' shares and decodes the aggregate result.
   * Beyond the draft, the result is checked against what {@code numMeasurements} valid
   * measurements can produce (for example a count at most {@code numMeasurements}, histogram
   * buckets summing to it), wherever that bound is below the field modulus.
   *
   * @param aggregateShares one share per aggregator
   * @param numMeasurements the number of reports aggregated, as the aggregators report it
   * @throws InvalidAggregateException if the result is impossible for that many valid reports
   * @throws IllegalArgumentException if the number of shares is not {@link #shares()}, a share
   *     belongs to another instance, or {@code numMeasurements} is negative
   */
  public R unshard(List<AggregateShare> aggregateShares, long numMeasurements) throws InvalidAggregateException {
    if (aggregateShares.size() != shares) {
      throw new IllegalArgumentException("need " + shares + " aggregate shares, got " + aggregateShares.size());
    }
    if (numMeasurements < 0) {
      throw new IllegalArgumentException("negative number of measurements");
    }
    long[] sum = field.newVector(circuit.outputLen());
    for (AggregateShare s : aggregateShares) {
      if (s.prio3() != this) {
        throw new IllegalArgumentException("aggregate share of another Prio3 instance");
      }
      field.addInPlace(sum, s.sum);
    }
    return codec.decode(field, sum, numMeasurements);
  }

  // ---------------------------------------------------------------------------------------------
  // Auxiliary functions ("Auxiliary Functions" of the draft's Prio3 section).

  private byte[] dst(Usage use, byte[] ctx) {
    int usage = use.code();
    byte[] dst = new byte[8 + ctx.length];
    dst[0] = (byte) VERSION;
    dst[1] = 0; // algorithm class: VDAF
    dst[2] = (byte) (algorithmId >>> 24);
    dst[3] = (byte) (algorithmId >>> 16);
    dst[4] = (byte) (algorithmId >>> 8);
    dst[5] = (byte) algorithmId;
    dst[6] = (byte) (usage >>> 8);
    dst[7] = (byte) usage;
    System.arraycopy(ctx, 0, dst, 8, ctx.length);
    return dst;
  }

  private long[] helperMeasShare(byte[] ctx, int aggregatorId, byte[] seed) {
    return new XofTurboShake128(seed, dst(Usage.MEAS_SHARE, ctx))
        .binderByte(aggregatorId)
        .nextVec(field, circuit.measLen());
  }

  private long[] helperProofsShare(byte[] ctx, int aggregatorId, byte[] seed) {
    return new XofTurboShake128(seed, dst(Usage.PROOF_SHARE, ctx))
        .binderByte(proofs)
        .binderByte(aggregatorId)
        .nextVec(field, circuit.proofLen() * proofs);
  }

  private long[] proveRands(byte[] ctx, byte[] seed) {
    return new XofTurboShake128(seed, dst(Usage.PROVE_RANDOMNESS, ctx))
        .binderByte(proofs)
        .nextVec(field, circuit.proveRandLen() * proofs);
  }

  private long[] queryRands(VerifyKey key, byte[] ctx, byte[] nonce) {
    return new XofTurboShake128(key.bytes(), dst(Usage.QUERY_RANDOMNESS, ctx))
        .binderByte(proofs)
        .binder(nonce)
        .nextVec(field, circuit.queryRandLen() * proofs);
  }

  private byte[] jointRandPart(byte[] ctx, int aggregatorId, byte[] blind, long[] measShare, byte[] nonce) {
    // The binder ends with the encoded measurement share, absorbed straight from its words.
    return new XofTurboShake128(blind, dst(Usage.JOINT_RAND_PART, ctx))
        .binderByte(aggregatorId)
        .binder(nonce)
        .binderLongs(measShare, 0, measShare.length)
        .nextSeed();
  }

  private byte[] jointRandSeed(byte[] ctx, byte[][] parts) {
    XofTurboShake128 xof = new XofTurboShake128(new byte[SEED_SIZE], dst(Usage.JOINT_RAND_SEED, ctx));
    for (byte[] part : parts) {
      xof.binder(part);
    }
    return xof.nextSeed();
  }

  private long[] jointRands(byte[] ctx, byte[] seed) {
    return new XofTurboShake128(seed, dst(Usage.JOINT_RANDOMNESS, ctx))
        .binderByte(proofs)
        .nextVec(field, circuit.jointRandLen() * proofs);
  }

  private long[] slice(long[] v, int index, int len) {
    if (len == 0 || v == null) {
      return field.newVector(0);
    }
    int w = field.words();
    return Arrays.copyOfRange(v, index * len * w, (index + 1) * len * w);
  }

  private static byte[] concat(byte[]... parts) {
    int len = 0;
    for (byte[] p : parts) {
      len += p.length;
    }
    byte[] out = new byte[len];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  private void checkAggregatorId(int aggregatorId) {
    if (aggregatorId < 0 || aggregatorId >= shares) {
      throw new IllegalArgumentException("aggregator id " + aggregatorId + " not in [0, " + shares + ")");
    }
  }

  static void checkContext(byte[] ctx) {
    if (ctx.length > MAX_CONTEXT_LENGTH) {
      throw new IllegalArgumentException("application context longer than " + MAX_CONTEXT_LENGTH + " bytes");
    }
  }
}
