package io.secagg.vectors.internal.dp;

import static io.secagg.vectors.internal.Expect.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.secagg.vectors.internal.NamedVectorChecker;
import io.secagg.vectors.internal.VectorChecker;
import io.secagg.vectors.internal.Mismatch;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgClient;
import io.secagg.dp.ddg.DdgEncoding;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgServer;
import io.secagg.dp.ddg.InvalidAggregateException;
import io.secagg.dp.ddg.NoiseKind;
import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.BernoulliExp;
import io.secagg.dp.sampling.DiscreteGaussian;
import io.secagg.dp.sampling.DiscreteLaplace;
import io.secagg.dp.sampling.IntegerSampler;
import io.secagg.dp.sampling.Poisson;
import io.secagg.dp.sampling.Rational;
import io.secagg.dp.sampling.Skellam;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The checkers of the secagg-dp files: {@code dp_*.json}. */
public final class DpVectors {
  static final int SAMPLES = 32;

  private DpVectors() {}

  /** The checkers of the three dp files. */
  public static List<VectorChecker> checkers() {
    return List.of(
        new SamplerChecker("DP-DISCRETE-GAUSSIAN", "dp_discrete_gaussian_test.json"),
        new SamplerChecker("DP-SAMPLERS", "dp_samplers_test.json"),
        new PipelineChecker());
  }

  // ---------------------------------------------------------------------------------------------
  // Samplers: {distribution, tests: [{seed, parameter, samples[] | words[]}]}

  static final String SAMPLER_SCHEMA = "dp_sampler_test_schema_v1.json";

  static IntegerSampler sampler(String distribution, String parameter) {
    Rational r = Rational.parse(parameter);
    switch (distribution) {
      case "discreteGaussian":
        return DiscreteGaussian.withSigma2(r);
      case "discreteLaplace":
        return DiscreteLaplace.withScale(r);
      case "poisson":
        return Poisson.withMean(r);
      case "skellam":
        return Skellam.withVariance(r);
      default:
        throw new Mismatch("unknown distribution " + distribution);
    }
  }

  static long[] draw(String distribution, String parameter, byte[] seed, int n) {
    AesCtrBitSource bits = AesCtrBitSource.forTestVectorsOnly(seed);
    long[] out = new long[n];
    if (distribution.equals("bitSource")) {
      bits.nextLongs(out);
    } else if (distribution.equals("bernoulliExp")) {
      BernoulliExp b = BernoulliExp.withGamma(Rational.parse(parameter));
      for (int i = 0; i < n; i++) {
        out[i] = b.sample(bits) ? 1 : 0;
      }
    } else {
      sampler(distribution, parameter).fill(out, bits);
    }
    return out;
  }

  static final class SamplerChecker extends NamedVectorChecker {
    SamplerChecker(String algorithm, String fileName) {
      super(fileName, algorithm, SAMPLER_SCHEMA);
    }

    @Override
    public void checkGroup(JsonNode group) {
      Vectors.onlyFields(group, Set.of("type", "distribution", "parameterName", "tests"));
      if (!"DpSamplerTest".equals(Vectors.text(group, "type"))) {
        throw new Mismatch("unknown group type " + group.get("type"));
      }
      Vectors.text(group, "distribution");
      Vectors.text(group, "parameterName");
    }

    @Override
    public void checkTest(JsonNode group, JsonNode test) {
      String dist = Vectors.text(group, "distribution");
      String pname = Vectors.text(group, "parameterName");
      Set<String> allowed = new java.util.HashSet<>(Vectors.COMMON_TEST_FIELDS);
      allowed.addAll(Set.of("seed", pname, "samples", "words"));
      Vectors.onlyFields(test, allowed);
      byte[] seed = Vectors.bytes(test, "seed");
      String parameter = dist.equals("bitSource") ? "1" : Vectors.text(test, pname);
      if (!Vectors.isValid(test)) {
        Vectors.expectNamedError(test, () -> {
          if (dist.equals("bernoulliExp")) {
            BernoulliExp.withGamma(Rational.parse(parameter));
          } else {
            sampler(dist, parameter);
          }
        }, IllegalArgumentException.class);
        return;
      }
      if (dist.equals("bitSource")) {
        JsonNode words = test.get("words");
        long[] got = draw(dist, parameter, seed, words.size());
        for (int i = 0; i < words.size(); i++) {
          assertEquals(words.get(i).asText(), String.format("%016x", got[i]), "word " + i);
        }
        return;
      }
      JsonNode samples = test.get("samples");
      long[] got = draw(dist, parameter, seed, samples.size());
      for (int i = 0; i < samples.size(); i++) {
        assertEquals(samples.get(i).asLong(), got[i], "sample " + i);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // DDG pipeline

  static final String PIPELINE_SCHEMA = "dp_ddg_pipeline_test_schema_v1.json";
  static final Set<String> PIPELINE_GROUP_FIELDS = Set.of(
      "type", "dimension", "clipNorm", "scale", "beta", "localVariance", "noiseKind", "modulus", "tests");

  static DdgParameters params(JsonNode g) {
    return DdgParameters.builder()
        .dimension(Vectors.integer(g, "dimension"))
        .clipNorm(g.get("clipNorm").asDouble())
        .scale(g.get("scale").asDouble())
        .beta(g.get("beta").asDouble())
        .localVariance(Rational.parse(Vectors.text(g, "localVariance")))
        .noiseKind(NoiseKind.valueOf(Vectors.text(g, "noiseKind")))
        .modulus(Modulus.of(Long.parseLong(Vectors.text(g, "modulus"))))
        .build();
  }

  static double[] doubles(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asDouble();
    }
    return d;
  }

  static long[] longs(JsonNode a) {
    long[] d = new long[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asLong();
    }
    return d;
  }

  static final class PipelineChecker extends NamedVectorChecker {
    PipelineChecker() {
      super("dp_ddg_pipeline_test.json", "DP-DDG-PIPELINE", PIPELINE_SCHEMA);
    }

    @Override
    public void checkGroup(JsonNode group) {
      Vectors.onlyFields(group, PIPELINE_GROUP_FIELDS);
      if (!"DdgPipelineTest".equals(Vectors.text(group, "type"))) {
        throw new Mismatch("unknown group type " + group.get("type"));
      }
      params(group);
    }

    @Override
    public void checkTest(JsonNode group, JsonNode test) throws Exception {
      Set<String> allowed = new java.util.HashSet<>(Vectors.COMMON_TEST_FIELDS);
      allowed.addAll(Set.of("input", "rotationSeed", "clientSeed", "rotated", "rounded", "noise", "wrapped", "aggregate", "decoded"));
      Vectors.onlyFields(test, allowed);
      DdgParameters p = params(group);
      byte[] rotationSeed = Vectors.bytes(test, "rotationSeed");
      if (!Vectors.isValid(test)) {
        if (test.has("aggregate")) {
          // A word outside [0, m) is not an element of Z_m: no ModVector, hence no aggregate
          // DdgServer could be handed, can carry it (IllegalArgumentException); decode itself
          // rejects an aggregate of another modulus or length (InvalidAggregateException).
          Vectors.expectNamedError(test,
              () -> DdgServer.decode(p, ModVector.of(p.modulus(), longs(test.get("aggregate"))), rotationSeed),
              IllegalArgumentException.class, InvalidAggregateException.class);
        } else {
          Vectors.expectNamedError(test, () -> DdgClient.encode(p, doubles(test.get("input")),
              rotationSeed, AesCtrBitSource.forTestVectorsOnly(Vectors.bytes(test, "clientSeed"))), IllegalArgumentException.class);
        }
        return;
      }
      DdgEncoding e = DdgClient.encodeTraced(p, doubles(test.get("input")), rotationSeed,
          AesCtrBitSource.forTestVectorsOnly(Vectors.bytes(test, "clientSeed")));
      assertEquals(Arrays.toString(doubles(test.get("rotated"))), Arrays.toString(e.rotatedScaled()), "rotated");
      assertEquals(Arrays.toString(longs(test.get("rounded"))), Arrays.toString(e.rounded()), "rounded");
      assertEquals(Arrays.toString(longs(test.get("noise"))), Arrays.toString(e.noise()), "noise");
      assertEquals(Arrays.toString(longs(test.get("wrapped"))), Arrays.toString(e.wrapped()), "wrapped");
      assertEquals(Arrays.toString(doubles(test.get("decoded"))), Arrays.toString(DdgServer.decode(p, ModVector.of(p.modulus(), e.wrapped()), rotationSeed)), "decoded");
    }
  }

}
