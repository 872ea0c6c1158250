package io.secagg.vectors.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Deterministically produces one vector file. Every random input comes from a fixed seed, so the
 * same code always produces the same bytes; {@link AbstractKnownAnswerTest} checks that the
 * committed file equals what the generator produces.
 */
public interface VectorFileGenerator {
  /** The file name inside {@code test-vectors/v1/}, e.g. {@code prg_aes128ctr_test.json}. */
  String fileName();

  /** The whole file, built with {@link Vectors#newFile}. */
  ObjectNode generate() throws Exception;
}
