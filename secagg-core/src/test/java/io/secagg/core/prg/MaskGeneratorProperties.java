package io.secagg.core.prg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.secagg.core.crypto.SecretBytes;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Moduli;
import io.secagg.core.vector.Modulus;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of mask expansion over random moduli of both families, seeds, contexts and lengths. */
class MaskGeneratorProperties {
  @Provide
  Arbitrary<Modulus> modulus() {
    return Moduli.any();
  }

  @Provide
  Arbitrary<byte[]> seed() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Provide
  Arbitrary<byte[]> context() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
  }

  /** One mask to expand: a modulus, a length, a seed and a context. */
  record Draw(Modulus m, int length, byte[] seed, byte[] context) {
    MaskGenerator generator() {
      return AesCtrMaskGenerator.create(m, length);
    }

    SecretBytes key() {
      return SecretBytes.copyOf(seed);
    }
  }

  /** Draws of up to 9000 elements (the reference, too, is checked over the whole range). */
  @Provide
  Arbitrary<Draw> draws() {
    return Combinators.combine(modulus(), Arbitraries.integers().between(0, 9000), seed(), context())
        .as(Draw::new);
  }

  @Property(tries = 60)
  void subtractingTheSameMaskRestoresTheAccumulator(@ForAll("draws") Draw d) {
    MaskGenerator g = d.generator();
    ModVector original = g.expand(SecretBytes.copyOf(new byte[32]), new byte[] {42});
    ModVector acc = original.copy();
    g.addMask(d.key(), d.context(), acc);
    g.subtractMask(d.key(), d.context(), acc);
    assertEquals(original, acc);
  }

  @Property(tries = 60)
  void streamingAddEqualsExpandThenAdd(@ForAll("draws") Draw d) {
    MaskGenerator g = d.generator();
    ModVector start = g.expand(SecretBytes.copyOf(new byte[32]), new byte[] {7});
    ModVector streamed = start.copy();
    g.addMask(d.key(), d.context(), streamed);
    ModVector materialised = start.copy();
    materialised.addInPlace(g.expand(d.key(), d.context()));
    assertEquals(materialised, streamed);
  }

  @Property(tries = 40)
  void agreesWithTheSpecReference(@ForAll("draws") Draw d) throws Exception {
    assertArrayEquals(
        ReferencePrg.expand(d.seed(), d.context(), d.m(), d.length()).elements,
        d.generator().expand(d.key(), d.context()).toLongArray());
  }

  @Property(tries = 40)
  void expansionIsDeterministicAndSeparatesSeedsAndContexts(
      @ForAll("modulus") Modulus m,
      @ForAll @IntRange(min = 128, max = 600) int length,
      @ForAll("seed") byte[] seed,
      @ForAll("context") byte[] context,
      @ForAll @Size(32) byte[] otherSeed,
      @ForAll("context") byte[] otherContext) {
    MaskGenerator g = AesCtrMaskGenerator.create(m, length);
    ModVector mask = g.expand(SecretBytes.copyOf(seed), context);
    assertEquals(mask, g.expand(SecretBytes.copyOf(seed.clone()), context.clone()));
    // 128 or more elements of Z_m with m >= 2: two independent masks collide with probability
    // at most 2^-128.
    if (!Arrays.equals(seed, otherSeed)) {
      assertNotEquals(mask, g.expand(SecretBytes.copyOf(otherSeed), context));
    }
    Assume.that(!Arrays.equals(context, otherContext));
    assertNotEquals(mask, g.expand(SecretBytes.copyOf(seed), otherContext));
  }
}
