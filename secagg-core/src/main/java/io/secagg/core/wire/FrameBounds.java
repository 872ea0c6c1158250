package io.secagg.core.wire;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pre-parse of an untrusted protobuf frame that allocates nothing per field: it walks the
 * wire format against the message's schema and rejects the frame before protobuf-java builds a
 * single object when a repeated field has more entries than the session allows, a field is
 * unknown, of the wrong wire type, or (not being repeated) present twice, a length runs past its
 * enclosing message, or a varint is longer than 10 bytes.
 *
 * <p>Why it exists: protobuf-java materialises every entry of a repeated field (an object per
 * message entry, a boxed or packed slot per integer) before any count can be checked, so a frame
 * of two-byte empty entries costs around 100 bytes of heap per frame byte. After this walk the
 * parser only ever builds at most the bounded number of entries, so decoding stays within a
 * small constant times the frame length (spec section 5.10).
 *
 * <p>Every repeated field reachable from the root must have a bound: the constructor fails
 * otherwise, so a field added to the schema cannot be forgotten. Instances are immutable.
 */
final class FrameBounds {
  /** Deeper nesting than the schema allows is rejected; the secagg.v1 schema has depth 3. */
  private static final int MAX_DEPTH = 8;

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LEN = 2;
  private static final int FIXED32 = 5;

  private final Descriptor root;
  private final Map<FieldDescriptor, Integer> limits;

  /**
   * @param root the schema of the frame
   * @param limitsByName the most entries each repeated field may have, by full field name
   * @throws IllegalStateException if a repeated field reachable from {@code root} has no bound,
   *     or a bound names no such field
   */
  FrameBounds(Descriptor root, Map<String, Integer> limitsByName) {
    this.root = root;
    Map<FieldDescriptor, Integer> byField = new HashMap<>();
    Set<String> used = new HashSet<>();
    Deque<Descriptor> todo = new ArrayDeque<>(List.of(root));
    Set<Descriptor> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Descriptor d = todo.pop();
      if (!seen.add(d)) {
        continue;
      }
      for (FieldDescriptor f : d.getFields()) {
        if (f.isRepeated()) {
          Integer limit = limitsByName.get(f.getFullName());
          if (limit == null) {
            throw new IllegalStateException("no entry bound for repeated field " + f.getFullName());
          }
          byField.put(f, limit);
          used.add(f.getFullName());
        }
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          todo.push(f.getMessageType());
        }
      }
    }
    if (!used.containsAll(limitsByName.keySet())) {
      throw new IllegalStateException("entry bounds name unknown fields: " + limitsByName.keySet());
    }
    this.limits = Map.copyOf(byField);
  }

  /**
   * Walks {@code frame} against the schema.
   *
   * @param what "server" or "client", for messages
   * @throws WireFormatException at the first violation (the message names the field)
   */
  void check(byte[] frame, String what) throws WireFormatException {
    int end = walk(frame, 0, frame.length, root, 0, what);
    if (end != frame.length) {
      throw new WireFormatException(what + " frame is not valid protobuf");
    }
  }

  /** Walks one message occupying {@code [pos, end)}; returns {@code end}. */
  private int walk(byte[] b, int pos, int end, Descriptor d, int depth, String what)
      throws WireFormatException {
    if (depth > MAX_DEPTH) {
      throw new WireFormatException(what + " frame nests messages too deeply");
    }
    List<FieldDescriptor> fields = d.getFields();
    // Non-repeated fields seen so far, by field index (schema messages have far fewer than 64).
    long once = 0;
    int[] counts = null;
    while (pos < end) {
      long tag = varint(b, pos, end, what);
      pos += varintLength(b, pos);
      int wireType = (int) (tag & 7);
      long number = tag >>> 3;
      FieldDescriptor f = number > Integer.MAX_VALUE ? null : d.findFieldByNumber((int) number);
      if (f == null) {
        throw new WireFormatException(
            what + " frame has unknown field " + Long.toUnsignedString(number) + " in " + d.getName());
      }
      int expected = wireTypeOf(f);
      if (wireType != expected) {
        throw new WireFormatException(
            what + " frame has field " + f.getName() + " with wire type " + wireType
                + " (canonical encoding uses " + expected + ")");
      }
      int index = f.getIndex();
      if (!f.isRepeated() || f.isPacked()) {
        // A packed repeated field is one length-delimited record in canonical form, so it too
        // occurs at most once.
        if (index >= 64) {
          throw new IllegalStateException("message " + d.getFullName() + " has too many fields");
        }
        if ((once & (1L << index)) != 0) {
          throw new WireFormatException(what + " frame repeats field " + f.getName());
        }
        once |= 1L << index;
      }
      long entries = 1;
      switch (wireType) {
        case VARINT:
          varint(b, pos, end, what);
          pos += varintLength(b, pos);
          break;
        case FIXED64:
          pos = skip(pos, 8, end, what);
          break;
        case FIXED32:
          pos = skip(pos, 4, end, what);
          break;
        default: {
          long len = varint(b, pos, end, what);
          pos += varintLength(b, pos);
          // A 10-byte varint can exceed 2^63 and read as negative.
          if (len < 0 || len > end - pos) {
            throw new WireFormatException(what + " frame is truncated in field " + f.getName());
          }
          int stop = pos + (int) len;
          if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            walk(b, pos, stop, f.getMessageType(), depth + 1, what);
          } else if (f.isPacked()) {
            entries = packedCount(b, pos, stop, f, what);
          }
          pos = stop;
        }
      }
      if (f.isRepeated()) {
        if (counts == null) {
          counts = new int[fields.size()];
        }
        long total = counts[index] + entries;
        int limit = limits.get(f);
        if (total > limit) {
          throw new WireFormatException(
              what + " frame's " + f.getName() + " list has more than " + limit + " entries");
        }
        counts[index] = (int) total;
      }
    }
    if (pos != end) {
      throw new WireFormatException(what + " frame is truncated in " + d.getName());
    }
    return end;
  }

  /** The number of varints in a packed run, which must end exactly at {@code stop}. */
  private static long packedCount(byte[] b, int pos, int stop, FieldDescriptor f, String what)
      throws WireFormatException {
    if (wireTypeOfScalar(f) != VARINT) {
      int width = wireTypeOfScalar(f) == FIXED32 ? 4 : 8;
      if ((stop - pos) % width != 0) {
        throw new WireFormatException(what + " frame has a truncated packed field " + f.getName());
      }
      return (stop - pos) / width;
    }
    long count = 0;
    while (pos < stop) {
      varint(b, pos, stop, what);
      pos += varintLength(b, pos);
      count++;
    }
    return count;
  }

  private static int skip(int pos, int n, int end, String what) throws WireFormatException {
    if (n > end - pos) {
      throw new WireFormatException(what + " frame is truncated");
    }
    return pos + n;
  }

  /**
   * The varint at {@code pos}, which must end before {@code end} and take at most 10 bytes.
   * Callers advance with {@link #varintLength}.
   */
  private static long varint(byte[] b, int pos, int end, String what) throws WireFormatException {
    long v = 0;
    for (int i = 0; i < 10; i++) {
      if (pos + i >= end) {
        throw new WireFormatException(what + " frame is truncated inside a varint");
      }
      int x = b[pos + i];
      v |= (long) (x & 0x7f) << (7 * i);
      if (x >= 0) {
        return v;
      }
    }
    throw new WireFormatException(what + " frame has a varint longer than 10 bytes");
  }

  /** The length of a varint {@link #varint} has already validated. */
  private static int varintLength(byte[] b, int pos) {
    int i = 0;
    while (b[pos + i] < 0) {
      i++;
    }
    return i + 1;
  }

  /** The wire type of one occurrence of {@code f} in canonical (packed) form. */
  private static int wireTypeOf(FieldDescriptor f) {
    if (f.isPacked()) {
      return LEN;
    }
    return wireTypeOfScalar(f);
  }

  private static int wireTypeOfScalar(FieldDescriptor f) {
    switch (f.getType()) {
      case DOUBLE:
      case FIXED64:
      case SFIXED64:
        return FIXED64;
      case FLOAT:
      case FIXED32:
      case SFIXED32:
        return FIXED32;
      case STRING:
      case BYTES:
      case MESSAGE:
        return LEN;
      case GROUP:
        // Groups are not used by the schema; treating them as length-delimited makes any group
        // tag a wire-type mismatch.
        return LEN;
      default:
        return VARINT;
    }
  }
}
