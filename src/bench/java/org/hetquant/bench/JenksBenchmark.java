package org.hetquant.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hetquant.engine.Jenks;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Natural breaks with K = 4 classes: the exact divide-and-conquer algorithm on 10⁶ distinct values (budget: under
 * 5 s per call) and, for scale, both algorithms on 2,000 values. The values are skewed (u³ for uniform u), like
 * L1-normalized sensor readings, sorted and distinct.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class JenksBenchmark {

    private static final int CLASSES = 4;

    /** 10⁶ distinct values. */
    @State(Scope.Benchmark)
    public static class Million {
        double[] values;

        @Setup
        public void setUp() {
            values = skewedDistinct(1_000_000);
        }
    }

    /** 2,000 distinct values, small enough for the O(K·m²) textbook algorithm. */
    @State(Scope.Benchmark)
    public static class TwoThousand {
        double[] values;

        @Setup
        public void setUp() {
            values = skewedDistinct(2_000);
        }
    }

    @Benchmark
    public double[] fastMillion(Million state) {
        return Jenks.breaks(state.values, CLASSES);
    }

    @Benchmark
    public double[] fastTwoThousand(TwoThousand state) {
        return Jenks.breaks(state.values, CLASSES);
    }

    @Benchmark
    public double[] textbookTwoThousand(TwoThousand state) {
        return Jenks.breaksTextbook(state.values, CLASSES);
    }

    private static double[] skewedDistinct(int size) {
        Random random = new Random(314);
        double[] x;
        do {
            x = random.doubles(size).map(u -> u * u * u).sorted().distinct().toArray();
        } while (x.length < size);
        return x;
    }
}
