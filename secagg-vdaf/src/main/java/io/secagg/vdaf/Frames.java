package io.secagg.vdaf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The framing of {@link BoundedVector}'s messages over a transport ({@code spec/vdaf.md},
 * "Transport framing"): every frame is {@code u8 version || u8 type || body}, integers
 * big-endian, every variable part preceded by its length. Decoding checks each count and length
 * against the bytes that remain and against what the Prio3 instance allows before it allocates,
 * rejects trailing bytes and duplicate nonces, and raises only {@link MalformedMessageException}.
 */
final class Frames {
  /** The framing version this library writes and reads. */
  static final int VERSION = 1;

  static final int UPLOAD = 1;
  static final int VERIFY_INIT = 2;
  static final int VERIFY_RESPONSE = 3;
  static final int COMMIT = 4;
  static final int AGGREGATE_SHARE = 5;

  static final int CHECKSUM_SIZE = 32;

  /** Status 0 is "verified"; status {@code i > 0} is the rejection reason {@code STATUS[i]}. */
  private static final VdafException.Reason[] STATUS = {
    null,
    VdafException.Reason.WRONG_LENGTH,
    VdafException.Reason.NON_CANONICAL_FIELD_ELEMENT,
    VdafException.Reason.UNKNOWN_MESSAGE_TYPE,
    VdafException.Reason.UNEXPECTED_MESSAGE_TYPE,
    VdafException.Reason.PROOF_REJECTED,
    VdafException.Reason.JOINT_RANDOMNESS_MISMATCH,
    VdafException.Reason.TEST_POINT_IS_ROOT_OF_UNITY,
    VdafException.Reason.UNKNOWN_REPORT,
  };

  private Frames() {}

  /** A report nonce as a map key. */
  record Nonce(long hi, long lo) {
    static Nonce of(byte[] b) {
      return new Nonce(Reader.getLong(b, 0), Reader.getLong(b, 8));
    }

    byte[] bytes() {
      byte[] b = new byte[Prio3.NONCE_SIZE];
      Writer.putLong(b, 0, hi);
      Writer.putLong(b, 8, lo);
      return b;
    }
  }

  record Upload(byte[] nonce, byte[] publicShare, byte[] inputShare) {}

  /** One report in a verification frame: {@code status} 0 with a message, or a reason. */
  record Entry(Nonce nonce, int status, byte[] message) {}

  record Job(long job, List<Entry> entries) {}

  record Commit(long job, List<Nonce> nonces) {}

  record AggShare(int aggregatorId, long reports, byte[] checksum, boolean noised, byte[] share) {}

  static int status(VdafException.Reason reason) {
    for (int i = 1; i < STATUS.length; i++) {
      if (STATUS[i] == reason) {
        return i;
      }
    }
    throw new IllegalArgumentException("no wire status for " + reason);
  }

  static VdafException.Reason reason(int status) {
    return STATUS[status];
  }

  // -----------------------------------------------------------------------------------------
  // Encoding.

  static byte[] upload(Prio3Report report, int aggregatorId) {
    byte[] pub = report.publicShare();
    byte[] share = report.inputShare(aggregatorId);
    Writer w = new Writer(UPLOAD, Prio3.NONCE_SIZE + 8 + pub.length + share.length);
    w.bytes(report.nonce());
    w.u32(pub.length).bytes(pub);
    w.u32(share.length).bytes(share);
    return w.done();
  }

  /** A VERIFY_INIT or VERIFY_RESPONSE frame. */
  static byte[] job(int type, long job, List<Entry> entries) {
    int len = 8;
    for (Entry e : entries) {
      len = Math.addExact(len, Prio3.NONCE_SIZE + (type == VERIFY_RESPONSE ? 1 : 0)
          + (e.status() == 0 ? 4 + e.message().length : 0));
    }
    Writer w = new Writer(type, len);
    w.u32(job).u32(entries.size());
    for (Entry e : entries) {
      w.bytes(e.nonce().bytes());
      if (type == VERIFY_RESPONSE) {
        w.u8(e.status());
      }
      if (e.status() == 0) {
        w.u32(e.message().length).bytes(e.message());
      }
    }
    return w.done();
  }

  static byte[] commit(long job, List<Nonce> nonces) {
    Writer w = new Writer(COMMIT, 8 + nonces.size() * Prio3.NONCE_SIZE);
    w.u32(job).u32(nonces.size());
    for (Nonce n : nonces) {
      w.bytes(n.bytes());
    }
    return w.done();
  }

  static byte[] aggregateShare(AggShare a) {
    Writer w = new Writer(AGGREGATE_SHARE, 1 + 8 + CHECKSUM_SIZE + 1 + 4 + a.share().length);
    w.u8(a.aggregatorId()).u64(a.reports()).bytes(a.checksum()).u8(a.noised() ? 1 : 0);
    w.u32(a.share().length).bytes(a.share());
    return w.done();
  }

  // -----------------------------------------------------------------------------------------
  // Decoding.

  static Upload decodeUpload(byte[] frame, int publicShareLength, int inputShareLength)
      throws MalformedMessageException {
    Reader r = Reader.open(frame, UPLOAD, "upload");
    byte[] nonce = r.take(Prio3.NONCE_SIZE, "nonce");
    byte[] pub = r.take(r.length(publicShareLength, "public share"), "public share");
    byte[] share = r.take(r.length(inputShareLength, "input share"), "input share");
    r.end();
    return new Upload(nonce, pub, share);
  }

  /**
   * A VERIFY_INIT ({@code type}) or VERIFY_RESPONSE frame whose verified entries carry messages of
   * exactly {@code messageLength} bytes.
   */
  static Job decodeJob(byte[] frame, int type, int messageLength) throws MalformedMessageException {
    String what = type == VERIFY_INIT ? "verify-init frame" : "verify-response frame";
    Reader r = Reader.open(frame, type, what);
    long job = r.u32();
    int minEntry = Prio3.NONCE_SIZE + (type == VERIFY_RESPONSE ? 1 : 4 + messageLength);
    int count = r.count(minEntry, what);
    List<Entry> entries = new ArrayList<>(count);
    Set<Nonce> seen = new HashSet<>();
    for (int i = 0; i < count; i++) {
      Nonce nonce = Nonce.of(r.take(Prio3.NONCE_SIZE, "nonce"));
      if (!seen.add(nonce)) {
        throw malformed(what + " names a report twice");
      }
      int status = type == VERIFY_RESPONSE ? r.u8() : 0;
      if (status >= STATUS.length) {
        throw malformed(what + " has unknown status " + status);
      }
      byte[] message = status == 0 ? r.take(r.length(messageLength, "ping-pong message"), "ping-pong message") : null;
      entries.add(new Entry(nonce, status, message));
    }
    r.end();
    return new Job(job, entries);
  }

  static Commit decodeCommit(byte[] frame) throws MalformedMessageException {
    Reader r = Reader.open(frame, COMMIT, "commit frame");
    long job = r.u32();
    int count = r.count(Prio3.NONCE_SIZE, "commit frame");
    List<Nonce> nonces = new ArrayList<>(count);
    Set<Nonce> seen = new HashSet<>();
    for (int i = 0; i < count; i++) {
      Nonce n = Nonce.of(r.take(Prio3.NONCE_SIZE, "nonce"));
      if (!seen.add(n)) {
        throw malformed("commit frame names a report twice");
      }
      nonces.add(n);
    }
    r.end();
    return new Commit(job, nonces);
  }

  static AggShare decodeAggregateShare(byte[] frame, int shareLength) throws MalformedMessageException {
    Reader r = Reader.open(frame, AGGREGATE_SHARE, "aggregate-share frame");
    int id = r.u8();
    long reports = r.u64();
    if (reports < 0) {
      throw malformed("aggregate-share frame has a negative report count");
    }
    byte[] checksum = r.take(CHECKSUM_SIZE, "checksum");
    int noised = r.u8();
    if (noised > 1) {
      throw malformed("aggregate-share frame has noise flag " + noised);
    }
    byte[] share = r.take(r.length(shareLength, "aggregate share"), "aggregate share");
    r.end();
    return new AggShare(id, reports, checksum, noised == 1, share);
  }

  static MalformedMessageException malformed(String message) {
    return new MalformedMessageException(VdafException.Reason.MALFORMED_FRAME, message);
  }

  /** Reads a frame front to back; every read is bounds-checked first. */
  private static final class Reader {
    private final byte[] b;
    private int pos;

    private Reader(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    static Reader open(byte[] frame, int type, String what) throws MalformedMessageException {
      if (frame.length < 2) {
        throw MalformedMessageException.wrongLength(what, frame.length, 2);
      }
      if ((frame[0] & 0xFF) != VERSION) {
        throw new MalformedMessageException(VdafException.Reason.UNSUPPORTED_VERSION,
            what + " has framing version " + (frame[0] & 0xFF) + ", this library speaks " + VERSION);
      }
      if ((frame[1] & 0xFF) != type) {
        throw malformed("expected a " + what + " (type " + type + "), got type " + (frame[1] & 0xFF));
      }
      return new Reader(frame, 2);
    }

    private void need(int n, String what) throws MalformedMessageException {
      if (b.length - pos < n) {
        throw new MalformedMessageException(VdafException.Reason.WRONG_LENGTH,
            "frame truncated in " + what + ": " + (b.length - pos) + " bytes left, " + n + " needed");
      }
    }

    int u8() throws MalformedMessageException {
      need(1, "a byte");
      return b[pos++] & 0xFF;
    }

    long u32() throws MalformedMessageException {
      need(4, "a length");
      long v = ((b[pos] & 0xFFL) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
      pos += 4;
      return v;
    }

    long u64() throws MalformedMessageException {
      need(8, "a count");
      long v = getLong(b, pos);
      pos += 8;
      return v;
    }

    /** A length field that must equal {@code expected}, the only length this instance allows. */
    int length(int expected, String what) throws MalformedMessageException {
      long len = u32();
      if (len != expected) {
        throw new MalformedMessageException(VdafException.Reason.WRONG_LENGTH,
            what + " has " + len + " bytes, expected " + expected);
      }
      return expected;
    }

    /** An entry count, at most what the remaining bytes can hold at {@code minEntry} each. */
    int count(int minEntry, String what) throws MalformedMessageException {
      long count = u32();
      if (count > (b.length - pos) / minEntry) {
        throw malformed(what + " announces " + count + " entries; its " + (b.length - pos) + " bytes hold at most "
            + (b.length - pos) / minEntry);
      }
      return (int) count;
    }

    byte[] take(int n, String what) throws MalformedMessageException {
      need(n, what);
      byte[] out = Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }

    void end() throws MalformedMessageException {
      if (pos != b.length) {
        throw malformed("frame has " + (b.length - pos) + " trailing bytes");
      }
    }

    static long getLong(byte[] b, int off) {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (b[off + i] & 0xFF);
      }
      return v;
    }
  }

  /** Writes a frame of a known size. */
  private static final class Writer {
    private final byte[] b;
    private int pos;

    Writer(int type, int bodyLength) {
      b = new byte[Math.addExact(2, bodyLength)];
      b[0] = (byte) VERSION;
      b[1] = (byte) type;
      pos = 2;
    }

    Writer u8(int v) {
      b[pos++] = (byte) v;
      return this;
    }

    Writer u32(long v) {
      b[pos] = (byte) (v >>> 24);
      b[pos + 1] = (byte) (v >>> 16);
      b[pos + 2] = (byte) (v >>> 8);
      b[pos + 3] = (byte) v;
      pos += 4;
      return this;
    }

    Writer u64(long v) {
      putLong(b, pos, v);
      pos += 8;
      return this;
    }

    Writer bytes(byte[] v) {
      System.arraycopy(v, 0, b, pos, v.length);
      pos += v.length;
      return this;
    }

    byte[] done() {
      if (pos != b.length) {
        throw new IllegalStateException("frame size miscounted");
      }
      return b;
    }

    static void putLong(byte[] b, int off, long v) {
      for (int i = 7; i >= 0; i--) {
        b[off + i] = (byte) v;
        v >>>= 8;
      }
    }
  }
}
