package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;

/**
 * Seeing the fit: each node's {@code toString()} after the first batch says what it learned (normalization
 * policy and its offset or shift, gain scale, gains, onsets, clipped values), and {@code -output-debug-info} on
 * the command line (the {@code debug} property in the GUI) prints it to the console when the first batch ends.
 */
class FitDescriptionTest {

    private static final String NODES = "weka.filters.unsupervised.attribute.hetquant.";
    private static final Path DATA = Path.of("pkg", "data");

    /** Runs {@code action} and returns what it printed to System.err. */
    private static String stderrOf(ThrowingRunnable action) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(err);
            action.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Path work() throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "fit-description");
        Files.createDirectories(dir);
        return dir;
    }

    /** Gas drift batch 1 after the normalizer: the calibrator's input. */
    private static Path normalizedGasDrift() throws Exception {
        Path out = work().resolve("gas-drift-batch1-normalized.arff");
        Filter.filterFile(new HetQuantNormalizer(), new String[] {
            "-i", DATA.resolve("gas-drift-batch1.arff").toString(), "-o", out.toString(), "-c", "last"});
        return out;
    }

    /** Gas drift batch 1 after the normalizer and a column: the spike-phase quantizer's input. */
    private static Path gasDriftDrives() throws Exception {
        Path out = work().resolve("gas-drift-batch1-drives.arff");
        Filter.filterFile(new HetQuantColumn(), new String[] {
            "-N", "4", "-i", normalizedGasDrift().toString(), "-o", out.toString(), "-c", "last"});
        return out;
    }

    private static String inputFile(String input) throws Exception {
        return input.equals("normalized") ? normalizedGasDrift().toString()
                : input.equals("drives") ? gasDriftDrives().toString() : input;
    }

    static Stream<Arguments> nodes() {
        String gas = DATA.resolve("gas-drift-batch1.arff").toString();
        String saturation = DATA.resolve("saturation.arff").toString();
        return Stream.of(
                Arguments.of("HetQuantPipeline -N 4", gas,
                        List.of("L1 normalization (negative values clipped to 0)", "values clipped to 0 so far: ",
                                "gain scale auto: factor", "uniform gains", "fires from x >=", "attribute sensor8",
                                "n03")),
                Arguments.of("HetQuantPipeline -N 4 -calibrate -negative shift", gas,
                        List.of("L1 normalization after shift by", "gains calibrated on the first batch",
                                "attribute sensor1")),
                Arguments.of("HetQuantCalibrator -N 8 -S 0.5", "normalized",
                        List.of("gains fitted on the first batch, s = 0.5", "gain scale auto: factor",
                                "fires from x >=", "n07")),
                Arguments.of("HetQuantColumn -N 4 -scheme equidistant", saturation,
                        List.of("equidistant gains", "gain scale features: factor", "fires from x >=")),
                Arguments.of("HetQuantNormalizer", gas,
                        List.of("L1 normalization (negative values clipped to 0)", "values clipped to 0 so far: ",
                                "sensor8")),
                Arguments.of("HetQuantNormalizer -negative offset", gas,
                        List.of("L1 normalization after per-feature shifts by", "values clipped to 0 so far: 0")),
                Arguments.of("HetQuantStreamNormalizer", saturation,
                        List.of("L1 normalization (negative values clipped to 0)", "values clipped to 0 so far: 0")),
                Arguments.of("HetQuantSpikePhase", "drives", List.of("ascending encoding", "drive from")));
    }

    private static Filter node(String spec) throws Exception {
        return TestData.filter(NODES + spec);
    }

    /** {@code weka.Run .<Node> -output-debug-info …} calls the node's main, i.e. {@link Filter#runFilter}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void outputDebugInfoPrintsTheFitOnTheCommandLine(String spec, String input, List<String> expected)
            throws Exception {
        String in = inputFile(input);
        String out = work().resolve("out.arff").toString();
        List<String> args = new ArrayList<>(List.of(Utils.splitOptions(spec)));
        args.remove(0);
        args.addAll(List.of("-output-debug-info", "-i", in, "-o", out, "-c", "last"));
        Filter filter = node(spec.split(" ")[0]);
        String printed = stderrOf(() -> Filter.runFilter(filter, args.toArray(new String[0])));
        String fitted = filter.toString();
        assertTrue(printed.contains(fitted), "printed:\n" + printed + "\nfitted:\n" + fitted);
        for (String part : expected) {
            assertTrue(fitted.contains(part), "'" + part + "' missing from:\n" + fitted);
        }

        // Without the flag the node prints nothing.
        args.remove("-output-debug-info");
        assertEquals("", stderrOf(() -> Filter.runFilter(node(spec.split(" ")[0]), args.toArray(new String[0]))));
    }

    /**
     * The Explorer's Apply: a copy of the edited node is fitted on the data (PreprocessPanel.applyFilter); with the
     * node's debug property on, the copy's description reaches the console (GUIChooser: Program, LogWindow).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void theDebugPropertyShowsTheFitOfTheCopyTheExplorerApplies(String spec, String input, List<String> expected)
            throws Exception {
        Instances data = DataSource.read(inputFile(input));
        data.setClassIndex(data.numAttributes() - 1);
        Filter edited = node(spec);
        edited.setDebug(true);
        Filter copy = Filter.makeCopy(edited);
        if (!(copy instanceof HetQuantSpikePhase)) {
            assertTrue(copy.toString().contains("not fitted yet") || copy.toString().contains("no input format"),
                    copy.toString());
        }
        String printed = stderrOf(() -> {
            copy.setInputFormat(data);
            Filter.useFilter(data, copy);
        });
        assertTrue(printed.contains(copy.toString()), printed);
        assertTrue(copy.toString().contains(expected.get(0)), copy.toString());
    }

    /**
     * The normalizers and the pipeline count the values they clip to 0 in each batch: with the default policy (clip)
     * every negative value; with the paper's shift, the values of later batches still negative after it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("clipCases")
    void clippedValuesAreCountedAndPrintedPerBatch(String spec, int firstBatch, int secondBatch, String normalization)
            throws Exception {
        Path train = work().resolve("clamp-train.arff");
        Path test = work().resolve("clamp-test.arff");
        String header = "@relation clamp\n@attribute a numeric\n@attribute b numeric\n@attribute c {x,y}\n@data\n";
        Files.writeString(train, header + "-1,2,x\n3,4,y\n");
        Files.writeString(test, header + "-3,2,x\n-2,-5,y\n1,1,x\n");
        Filter filter = node(spec);
        List<String> args = new ArrayList<>(List.of(Utils.splitOptions(spec)));
        args.remove(0);
        args.addAll(List.of("-output-debug-info", "-b", "-i", train.toString(),
                "-o", work().resolve("clamp-train-out.arff").toString(), "-r", test.toString(),
                "-s", work().resolve("clamp-test-out.arff").toString(), "-c", "last"));
        String printed = stderrOf(() -> Filter.runFilter(filter, args.toArray(new String[0])));
        String node = filter.getClass().getSimpleName();
        String first = node + ": clipped " + firstBatch + " negative value(s) to 0 in this batch";
        String second = node + ": clipped " + secondBatch + " negative value(s) to 0 in this batch";
        assertEquals(firstBatch > 0, printed.contains(first), printed);
        assertTrue(printed.contains(second), printed);
        assertTrue(filter.toString().contains(normalization), filter.toString());
        assertTrue(filter.toString().contains("values clipped to 0 so far: " + (firstBatch + secondBatch)),
                filter.toString());
    }

    static Stream<Arguments> clipCases() {
        String clip = "L1 normalization (negative values clipped to 0)";
        String shift = "L1 normalization after shift by 1.0";
        // Clip: -1 in the first batch; -3, -2, -5 in the second. Shift by the first batch's minimum -1: the second
        // batch's -3, -2, -5 become -2, -1, -4, still negative.
        return Stream.of(
                Arguments.of("HetQuantNormalizer", 1, 3, clip),
                Arguments.of("HetQuantPipeline -N 2", 1, 3, clip),
                Arguments.of("HetQuantStreamNormalizer", 1, 3, clip),
                Arguments.of("HetQuantNormalizer -negative shift", 0, 3, shift),
                Arguments.of("HetQuantPipeline -N 2 -negative shift", 0, 3, shift));
    }
}
