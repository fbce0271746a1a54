package org.hetquant.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Discretize;
import weka.filters.unsupervised.attribute.Normalize;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;

/**
 * HetQuant's composite node beside Weka's own filters, in the same JVM, on the same data: 20,000 rows × 128
 * numeric attributes plus a nominal class (the shape of the landscape baselines). Each invocation filters the
 * whole test set, so JMH's ops/s is <em>rows per second</em>; with {@code -prof gc}, {@code gc.alloc.rate.norm}
 * is bytes allocated per row.
 *
 * <ul>
 *   <li>{@code transform}: the filter was fitted on a training set of the same size in {@code @Setup}; the
 *       benchmark applies it to the test set (the FilteredClassifier prediction path).</li>
 *   <li>{@code fitAndTransform}: a fresh filter fits on the training set and transforms it.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Wide outputs (up to 2,049 doubles a row) make every filter here garbage-collector bound; a fixed, roomy heap
// and the throughput collector keep GC pauses from dominating the variance.
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
public class WekaSideBySideBenchmark {

    private static final int ROWS = 20_000;
    private static final int FEATURES = 128;

    /** The filter under test, as a Weka command line. */
    @Param({
        "weka.filters.unsupervised.attribute.Normalize",
        "weka.filters.unsupervised.attribute.Discretize -B 10",
        "weka.filters.unsupervised.attribute.Discretize -F -B 16",
        "weka.filters.unsupervised.attribute.Discretize -F -B 16 -D",
        "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 4",
        "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 16",
        "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 16 -sparse",
        "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 16 -gain-scale fixed",
        "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 16 -gain-scale fixed -sparse",
        "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -N 16 -calibrate",
        "org.hetquant.bench.DenseOutputFloor -W 16"
    })
    public String filter;

    private Instances train;
    private Instances test;
    private Filter fitted;

    @Setup
    public void setup() throws Exception {
        train = BenchData.sensors(ROWS, FEATURES, 4, 1);
        test = BenchData.sensors(ROWS, FEATURES, 4, 2);
        fitted = newFilter();
        fitted.setInputFormat(train);
        Filter.useFilter(train, fitted);
        // Sanity: the filter really produces one row per input row.
        if (Filter.useFilter(test, fitted).numInstances() != ROWS) {
            throw new IllegalStateException(filter + " did not return every row");
        }
    }

    private Filter newFilter() throws Exception {
        String[] options = Utils.splitOptions(filter);
        String name = options[0];
        options[0] = "";
        return (Filter) Utils.forName(Filter.class, name, options);
    }


    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Instances transform() throws Exception {
        return Filter.useFilter(test, fitted);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Instances fitAndTransform() throws Exception {
        Filter f = newFilter();
        f.setInputFormat(train);
        return Filter.useFilter(train, f);
    }
}
