package org.hetquant.spark.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.Bucketizer;
import org.apache.spark.ml.feature.QuantileDiscretizer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hetquant.spark.HetQuant;
import org.hetquant.spark.HetQuantModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The HetQuant Spark stages beside Spark's own {@code QuantileDiscretizer} (fit) and {@code Bucketizer}
 * (transform) on the same cached DataFrame: the gas-drift sensor rows shipped with the package (batches 1 and 2,
 * 1,689 rows × 8 sensors) repeated to {@value #ROWS} rows in {@value #PARTITIONS} partitions, each row holding the
 * 8 sensors both as scalar columns (for Spark's stages, which take one column each) and as a vector (for
 * HetQuant). Each invocation is one fit or one transform of every row, so JMH's ops/s is <em>rows per
 * second</em>.
 *
 * <ul>
 *   <li>{@code fitHetQuant}: data-blind fit with the defaults (negative values clipped; gain scale auto: one pass
 *       for the row count and minima, one that caches the normalized rows and checks F / 8, and the fitted
 *       factor's search over the cached rows if auto leaves F / 8); {@code fitHetQuantCalibrated}: with
 *       calibration (n = 8, s = 0.25: one more pass merging calibration summaries);
 *       {@code fitQuantileDiscretizer}: 16 quantile buckets per sensor (approximate quantiles, Spark's
 *       default relative error 0.001).</li>
 *   <li>{@code transformHetQuant}: n = 8 phases per sensor (64 outputs a row) from the fitted model;
 *       {@code transformBucketizer}: one bucket index per sensor (8 outputs) from the fitted discretizer. Both
 *       written to Spark's {@code noop} sink, so the whole row is computed and nothing is stored.</li>
 * </ul>
 *
 * <p>{@code cores} is the {@code local[cores]} master, each value in its own forked JVM: the 1 → 2 core speed-up
 * is the ratio of the two rows of a benchmark. A 1-core row must be run with the JVM confined to one CPU
 * ({@code taskset -c 0}, BENCHMARKS.md §5), and {@code @Setup} refuses it otherwise: {@code local[1]} alone runs the
 * tasks on one thread while the garbage collector and the JIT compiler use the other core, which flatters the
 * 1-core figure. Both rows use the throughput collector, so that the collector does not change with the CPU count
 * (the JVM's default is G1 on 2 CPUs and the serial collector on 1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
public class SparkSideBySideBenchmark {

    static final int ROWS = 1_000_000;
    static final int PARTITIONS = 4;
    private static final int SENSORS = 8;

    @Param({"1", "2"})
    public int cores;

    private SparkSession spark;
    private Dataset<Row> data;
    private HetQuantModel model;
    private Bucketizer bucketizer;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus != cores) {
            throw new IllegalStateException("cores = " + cores + " but this JVM may use " + cpus + " CPUs: run each"
                    + " row with the JVM confined to that many CPUs (e.g. taskset -c 0 for cores = 1; BENCHMARKS.md §5)");
        }
        spark = SparkSession.builder()
                .master("local[" + cores + "]")
                .appName("hetquant-bench")
                .config("spark.ui.enabled", false)
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", PARTITIONS)
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        data = gasDrift().cache();
        if (data.count() != ROWS) {
            throw new IllegalStateException("expected " + ROWS + " rows");
        }
        model = hetQuant(false).fit(data);
        bucketizer = quantileDiscretizer().fit(data);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        spark.stop();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object fitHetQuant() {
        return hetQuant(false).fit(data);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object fitHetQuantCalibrated() {
        return hetQuant(true).fit(data);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object fitQuantileDiscretizer() {
        return quantileDiscretizer().fit(data);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void transformHetQuant() {
        model.transform(data).write().format("noop").mode("overwrite").save();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void transformBucketizer() {
        bucketizer.transform(data).write().format("noop").mode("overwrite").save();
    }

    private static HetQuant hetQuant(boolean calibrate) {
        return new HetQuant().setCalibrate(calibrate);
    }

    private static QuantileDiscretizer quantileDiscretizer() {
        return new QuantileDiscretizer().setInputCols(sensors("s")).setOutputCols(sensors("bucket"))
                .setNumBuckets(16);
    }

    private static String[] sensors(String prefix) {
        String[] names = new String[SENSORS];
        for (int i = 0; i < SENSORS; i++) {
            names[i] = prefix + (i + 1);
        }
        return names;
    }

    /** The shipped gas-drift rows repeated to {@link #ROWS}: {@code s1 … s8} and {@code features}. */
    private Dataset<Row> gasDrift() throws Exception {
        List<double[]> base = new ArrayList<>();
        for (String batch : new String[] {"gas-drift-batch1.arff", "gas-drift-batch2.arff"}) {
            Path path = Path.of(System.getProperty("hetquant.data", "../pkg/data"), batch);
            Instances instances = DataSource.read(path.toString());
            for (int r = 0; r < instances.numInstances(); r++) {
                double[] x = new double[SENSORS];
                for (int i = 0; i < SENSORS; i++) {
                    x[i] = instances.instance(r).value(i);
                }
                base.add(x);
            }
        }
        double[][] rows = base.toArray(double[][]::new);
        StructField[] fields = new StructField[SENSORS];
        for (int i = 0; i < SENSORS; i++) {
            fields[i] = DataTypes.createStructField("s" + (i + 1), DataTypes.DoubleType, false);
        }
        StructType schema = new StructType(fields);
        MapFunction<Long, Row> row = id -> {
            double[] x = rows[(int) (id % rows.length)];
            Object[] values = new Object[x.length];
            for (int i = 0; i < x.length; i++) {
                values[i] = x[i];
            }
            return RowFactory.create(values);
        };
        Dataset<Row> scalars = spark.range(0, ROWS, 1, PARTITIONS).map(row, Encoders.row(schema));
        return new VectorAssembler().setInputCols(sensors("s")).setOutputCol("features").transform(scalars);
    }
}
