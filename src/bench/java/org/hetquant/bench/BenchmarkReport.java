package org.hetquant.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the JMH result files of the benchmarks into the Markdown tables of BENCHMARKS.md, with the ratios
 * computed here rather than by hand.
 *
 * <pre>usage: BenchmarkReport DIR   (reads whichever of DIR/bench-phase.csv, DIR/bench-jenks.csv,
 *        DIR/bench-weka.csv, DIR/bench-large.csv, DIR/bench-calibration.csv and DIR/bench-granule.csv
 *        exist)</pre>
 */
public final class BenchmarkReport {

    private static final String PEER = "weka.filters.unsupervised.attribute.Discretize -F -B 16 -D";
    private static final String NORMALIZE = "weka.filters.unsupervised.attribute.Normalize";

    private BenchmarkReport() {}

    /** One JMH result row: benchmark method (without class), parameter, score, error, unit. */
    record Row(String method, String param, double score, double error, String unit) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target");
        PrintStream out = System.out;
        // Each table from its result file, when that benchmark has been run.
        table(dir.resolve("bench-phase.csv"), rows -> phase(rows, out));
        table(dir.resolve("bench-jenks.csv"), rows -> jenks(rows, out));
        table(dir.resolve("bench-weka.csv"), rows -> weka(rows, out));
        table(dir.resolve("bench-large.csv"), rows -> large(rows, out));
        table(dir.resolve("bench-calibration.csv"), rows -> calibration(rows, out));
        table(dir.resolve("bench-granule.csv"), rows -> granule(rows, out));
    }

    private static void table(Path csv, Consumer<List<Row>> printer) throws IOException {
        if (Files.exists(csv)) {
            printer.accept(read(csv));
        }
    }

    /** Raw data of {@link CalibrationBenchmark}: rows × features doubles, in bytes. */
    private static final double RAW_BYTES = 8.0 * CalibrationBenchmark.ROWS * CalibrationBenchmark.FEATURES;
    private static final String DISCRETIZE = "weka.filters.unsupervised.attribute.Discretize -F -B 16";

    static void calibration(List<Row> rows, PrintStream out) {
        Map<String, Row> fit = byParam(rows, "fitAndTransform");
        Map<String, Row> transform = byParam(rows, "transform");
        Map<String, Row> fitBytes = byParam(rows, "fitAndTransform:gc.alloc.rate.norm");
        Map<String, Row> transformBytes = byParam(rows, "transform:gc.alloc.rate.norm");
        Row peer = fit.get(DISCRETIZE);
        out.println("| filter | fit + transform | transform | fit (difference) | allocated: fit + transform "
                + "| allocated: fit (difference) | fit + transform vs `Discretize -F -B 16` |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (String filter : fit.keySet()) {
            Row f = fit.get(filter);
            Row t = transform.get(filter);
            Row fb = fitBytes.get(filter);
            Row tb = transformBytes.get(filter);
            out.printf(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %.2f× |%n",
                    filter.replace("weka.filters.unsupervised.attribute.", ""), seconds(f), seconds(t),
                    t == null ? "–" : String.format(Locale.ROOT, "%.2f s", f.score() - t.score()),
                    megabytes(fb), fb == null || tb == null ? "–" : megabytes(fb.score() - tb.score()),
                    f.score() / peer.score());
        }
        out.println();
        Map<String, Row> summary = byParam(rows, "summary");
        Map<String, Row> summaryBytes = byParam(rows, "summary:gc.alloc.rate.norm");
        out.println("| engine: `CalibrationSummary`, exact limit | add 10⁶ rows + fit | allocated "
                + "| allocated / raw data |");
        out.println("| --- | --- | --- | --- |");
        for (String limit : summary.keySet()) {
            Row b = summaryBytes.get(limit);
            out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", limit, seconds(summary.get(limit)), megabytes(b),
                    b == null ? "–" : String.format(Locale.ROOT, "%.2f×", b.score() / RAW_BYTES));
        }
        out.println();
    }

    private static String seconds(Row r) {
        return r == null ? "–" : String.format(Locale.ROOT, "%.2f ± %.2f s", r.score(), r.error());
    }

    private static String megabytes(Row r) {
        return r == null ? "–" : megabytes(r.score());
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }

    /** GC layer: time per fold task of the fast path and the reference step simulation, and their ratio. */
    static void granule(List<Row> rows, PrintStream out) {
        out.println("| n | STDP training, fast | reference | speed-up | readout of 112 samples, fast | reference "
                + "| speed-up |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        Map<String, Row> trainFast = byParam(rows, "trainFast");
        Map<String, Row> trainReference = byParam(rows, "trainReference");
        Map<String, Row> readFast = byParam(rows, "readoutFast");
        Map<String, Row> readReference = byParam(rows, "readoutReference");
        for (String n : trainFast.keySet()) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %.0f× | %s | %s | %.0f× |%n", n, millis(trainFast.get(n)),
                    millis(trainReference.get(n)), trainReference.get(n).score() / trainFast.get(n).score(),
                    millis(readFast.get(n)), millis(readReference.get(n)),
                    readReference.get(n).score() / readFast.get(n).score());
        }
        out.println();
    }

    private static String millis(Row r) {
        return String.format(Locale.ROOT, "%.2f ± %.2f ms", r.score(), r.error());
    }

    static void phase(List<Row> rows, PrintStream out) {
        out.println("| n | ColumnEncoder (phases/s) | PhaseSimulator (phases/s) | speed-up |");
        out.println("| --- | --- | --- | --- |");
        Map<String, Row> encoder = byParam(rows, "encoder");
        Map<String, Row> simulator = byParam(rows, "simulator");
        for (String n : encoder.keySet()) {
            Row e = encoder.get(n);
            Row s = simulator.get(n);
            out.printf(Locale.ROOT, "| %s | %s | %s | %.0f× |%n", n, millions(e), thousands(s), e.score() / s.score());
        }
        out.println();
    }

    static void jenks(List<Row> rows, PrintStream out) {
        out.println("| benchmark | time per call |");
        out.println("| --- | --- |");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %s | %.1f ± %.1f ms |%n", r.method(), r.score(), r.error());
        }
        out.println();
    }

    static void weka(List<Row> rows, PrintStream out) {
        Map<String, Row> transform = byParam(rows, "transform");
        Map<String, Row> fit = byParam(rows, "fitAndTransform");
        Map<String, Row> bytes = byParam(rows, "transform:gc.alloc.rate.norm");
        Row peer = transform.get(PEER);
        Row normalize = transform.get(NORMALIZE);
        Row peerBytes = bytes.get(PEER);
        out.println("| filter | transform (rows/s) | fit + transform (rows/s) | allocated per row (transform) "
                + "| transform vs `Discretize -F -B 16 -D` | allocation vs `Discretize -F -B 16 -D` "
                + "| transform vs `Normalize` |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (String filter : transform.keySet()) {
            Row t = transform.get(filter);
            Row f = fit.get(filter);
            Row b = bytes.get(filter);
            out.printf(Locale.ROOT, "| `%s` | %s | %s | %s | %.2f× | %s | %.3f× |%n",
                    filter.replace("weka.filters.unsupervised.attribute.", ""), thousands(t),
                    f == null ? "–" : thousands(f), b == null ? "–" : String.format(Locale.ROOT, "%.1f KB",
                            b.score() / 1000), t.score() / peer.score(),
                    b == null || peerBytes == null ? "–" : String.format(Locale.ROOT, "%.2f×",
                            b.score() / peerBytes.score()), t.score() / normalize.score());
        }
        out.println();
    }

    /** LargeColumnBenchmark: the composite node beside the chain of the single nodes, per n. */
    static void large(List<Row> rows, PrintStream out) {
        Map<String, Row> transform = byParam(rows, "transform");
        Map<String, Row> fit = byParam(rows, "fitAndTransform");
        Map<String, Row> bytes = byParam(rows, "transform:gc.alloc.rate.norm");
        Map<String, Row> fitBytes = byParam(rows, "fitAndTransform:gc.alloc.rate.norm");
        out.println("| n | node | transform (rows/s) | fit + transform (rows/s) | allocated per row (transform) "
                + "| allocated per row (fit + transform) | transform vs the chain |");
        out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (String node : transform.keySet()) {
            String n = node.substring(node.indexOf(' ') + 1);
            Row t = transform.get(node);
            Row chain = transform.get("chain " + n);
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f× |%n", n,
                    node.startsWith("pipeline") ? "`HetQuantPipeline`" : "MultiFilter chain", thousands(t),
                    fit.containsKey(node) ? thousands(fit.get(node)) : "–", kilobytes(bytes.get(node)),
                    kilobytes(fitBytes.get(node)), t.score() / chain.score());
        }
        out.println();
    }

    private static String kilobytes(Row r) {
        return r == null ? "–" : String.format(Locale.ROOT, "%.1f KB", r.score() / 1000);
    }

    private static Map<String, Row> byParam(List<Row> rows, String method) {
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.method().equals(method)) {
                m.put(r.param(), r);
            }
        }
        return m;
    }

    private static String millions(Row r) {
        return String.format(Locale.ROOT, "%.0f M ± %.0f M", r.score() / 1e6, r.error() / 1e6);
    }

    private static String thousands(Row r) {
        return String.format(Locale.ROOT, "%.1f k ± %.1f k", r.score() / 1e3, r.error() / 1e3);
    }

    static List<Row> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            String benchmark = f.get(0);
            String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.indexOf(':') < 0
                    ? benchmark.length() : benchmark.indexOf(':')) + 1);
            double error = f.get(5).isEmpty() || f.get(5).equals("NaN") ? Double.NaN : Double.parseDouble(f.get(5));
            // The parameter columns follow the unit; a benchmark uses some of them, the others are empty.
            StringBuilder param = new StringBuilder();
            for (int i = 7; i < f.size(); i++) {
                if (!f.get(i).isEmpty()) {
                    param.append(param.length() > 0 ? " " : "").append(f.get(i));
                }
            }
            rows.add(new Row(method, param.toString(), Double.parseDouble(f.get(4)), error, f.get(6)));
        }
        return rows;
    }

    /** Splits one CSV line; fields may be double-quoted and contain commas or spaces. */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
