package org.hetquant.reproduce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The published fold means (and SDs across folds) the reproduction is compared with: the MC and GC rows of the
 * authors' released {@code full_util_cond_3.csv} (utilization SD) and {@code full_clf_cond_3.csv} (accuracy),
 * plus the §4.4 tables that are not in those files (session-averaged MC and GC mean utilization and the ET
 * baseline), shipped as a resource transcribed from the authors' released statistical output (docs/method.md
 * §4.4).
 */
public final class PublishedResults {

    /** Session name used for values averaged over the two sessions. */
    public static final String MEAN_SESSION = "Mean";

    /**
     * One published value.
     *
     * @param value the fold mean
     * @param foldSd its SD across the 8 folds (R's sd), or NaN when not published
     */
    public record Value(double value, double foldSd) {}

    private final Map<String, Value> values;

    private PublishedResults(Map<String, Value> values) {
        this.values = values;
    }

    /**
     * Loads the published values from a folder of the authors' released fold means.
     *
     * @param directory the folder holding {@code full_util_cond_3.csv} and {@code full_clf_cond_3.csv}
     * @throws UncheckedIOException if a file cannot be read
     * @throws IllegalArgumentException if a file does not have the documented layout (names file and line)
     */
    public static PublishedResults load(Path directory) {
        try (BufferedReader util = Files.newBufferedReader(directory.resolve(UTIL), StandardCharsets.UTF_8);
                BufferedReader clf = Files.newBufferedReader(directory.resolve(CLF), StandardCharsets.UTF_8)) {
            return load(util, directory.resolve(UTIL).toString(), clf, directory.resolve(CLF).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the copy of the released fold means bundled with HetQuant (the paper's published MC and GC numbers),
     * so the command runs on a machine without the reference folder.
     */
    public static PublishedResults loadBundled() {
        try (BufferedReader util = resource("published/" + UTIL);
                BufferedReader clf = resource("published/" + CLF)) {
            return load(util, "bundled " + UTIL, clf, "bundled " + CLF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String UTIL = "full_util_cond_3.csv";
    private static final String CLF = "full_clf_cond_3.csv";

    private static BufferedReader resource(String name) {
        InputStream in = PublishedResults.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing bundled resource " + name));
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static PublishedResults load(BufferedReader util, String utilName, BufferedReader clf, String clfName)
            throws IOException {
        Map<String, Value> values = new HashMap<>();
        readReleased(util, utilName, Metric.MC_UTILIZATION_SD, Metric.GC_UTILIZATION_SD, values);
        readReleased(clf, clfName, Metric.MC_ACCURACY, Metric.GC_ACCURACY, values);
        try (InputStream in = PublishedResults.class.getResourceAsStream("published-extra.csv")) {
            readExtra(in, values);
        }
        return new PublishedResults(values);
    }

    /**
     * The published value of a cell, if any. ET accuracy is published per session only, and MC and GC mean
     * utilization only averaged over sessions ({@link #MEAN_SESSION}).
     */
    public Optional<Value> get(Metric metric, String session, Condition condition, int duplication) {
        Value v = values.get(key(metric, session, condition.label(), Integer.toString(duplication)));
        if (v == null) {
            v = values.get(key(metric, session, "*", "*"));
        }
        return Optional.ofNullable(v);
    }

    private static void readReleased(BufferedReader r, String file, Metric mc, Metric gc, Map<String, Value> out)
            throws IOException {
        String header = r.readLine();
        if (header == null || !header.startsWith("Layer,Session,Condition,Duplication,")) {
            throw new IllegalArgumentException(file + ": expected header Layer,Session,Condition,Duplication,...");
        }
        String line;
        int lineNo = 1;
        while ((line = r.readLine()) != null) {
            lineNo++;
            String[] f = line.split(",");
            if (f.length != 6) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": expected 6 fields, got " + f.length);
            }
            Metric metric = switch (f[0]) {
                case "MC" -> mc;
                case "GC" -> gc;
                default -> throw new IllegalArgumentException(file + " line " + lineNo + ": Layer must be MC or GC, got "
                        + f[0]);
            };
            out.put(key(metric, f[1], f[2], f[3]), new Value(number(f[4], file, lineNo), number(f[5], file, lineNo)));
        }
    }

    private static void readExtra(InputStream in, Map<String, Value> out) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        boolean header = true;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split(",", -1);
            Metric metric = Metric.valueOf(f[0]);
            double sd = f[5].isEmpty() ? Double.NaN : Double.parseDouble(f[5]);
            out.put(key(metric, f[1], f[2], f[3]), new Value(Double.parseDouble(f[4]), sd));
        }
    }

    private static double number(String s, String file, int line) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ": not a number: " + s, e);
        }
    }

    private static String key(Metric m, String session, String condition, String duplication) {
        return m + "|" + session + "|" + condition + "|" + duplication;
    }
}
