package io.secagg.core.shamir;

import java.security.SecureRandom;

/** A SecureRandom that returns a fixed script of bytes, then fails: for sampler tests only. */
final class ScriptedRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;
  private final byte[] script;
  private int next;
  private int calls;

  ScriptedRandom(byte[] script) {
    this.script = script.clone();
  }

  /** The script made of 8-byte big-endian words. */
  static ScriptedRandom ofWords(long... words) {
    byte[] b = new byte[8 * words.length];
    for (int i = 0; i < words.length; i++) {
      SecretChunks.writeLong(b, 8 * i, words[i]);
    }
    return new ScriptedRandom(b);
  }

  @Override
  public synchronized void nextBytes(byte[] bytes) {
    if (next + bytes.length > script.length) {
      throw new IllegalStateException("script exhausted");
    }
    System.arraycopy(script, next, bytes, 0, bytes.length);
    next += bytes.length;
    calls++;
  }

  int calls() {
    return calls;
  }

  int remaining() {
    return script.length - next;
  }
}
