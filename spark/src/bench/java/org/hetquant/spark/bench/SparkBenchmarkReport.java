package org.hetquant.spark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown table of BENCHMARKS.md from the JMH result file of {@link SparkSideBySideBenchmark}: rows per
 * second of each stage on 1 and 2 cores, the 1 → 2 core speed-up, and HetQuant's rate relative to Spark's own
 * stage doing the same job (fit: {@code QuantileDiscretizer}; transform: {@code Bucketizer}), all computed here.
 *
 * <pre>usage: SparkBenchmarkReport CSV...   (the 1-core and the 2-core run's files; their rows are pooled)</pre>
 */
public final class SparkBenchmarkReport {

    private SparkBenchmarkReport() {}

    private static final List<String> STAGES = List.of("fitHetQuant", "fitHetQuantCalibrated",
            "fitQuantileDiscretizer", "transformHetQuant", "transformBucketizer");

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: SparkBenchmarkReport CSV... (JMH result files)");
        }
        // method -> cores -> {score, error}
        Map<String, Map<String, double[]>> results = new HashMap<>();
        for (String file : args) {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            read(lines.subList(1, lines.size()), results);
        }
        System.out.println("| stage | local[1] (rows/s) | local[2] (rows/s) | speed-up 1 → 2 cores "
                + "| vs Spark's stage, local[1] | vs Spark's stage, local[2] |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String stage : STAGES) {
            Map<String, double[]> r = results.get(stage);
            if (r == null) {
                continue;
            }
            String peer = stage.startsWith("fit") ? "fitQuantileDiscretizer" : "transformBucketizer";
            boolean ours = !stage.equals(peer);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", stage, rate(r.get("1")),
                    rate(r.get("2")), ratio(r.get("2"), r.get("1")),
                    ours ? ratio(r.get("1"), results.get(peer).get("1")) : "–",
                    ours ? ratio(r.get("2"), results.get(peer).get("2")) : "–");
        }
    }

    private static void read(List<String> lines, Map<String, Map<String, double[]>> results) {
        for (String line : lines) {
            // "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: cores"
            String[] f = line.replace("\"", "").split(",");
            String method = f[0].substring(f[0].lastIndexOf('.') + 1);
            double error = f[5].isEmpty() || f[5].equals("NaN") ? Double.NaN : Double.parseDouble(f[5]);
            results.computeIfAbsent(method, m -> new HashMap<>())
                    .put(f[7], new double[] {Double.parseDouble(f[4]), error});
        }
    }

    private static String rate(double[] r) {
        return r == null ? "–" : String.format(Locale.ROOT, "%.0f k ± %.0f k", r[0] / 1e3, r[1] / 1e3);
    }

    private static String ratio(double[] a, double[] b) {
        return a == null || b == null ? "–" : String.format(Locale.ROOT, "%.2f×", a[0] / b[0]);
    }
}
