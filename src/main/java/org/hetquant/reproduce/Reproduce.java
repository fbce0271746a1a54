package org.hetquant.reproduce;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hetquant.cli.LabeledCsv;
import org.hetquant.cli.Progress;
import org.hetquant.experiment.SyntheticSession;

/**
 * The reproduce command: reruns the paper's MC-layer experiment grid and writes every published number beside
 * ours (CSV, Markdown report, PNG figures).
 *
 * <pre>
 * mvn -q -B compile exec:java@reproduce -Dexec.args="--quick"
 * mvn -q -B compile exec:java@reproduce -Dexec.args="--out docs"
 * </pre>
 *
 * <p>Options: {@code --quick} (2 of the 8 folds), {@code --out DIR} (default {@code target/reproduction}),
 * {@code --seed N} (default 314, the authors' seed), {@code --saturation-csv PATH} (also run a shipped CSV
 * session, compared with the published Saturation values), {@code --published DIR} (the authors' released
 * fold means; default: the copy bundled with HetQuant), {@code --threads N} (default: available processors).
 */
public final class Reproduce {

    /** Data seeds 1..N of the report's sensitivity table. */
    static final int SWEEP_SEEDS = 10;

    /** Folds run by {@code --quick}. */
    public static final int QUICK_FOLDS = 2;

    private Reproduce() {}

    /**
     * Parsed options.
     *
     * @param quick whether to run the quick grid
     * @param out output folder
     * @param seed the seed
     * @param saturationCsv an optional shipped Saturation CSV, or null
     * @param published the folder of the published CSVs
     * @param threads worker threads
     */
    record Options(boolean quick, Path out, long seed, Path saturationCsv, Path published, int threads) {

        static Options parse(String[] args) {
            boolean quick = false;
            Path out = Path.of("target", "reproduction");
            long seed = 314;
            Path csv = null;
            Path published = null;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quick" -> quick = true;
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--seed" -> seed = parseLong(value(args, ++i, a), a);
                    case "--saturation-csv" -> csv = Path.of(value(args, ++i, a));
                    case "--published" -> published = Path.of(value(args, ++i, a));
                    case "--threads" -> {
                        threads = (int) parseLong(value(args, ++i, a), a);
                        if (threads < 1) {
                            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + "; valid: --quick, --out DIR, "
                            + "--seed N, --saturation-csv PATH, --published DIR, --threads N");
                }
            }
            return new Options(quick, out, seed, csv, published, threads);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static long parseLong(String s, String option) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs an integer, got " + s, e);
            }
        }
    }

    /** Runs the command; exits with status 2 on bad options. */
    public static void main(String[] args) throws IOException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("reproduce: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (o.published() != null && !Files.isDirectory(o.published())) {
            System.err.println("reproduce: published results folder not found: " + o.published().toAbsolutePath()
                    + " (--published DIR)");
            System.exit(2);
        }
        PublishedResults published = o.published() == null
                ? PublishedResults.loadBundled()
                : PublishedResults.load(o.published());
        List<Reproduction.SessionInput> sessions = sessions(o);
        Reproduction.Settings settings =
                new Reproduction.Settings(o.seed(), o.quick() ? QUICK_FOLDS : Reproduction.FOLDS, o.threads());
        int total = Reproduction.taskCount(sessions, settings);
        long start = System.nanoTime();
        List<Reproduction.Cell> cells = Reproduction.run(sessions, settings, Progress.bar(System.err, "reproduce", "tasks", total, start));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.println();
        Grid grid = new Grid(cells);
        System.err.println("reproduce: MC utilization SD for data seeds 1..10 (no SVM)");
        long[] seeds = java.util.stream.LongStream.rangeClosed(1, SWEEP_SEEDS).toArray();
        Report.SeedSweep sweep = new Report.SeedSweep(seeds,
                List.of(SyntheticSession.CONCENTRATION, SyntheticSession.SATURATION),
                List.of(Reproduction.utilizationSdBySeed(s -> generated(SyntheticSession.concentration(s)), seeds,
                                o.threads()),
                        Reproduction.utilizationSdBySeed(s -> generated(SyntheticSession.saturation(s)), seeds,
                                o.threads())));
        String command = "mvn -q -B compile exec:java@reproduce"
                + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
        Report.write(o.out(), grid, published, List.of(SyntheticSession.CONCENTRATION, SyntheticSession.SATURATION),
                new Report.RunInfo(command, o.quick() ? "quick" : "full", settings.folds(), o.seed(), o.threads(),
                        seconds), sweep);
        System.err.printf(Locale.ROOT, "reproduce: grid done in %.0f s; wrote %s%n", seconds,
                o.out().resolve("reproduction.md"));
        printHeadline(o.out().resolve("reproduction.md"), System.out);
    }

    /** Echoes the report's summary and its utilization-SD and accuracy tables, so a terminal run shows results. */
    private static void printHeadline(Path report, PrintStream out) throws IOException {
        boolean on = false;
        for (String line : Files.readAllLines(report)) {
            if (line.startsWith("## ")) {
                on = line.equals("## Summary") || line.startsWith("## MC utilization SD")
                        || line.startsWith("## MC accuracy");
            }
            if (on) {
                out.println(line);
            }
        }
    }

    /** The generated sessions (seeded), plus the shipped CSV session when asked for. */
    static List<Reproduction.SessionInput> sessions(Options o) throws IOException {
        List<Reproduction.SessionInput> sessions = new ArrayList<>();
        for (SyntheticSession s : List.of(SyntheticSession.concentration(o.seed()),
                SyntheticSession.saturation(o.seed()))) {
            sessions.add(generated(s));
        }
        if (o.saturationCsv() != null) {
            LabeledCsv csv = LabeledCsv.read(o.saturationCsv());
            sessions.add(new Reproduction.SessionInput("Saturation (shipped CSV)", SyntheticSession.SATURATION,
                    csv.features(), csv.labels()));
        }
        return sessions;
    }

    private static Reproduction.SessionInput generated(SyntheticSession s) {
        return new Reproduction.SessionInput(s.name(), s.name(), s.features(), s.labels());
    }
}
