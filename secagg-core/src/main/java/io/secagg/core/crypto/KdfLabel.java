package io.secagg.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A domain-separation label for HKDF-SHA256: every key, seed or identifier that secagg derives
 * names its purpose with one of these, so that two derivations for different purposes can never
 * yield the same bytes even from the same input keying material.
 *
 * <p>A label is an ASCII string of the form {@code "secagg/v1 " name}, where {@code name} is 1 to
 * 54 characters from {@code [a-z0-9-]} starting with a letter or digit (so a label is at most 64
 * bytes and never contains a zero byte). The HKDF {@code info} for label {@code L} and context
 * {@code C} is {@code ASCII(L) || 0x00 || C} ({@link #info}). Because no label contains a zero
 * byte, the first zero byte of {@code info} marks where the label ends: distinct (label, context)
 * pairs always give distinct {@code info} strings.
 *
 * <p>The labels the protocol uses are the constants of this class; {@code spec/secagg.md}
 * section 2.4.3 lists each with its input keying material, salt, context and output length. A
 * new purpose gets a new label (never a reused one), added here and to the spec table; {@link
 * #of} exists so that other packages and tests can build labels that follow the same rules.
 *
 * <p>Instances are immutable; {@link #equals} compares the label text.
 */
public final class KdfLabel {
  /** The prefix every label starts with: the protocol name and its version, then one space. */
  public static final String PREFIX = "secagg/v1 ";

  /** The longest label in bytes (prefix included). */
  public static final int MAX_LENGTH = 64;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /**
   * {@code "secagg/v1 session-id"}: the 32-byte session identifier, derived from the transcript
   * of the key-advertisement round (the protocol section defines the input keying material).
   */
  public static final KdfLabel SESSION_ID = new KdfLabel("secagg/v1 session-id");

  /**
   * {@code "secagg/v1 pairwise-mask-seed"}: the 32-byte PRG seed of the pairwise mask between two
   * clients, from their X25519 shared secret of the masking key pair.
   */
  public static final KdfLabel PAIRWISE_MASK_SEED = new KdfLabel("secagg/v1 pairwise-mask-seed");

  /**
   * {@code "secagg/v1 share-encryption-key"}: the AES-GCM key that encrypts the secret shares one
   * client sends another through the server, from their X25519 shared secret of the channel key
   * pair.
   */
  public static final KdfLabel SHARE_ENCRYPTION_KEY =
      new KdfLabel("secagg/v1 share-encryption-key");

  /**
   * {@code "secagg/v1 config-digest"}: the 32-byte digest of a session's configuration, bound into
   * the session id.
   */
  public static final KdfLabel CONFIG_DIGEST = new KdfLabel("secagg/v1 config-digest");

  /**
   * {@code "secagg/v1 graph-seed"}: the 32-byte public seed of the SecAgg+ masking graph, from the
   * session id.
   */
  public static final KdfLabel GRAPH_SEED = new KdfLabel("secagg/v1 graph-seed");

  /**
   * {@code "secagg/v1 keystream-mask"}: the AES-128 key and counter block of mask expansion, from
   * a 32-byte mask seed and the mask's context (24 bytes of output; see {@link Keystream}).
   */
  public static final KdfLabel KEYSTREAM_MASK = new KdfLabel("secagg/v1 keystream-mask");

  /**
   * {@code "secagg/v1 keystream-graph"}: the keystream that orders the clients on the ring of a
   * SecAgg+ masking graph, from the 32-byte graph seed with context {@code BE32(n) || BE32(k)}.
   */
  public static final KdfLabel KEYSTREAM_GRAPH = new KdfLabel("secagg/v1 keystream-graph");

  /**
   * {@code "secagg/v1 keystream-quant-rounding"}: the keystream of stochastic rounding in
   * quantization, from a client's private 32-byte rounding seed.
   */
  public static final KdfLabel KEYSTREAM_QUANT_ROUNDING =
      new KdfLabel("secagg/v1 keystream-quant-rounding");

  /**
   * {@code "secagg/v1 keystream-dp-bits"}: the bit source of the differential-privacy samplers,
   * from a 32-byte random seed (or, for test vectors only, any seed).
   */
  public static final KdfLabel KEYSTREAM_DP_BITS = new KdfLabel("secagg/v1 keystream-dp-bits");

  /**
   * {@code "secagg/v1 keystream-dp-rotation-signs"}: the random signs of the distributed discrete
   * Gaussian's Hadamard rotation, from the round's shared 32-byte rotation seed.
   */
  public static final KdfLabel KEYSTREAM_DP_ROTATION_SIGNS =
      new KdfLabel("secagg/v1 keystream-dp-rotation-signs");

  /**
   * {@code "secagg/v1 keystream-deterministic-random"}: the reproducible stream of {@link
   * DeterministicRandom}, for test vectors and simulations only, from a seed of any length.
   */
  public static final KdfLabel KEYSTREAM_DETERMINISTIC_RANDOM =
      new KdfLabel("secagg/v1 keystream-deterministic-random");

  /**
   * {@code "secagg/v1 self-mask-commitment"}: a client's 32-byte hash commitment to its self-mask
   * seed b_u (ikm b_u, salt the session id, context the client id), sent to the server so that it
   * can check every reconstruction of b_u.
   */
  public static final KdfLabel SELF_MASK_COMMITMENT = new KdfLabel("secagg/v1 self-mask-commitment");

  private static final List<KdfLabel> PROTOCOL_LABELS =
      List.of(
          SESSION_ID, PAIRWISE_MASK_SEED, SHARE_ENCRYPTION_KEY, CONFIG_DIGEST, GRAPH_SEED,
          KEYSTREAM_MASK, KEYSTREAM_GRAPH, KEYSTREAM_QUANT_ROUNDING, KEYSTREAM_DP_BITS,
          KEYSTREAM_DP_ROTATION_SIGNS, KEYSTREAM_DETERMINISTIC_RANDOM, SELF_MASK_COMMITMENT);

  private final String value;
  private final byte[] bytes;

  private KdfLabel(String value) {
    this.value = value;
    this.bytes = value.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A label following the rules of this class.
   *
   * @param label the full label, e.g. {@code "secagg/v1 pairwise-mask-seed"}
   * @throws NullPointerException if {@code label} is null
   * @throws IllegalArgumentException if {@code label} does not start with {@link #PREFIX}, is
   *     longer than {@link #MAX_LENGTH} characters, or its name part is empty or has a character
   *     outside {@code [a-z0-9-]} (or starts with {@code -})
   */
  public static KdfLabel of(String label) {
    Objects.requireNonNull(label, "label");
    if (!label.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "Invalid KDF label '" + printable(label) + "'; must start with '" + PREFIX + "'");
    }
    if (label.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Invalid KDF label of " + label.length() + " characters; at most " + MAX_LENGTH);
    }
    String name = label.substring(PREFIX.length());
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid KDF label '" + printable(label) + "'; the name after the prefix must be"
              + " non-empty, start with [a-z0-9] and use only [a-z0-9-]");
    }
    return new KdfLabel(label);
  }

  /** Every label the protocol defines, in the order of the spec's table. */
  public static List<KdfLabel> protocolLabels() {
    return PROTOCOL_LABELS;
  }

  /** The label text, e.g. {@code "secagg/v1 session-id"}. */
  public String value() {
    return value;
  }

  /** The label's ASCII bytes (a fresh copy). */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * The HKDF {@code info} string {@code ASCII(label) || 0x00 || context}.
   *
   * @param context the purpose-specific context (may be empty)
   * @throws NullPointerException if {@code context} is null
   * @throws IllegalArgumentException if the result would exceed {@code Integer.MAX_VALUE - 8}
   *     bytes
   */
  public byte[] info(byte[] context) {
    Objects.requireNonNull(context, "context");
    if (context.length > Integer.MAX_VALUE - 8 - bytes.length - 1) {
      throw new IllegalArgumentException("KDF context of " + context.length + " bytes is too long");
    }
    byte[] info = Arrays.copyOf(bytes, bytes.length + 1 + context.length);
    System.arraycopy(context, 0, info, bytes.length + 1, context.length);
    return info;
  }

  /** True iff {@code o} is a label with the same text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof KdfLabel && ((KdfLabel) o).value.equals(value);
  }

  /** The hash of the label text. */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The label text (labels are public). */
  @Override
  public String toString() {
    return value;
  }

  // Error messages echo a rejected label, which is public, but must not carry control characters
  // into logs.
  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    int shown = Math.min(s.length(), MAX_LENGTH + 8);
    for (int i = 0; i < shown; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    if (shown < s.length()) {
      b.append("...");
    }
    return b.toString();
  }
}
