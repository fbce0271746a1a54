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
import java.util.List;
import java.util.Map;
import org.hetquant.flows.InJvmFlowRunner;
import org.hetquant.plot.FeatureThresholds;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.WekaException;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.hetquant.HetQuantCalibrator;
import weka.filters.unsupervised.attribute.hetquant.HetQuantNormalizer;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;
import weka.filters.unsupervised.attribute.hetquant.HetQuantSpikePhase;
import weka.knowledgeflow.StepManagerImpl;

/**
 * The diagnostics node's options: a copy of the calibrated node is fitted on the feature data file and its
 * onsets and column inputs are read back; they equal what the chain normalizer → calibrator fits (flow 2's
 * calibrated branch); the options are checked at step initialisation, and errors reach the log as one message.
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
