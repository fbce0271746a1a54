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
import org.hetquant.experiment.NumPyLegacyStream;
import org.hetquant.experiment.SyntheticSession;

/**
 * The reproduce command: reruns the paper's experiment grid (MC and GC layers) and writes every published number
 * beside ours (CSV, Markdown report, PNG figures).
 *
 * <pre>
 * mvn -q -B compile exec:java@reproduce -Dexec.args="--quick"
 * mvn -q -B compile exec:java@reproduce -Dexec.args="--out docs"
 * </pre>
 *
 * <p>Options: {@code --quick} (2 of the 8 folds), {@code --out DIR} (default {@code target/reproduction}),
 * {@code --seed N} (default 314, the authors' seed), {@code --saturation-csv PATH} (also run a shipped CSV
 * session, compared with the published Saturation values), {@code --published DIR} (the authors' released
 * fold means; default: the copy bundled with HetQuant), {@code --threads N} (default: available processors),
 * {@code --mc-only} (no GC layer), {@code --gc-seeds N} (data seeds 1..N of the GC sensitivity table, default
 * {@value #GC_SWEEP_SEEDS}; 0 skips it), {@code --gc-baseline-final-grid} and {@code --gc-4x-everywhere} (the
 * alternatives of docs/method.md §6 items 7–8, see {@link GranuleSizing}).
 */
public final class Reproduce {

    /** Data seeds 1..N of the report's MC sensitivity table. */
    static final int SWEEP_SEEDS = 10;

    /** Default data seeds 1..N of the report's GC sensitivity table (each costs about a GC grid without SVM). */
    static final int GC_SWEEP_SEEDS = 3;

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
     * @param granules how the GC layer is sized, or null for the MC layer only
     * @param gcSeeds data seeds 1..gcSeeds of the GC sensitivity table (0: none)
     */
    record Options(boolean quick, Path out, long seed, Path saturationCsv, Path published, int threads,
            GranuleSizing granules, int gcSeeds) {

        static Options parse(String[] args) {
            boolean quick = false;
            Path out = Path.of("target", "reproduction");
            long seed = 314;
            Path csv = null;
            Path published = null;
            int threads = Runtime.getRuntime().availableProcessors();
            boolean mcOnly = false;
            boolean baselineFinalGrid = false;
            boolean fourEverywhere = false;
            int gcSeeds = GC_SWEEP_SEEDS;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quick" -> quick = true;
                    case "--mc-only" -> mcOnly = true;
                    case "--gc-baseline-final-grid" -> baselineFinalGrid = true;
                    case "--gc-4x-everywhere" -> fourEverywhere = true;
                    case "--gc-seeds" -> {
                        gcSeeds = (int) parseLong(value(args, ++i, a), a);
                        if (gcSeeds < 0 || gcSeeds > 100) {
                            throw new IllegalArgumentException("--gc-seeds must be in [0, 100], got " + gcSeeds);
                        }
                    }
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--seed" -> seed = NumPyLegacyStream.parseSeed(value(args, ++i, a), a);
                    case "--saturation-csv" -> csv = Path.of(value(args, ++i, a));
                    case "--published" -> published = Path.of(value(args, ++i, a));
                    case "--threads" -> {
                        threads = (int) parseLong(value(args, ++i, a), a);
                        if (threads < 1) {
                            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a + "; valid: --quick, --out DIR, "
                            + "--seed N, --saturation-csv PATH, --published DIR, --threads N, --mc-only, "
                            + "--gc-seeds N, --gc-baseline-final-grid, --gc-4x-everywhere");
                }
            }
            if (mcOnly && (baselineFinalGrid || fourEverywhere)) {
                throw new IllegalArgumentException("--mc-only runs no GC layer; it cannot be combined with "
                        + "--gc-baseline-final-grid or --gc-4x-everywhere");
            }
            GranuleSizing granules = mcOnly ? null : new GranuleSizing(!fourEverywhere, baselineFinalGrid);
            return new Options(quick, out, seed, csv, published, threads, granules, mcOnly ? 0 : gcSeeds);
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
        List<Reproduction.SessionInput> sessions;
        try {
            sessions = sessions(o);
        } catch (IOException e) {
            System.err.println("reproduce: could not read " + e.getMessage() + " (--saturation-csv)");
            System.exit(2);
            return;
        }
        Reproduction.Settings settings = new Reproduction.Settings(o.seed(),
                o.quick() ? QUICK_FOLDS : Reproduction.FOLDS, o.threads(), o.granules());
        int total = Reproduction.taskCount(sessions, settings);
        long start = System.nanoTime();
        List<Reproduction.Cell> cells = Reproduction.run(sessions, settings,
                Progress.bar(System.err, "reproduce", "tasks", total, start));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.println();
        Grid grid = new Grid(cells);
        List<Report.SeedSweep> sweeps = new ArrayList<>();
        System.err.println("reproduce: MC utilization SD for data seeds 1.." + SWEEP_SEEDS + " (no SVM)");
        sweeps.add(sweep(Metric.MC_UTILIZATION_SD, SWEEP_SEEDS, o));
        double gcSweepSeconds = 0;
        if (o.gcSeeds() > 0) {
            System.err.println("reproduce: GC utilization SD for data seeds 1.." + o.gcSeeds() + " (no SVM)");
            long sweepStart = System.nanoTime();
            sweeps.add(sweep(Metric.GC_UTILIZATION_SD, o.gcSeeds(), o));
            gcSweepSeconds = (System.nanoTime() - sweepStart) / 1e9;
        }
        String command = "mvn -q -B compile exec:java@reproduce"
                + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
        Report.write(o.out(), grid, published, List.of(SyntheticSession.CONCENTRATION, SyntheticSession.SATURATION),
                new Report.RunInfo(command, o.quick() ? "quick" : "full", settings.folds(), o.seed(), o.threads(),
                        seconds, describe(o.granules()), gcSweepSeconds), sweeps);
        System.err.printf(Locale.ROOT, "reproduce: grid done in %.0f s; wrote %s%n", seconds,
                o.out().resolve("reproduction.md"));
        printHeadline(o.out().resolve("reproduction.md"), System.out);
    }

    /** One sensitivity table: a layer's utilization SD for data seeds 1..seeds of both generated sessions. */
    private static Report.SeedSweep sweep(Metric metric, int seeds, Options o) {
        long[] values = java.util.stream.LongStream.rangeClosed(1, seeds).toArray();
        return new Report.SeedSweep(metric, values,
                List.of(SyntheticSession.CONCENTRATION, SyntheticSession.SATURATION),
                List.of(Reproduction.utilizationSdBySeed(
                                s -> Reproduction.SessionInput.generated(SyntheticSession.concentration(s)), values,
                                o.threads(), metric, o.granules()),
                        Reproduction.utilizationSdBySeed(
                                s -> Reproduction.SessionInput.generated(SyntheticSession.saturation(s)), values,
                                o.threads(), metric, o.granules())));
    }

    /** The GC sizing in words, for the report's header. */
    static String describe(GranuleSizing g) {
        if (g == null) {
            return "not run (--mc-only)";
        }
        return "LIF V_th −50, release phase 25; MC→GC DecaySTDP (w0 25, w_max 30, delay 25, τ± 4, α+ 0.3125, "
                + "α− 1.25, penalty 50) on the fold's 16 training samples, weights ≤ 29 cleared; GC = 4·MC, p = 1/n"
                + (g.halfInCalibratedConcentration() ? ", GC = 2·MC in the Scaled and Adaptive Concentration runs "
                        + "(the authors' grid)" : " everywhere (--gc-4x-everywhere)")
                + (g.baselineAsFinalGrid() ? "; Homogeneous as the final grid file: MC = 8 (n = 1), GC = 32, "
                        + "p = 0.5 (--gc-baseline-final-grid)" : "; Homogeneous sized as Uniform at each n");
    }

    /** Echoes the report's summary and its utilization-SD and accuracy tables, so a terminal run shows results. */
    private static void printHeadline(Path report, PrintStream out) throws IOException {
        boolean on = false;
        for (String line : Files.readAllLines(report)) {
            if (line.startsWith("## ")) {
                on = line.equals("## Summary") || line.matches("## [MG]C (utilization SD|accuracy).*");
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
            sessions.add(Reproduction.SessionInput.generated(s));
        }
        if (o.saturationCsv() != null) {
            LabeledCsv csv = LabeledCsv.read(o.saturationCsv());
            sessions.add(new Reproduction.SessionInput("Saturation (shipped CSV)", SyntheticSession.SATURATION,
                    csv.features(), csv.labels(), null));
        }
        return sessions;
    }
}
