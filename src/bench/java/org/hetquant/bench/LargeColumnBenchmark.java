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
import weka.filters.Filter;
import weka.filters.MultiFilter;
import weka.filters.unsupervised.attribute.hetquant.HetQuantColumn;
import weka.filters.unsupervised.attribute.hetquant.HetQuantNormalizer;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;
import weka.filters.unsupervised.attribute.hetquant.HetQuantSpikePhase;

/**
 * Issue 8 item 5, large columns: {@code HetQuantPipeline -N n} beside the equivalent chain of the three single
 * nodes in Weka's {@code MultiFilter} (normalizer → column → spike phase, the same output), in the same JVM, on 16
 * attributes × 200 rows, for n = 16, 256 and 1000, in a 256 MB heap (the limit the pipeline used to exceed at
 * n = 1000). JMH's ops/s is rows per second; with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes
 * allocated per row: {@code fitAndTransform} includes building the lookup tables, spread over the 200 rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class LargeColumnBenchmark {

    private static final int ROWS = 200;
    private static final int FEATURES = 16;

    /** "pipeline n" or "chain n". */
    @Param({"pipeline 16", "chain 16", "pipeline 256", "chain 256", "pipeline 1000", "chain 1000"})
    public String node;

    private Instances train;
    private Instances test;
    private Filter fitted;

    @Setup
    public void setup() throws Exception {
        train = BenchData.sensors(ROWS, FEATURES, 2, 1);
        test = BenchData.sensors(ROWS, FEATURES, 2, 2);
        fitted = newFilter();
        fitted.setInputFormat(train);
        Filter.useFilter(train, fitted);
        if (Filter.useFilter(test, fitted).numAttributes() != FEATURES * n() + 1) {
            throw new IllegalStateException(node + " gave the wrong output width");
        }
    }

    private int n() {
        return Integer.parseInt(node.substring(node.indexOf(' ') + 1));
    }

    private Filter newFilter() {
        if (node.startsWith("pipeline")) {
            HetQuantPipeline pipeline = new HetQuantPipeline();
            pipeline.setDuplication(n());
            return pipeline;
        }
        HetQuantColumn column = new HetQuantColumn();
        column.setDuplication(n());
        MultiFilter chain = new MultiFilter();
        chain.setFilters(new Filter[] {new HetQuantNormalizer(), column, new HetQuantSpikePhase()});
        return chain;
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
