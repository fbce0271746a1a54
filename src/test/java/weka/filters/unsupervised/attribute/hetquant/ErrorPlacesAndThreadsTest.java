package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;

/**
 * Issue 8 items 6 and 7: errors point at the right place (rows counted from 1 across batches and inside a
 * FilteredClassifier, attributes by name), a batch that comes out all silent is reported, and a fitted node used
 * from 8 threads at once never mixes two rows.
 */
class ErrorPlacesAndThreadsTest {

    /** {@code rows} rows of {@code features} non-negative random values a0, a1, … and a nominal class. */
    private static Instances data(int rows, int features, long seed) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int f = 0; f < features; f++) {
            attributes.add(new Attribute("sensor" + (f + 1)));
        }
        attributes.add(new Attribute("cls", List.of("x", "y")));
        Instances data = new Instances("r", attributes, rows);
        data.setClassIndex(features);
        Random random = new Random(seed);
        for (int r = 0; r < rows; r++) {
            double[] values = new double[features + 1];
            for (int f = 0; f < features; f++) {
                values[f] = random.nextDouble() * 10;
            }
            values[features] = random.nextInt(2);
            data.add(new DenseInstance(1.0, values));
        }
        return data;
    }

    /**
     * Issue 8's example: FilteredClassifier passes each test row as a batch of its own, so a per-batch counter
     * said "row 0" for the 1,033rd test row. The message now names the attribute and says which prediction it was.
     */
    @Test
    void insideAFilteredClassifierTheMessageNamesTheTestRow() throws Exception {
        for (Supplier<Filter> node : List.<Supplier<Filter>>of(
                () -> TestData.configured(new HetQuantStreamNormalizer(), "-reject-negative"),
                () -> TestData.configured(new HetQuantPipeline(), "-negative", "error"))) {
            FilteredClassifier fc = new FilteredClassifier();
            fc.setFilter(node.get());
            fc.setClassifier(new ZeroR());
            fc.buildClassifier(data(50, 3, 1));
            Instances test = data(1100, 3, 2);
            test.instance(1032).setValue(1, -0.25);
            PrintStream err = System.err;
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try {
                for (int r = 0; r < 1032; r++) {
                    fc.classifyInstance(test.instance(r));
                }
                Exception e = assertThrows(Exception.class, () -> fc.classifyInstance(test.instance(1032)));
                assertTrue(e.getMessage().contains(": attribute 'sensor2' (#2), row 1 of batch 1034 (row 1033 after"
                        + " the first batch): -0.25 is negative"), e.getMessage());
            } finally {
                System.setErr(err);
            }
        }
    }

    @Test
    void laterBatchesAreNumberedAndRowsCountFromOne() throws Exception {
        HetQuantNormalizer filter = TestData.configured(new HetQuantNormalizer(), "-negative", "error");
        Instances first = data(5, 2, 3);
        TestData.firstBatch(filter, first);
        Filter.useFilter(data(4, 2, 4), filter);
        Instances third = data(6, 2, 5);
        third.instance(4).setValue(0, Double.POSITIVE_INFINITY);
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Filter.useFilter(third, filter));
            assertEquals("HetQuantNormalizer: attribute 'sensor1' (#1), row 5 of batch 3 (row 9 after the first"
                    + " batch): Infinity is not finite; values must be finite (or missing). Make infinite values"
                    + " missing (?) or remove their rows.", e.getMessage());
            assertTrue(log.toString(StandardCharsets.UTF_8).contains(e.getMessage()), "the rejection is logged too");
        } finally {
            System.setErr(err);
        }
    }

    /** HetQuantSpikePhase fed normalized values instead of drives: every neuron silent. Say so, once. */
    @Test
    void anAllSilentBatchIsReportedOnceWithAdvice() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            HetQuantSpikePhase phase = new HetQuantSpikePhase();
            Instances normalized = TestData.firstBatch(new HetQuantNormalizer(), data(20, 3, 6));
            TestData.firstBatch(phase, normalized);
            Filter.useFilter(normalized, phase);
            assertEquals(2, phase.silentBatchCount());
            String said = log.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("HetQuantSpikePhase: every neuron of this batch's 20 row(s) stayed silent"
                    + " (phase 0). No value reached the firing drive D* = 6.7855. This node reads drives"), said);
            assertEquals(said.indexOf("stayed silent"), said.lastIndexOf("stayed silent"), "said once: " + said);

            log.reset();
            HetQuantSpikePhase firing = new HetQuantSpikePhase();
            Instances drives = TestData.firstBatch(new HetQuantColumn(), normalized);
            TestData.firstBatch(firing, drives);
            assertEquals(0, firing.silentBatchCount());
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("stayed silent"));

            HetQuantPipeline pipeline = new HetQuantPipeline();
            Instances zeros = data(3, 2, 7);
            for (Instance row : zeros) {
                row.setValue(0, 0);
                row.setValue(1, 0);
            }
            TestData.firstBatch(pipeline, zeros);
            assertEquals(1, pipeline.silentBatchCount());
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("HetQuantPipeline: every neuron of this"
                    + " batch's 3 row(s) stayed silent (phase 0). Every value was missing, zero or (clipped to 0) negative"));
        } finally {
            System.setErr(err);
        }
    }

    /**
     * Issue 8 item 7: one fitted node, 8 threads each putting rows through it. Weka's output queue may hand a
     * thread another thread's row, but every row that comes out must be exactly one of the expected rows (no
     * values of two rows mixed), each as often as it went in.
     */
    @Test
    void eightThreadsNeverMixTwoRows() throws Exception {
        Instances train = data(200, 6, 8);
        Instances rows = data(4000, 6, 9);
        List<Supplier<Filter>> nodes = List.of(HetQuantNormalizer::new, HetQuantStreamNormalizer::new,
                () -> TestData.configured(new HetQuantColumn(), "-N", "16"), () -> TestData.configured(new HetQuantSpikePhase()),
                () -> TestData.configured(new HetQuantPipeline(), "-N", "16"),
                () -> TestData.configured(new HetQuantPipeline(), "-N", "40", "-calibrate"),
                // Sparse rows are gathered in per-thread buffers: the engine's listing and the scan of transform.
                () -> TestData.configured(new HetQuantPipeline(), "-N", "16", "-sparse"),
                () -> TestData.configured(new HetQuantColumn(), "-N", "16", "-sparse"));
        for (Supplier<Filter> make : nodes) {
            Filter filter = make.get();
            Instances input = filter instanceof HetQuantSpikePhase ? scaled(rows, 10) : rows;
            Instances fit = filter instanceof HetQuantSpikePhase ? scaled(train, 10) : train;
            TestData.firstBatch(filter, fit);
            Instances expected = Filter.useFilter(input, filter);
            Map<String, Integer> want = new HashMap<>();
            for (Instance row : expected) {
                want.merge(row.toString(), 1, Integer::sum);
            }
            // One row first, alone, so the new batch (which resets Weka's queue) has begun before the threads.
            assertTrue(filter.input(input.instance(0)));
            Map<String, Integer> got = new HashMap<>();
            got.merge(filter.output().toString(), 1, Integer::sum);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> out = new ArrayList<>();
                    for (int r = 1 + thread; r < input.numInstances(); r += 8) {
                        filter.input(input.instance(r));
                        Instance row = filter.output();
                        assertNotNull(row);
                        out.add(row.toString());
                    }
                    return out;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                for (String row : result.get()) {
                    got.merge(row, 1, Integer::sum);
                }
            }
            pool.shutdown();
            if (!want.equals(got)) {
                List<String> strange = new ArrayList<>();
                for (Map.Entry<String, Integer> row : got.entrySet()) {
                    if (!row.getValue().equals(want.get(row.getKey()))) {
                        strange.add(row.getKey());
                    }
                }
                throw new AssertionError(filter.getClass().getSimpleName() + ": " + strange.size()
                        + " output rows are no input's row (values of two rows mixed), e.g. "
                        + strange.subList(0, Math.min(2, strange.size())));
            }
        }
    }

    private static Instances scaled(Instances data, double factor) {
        Instances copy = new Instances(data);
        for (Instance row : copy) {
            for (int j = 0; j < copy.numAttributes() - 1; j++) {
                row.setValue(j, row.value(j) * factor);
            }
        }
        return copy;
    }

}
