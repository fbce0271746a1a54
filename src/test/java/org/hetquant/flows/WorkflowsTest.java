package org.hetquant.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.Filter;

/**
 * Runs every flow in {@code workflows/} through {@link InJvmFlowRunner} and checks its outputs. The flows read
 * {@code ${WEKA_HOME}/packages/hetquant/data/…}, exactly as the installed templates do; here WEKA_HOME is a folder
 * under target/ holding a copy of the package's {@code data/}, and {@code java.io.tmpdir} (where the flows write)
 * is a per-flow folder under target/. A flow without checks below fails, so a new flow cannot go unchecked.
 *
 * <p>Accuracy bands were measured on the bundled data with Weka 3.8.6 (seeded folds, deterministic classifiers)
 * and allow ±1 percentage point; utilization SDs ±0.1.
 */
class WorkflowsTest {

    private static final Path WORKFLOWS = Path.of("workflows");
    private static final Path PACKAGE_DATA = Path.of(System.getProperty("hetquant.package.data", "pkg/data"));
    private static final Path TARGET = Path.of("target", "workflows-test").toAbsolutePath();

    private static final Map<String, Consumer<Path>> CHECKS = Map.of(
            // Measured 99.8047 % (4088 / 4096; ascending phase encoding, the default).
            "hetquant-1-saturation-heterogeneous.kf", out -> {
                accuracy(out.resolve("hetquant-1-saturation-evaluation.txt"), 98.8, 100.0);
            },
            // Measured (ascending phase encoding): homogeneous (gain 50, the uniform column's mean utilization)
            // 96.1182 %, SD 23.8796; uniform 99.8047 %, SD 1.5195; calibrated (final rule, adaptive smoothing; accuracy
            // with per-fold calibration, SD with the calibration fitted on all rows) 98.1201 %, SD 8.7366.
            "hetquant-2-gain-schemes.kf", out -> {
                accuracy(out.resolve("hetquant-2-homogeneous-evaluation.txt"), 95.1, 97.1);
                accuracy(out.resolve("hetquant-2-uniform-evaluation.txt"), 98.8, 100.0);
                accuracy(out.resolve("hetquant-2-calibrated-evaluation.txt"), 97.1, 99.1);
                int plainHeight = 0;
                for (String branch : List.of("homogeneous", "uniform")) {
                    plainHeight = image(out.resolve("hetquant-2-" + branch + "-diagnostics.png"));
                    assertTrue(!read(out.resolve("hetquant-2-" + branch + "-utilization.txt"))
                            .contains("neuron thresholds"), branch + " branch has no threshold panels");
                }
                // The calibrated branch adds one threshold panel per sensor (2/3 of the 420-pixel raster each)
                // and lists the thresholds: 8 sensors x 8 onsets in normalized units.
                int calibratedHeight = image(out.resolve("hetquant-2-calibrated-diagnostics.png"));
                assertEquals(plainHeight + 8 * 280, calibratedHeight, "calibrated image: raster, histogram, 8 panels");
                String calibratedText = read(out.resolve("hetquant-2-calibrated-utilization.txt"));
                for (int sensor = 1; sensor <= 8; sensor++) {
                    Matcher onsets = Pattern.compile("\\n  sensor" + sensor + ":((?: [0-9.eE+-]+){8})\\n")
                            .matcher(calibratedText);
                    assertTrue(onsets.find(), "no 8 thresholds of sensor" + sensor + " in " + calibratedText);
                    for (String t : onsets.group(1).trim().split(" ")) {
                        double v = Double.parseDouble(t);
                        assertTrue(v > 0 && v < 1, "sensor" + sensor + " threshold " + v + " not a normalized value");
                    }
                }
                double homogeneous = foldSd(out.resolve("hetquant-2-homogeneous-utilization.txt"));
                double uniform = foldSd(out.resolve("hetquant-2-uniform-utilization.txt"));
                double calibrated = foldSd(out.resolve("hetquant-2-calibrated-utilization.txt"));
                // The paper's regularization claim: at equal mean utilization heterogeneous gains lower the
                // utilization SD; calibration (adaptive smoothing) trades some of that regularity for accuracy.
                assertTrue(uniform < calibrated, "uniform SD " + uniform + " !< calibrated SD " + calibrated);
                assertTrue(calibrated < homogeneous, "calibrated SD " + calibrated + " !< homogeneous SD " + homogeneous);
                assertTrue(Math.abs(homogeneous - 23.8796) < 0.1, "homogeneous SD " + homogeneous);
                assertTrue(Math.abs(uniform - 1.5195) < 0.1, "uniform SD " + uniform);
                assertTrue(Math.abs(calibrated - 8.7366) < 0.1, "calibrated SD " + calibrated);
            },
            // Measured 99.4873 % (prequential: each row tested, then learned); the same with the paper's and the
            // ascending phase encoding.
            "hetquant-3-streaming.kf", out -> {
                accuracy(out.resolve("hetquant-3-streaming-evaluation.txt"), 98.5, 100.0);
            },
            // Batch 1, trained on each gas's low concentrations, tested on its high ones. Measured: SMO raw 88.1773 %,
            // HetQuantNormalizer 92.6108 %, HetQuantPipeline 95.0739 %; RandomForest raw 22.6601 %, HetQuantNormalizer
            // 92.1182 %, HetQuantPipeline 95.5665 %.
            "hetquant-4-gas-concentration.kf", out -> {
                double rawSmo = accuracy(out.resolve("hetquant-4-raw-smo-evaluation.txt"), 87.2, 89.2);
                double l1Smo = accuracy(out.resolve("hetquant-4-l1-smo-evaluation.txt"), 91.6, 93.6);
                double smo = accuracy(out.resolve("hetquant-4-hetquant-smo-evaluation.txt"), 94.1, 96.1);
                double rawForest = accuracy(out.resolve("hetquant-4-raw-randomforest-evaluation.txt"), 21.7, 23.7);
                double l1Forest = accuracy(out.resolve("hetquant-4-l1-randomforest-evaluation.txt"), 91.1, 93.1);
                double forest = accuracy(out.resolve("hetquant-4-hetquant-randomforest-evaluation.txt"), 94.6, 96.6);
                // What the flow shows: at unseen concentrations HetQuant beats the raw features and L1 alone.
                assertTrue(smo > l1Smo && l1Smo > rawSmo, "SMO: " + rawSmo + " / " + l1Smo + " / " + smo);
                assertTrue(forest > l1Forest && l1Forest > rawForest,
                        "RandomForest: " + rawForest + " / " + l1Forest + " / " + forest);
            });

    @TestFactory
    Stream<DynamicTest> everyFlowRunsCleanlyAndWritesWhatItShould() throws IOException {
        Path wekaHome = TARGET.resolve("wekahome");
        Path data = wekaHome.resolve("packages/hetquant/data");
        Files.createDirectories(data);
        try (Stream<Path> files = Files.list(PACKAGE_DATA)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, data.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<Path> flows;
        try (Stream<Path> s = Files.list(WORKFLOWS)) {
            flows = s.filter(p -> p.toString().endsWith(".kf")).sorted().toList();
        }
        assertEquals(CHECKS.size(), flows.size(), "workflows/ holds " + flows + ", checks cover " + CHECKS.keySet());
        return flows.stream().map(flow -> DynamicTest.dynamicTest(flow.getFileName().toString(), () -> {
            Consumer<Path> check = CHECKS.get(flow.getFileName().toString());
            if (check == null) {
                fail("no output checks for " + flow);
            }
            Path out = TARGET.resolve(flow.getFileName().toString().replace(".kf", ""));
            Files.createDirectories(out);
            try (Stream<Path> old = Files.list(out)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.delete(p);
                }
            }
            InJvmFlowRunner.run(flow.toFile(), Map.of("WEKA_HOME", wekaHome.toString(),
                    "java.io.tmpdir", out + File.separator), Duration.ofMinutes(5));
            check.accept(out);
        }));
    }

    /**
     * The headless runner accepts an {@code instance} connection into any Filter step, but the KnowledgeFlow GUI
     * offers that connection only for a {@code StreamableFilter} ({@code Filter.getIncomingConnectionTypes}), so a
     * flow relying on anything else could not be redrawn or edited there. Asks Weka's own rule.
     */
    @Test
    void everyInstanceConnectionIntoAFilterIsOneTheGuiOffers() throws Exception {
        List<Path> flows;
        try (Stream<Path> s = Files.list(WORKFLOWS)) {
            flows = s.filter(p -> p.toString().endsWith(".kf")).sorted().toList();
        }
        int checked = 0;
        for (Path file : flows) {
            Flow flow = Flow.loadFlow(file.toFile(), null);
            for (StepManagerImpl step : flow.getSteps()) {
                if (step.getManagedStep() instanceof Filter filter
                        && step.numIncomingConnectionsOfType(StepManager.CON_INSTANCE) > 0) {
                    assertTrue(filter.getIncomingConnectionTypes().contains(StepManager.CON_INSTANCE),
                            file.getFileName() + ": the GUI would not draw the instance connection into "
                                    + step.getName() + " (" + filter.getFilter().getClass().getName() + ")");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 3, "flow 3 streams through three filters; checked " + checked);
    }

    private static final Pattern CORRECT = Pattern.compile("Correctly Classified Instances\\s+\\d+\\s+([0-9.]+)\\s*%");

    private static String read(Path file) {
        assertTrue(Files.isRegularFile(file), "missing output " + file);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The file's accuracy (%), which must lie in [lo, hi]. */
    static double accuracy(Path file, double lo, double hi) {
        Matcher m = CORRECT.matcher(read(file));
        assertTrue(m.find(), "no accuracy in " + file);
        double acc = Double.parseDouble(m.group(1));
        assertTrue(acc >= lo && acc <= hi, file.getFileName() + ": accuracy " + acc + " % outside [" + lo + ", "
                + hi + "]");
        return acc;
    }

    private static final Pattern FOLD_SD = Pattern.compile("mean over folds of the utilization SD \\(n-1\\): ([0-9.]+)");

    static double foldSd(Path file) {
        Matcher m = FOLD_SD.matcher(read(file));
        assertTrue(m.find(), "no fold SD in " + file);
        return Double.parseDouble(m.group(1));
    }

    /** Checks the image is there and not tiny; returns its height in pixels. */
    static int image(Path file) {
        assertTrue(Files.isRegularFile(file), "missing image " + file);
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            assertTrue(img.getWidth() >= 400 && img.getHeight() >= 400, "image too small: " + file);
            return img.getHeight();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
