package io.secagg.vectors.internal.dp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.secagg.vectors.internal.CheckedFileGenerator;
import io.secagg.vectors.internal.VectorFileGenerator;
import io.secagg.vectors.internal.Vectors;
import io.secagg.core.vector.ModVector;
import io.secagg.core.vector.Modulus;
import io.secagg.dp.ddg.DdgClient;
import io.secagg.dp.ddg.DdgEncoding;
import io.secagg.dp.ddg.DdgParameters;
import io.secagg.dp.ddg.DdgServer;
import io.secagg.dp.ddg.NoiseKind;
import io.secagg.dp.sampling.AesCtrBitSource;
import io.secagg.dp.sampling.Poisson;
import io.secagg.dp.sampling.Skellam;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import io.secagg.vectors.internal.VectorFiles;
import static io.secagg.vectors.internal.dp.DpVectors.*;

/** The generators of the files that {@link DpVectors} checks (how each value was produced). */
public final class DpGenerators {
  private DpGenerators() {}

  /** One generator per dp file. */
  public static java.util.List<VectorFileGenerator> all() {
    return java.util.List.of(new DiscreteGaussianFile(), new SamplersFile(), new PipelineFile());
  }

  static final class DiscreteGaussianFile extends CheckedFileGenerator {
    DiscreteGaussianFile() {
      super(new DpVectors.SamplerChecker("DP-DISCRETE-GAUSSIAN", "dp_discrete_gaussian_test.json"));
    }

    @Override
    public ObjectNode generate() {
      ObjectNode file = newFile("Exact discrete Gaussian N_Z(0, sigma2) driven by the seeded AES-CTR bit source (spec/dp.md). "
              + "Seed bytes are hex; sigma2 is an exact decimal fraction; samples are the first 32 outputs.");
      ObjectNode g = samplerGroup(file, "discreteGaussian", "sigma2");
      validSamples(g, "sigma = 1/2", "1/4", "dp-dg-1", "SmallSigma");
      validSamples(g, "sigma^2 = 1", "1", "dp-dg-2");
      validSamples(g, "sigma^2 = 7/3", "7/3", "dp-dg-3");
      validSamples(g, "sigma = 10", "100", "dp-dg-4");
      validSamples(g, "sigma = 1000", "1000000", "dp-dg-5", "LargeSigma");
      validSamples(g, "sigma = 10^6", "1000000000000", "dp-dg-6", "LargeSigma");
      validSamples(g, "sigma^2 = 10^12 + 1/5", "5000000000001/5", "dp-dg-7", "LargeSigma");
      validSamples(g, "sigma^2 = 4 + 2^-70", "4722366482869645213697/1180591620717411303424", "dp-dg-8", "WideDenominator");
      invalidParameter(g, "zero variance", "0", "OutOfRange");
      invalidParameter(g, "sigma^2 = 2^-61", "1/2305843009213693952", "OutOfRange");
      invalidParameter(g, "sigma^2 = 2^100 + 1", "1267650600228229401496703205377", "OutOfRange");
      invalidParameter(g, "negative", "-4", "OutOfRange");
      return VectorFiles.finish(file);
    }
  }

  static final class SamplersFile extends CheckedFileGenerator {
    SamplersFile() {
      super(new DpVectors.SamplerChecker("DP-SAMPLERS", "dp_samplers_test.json"));
    }

    @Override
    public ObjectNode generate() {
      ObjectNode file = newFile("The seeded bit source and the exact Bernoulli(exp(-gamma)) (samples 1/0), discrete Laplace, Poisson and "
              + "Skellam samplers (spec/dp.md).");
      ObjectNode bs = samplerGroup(file, "bitSource", "none");
      for (String seed : new String[] {"", "dp-bits-1"}) {
        ObjectNode t = VectorFiles.newTest((ArrayNode) bs.get("tests"), "keystream of seed '" + seed + "'", "Keystream");
        t.put("seed", Vectors.hex(seed.getBytes(StandardCharsets.US_ASCII)));
        ArrayNode w = t.putArray("words");
        for (long v : draw("bitSource", "1", seed.getBytes(StandardCharsets.US_ASCII), 8)) {
          w.add(String.format("%016x", v));
        }
        t.put("result", "valid");
      }
      ObjectNode be = samplerGroup(file, "bernoulliExp", "gamma");
      validSamples(be, "gamma 1/3", "1/3", "dp-be-1");
      validSamples(be, "gamma 5/2", "5/2", "dp-be-2");
      validSamples(be, "gamma 70 (beyond the tables)", "70", "dp-be-3", "LargeExponent");
      invalidParameter(be, "gamma 0", "0", "OutOfRange");
      ObjectNode dl = samplerGroup(file, "discreteLaplace", "scale");
      validSamples(dl, "scale 1", "1", "dp-dl-1");
      validSamples(dl, "scale 5/2", "5/2", "dp-dl-2", "RationalScale");
      validSamples(dl, "scale 1000", "1000", "dp-dl-3");
      invalidParameter(dl, "scale with a 63-bit numerator", "9223372036854775807", "OutOfRange");
      ObjectNode po = samplerGroup(file, "poisson", "mean");
      validSamples(po, "mean 1/2", "1/2", "dp-po-1");
      validSamples(po, "mean 1000", "1000", "dp-po-2");
      validSamples(po, "mean 3000000", "3000000", "dp-po-3", "SplitMean");
      invalidParameter(po, "mean 2^41", "2199023255552", "OutOfRange");
      ObjectNode sk = samplerGroup(file, "skellam", "variance");
      validSamples(sk, "variance 3", "3", "dp-sk-1");
      validSamples(sk, "variance 20000", "20000", "dp-sk-2");
      invalidParameter(sk, "variance 2^43", "8796093022208", "OutOfRange");
      return VectorFiles.finish(file);
    }
  }

  static final class PipelineFile extends CheckedFileGenerator {
    PipelineFile() {
      super(new DpVectors.PipelineChecker());
    }

    private static ObjectNode group(ObjectNode file, int dim, double clip, double scale, String var, NoiseKind kind, long modulus) {
      ObjectNode g = ((ArrayNode) file.get("testGroups")).addObject();
      g.put("type", "DdgPipelineTest");
      g.put("dimension", dim);
      g.put("clipNorm", clip);
      g.put("scale", scale);
      g.put("beta", Math.exp(-0.5));
      g.put("localVariance", var);
      g.put("noiseKind", kind.name());
      g.put("modulus", Long.toString(modulus));
      g.putArray("tests");
      return g;
    }

    private static void valid(ObjectNode g, String comment, double[] input, String seedLabel, String... flags) throws Exception {
      DdgParameters p = params(g);
      ObjectNode t = VectorFiles.newTest((ArrayNode) g.get("tests"), comment, flags);
      putDoubles(t, "input", input);
      byte[] rotationSeed = Arrays.copyOf(("rot " + seedLabel).getBytes(StandardCharsets.US_ASCII), 32);
      byte[] clientSeed = ("client " + seedLabel).getBytes(StandardCharsets.US_ASCII);
      t.put("rotationSeed", Vectors.hex(rotationSeed));
      t.put("clientSeed", Vectors.hex(clientSeed));
      DdgEncoding e = DdgClient.encodeTraced(p, input, rotationSeed, AesCtrBitSource.forTestVectorsOnly(clientSeed));
      putDoubles(t, "rotated", e.rotatedScaled());
      putLongs(t, "rounded", e.rounded());
      putLongs(t, "noise", e.noise());
      putLongs(t, "wrapped", e.wrapped());
      putDoubles(t, "decoded", DdgServer.decode(p, ModVector.of(p.modulus(), e.wrapped()), rotationSeed));
      t.put("result", "valid");
    }

    private static void putDoubles(ObjectNode t, String name, double[] values) {
      ArrayNode a = t.putArray(name);
      for (double v : values) {
        a.add(v);
      }
    }

    private static void putLongs(ObjectNode t, String name, long[] values) {
      ArrayNode a = t.putArray(name);
      for (long v : values) {
        a.add(v);
      }
    }

    @Override
    public ObjectNode generate() throws Exception {
      ObjectNode file = newFile("One client of the distributed discrete Gaussian pipeline (spec/dp.md): input, seeds, the rotated and "
              + "scaled vector, the conditionally rounded integers, the noise, the wrapped output in [0, m), and "
              + "the server decode of that single wrapped vector. Doubles are exact IEEE values.");
      ObjectNode g1 = group(file, 6, 1.0, 64.0, "9/4", NoiseKind.DISCRETE_GAUSSIAN, 1L << 10);
      valid(g1, "small vector", new double[] {0.5, -0.25, 0.125, 0, 0.3, -0.1}, "1", "Padding", "Wraps");
      valid(g1, "clipped input", new double[] {3, 4, 0, 0, 0, 0}, "2", "Padding", "Clipped", "Wraps");
      ObjectNode bad = VectorFiles.newTest((ArrayNode) g1.get("tests"), "input too short", "BadLength");
      bad.putArray("input").add(1.0);
      bad.put("rotationSeed", Vectors.hex(new byte[32]));
      bad.put("clientSeed", "00");
      bad.put("error", "IllegalArgumentException");
      bad.put("result", "invalid");
      bad = VectorFiles.newTest((ArrayNode) g1.get("tests"), "31-byte rotation seed", "BadSeed");
      putDoubles(bad, "input", new double[6]);
      bad.put("rotationSeed", Vectors.hex(new byte[31]));
      bad.put("clientSeed", "00");
      bad.put("error", "IllegalArgumentException");
      bad.put("result", "invalid");
      bad = VectorFiles.newTest((ArrayNode) g1.get("tests"), "aggregate value equal to m", "OutOfRangeAggregate");
      ArrayNode agg = bad.putArray("aggregate");
      for (int i = 0; i < 8; i++) {
        agg.add(i == 3 ? 1024 : 0);
      }
      bad.put("rotationSeed", Vectors.hex(new byte[32]));
      bad.put("error", "IllegalArgumentException");
      bad.put("result", "invalid");
      ObjectNode g2 = group(file, 16, 2.0, 1000.0, "1000000", NoiseKind.DISCRETE_GAUSSIAN, 1L << 32);
      double[] x = new double[16];
      for (int i = 0; i < 16; i++) {
        x[i] = (i % 3 - 1) * 0.125 * (i + 1) / 16;
      }
      valid(g2, "16 coordinates, sigma = 1000, 32 bits", x, "3");
      ObjectNode g3 = group(file, 5, 1.0, 32.0, "10", NoiseKind.SKELLAM, 1000003);
      valid(g3, "Skellam noise, prime modulus", new double[] {0.1, 0.2, -0.3, 0.4, -0.5}, "4", "Padding", "Skellam");
      return VectorFiles.finish(file);
    }
  }

  static ObjectNode samplerGroup(ObjectNode file, String distribution, String parameterName) {
    ObjectNode g = ((ArrayNode) file.get("testGroups")).addObject();
    g.put("type", "DpSamplerTest");
    g.put("distribution", distribution);
    g.put("parameterName", parameterName);
    g.putArray("tests");
    return g;
  }

  static void validSamples(ObjectNode group, String comment, String parameter, String seedText, String... flags) {
    String dist = group.get("distribution").asText();
    String pname = group.get("parameterName").asText();
    ObjectNode t = VectorFiles.newTest((ArrayNode) group.get("tests"), comment, flags);
    byte[] seed = seedText.getBytes(StandardCharsets.US_ASCII);
    t.put("seed", Vectors.hex(seed));
    t.put(pname, parameter);
    ArrayNode s = t.putArray("samples");
    for (long v : draw(dist, parameter, seed, SAMPLES)) {
      s.add(v);
    }
    t.put("result", "valid");
  }

  static void invalidParameter(ObjectNode group, String comment, String parameter, String flag) {
    ObjectNode t = VectorFiles.newTest((ArrayNode) group.get("tests"), comment, flag);
    t.put("seed", "");
    t.put(group.get("parameterName").asText(), parameter);
    t.put("error", "IllegalArgumentException");
    t.put("result", "invalid");
  }
}
