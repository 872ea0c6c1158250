package io.secagg.bench;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run profile of the benchmarks that need two-second iterations to settle (large inputs,
 * big-integer or sampler work): average time per operation, one fork, 3 warmup and 5
 * measurement iterations of 2 s each. Each subclass names its own {@code @OutputTimeUnit}. JMH
 * reads these annotations from the superclass; a subclass's own annotations override them, and
 * the command line ({@code -f -wi -w -i -r}) overrides both.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
abstract class SteadyRunBenchmark {}
