package org.hetquant.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Summary;
import org.hetquant.experiment.FoldUtilization;
import org.hetquant.experiment.NumPyLegacyStream;
import org.hetquant.experiment.PaperGrid;
import org.hetquant.experiment.SamplingProtocol;
import org.hetquant.experiment.SyntheticSession;

/**
 * The utilization report: encodes a Saturation session with homogeneous and uniform heterogeneous columns
 * under the paper's protocol and prints MC utilization (mean and SD across a fold's test samples, averaged over
 * the 8 folds) beside the published SDs.
 *
 * <pre>
 * usage: UtilizationReport [--csv FILE] [--seed S]
 *   --csv FILE  a labeled CSV session (header, numeric features, integer label last), e.g. the authors'
 *               released saturation.csv; default: the Saturation session from HetQuant's seeded generator
 *   --seed S    seed of the generator and of the resampling protocol (default 314, the paper's)
 * </pre>
 */
public final class UtilizationReport {

    private static final int[] DUPLICATION = {4, 8, 16, 32};
    /** Published Saturation MC utilization SD (docs/method.md §4.4). */
    private static final double[] PUBLISHED_UNIFORM = {2.81, 1.49, 0.74, 0.45};
    private static final double PUBLISHED_HOMOGENEOUS = 13.55;

    private UtilizationReport() {}

    /** Runs the command; a bad option or input prints one line and exits with status 2. */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("report: could not read " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args) throws IOException {
        Path csv = null;
        long seed = 314;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--csv" -> csv = Path.of(value(args, ++i, "--csv"));
                case "--seed" -> seed = NumPyLegacyStream.parseSeed(value(args, ++i, "--seed"), "--seed");
                case "-h", "--help" -> {
                    System.out.println("usage: UtilizationReport [--csv FILE] [--seed S]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; valid: --csv FILE, --seed S, --help");
            }
        }
        double[][] features;
        int[] labels;
        String source;
        NumPyLegacyStream resampling;
        if (csv != null) {
            LabeledCsv data = LabeledCsv.read(csv);
            features = data.features();
            labels = data.labels();
            source = csv.toString();
            resampling = new NumPyLegacyStream(seed);
        } else {
            SyntheticSession session = SyntheticSession.saturation(seed);
            features = session.features();
            labels = session.labels();
            source = "Saturation session, HetQuant generator, seed " + seed;
            resampling = session.resamplingStream().orElseThrow();
        }
        print(System.out, source, features, labels, seed, resampling);
    }

    /**
     * @param resampling the NumPy stream the sampling plan resamples from: the generation's for a generated session,
     *     a fresh one at {@code seed} otherwise ({@link SamplingProtocol#plan(int[], long, NumPyLegacyStream)})
     */
    static void print(PrintStream out, String source, double[][] features, int[] labels, long seed,
            NumPyLegacyStream resampling) {
        SamplingProtocol.Plan plan = SamplingProtocol.paper().plan(labels, seed, resampling);
        double[][] workingSet = plan.workingSet(features);
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT);
        int f = features[0].length;

        out.printf(Locale.ROOT, "HetQuant MC utilization report%n");
        out.printf(Locale.ROOT, "data: %s (%d rows, %d features)%n", source, features.length, f);
        out.printf(Locale.ROOT, "protocol: %d per class resampled (seed %d), %d folds, SD over each fold's %d "
                + "test rows, averaged over folds%n", SamplingProtocol.DEFAULT_PER_CLASS, seed, plan.folds(),
                plan.testIndices(0).length);
        out.printf(Locale.ROOT, "neuron: firing threshold D* = %.6f, phases %d..%d%n%n", table.firingThreshold(),
                table.strongestPhase(), table.weakestPhase());
        out.printf(Locale.ROOT, "%-12s %4s %10s %10s %15s%n", "condition", "n", "mean util", "util SD",
                "published SD*");

        List<OptionalDouble> homMeans = new ArrayList<>();
        List<OptionalDouble> homSds = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (double w : PaperGrid.homogeneousLevels()) {
            FoldUtilization u = FoldUtilization.measure(workingSet, plan,
                    ColumnGains.dataBlind(f, ColumnGains.homogeneous(1, w)), table);
            row(out, "hom w=" + (int) w, "any", u.meanUtilization(), u.sd(), "", notes);
            homMeans.add(u.meanUtilization().mean());
            homSds.add(u.sd().mean());
        }
        row(out, "Homogeneous", "any", Summary.ofDefined(homMeans), Summary.ofDefined(homSds),
                String.format(Locale.ROOT, "%.2f", PUBLISHED_HOMOGENEOUS), notes);
        for (int j = 0; j < DUPLICATION.length; j++) {
            FoldUtilization u = FoldUtilization.measure(workingSet, plan,
                    ColumnGains.dataBlind(f, ColumnGains.uniform(DUPLICATION[j], ColumnGains.DEFAULT_PAYLOAD,
                            ColumnGains.DEFAULT_LIMIT)), table);
            row(out, "Uniform", Integer.toString(DUPLICATION[j]), u.meanUtilization(), u.sd(),
                    String.format(Locale.ROOT, "%.2f", PUBLISHED_UNIFORM[j]), notes);
        }
        out.printf(Locale.ROOT, "%n* published: Moyal et al. 2025, Saturation session, MC layer. Homogeneous "
                + "duplicates are identical, so its utilization does not depend on n; its row averages the 10 "
                + "weight levels (SD within each level, then averaged).%n");
        for (String note : notes) {
            out.println(note);
        }
    }

    /**
     * One table row: mean utilization and SD, each a mean over folds (or levels); "undefined" when no fold (level)
     * defines it, and a note when some were left out.
     */
    static void row(PrintStream out, String condition, String n, Summary mean, Summary sd, String published,
            List<String> notes) {
        String mark = mean.undefined() + sd.undefined() == 0 ? "" : " [" + (notes.size() + 1) + "]";
        String meanText = mean.mean().isPresent() ? Summary.text(mean.mean(), 1) + "%" : Summary.UNDEFINED;
        out.printf(Locale.ROOT, "%-12s %4s %10s %10s %15s%s%n", condition, n, meanText, Summary.text(sd.mean(), 2),
                published, mark);
        if (!mark.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "[%d] %s n=%s: mean over %d of %d, SD over %d of %d (the others "
                    + "are undefined: a fold with one test sample has no SD)", notes.size() + 1, condition, n,
                    mean.count(), mean.count() + mean.undefined(), sd.count(), sd.count() + sd.undefined()));
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
