package org.hetquant.bench;

import java.util.concurrent.TimeUnit;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.ColumnGains;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * Calibration at scale (issue 13): 1,000,000 rows × 16 continuous sensor-like features ({@link BenchData}: every
 * normalized value distinct, the worst case for the exact mode), in the same JVM and on the same data:
 *
 * <ul>
 *   <li>{@link Node}: a Weka filter fitted and applied to its first batch ({@code Filter.useFilter} with a fresh
 *       filter), and, for scale, the fitted filter applied to the same rows again ({@code transform}): the fit
 *       costs the difference. HetQuant's {@code HetQuantPipeline -calibrate} (default exact limit 65,536
 *       distinct values per attribute, so the quantile sketch; and {@code -distinct 1048576}, so every value is
 *       kept exactly) beside Weka's equal-frequency {@code Discretize -F}, which also sorts every attribute.</li>
 *   <li>{@link Engine}: the engine's {@link CalibrationSummary} alone on the L1-normalized rows (add every row,
 *       then fit the gains), exact and sketch; once with room to spare, once in a heap that leaves the
 *       calibration 4× the raw data (16·10⁶ doubles = 128 MB).</li>
 * </ul>
 *
 * <p>Single-shot times in seconds; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per
 * operation (all threads), garbage included.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CalibrationBenchmark {

    static final int ROWS = 1_000_000;
    static final int FEATURES = 16;

    /** The data: {@link BenchData#sensors} (positive, skewed, continuous: every normalized value distinct). */
    static Instances data() {
        return BenchData.sensors(ROWS, FEATURES, 4, 13);
    }

    /** The Weka nodes on an Instances of 1,000,000 rows. */
    @State(Scope.Benchmark)
    public static class Node {
        @Param({
            "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 4 -calibrate",
            "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 4 -calibrate -distinct 1048576",
            "weka.filters.unsupervised.attribute.Discretize -F -B 16"
        })
        public String filter;

        Instances data;
        Filter fitted;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            data = data();
            fitted = newFilter();
            fitted.setInputFormat(data);
            if (Filter.useFilter(data, fitted).numInstances() != ROWS) {
                throw new IllegalStateException(filter + " did not return every row");
            }
        }

        Filter newFilter() throws Exception {
            String[] options = Utils.splitOptions(filter);
            String name = options[0];
            options[0] = "";
            return (Filter) Utils.forName(Filter.class, name, options);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
    public Instances fitAndTransform(Node node) throws Exception {
        Filter f = node.newFilter();
        f.setInputFormat(node.data);
        return Filter.useFilter(node.data, f);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseParallelGC"})
    public Instances transform(Node node) throws Exception {
        return Filter.useFilter(node.data, node.fitted);
    }

    /** The engine's summary on 1,000,000 L1-normalized rows. */
    @State(Scope.Benchmark)
    public static class Engine {
        /** Distinct values per feature kept exactly: the default (sketch mode here) or all of them. */
        @Param({"65536", "1048576"})
        public int exactLimit;

        double[][] rows;

        @Setup(Level.Trial)
        public void setUp() {
            Instances data = data();
            rows = new double[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                double[] v = new double[FEATURES];
                double sum = 0;
                for (int j = 0; j < FEATURES; j++) {
                    v[j] = data.instance(i).value(j);
                    sum += v[j];
                }
                for (int j = 0; j < FEATURES; j++) {
                    v[j] /= sum;
                }
                rows[i] = v;
            }
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
    public ColumnGains summary(Engine engine) {
        return calibrate(engine);
    }

    /**
     * The same in a heap of 660 MB: the input rows (10⁶ arrays of 16 doubles, 144 MB) plus 4× the raw data
     * (512 MB) plus a few MB for JMH. That it runs at all shows that the calibration's live data stay within 4× the
     * raw data; its time against {@link #summary} is the price of the tight heap. G1 (the JVM's default
     * collector), unlike the throughput collector's fixed young and old generations, can give the whole heap to
     * the live data.
     */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Xms660m", "-Xmx660m"})
    public ColumnGains summaryInFourTimesTheRawData(Engine engine) {
        return calibrate(engine);
    }

    private static ColumnGains calibrate(Engine engine) {
        CalibrationSummary summary = CalibrationSummary.create(FEATURES,
                CalibrationParameters.of(4, CalibrationParameters.ADAPTIVE_SMOOTHING), engine.exactLimit);
        for (double[] row : engine.rows) {
            summary.add(row);
        }
        return summary.gains();
    }
}
