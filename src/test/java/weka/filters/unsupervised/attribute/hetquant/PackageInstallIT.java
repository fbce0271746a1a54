package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package zip as a user gets it: installed offline with {@code WekaPackageManager} into a fresh WEKA_HOME,
 * then used from the command line in separate JVMs (java from java.home, classpath = Weka and its own
 * dependencies only, so the filters come from the installed package). Runs on every Weka release the build
 * tests ({@code hetquant.weka.versions}).
 */
class PackageInstallIT {

    /** The flags README.md recommends on Java 17+ (they silence a harmless stack trace while installing). */
    private static final List<String> ADD_OPENS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.jar=ALL-UNNAMED");

    private static final String PIPELINE = "weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline";

    static Stream<String> versions() {
        return Arrays.stream(System.getProperty("hetquant.weka.versions").split(","));
    }

    @ParameterizedTest(name = "Weka {0}")
    @MethodSource("versions")
    void installsOfflineAndRunsFromTheCommandLine(String version) throws Exception {
        Path build = Path.of(System.getProperty("hetquant.build"));
        Path home = build.resolve("it-wekahome-" + version);
        deleteRecursively(home);
        Files.createDirectories(home);
        Path work = build.resolve("it-work-" + version);
        deleteRecursively(work);
        Files.createDirectories(work);
        String classpath = wekaClasspath(version);

        String zip = System.getProperty("hetquant.package.zip");
        Result install = run(home, classpath, true, "weka.core.WekaPackageManager", "-offline", "-install-package", zip);
        assertEquals(0, install.exit, install.output);
        Path installed = home.resolve("packages").resolve("hetquant");
        assertTrue(Files.isRegularFile(installed.resolve("hetquant.jar")), install.output);
        assertTrue(Files.isRegularFile(installed.resolve("lib").resolve("commons-math3-3.6.1.jar")));
        // The calibration summary's quantile sketch (DataSketches KLL) and its memory library.
        assertTrue(Files.isRegularFile(installed.resolve("lib").resolve("datasketches-java-6.2.0.jar")));
        assertTrue(Files.isRegularFile(installed.resolve("lib").resolve("datasketches-memory-3.0.2.jar")));
        String description = Files.readString(installed.resolve("Description.props"));
        assertTrue(description.contains("Version=0.1.0"), description);

        Result list = run(home, classpath, true, "weka.core.WekaPackageManager", "-list-packages", "installed");
        assertTrue(list.output.contains("hetquant"), list.output);

        // One node through weka.Run, found by its short name; -output-debug-info prints what it fitted (here the
        // paper's data-level shift, learned on the first batch).
        Path data = installed.resolve("data");
        Path out = work.resolve("pipeline.arff");
        Result filter = run(home, classpath, false, "weka.Run", ".HetQuantPipeline", "-N", "4", "-negative", "shift",
                "-output-debug-info", "-i", data.resolve("gas-drift-batch1.arff").toString(), "-o", out.toString(), "-c", "last");
        assertEquals(0, filter.exit, filter.output);
        assertTrue(filter.output.contains("L1 normalization after shift by 518.4101"), filter.output);
        assertTrue(filter.output.contains("fires from x >="), filter.output);
        String arff = Files.readString(out);
        assertTrue(arff.contains("@attribute sensor1_n00 numeric"), arff.substring(0, Math.min(500, arff.length())));
        assertTrue(arff.contains("@attribute sensor8_n03 numeric"));
        assertEquals(445, dataRows(arff));

        // Calibration beyond the exact limit (445 rows, at most 64 distinct values kept exactly) runs on the
        // quantile sketch from lib/ (without it: NoClassDefFoundError).
        Path calibrated = work.resolve("calibrated.arff");
        Result sketch = run(home, classpath, false, "weka.Run", ".HetQuantPipeline", "-N", "4", "-calibrate",
                "-distinct", "64", "-i", data.resolve("gas-drift-batch1.arff").toString(),
                "-o", calibrated.toString(), "-c", "last");
        assertEquals(0, sketch.exit, sketch.output);
        assertEquals(445, dataRows(Files.readString(calibrated)));

        // Batch mode: the second file is filtered with the first file's fit.
        Path train = work.resolve("train.arff");
        Path test = work.resolve("test.arff");
        Result batch = run(home, classpath, false, "weka.Run", ".HetQuantNormalizer", "-b",
                "-i", data.resolve("gas-drift-batch1.arff").toString(), "-o", train.toString(),
                "-r", data.resolve("gas-drift-batch2.arff").toString(), "-s", test.toString(), "-c", "last");
        assertEquals(0, batch.exit, batch.output);
        assertEquals(1244, dataRows(Files.readString(test)));

        // FilteredClassifier 10-fold cross-validation with the composite node in front of an SVM.
        Result cv = run(home, classpath, false, "weka.Run", "weka.classifiers.meta.FilteredClassifier",
                "-t", data.resolve("gas-drift-batch1.arff").toString(), "-x", "10", "-s", "1", "-o",
                "-F", PIPELINE + " -N 4", "-W", "weka.classifiers.functions.SMO");
        assertEquals(0, cv.exit, cv.output);
        assertTrue(cv.output.contains("Stratified cross-validation"), cv.output);
        Matcher correct = Pattern.compile("Correctly Classified Instances\\s+(\\d+)\\s+([\\d.]+)\\s*%")
                .matcher(cv.output);
        assertTrue(correct.find(), cv.output);
        assertTrue(Double.parseDouble(correct.group(2)) > 50, cv.output);

        // Save (-d) and reload (-l): identical predictions on the later batch.
        Path model = work.resolve("pipeline-smo.model");
        String batch2 = data.resolve("gas-drift-batch2.arff").toString();
        Result saved = run(home, classpath, false, "weka.Run", "weka.classifiers.meta.FilteredClassifier",
                "-t", data.resolve("gas-drift-batch1.arff").toString(), "-T", batch2, "-d", model.toString(),
                "-classifications", "weka.classifiers.evaluation.output.prediction.CSV",
                "-F", PIPELINE + " -N 4", "-W", "weka.classifiers.functions.SMO");
        assertEquals(0, saved.exit, saved.output);
        Result reloaded = run(home, classpath, false, "weka.Run", "weka.classifiers.meta.FilteredClassifier",
                "-l", model.toString(), "-T", batch2,
                "-classifications", "weka.classifiers.evaluation.output.prediction.CSV");
        assertEquals(0, reloaded.exit, reloaded.output);
        List<String> before = predictions(saved.output);
        assertEquals(1244, before.size(), saved.output);
        assertEquals(before, predictions(reloaded.output));
    }

    /** Weka and its dependencies for the given release (the build resolves them for the first one). */
    private static String wekaClasspath(String version) throws IOException {
        String first = Files.readString(Path.of(System.getProperty("hetquant.weka.classpath"))).trim();
        List<String> entries = new ArrayList<>();
        for (String entry : first.split(File.pathSeparator)) {
            if (entry.matches(".*/weka-stable-[0-9.]+\\.jar")) {
                if (!entry.endsWith("weka-stable-" + version + ".jar")) {
                    entry = System.getProperty("hetquant.weka.second.jar");
                }
                assertTrue(entry.endsWith("weka-stable-" + version + ".jar"), entry);
            }
            entries.add(entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private record Result(int exit, String output) {}

    private static Result run(Path wekaHome, String classpath, boolean addOpens, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        // As README tells users without network: Weka would otherwise try to refresh its package list.
        command.add("-Dweka.packageManager.offline=true");
        if (addOpens) {
            command.addAll(ADD_OPENS);
        }
        command.add("-cp");
        command.add(classpath);
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("WEKA_HOME", wekaHome.toString());
        Process process = pb.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static int dataRows(String arff) {
        String data = arff.substring(arff.indexOf("@data") + "@data".length()).trim();
        return data.isEmpty() ? 0 : data.split("\n").length;
    }

    /** The "inst#,actual,predicted,error,prediction" rows of Weka's CSV prediction output. */
    private static List<String> predictions(String output) {
        List<String> rows = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.matches("\\d+,\\d+:.*")) {
                rows.add(line.trim());
            }
        }
        return rows;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
