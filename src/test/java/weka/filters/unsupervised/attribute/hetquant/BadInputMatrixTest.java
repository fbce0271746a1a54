package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.Calibrator;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseSimulator;
import org.hetquant.engine.UpdateRule;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.MultiFilter;

/**
 * Issue 8 item 2: every node (and the composite node, and the streaming MultiFilter) over the whole bad-input
 * table, each cell checked against the behaviour it documents. The expected behaviour is {@link #TABLE}, the
 * very table README's "Bad input" section shows (the test fails if they differ); every cell is also checked
 * against an independent reference of the node's contract: exact L1 in decimal arithmetic, drives gain · x, and
 * the step simulator's phase.
 *
 * <p>Data: two numeric attributes a and b (one for the "1 feature" row) and a nominal class; the bad value is in
 * attribute a of row 2 (row 2 of batch 2 for the later-batch row), beside rows of normalized values so that the
 * calibrator, whose input must be normalized, sees good rows too. Row 2 weighs 2.5: weights must pass through.
 */
class BadInputMatrixTest {

    /** The contract, as README shows it. */
    static final String TABLE = """
            | input | Normalizer | Normalizer -negative shift | Normalizer -negative error | StreamNormalizer \
            | Column | SpikePhase | Calibrator | Pipeline | Pipeline -negative error | Pipeline -calibrate \
            | stream MultiFilter |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            | missing value (?) | ? | ? | ? | ? | ? | 0 | ? | 0 | 0 | 0 | 0 |
            | +Infinity | error | error | error | error | error | error | error | error | error | error | dropped |
            | -Infinity | error | error | error | error | error | error | error | error | error | error | dropped |
            | negative value | clamped | exact | error | clamped | exact | 0 | error | clamped | error | clamped \
            | clamped |
            | negative in a later batch, below the first batch's minimum | clamped | clamped | error | clamped \
            | exact | 0 | exact | clamped | error | clamped | clamped |
            | huge values (1e308, 1e308 and 1.5e308, 0.5e308) | exact | exact | exact | exact | error | exact \
            | error | exact | exact | exact | exact |
            | huge values of both signs (-1e308, 1e308) | clamped | exact | error | clamped | error | exact | error \
            | clamped | error | clamped | clamped |
            | denormal (4.9e-324) | exact | exact | exact | exact | exact | 0 | exact | exact | exact | exact | exact |
            | -0.0 | exact | exact | exact | exact | exact | 0 | exact | exact | exact | exact | exact |
            | all-zero row | exact | exact | exact | exact | exact | 0 | exact | 0 | 0 | 0 | 0 |
            | all-missing attribute | ? | ? | ? | ? | ? | 0 | ? | 0 | 0 | 0 | 0 |
            | constant attribute | exact | exact | exact | exact | exact | exact | exact | exact | exact | exact | exact |
            | 0 rows | empty | empty | empty | empty | empty | empty | error: empty | empty | empty | error: empty \
            | empty |
            | 1 row | exact | exact | exact | exact | exact | exact | exact | exact | exact | exact | exact |
            | 1 feature | exact | exact | exact | exact | exact | exact | exact | exact | exact | exact | exact |
            """;

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double NAN = Double.NaN;
    private static final double[] GOOD = {0.25, 0.75};
    private static final int N = 2;
    /** The uniform column of n = 2, as the paper defines it: P / c for c = linspace(L, 1, 2), ascending. */
    private static final double[] GAINS = {25.0 / 1.0, 25.0 / 0.01};
    private static final PhaseSimulator SIMULATOR = new PhaseSimulator(NeuronParameters.DEFAULT);

    /** One row of the table: its batches of feature rows, and where the bad value is. */
    record Input(String label, int features, double[][][] batches, int badFeature, int badBatch, int badRow) {}

    /** The inputs, in the table's order. */
    static List<Input> inputs() {
        return List.of(
                new Input("missing value (?)", 2, batches(rows(GOOD, new double[] {NAN, 0.5})), 0, 1, 2),
                new Input("+Infinity", 2, batches(rows(GOOD, new double[] {INF, 0.5})), 0, 1, 2),
                new Input("-Infinity", 2, batches(rows(GOOD, new double[] {-INF, 0.5})), 0, 1, 2),
                new Input("negative value", 2, batches(rows(GOOD, new double[] {-1, 0.5})), 0, 1, 2),
                new Input("negative in a later batch, below the first batch's minimum", 2,
                        batches(rows(GOOD, new double[] {0.5, 0.5}), rows(GOOD, new double[] {-3, 1})), 0, 2, 2),
                new Input("huge values (1e308, 1e308 and 1.5e308, 0.5e308)", 2,
                        batches(rows(GOOD, new double[] {1e308, 1e308}, new double[] {1.5e308, 0.5e308})), 0, 1, 2),
                new Input("huge values of both signs (-1e308, 1e308)", 2,
                        batches(rows(GOOD, new double[] {-1e308, 1e308})), 0, 1, 2),
                new Input("denormal (4.9e-324)", 2, batches(rows(GOOD, new double[] {Double.MIN_VALUE, 0},
                        new double[] {Double.MIN_VALUE, Double.MIN_VALUE})), 0, 1, 2),
                new Input("-0.0", 2, batches(rows(GOOD, new double[] {-0.0, 0.5})), 0, 1, 2),
                new Input("all-zero row", 2, batches(rows(GOOD, new double[] {0, 0})), 0, 1, 2),
                new Input("all-missing attribute", 2, batches(rows(new double[] {NAN, 0.75},
                        new double[] {NAN, 0.25})), 0, 1, 0),
                new Input("constant attribute", 2, batches(rows(new double[] {0.5, 0.25},
                        new double[] {0.5, 0.75})), 0, 1, 2),
                new Input("0 rows", 2, batches(new double[0][]), 0, 1, 0),
                new Input("1 row", 2, batches(rows(GOOD)), 0, 1, 1),
                new Input("1 feature", 1, batches(rows(new double[] {0.5}, new double[] {0})), 0, 1, 2));
    }

    /**
     * The options every column and phase node runs with here: the paper's gains and phase numbers, which the
     * reference computes; what this test checks is how bad input is handled, which the gain scale and the phase
     * code do not change.
     */
    private static final String[] PAPER_GAINS = {"-N", "2", "-gain-scale", "fixed"};

    /** The same for the streamable column, which spells the paper's gains -fixed-gains. */
    private static final String[] PAPER_COLUMN = {"-N", "2", "-fixed-gains"};

    /** The nodes, in the table's order. */
    static Map<String, Supplier<Filter>> nodes() {
        Map<String, Supplier<Filter>> nodes = new LinkedHashMap<>();
        nodes.put("Normalizer", () -> TestData.configured(new HetQuantNormalizer()));
        nodes.put("Normalizer -negative shift",
                () -> TestData.configured(new HetQuantNormalizer(), "-negative", "shift"));
        nodes.put("Normalizer -negative error",
                () -> TestData.configured(new HetQuantNormalizer(), "-negative", "error"));
        nodes.put("StreamNormalizer", () -> TestData.configured(new HetQuantStreamNormalizer()));
        nodes.put("Column", () -> TestData.configured(new HetQuantColumn(), PAPER_COLUMN.clone()));
        nodes.put("SpikePhase", () -> TestData.configured(new HetQuantSpikePhase(), "-encoding", "paper"));
        nodes.put("Calibrator", () -> TestData.configured(new HetQuantCalibrator(), PAPER_GAINS.clone()));
        nodes.put("Pipeline", () -> pipeline());
        nodes.put("Pipeline -negative error", () -> pipeline("-negative", "error"));
        nodes.put("Pipeline -calibrate", () -> pipeline("-calibrate"));
        nodes.put("stream MultiFilter", () -> {
            MultiFilter chain = new MultiFilter();
            chain.setFilters(new Filter[] {new HetQuantStreamNormalizer(),
                TestData.configured(new HetQuantColumn(), PAPER_COLUMN.clone()),
                TestData.configured(new HetQuantSpikePhase(), "-encoding", "paper")});
            return chain;
        });
        return nodes;
    }

    private static HetQuantPipeline pipeline(String... more) {
        List<String> options = new ArrayList<>(Arrays.asList(PAPER_GAINS));
        options.addAll(List.of("-encoding", "paper"));
        options.addAll(Arrays.asList(more));
        return TestData.configured(new HetQuantPipeline(), options.toArray(new String[0]));
    }

    @Test
    void everyNodeKeepsTheDocumentedBehaviourForEveryBadInput() throws Exception {
        List<Input> inputs = inputs();
        Map<String, Supplier<Filter>> nodes = nodes();
        String[][] table = parse(TABLE);
        assertEquals(inputs.size() + 1, table.length, "table rows");
        List<String> header = Arrays.asList(table[0]).subList(1, table[0].length);
        assertEquals(new ArrayList<>(nodes.keySet()), header, "table columns");
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        int cells = 0;
        try {
            for (int i = 0; i < inputs.size(); i++) {
                Input input = inputs.get(i);
                assertEquals(input.label(), table[i + 1][0]);
                int j = 1;
                for (Map.Entry<String, Supplier<Filter>> node : nodes.entrySet()) {
                    checkCell(input, node.getKey(), node.getValue().get(), table[i + 1][j++], warnings);
                    cells++;
                }
            }
        } finally {
            System.setErr(err);
        }
        assertEquals(165, cells);
    }

    /** README's "Bad input" section shows exactly this test's table. */
    @Test
    void readmeShowsTheTableThisTestChecks() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains(TABLE), "README's Bad input table differs from BadInputMatrixTest.TABLE:\n"
                + TABLE);
    }

    // -------------------------------------------------------------------------------------------------------------
    // One cell.

    private static void checkCell(Input input, String nodeName, Filter filter, String expected,
            ByteArrayOutputStream log) throws Exception {
        String cell = "'" + input.label() + "' through " + nodeName + " (" + expected + ")";
        Outcome reference = reference(nodeName, input);
        List<Instances> outputs = new ArrayList<>();
        IllegalArgumentException error = null;
        try {
            Instances[] batches = datasets(input);
            filter.setInputFormat(batches[0]);
            for (Instances batch : batches) {
                outputs.add(Filter.useFilter(batch, filter));
            }
        } catch (IllegalArgumentException e) {
            error = e;
        }
        String where = reference.errorBatch == 1 ? "row " + reference.errorRow
                : "row " + reference.errorRow + " of batch " + reference.errorBatch + " (row "
                        + reference.errorRow + " after the first batch)";
        String located = "attribute '" + (char) ('a' + reference.errorFeature) + "' (#"
                + (reference.errorFeature + 1) + "), " + where + ": " + reference.errorValue + " ";
        if (expected.equals("error")) {
            assertNotNull(error, cell + ": no error");
            assertNull(reference.outputs, cell + ": the reference has no error");
            assertTrue(error.getMessage().contains(located), cell + ": " + error.getMessage());
            return;
        }
        if (expected.equals("error: empty")) {
            assertNotNull(error, cell + ": no error");
            assertTrue(error.getMessage().contains("the first batch is empty"), cell + ": " + error.getMessage());
            assertTrue(reference.emptyError, cell + ": the reference calibrates");
            return;
        }
        if (error != null) {
            throw new AssertionError(cell + ": unexpected error", error);
        }
        assertNotNull(reference.outputs, cell + ": the reference has an error");
        assertEquals(expected.equals("dropped"), reference.errorRow > 0, cell + ": the reference drops a row");
        if (expected.equals("dropped")) {
            // Weka's MultiFilter dropped the row; the member's message must still be in the log.
            String logged = log.toString(StandardCharsets.UTF_8);
            assertTrue(logged.contains("HetQuantStreamNormalizer: " + located),
                    cell + ": not logged: " + located + "\nlog:\n" + logged);
        }
        Instances[] inputsAsData = datasets(input);
        for (int b = 0; b < outputs.size(); b++) {
            Instances out = outputs.get(b);
            double[][] want = reference.outputs.get(b);
            assertEquals(want.length, out.numInstances(), cell + ": rows of batch " + (b + 1));
            assertEquals(input.features() * width(nodeName) + 1, out.numAttributes(), cell + ": attributes");
            for (int r = 0; r < want.length; r++) {
                Instance row = out.instance(r);
                assertEquals(inputsAsData[b].instance(reference.sources.get(b)[r]).weight(), row.weight(), 0.0,
                        cell + ": weight");
                assertEquals("x", row.stringValue(row.numAttributes() - 1), cell + ": class");
                for (int o = 0; o < want[r].length; o++) {
                    assertSame(want[r][o], row.isMissing(o) ? NAN : row.value(o), nodeName,
                            cell + ", batch " + (b + 1) + " row " + (r + 1) + " output " + o);
                }
            }
        }
        int width = width(nodeName);
        switch (expected) {
            case "exact":
            case "dropped":
                break;
            case "?":
            case "0":
                for (double[] row : badRows(input, reference)) {
                    for (int k = 0; k < width; k++) {
                        double v = row[input.badFeature() * width + k];
                        assertTrue(expected.equals("?") ? Double.isNaN(v) : v == 0.0, cell + ": " + v);
                    }
                }
                break;
            case "clamped":
                assertEquals(1, reference.clamped, cell + ": the reference clamps");
                if (filter instanceof MultiFilter) {
                    // Weka's MultiFilter sets its members' input format again after a batch, which starts their
                    // counts over; the clipped rows themselves are checked above.
                    break;
                }
                long clamped = filter instanceof AbstractHetQuantNormalizer n ? n.clampedValueCount()
                        : ((HetQuantPipeline) filter).clampedValueCount();
                assertEquals(1, clamped, cell + ": clamped count");
                break;
            case "empty":
                assertEquals(0, outputs.get(0).numInstances(), cell);
                break;
            default:
                fail("unknown behaviour '" + expected + "' in the table");
        }
    }

    /** The reference's output rows that hold the bad value (every row for an all-missing attribute). */
    private static List<double[]> badRows(Input input, Outcome reference) {
        double[][] batch = reference.outputs.get(input.badBatch() - 1);
        return input.badRow() == 0 ? Arrays.asList(batch) : List.of(batch[input.badRow() - 1]);
    }

    /** Equal as documented: missing where missing, zeros with their sign, L1 shares within 2 ulps. */
    private static void assertSame(double want, double got, String nodeName, String where) {
        if (Double.isNaN(want) || want == 0.0 || !nodeName.contains("ormalizer")) {
            assertEquals(0, Double.compare(want, got), where + ": expected " + want + ", got " + got);
        } else {
            assertEquals(want, got, 2 * Math.ulp(want), where);
        }
    }

    private static int width(String nodeName) {
        return nodeName.contains("ormalizer") || nodeName.equals("SpikePhase") ? 1 : N;
    }

    // -------------------------------------------------------------------------------------------------------------
    // The reference: each node's contract, computed independently of the nodes.

    /** Outputs per batch ({@code [row][output]}, NaN = missing), or where the first error is. */
    static final class Outcome {
        List<double[][]> outputs = new ArrayList<>();
        /** Per batch, the input row of each output row (a dropped row has none). */
        List<int[]> sources = new ArrayList<>();
        int errorFeature;
        long errorRow;
        long errorBatch;
        double errorValue;
        boolean emptyError;
        long clamped;

        Outcome error(int feature, long row, long batch, double value) {
            outputs = null;
            errorFeature = feature;
            errorRow = row;
            errorBatch = batch;
            errorValue = value;
            return this;
        }
    }

    /** A value the contract rejects, at a feature and a row of a batch (both from 1, as the messages count). */
    static final class Rejected extends Exception {
        final int feature;
        final int row;
        final double value;

        Rejected(int feature, int row, double value) {
            super(null, null, false, false);
            this.feature = feature;
            this.row = row;
            this.value = value;
        }
    }

    /** The reference outcome of one cell. */
    static Outcome reference(String nodeName, Input input) {
        Outcome outcome = new Outcome();
        double[][][] batches = input.batches();
        boolean normalizes = !nodeName.equals("Column") && !nodeName.equals("SpikePhase")
                && !nodeName.equals("Calibrator");
        // The negative-value policy: clip by default, shift or error where the column's name says so.
        boolean shift = nodeName.endsWith("-negative shift");
        boolean error = nodeName.endsWith("-negative error");
        boolean calibrates = nodeName.equals("Calibrator") || nodeName.equals("Pipeline -calibrate");
        boolean phases = nodeName.startsWith("Pipeline") || nodeName.equals("SpikePhase")
                || nodeName.equals("stream MultiFilter");
        // Weka's MultiFilter catches its members' errors and drops the row.
        boolean drops = nodeName.equals("stream MultiFilter");
        double offset = 0.0;
        double[][] gains = null;
        int batch = 1;
        try {
            if (shift) {
                offset = shiftOf(batches[0]);
            }
            if (calibrates) {
                if (batches[0].length == 0) {
                    outcome.emptyError = true;
                    outcome.outputs = null;
                    return outcome;
                }
                double[][] fitRows = normalizes ? new double[batches[0].length][] : batches[0];
                for (int r = 0; normalizes && r < fitRows.length; r++) {
                    fitRows[r] = l1(batches[0][r], offset, error, r + 1, outcome);
                }
                for (int r = 0; r < fitRows.length; r++) {
                    for (int f = 0; f < fitRows[r].length; f++) {
                        double v = fitRows[r][f];
                        if (!Double.isNaN(v) && !(v >= 0 && v <= 1)) {
                            throw new Rejected(f + 1, r + 1, v);
                        }
                    }
                }
                gains = Calibrator.fitGains(fitRows, new CalibrationParameters(N, 25, 0.01, 0.25, UpdateRule.FINAL));
                outcome.clamped = 0;
            }
            for (; batch <= batches.length; batch++) {
                double[][] rows = batches[batch - 1];
                List<double[]> out = new ArrayList<>();
                List<Integer> sources = new ArrayList<>();
                for (int r = 0; r < rows.length; r++) {
                    try {
                        out.add(transform(nodeName, rows[r], r + 1, offset, error, normalizes, phases, gains,
                                outcome));
                        sources.add(r);
                    } catch (Rejected e) {
                        if (!drops) {
                            throw e;
                        }
                        if (outcome.errorRow == 0) {
                            outcome.errorFeature = e.feature - 1;
                            outcome.errorRow = e.row;
                            outcome.errorBatch = batch;
                            outcome.errorValue = e.value;
                        }
                    }
                }
                outcome.outputs.add(out.toArray(new double[0][]));
                outcome.sources.add(sources.stream().mapToInt(Integer::intValue).toArray());
            }
        } catch (Rejected e) {
            return outcome.error(e.feature - 1, e.row, batch, e.value);
        }
        return outcome;
    }

    /** One row through the node's contract; {@code r} numbers it in messages. */
    private static double[] transform(String nodeName, double[] row, int r, double offset, boolean rejectNegative,
            boolean normalizes, boolean phases, double[][] gains, Outcome outcome) throws Rejected {
        double[] x = normalizes ? l1(row, offset, rejectNegative, r, outcome) : row;
        if (nodeName.startsWith("Normalizer") || nodeName.equals("StreamNormalizer")) {
            return x;
        }
        if (nodeName.equals("SpikePhase")) {
            double[] out = new double[x.length];
            for (int f = 0; f < x.length; f++) {
                out[f] = phase(x[f], f + 1, r);
            }
            return out;
        }
        double[] out = new double[x.length * N];
        for (int f = 0; f < x.length; f++) {
            for (int k = 0; k < N; k++) {
                double g = gains != null ? gains[f][k] : GAINS[k];
                double drive = drive(g, x[f], f + 1, r);
                out[f * N + k] = phases ? phase(drive, f + 1, r) : drive;
            }
        }
        return out;
    }

    /** The data-level shift: the fitting rows' global minimum when negative; infinite values rejected. */
    private static double shiftOf(double[][] rows) throws Rejected {
        double min = 0.0;
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < rows[r].length; f++) {
                if (Double.isInfinite(rows[r][f])) {
                    throw new Rejected(f + 1, r + 1, rows[r][f]);
                }
                if (rows[r][f] < min) {
                    min = rows[r][f];
                }
            }
        }
        return min;
    }

    /**
     * Exact L1 shares in decimal arithmetic, rounded once to double: values below the offset (0 when clipping)
     * clamped to 0 and counted, or, when negatives are rejected, a negative value an error.
     */
    private static double[] l1(double[] x, double offset, boolean rejectNegative, int row, Outcome outcome)
            throws Rejected {
        for (int f = 0; f < x.length; f++) {
            if (Double.isInfinite(x[f]) || (rejectNegative && x[f] < 0)) {
                throw new Rejected(f + 1, row, x[f]);
            }
        }
        BigDecimal[] d = new BigDecimal[x.length];
        BigDecimal sum = BigDecimal.ZERO;
        for (int f = 0; f < x.length; f++) {
            if (Double.isNaN(x[f])) {
                continue;
            }
            if (x[f] < offset) {
                outcome.clamped++;
                d[f] = BigDecimal.ZERO;
            } else {
                d[f] = new BigDecimal(x[f]).subtract(new BigDecimal(offset));
            }
            sum = sum.add(d[f]);
        }
        double[] v = new double[x.length];
        for (int f = 0; f < x.length; f++) {
            v[f] = d[f] == null ? NAN : sum.signum() == 0 ? 0.0 : d[f].divide(sum, MathContext.DECIMAL128).doubleValue();
        }
        return v;
    }

    /** gain · x as the method defines it; ±∞ and a drive beyond the largest double rejected; -0.0 is 0. */
    private static double drive(double gain, double x, int feature, int row) throws Rejected {
        double d = gain * x;
        if (Double.isInfinite(d)) {
            throw new Rejected(feature, row, x);
        }
        return d == 0.0 ? 0.0 : d;
    }

    /** The step simulator's phase (above a drive of 10^4 every drive saturates); ±∞ rejected; missing silent. */
    private static double phase(double drive, int feature, int row) throws Rejected {
        if (Double.isInfinite(drive)) {
            throw new Rejected(feature, row, drive);
        }
        return Double.isNaN(drive) ? 0 : SIMULATOR.phase(Math.min(drive, 1e4));
    }

    // -------------------------------------------------------------------------------------------------------------
    // Data and the table.

    private static double[][] rows(double[]... rows) {
        return rows;
    }

    private static double[][][] batches(double[][]... batches) {
        return batches;
    }

    /** Each batch as Weka data: features a (, b), class cls = x; row 2 of each batch weighs 2.5. */
    private static Instances[] datasets(Input input) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int f = 0; f < input.features(); f++) {
            attributes.add(new Attribute(String.valueOf((char) ('a' + f))));
        }
        attributes.add(new Attribute("cls", List.of("x", "y")));
        Instances[] result = new Instances[input.batches().length];
        for (int b = 0; b < result.length; b++) {
            Instances data = new Instances("bad-input", attributes, 0);
            data.setClassIndex(input.features());
            for (int r = 0; r < input.batches()[b].length; r++) {
                double[] values = Arrays.copyOf(input.batches()[b][r], input.features() + 1);
                values[input.features()] = 0; // "x"
                data.add(new DenseInstance(r == 1 ? 2.5 : 1.0, values));
            }
            result[b] = data;
        }
        return result;
    }

    /** The Markdown table as cells, header first. */
    static String[][] parse(String markdown) {
        List<String[]> rows = new ArrayList<>();
        for (String line : markdown.strip().split("\n")) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            if (!cells[0].equals("---")) {
                rows.add(cells);
            }
        }
        return rows.toArray(new String[0][]);
    }

    /** Prints the reference outcome of every cell, to review the table by hand. */
    public static void main(String[] args) {
        for (Input input : inputs()) {
            StringBuilder s = new StringBuilder("| " + input.label() + " |");
            for (String node : nodes().keySet()) {
                Outcome o = reference(node, input);
                s.append(' ').append(o.emptyError ? "error: empty" : o.outputs == null ? "error" : "ok").append(" |");
            }
            System.out.println(s);
        }
    }

}
