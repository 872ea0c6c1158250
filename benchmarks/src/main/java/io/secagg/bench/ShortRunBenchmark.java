package io.secagg.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run profile of the benchmarks whose operation takes microseconds and settles within a
 * second: average time per operation in microseconds, one fork, 3 warmup and 5 measurement
 * iterations of 1 s each. JMH reads these annotations from the superclass, so a benchmark takes
 * the profile by extending this class; its own annotations (on the class or a method) override
 * them, and the command line ({@code -f -wi -w -i -r}) overrides both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
abstract class ShortRunBenchmark {}
