package weka.knowledgeflow.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hetquant.flows.InJvmFlowRunner;
import org.hetquant.plot.FeatureThresholds;
import org.hetquant.plot.PhaseRaster;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.WekaException;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.hetquant.HetQuantCalibrator;
import weka.filters.unsupervised.attribute.hetquant.HetQuantGranule;
import weka.filters.unsupervised.attribute.hetquant.HetQuantNormalizer;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;
import weka.filters.unsupervised.attribute.hetquant.HetQuantSpikePhase;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;

/**
 * The diagnostics node's options: a copy of the calibrated node is fitted on the feature data file and its
 * onsets and column inputs are read back; they equal what the chain normalizer → calibrator fits (flow 2's
 * calibrated branch); the options are checked at step initialisation, and errors reach the log as one message.
 * Undefined statistics (the SD of one sample) are reported as undefined and left out of the mean over folds.
 */
class HetQuantDiagnosticsTest {

    private static final File SATURATION = new File("pkg/data/saturation.arff");

    private static Instances saturation() throws Exception {
        try (Reader r = new FileReader(SATURATION)) {
            return new Instances(r);
        }
    }

    private static HetQuantPipeline calibratedPipeline() throws Exception {
        HetQuantPipeline node = new HetQuantPipeline();
        node.setOptions(new String[] {"-calibrate", "-N", "8", "-S", "0.25"});
        return node;
    }

    @Test
    void aCalibratedPipelineGivesTheCalibratorsOnsetsOverTheNormalizedData() throws Exception {
        Instances data = saturation();
        HetQuantPipeline node = calibratedPipeline();
        HetQuantDiagnostics.Fitted fitted = HetQuantDiagnostics.fit(node, data);

        Instances normalized = Filter.useFilter(data, setUp(new HetQuantNormalizer(), data));
        HetQuantCalibrator calibrator = new HetQuantCalibrator();
        calibrator.setOptions(new String[] {"-N", "8", "-S", "0.25"});
        Filter.useFilter(normalized, setUp(calibrator, normalized));
        double[][] expected = calibrator.onsets();
        double[][] calibratorInputs = calibrator.columnInputs(normalized);

        List<FeatureThresholds> thresholds = fitted.thresholds();
        assertEquals(8, thresholds.size());
        for (int f = 0; f < 8; f++) {
            assertEquals("sensor" + (f + 1), thresholds.get(f).feature());
            assertArrayEquals(expected[f], thresholds.get(f).thresholds(), 1e-12, "sensor" + (f + 1));
            double[] inputs = fitted.columnInputs().get("sensor" + (f + 1));
            assertEquals(data.numInstances(), inputs.length);
            for (int r = 0; r < inputs.length; r += 97) {
                assertEquals(normalized.instance(r).value(f), inputs[r], 1e-12, "row " + r);
                assertEquals(normalized.instance(r).value(f), calibratorInputs[f][r], 0.0, "calibrator, row " + r);
            }
        }
        // The node given as the option stays unfitted: the step fits a copy.
        assertThrows(IllegalStateException.class, node::onsets);
    }

    @Test
    void theDefaultUnitPatternReadsTheGranuleLayerAndNamesIt() throws Exception {
        Instances all = saturation();
        all.setClassIndex(all.numAttributes() - 1);
        Instances data = new Instances(all, 0);
        for (int r = 0; r < all.numInstances(); r += 64) {
            data.add(all.instance(r));
        }
        HetQuantPipeline front = new HetQuantPipeline();
        front.setOptions(new String[] {"-N", "4"});
        Instances mc = Filter.useFilter(data, setUp(front, data));
        Instances gc = Filter.useFilter(mc, setUp(new HetQuantGranule(), mc));
        java.util.regex.Pattern units = java.util.regex.Pattern.compile(HetQuantDiagnostics.DEFAULT_UNIT_PATTERN);

        PhaseRaster granules = HetQuantDiagnostics.raster(gc, units);
        assertEquals(128, granules.units());
        assertEquals("gc0000", granules.unitName(0));
        double expected = 0;
        for (int r = 0; r < gc.numInstances(); r++) {
            int firing = 0;
            for (int j = 0; j < 128; j++) {
                firing += gc.instance(r).value(j) != 0 ? 1 : 0;
            }
            expected += 100.0 * firing / 128 / gc.numInstances();
        }
        assertEquals(expected, granules.utilization().mean().getAsDouble(), 1e-9);
        assertTrue(HetQuantDiagnostics.title(gc, granules).endsWith(", GC layer"));

        PhaseRaster mitrals = HetQuantDiagnostics.raster(mc, units);
        assertEquals(32, mitrals.units());
        assertTrue(HetQuantDiagnostics.title(mc, mitrals).endsWith(", MC layer"));
    }

    @Test
    void theStepFitsTheNodeAtInitialisation() throws Exception {
        HetQuantDiagnostics step = stepWith(calibratedPipeline(), SATURATION);
        step.stepInit();
        HetQuantDiagnostics.Fitted fitted = HetQuantDiagnostics.fit(calibratedPipeline(), saturation());
        assertEquals(fitted.thresholds(), step.thresholdsInUse());
    }

    @Test
    void theOptionIsCheckedAtInitialisation() throws Exception {
        WekaException notAColumn = assertThrows(WekaException.class,
                () -> stepWith(new HetQuantSpikePhase(), SATURATION).stepInit());
        assertTrue(notAColumn.getMessage().contains("HetQuantSpikePhase"), notAColumn.getMessage());

        WekaException noFile = assertThrows(WekaException.class,
                () -> stepWith(calibratedPipeline(), new File("no/such.arff")).stepInit());
        assertTrue(noFile.getMessage().contains("no/such.arff") && noFile.getMessage().contains("empty"),
                noFile.getMessage());

        HetQuantDiagnostics textWithoutData = stepWith(calibratedPipeline(), new File(""));
        textWithoutData.setThresholds("sensor1: 0.1, 0.2");
        WekaException needsData = assertThrows(WekaException.class, textWithoutData::stepInit);
        assertTrue(needsData.getMessage().contains("feature data file"), needsData.getMessage());
    }

    /**
     * Threshold panels are drawn exactly when a feature data file is given: by default (no file) none, whatever the
     * calibrated node; with a file, the pasted thresholds when there are any, else the calibrated node's (by
     * default the composite node calibrating its column), so no placeholder filter stands for "none".
     */
    @Test
    void theFeatureDataFileTurnsThePanelsOn() throws Exception {
        HetQuantDiagnostics none = new HetQuantDiagnostics();
        new StepManagerImpl(none);
        assertTrue(none.getCalibratedNode() instanceof HetQuantPipeline p && p.getCalibrate(),
                "the default calibrated node is the calibrating composite node");
        none.stepInit();
        assertEquals(List.of(), none.thresholdsInUse());

        HetQuantDiagnostics byDefault = new HetQuantDiagnostics();
        new StepManagerImpl(byDefault);
        byDefault.setFeatureData(SATURATION);
        byDefault.stepInit();
        assertEquals(HetQuantDiagnostics.fit(calibratedPipeline(), saturation()).thresholds(),
                byDefault.thresholdsInUse());

        HetQuantDiagnostics pasted = stepWith(calibratedPipeline(), SATURATION);
        pasted.setThresholds("sensor1: 0.1, 0.2");
        pasted.stepInit();
        assertEquals(List.of(new FeatureThresholds("sensor1", new double[] {0.1, 0.2})), pasted.thresholdsInUse());
    }

    /**
     * A misconfigured or misfed step stops the flow with its message in the log and no Java stack trace (no
     * "at …" line): at initialisation (a missing feature data file) and while processing (data without units).
     */
    @Test
    void errorsReachTheLogWithoutAStackTrace() throws Exception {
        Path dir = Path.of("target", "diagnostics-errors");
        Files.createDirectories(dir);
        String loader = "{\"class\": \"weka.knowledgeflow.steps.Loader\", \"properties\": {\"name\": \"Data\","
                + " \"loader\": {\"type\": \"loader\", \"class\": \"weka.core.converters.ArffLoader\", \"filePath\": \""
                + SATURATION.getAbsolutePath() + "\", \"useRelativePath\": false}},"
                + " \"connections\": {\"dataSet\": [\"Diagnostics\"]}, \"coordinates\": \"10,10\"}";
        for (String[] c : new String[][] {{"\"featureData\": \"no/such.arff\"", "is not a file"},
                {"\"featureData\": \"\"", "is a unit"}}) {
            String diagnostics = "{\"class\": \"weka.knowledgeflow.steps.HetQuantDiagnostics\", \"properties\": {"
                    + "\"name\": \"Diagnostics\", " + c[0] + "}, \"connections\": {}, \"coordinates\": \"200,10\"}";
            Path kf = dir.resolve("flow.kf");
            Files.writeString(kf, "{\"flow_name\": \"errors\", \"steps\": [" + loader + ", " + diagnostics + "]}");
            InJvmFlowRunner.FlowFailedException failed = assertThrows(InJvmFlowRunner.FlowFailedException.class,
                    () -> InJvmFlowRunner.run(kf.toFile(), Map.of(), Duration.ofMinutes(1)));
            String log = failed.getMessage();
            assertTrue(log.contains(c[1]), log);
            assertTrue(log.lines().noneMatch(l -> l.trim().startsWith("at ")), "a stack trace in the log: " + log);
        }
    }

    @Test
    void theDefaultUnitPatternAcceptsAColumnOfOneNeuron() throws Exception {
        Instances data = saturation();
        HetQuantPipeline pipeline = new HetQuantPipeline();
        pipeline.setOptions(new String[] {"-N", "1"});
        Instances out = Filter.useFilter(data, setUp(pipeline, data));
        PhaseRaster raster = HetQuantDiagnostics.raster(out,
                java.util.regex.Pattern.compile(new HetQuantDiagnostics().getUnitPattern()));
        assertEquals(8, raster.units());
        assertEquals("sensor1_n00", raster.unitName(0));
    }

    @Test
    void aFoldWithOneTestSampleHasAnUndefinedSdLeftOutOfTheMeanOverFolds() throws Exception {
        // Three test folds over units a_n00, a_n01: utilization {50, 100}, {0, 50} and the single sample {100}.
        int[][][] folds = {{{3, 0}, {4, 5}}, {{0, 0}, {0, 17}}, {{2, 2}}};
        Data[] in = new Data[folds.length];
        for (int k = 0; k < folds.length; k++) {
            in[k] = new Data(StepManager.CON_TESTSET, units(folds[k]));
            in[k].setPayloadElement(StepManager.CON_AUX_DATA_SET_NUM, k + 1);
            in[k].setPayloadElement(StepManager.CON_AUX_DATA_MAX_SET_NUM, folds.length);
        }
        List<Data> out = run(in);
        String text = text(out);
        // SDs: sqrt(1250) twice and undefined (R's sd of one value is NA), so the mean over folds is sqrt(1250)
        // over 2 of the 3 folds, not 2/3 of it.
        assertTrue(text.contains("fold 3: 1 sample, mean 100.0000 %, SD undefined"), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "SD across samples, mean over 2 of 3 folds: %.4f"
                + " percentage points (the paper's metric; 1 fold with one sample has no SD)", Math.sqrt(1250))), text);
        assertTrue(text.contains("mean over the 3 folds of the fold means: 66.6667 %"), text);
        assertTrue(out.stream().anyMatch(d -> d.getConnectionName().equals(StepManager.CON_IMAGE)));
    }

    @Test
    void aDataSetOfOneSampleShowsItsSdAsUndefined() throws Exception {
        String text = text(run(new Data(StepManager.CON_DATASET, units(new int[][] {{5, 0}}))));
        assertTrue(text.contains("  mean: 50.0000 %"), text);
        assertTrue(text.contains("SD across samples (n-1): undefined (one sample)"), text);
        assertTrue(text.contains("SD across samples (n): 0.0000 percentage points"), text);
    }

    /** Phase rows over the units a_n00, a_n01. */
    private static Instances units(int[][] rows) {
        Instances data = new Instances("saturation",
                new ArrayList<>(List.of(new Attribute("a_n00"), new Attribute("a_n01"))), rows.length);
        for (int[] row : rows) {
            data.add(new DenseInstance(1.0, Arrays.stream(row).asDoubleStream().toArray()));
        }
        return data;
    }

    /** Runs a diagnostics step with default options on the inputs; returns everything it emitted. */
    private static List<Data> run(Data... in) throws WekaException {
        List<Data> out = new ArrayList<>();
        HetQuantDiagnostics step = new HetQuantDiagnostics();
        new StepManagerImpl(step) {
            @Override
            public void outputData(Data... data) {
                out.addAll(Arrays.asList(data));
            }
        };
        step.stepInit();
        for (Data d : in) {
            step.processIncoming(d);
        }
        return out;
    }

    private static String text(List<Data> out) {
        return out.stream().filter(d -> d.getConnectionName().equals(StepManager.CON_TEXT))
                .map(d -> (String) d.getPrimaryPayload()).findFirst().orElseThrow();
    }

    private static HetQuantDiagnostics stepWith(Filter node, File data) {
        HetQuantDiagnostics step = new HetQuantDiagnostics();
        new StepManagerImpl(step);
        step.setCalibratedNode(node);
        step.setFeatureData(data);
        return step;
    }

    private static Filter setUp(Filter filter, Instances data) throws Exception {
        filter.setInputFormat(data);
        return filter;
    }
}
