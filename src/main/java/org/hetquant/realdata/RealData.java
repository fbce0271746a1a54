package org.hetquant.realdata;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hetquant.cli.Progress;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.PhaseEncoding;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Standardize;
import weka.filters.unsupervised.attribute.hetquant.AbstractColumnFilter;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;

/**
 * The real-data command: HetQuant against honest baselines on the UCI gas-sensor drift batches 1–2, through
 * Weka's {@code FilteredClassifier}, and the measurements behind the nodes' defaults. Writes
 * {@code real-data.md}, {@code real-data.csv} and {@code figures/real-data-*.png} into the output folder.
 *
 * <pre>
 * mvn -B -q compile exec:java@realdata                          # target/real-data/
 * mvn -B -q compile exec:java@realdata -Dexec.args="--out docs" # the committed docs/real-data.md
 * </pre>
 *
 * <p>Options: {@code --out DIR} (default {@code target/real-data}), {@code --data DIR} (a folder with
 * {@code batch1.dat[.gz]} and {@code batch2.dat[.gz]}; default {@code data/gas-drift}, the copy in the repository),
 * {@code --threads N} (default: available processors).
 */
public final class RealData {

    /** Extra FilteredClassifier seeds for RandomForest, to measure its run-to-run noise. */
    static final int[] NOISE_SEEDS = {2, 3, 4};

    private RealData() {}

    /**
     * Parsed options.
     *
     * @param out output folder
     * @param data the data folder
     * @param threads worker threads
     */
    record Options(Path out, Path data, int threads) {

        static Options parse(String[] args) {
            Path out = Path.of("target", "real-data");
            Path data = Path.of("data", "gas-drift");
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--data" -> data = Path.of(value(args, ++i, a));
                    case "--threads" -> {
                        String v = value(args, ++i, a);
                        try {
                            threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--threads needs an integer, got " + v, e);
                        }
                        if (threads < 1) {
                            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
                        }
                    }
                    default -> throw new IllegalArgumentException(
                            "unknown option " + a + "; valid: --out DIR, --data DIR, --threads N");
                }
            }
            return new Options(out, data, threads);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    /** Runs the command; exits with status 2 on bad options or missing data. */
    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("realdata: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<GasDrift.Sample> samples;
        try {
            samples = GasDrift.read(o.data());
        } catch (IOException e) {
            System.err.println("realdata: " + e.getMessage() + " (--data DIR)");
            System.exit(2);
            return;
        }
        Experiment experiment = new Experiment(samples);
        List<Split> splits = Split.all(samples);
        List<Experiment.Variant> variants = variants();
        List<Experiment.Task> tasks = tasks(experiment, splits, variants);
        long start = System.nanoTime();
        List<Experiment.Result> results =
                Experiment.run(tasks, o.threads(), Progress.bar(System.err, "realdata", "fits", tasks.size(), start));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.println();
        String command = "mvn -B -q compile exec:java@realdata"
                + (args.length == 0 ? "" : " -Dexec.args=\"" + String.join(" ", args) + "\"");
        Path report = RealDataReport.write(o.out(), new RealDataReport.Run(command, seconds, o.threads(), samples,
                splits, variants, results));
        System.err.printf(Locale.ROOT, "realdata: %d fits in %.0f s; wrote %s%n", results.size(), seconds, report);
        printSummary(report, System.out);
    }

    /** The default pipeline's studied settings, each value as a variant (the default values are the main row). */
    static List<Experiment.Variant> variants() {
        List<Experiment.Variant> v = new ArrayList<>();
        for (NegativePolicy p : NegativePolicy.values()) {
            if (p != NegativePolicy.ERROR) {
                v.add(new Experiment.Variant("negative-" + lower(p), "negative values",
                        new String[] {"-negative", lower(p)}));
            }
        }
        for (GainScale.Rule r : GainScale.Rule.values()) {
            v.add(new Experiment.Variant("gain-scale-" + lower(r), "gain scale", new String[] {"-gain-scale", lower(r)}));
        }
        for (PhaseEncoding e : List.of(PhaseEncoding.ASCENDING, PhaseEncoding.PAPER)) {
            v.add(new Experiment.Variant("encoding-" + lower(e), "phase encoding", new String[] {"-encoding", lower(e)}));
        }
        return v;
    }

    /** Whether a variant's options leave the default pipeline unchanged (it is then the main uniform row). */
    static boolean isDefault(Experiment.Variant variant) throws Exception {
        HetQuantPipeline plain = new HetQuantPipeline();
        HetQuantPipeline varied = Experiment.pipeline(variant.options());
        return Utils.joinOptions(plain.getOptions()).equals(Utils.joinOptions(varied.getOptions()));
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static List<Experiment.Task> tasks(Experiment experiment, List<Split> splits,
            List<Experiment.Variant> variants) throws Exception {
        List<Experiment.Task> tasks = new ArrayList<>();
        for (GasDrift.FeatureSet set : GasDrift.FeatureSet.values()) {
            Instances all = experiment.instances(set);
            int cost = set.size();
            for (Split split : splits) {
                Instances train = Experiment.subset(all, split.train());
                Instances test = Experiment.subset(all, split.test());
                for (Experiment.Learner learner : Experiment.Learner.values()) {
                    for (Experiment.Row row : Experiment.Row.values()) {
                        tasks.add(task(cost, () -> {
                            double[] r = Experiment.evaluate(Experiment.filter(row, train), learner, train, test);
                            return result(set, split, row.name(), learner, r);
                        }));
                    }
                    for (Experiment.Variant v : variants) {
                        if (isDefault(v)) {
                            continue;
                        }
                        tasks.add(task(cost, () -> {
                            double[] r = Experiment.evaluate(Experiment.pipeline(v.options()), learner, train, test);
                            return result(set, split, "study:" + v.key(), learner, r);
                        }));
                    }
                }
                for (int seed : NOISE_SEEDS) {
                    for (Experiment.Row row : List.of(Experiment.Row.L1, Experiment.Row.UNIFORM)) {
                        tasks.add(task(cost, () -> {
                            double[] r = Experiment.evaluate(Experiment.filter(row, train),
                                    Experiment.Learner.RANDOM_FOREST, train, test, seed);
                            return result(set, split, "seed" + seed + ":" + row.name(),
                                    Experiment.Learner.RANDOM_FOREST, r);
                        }));
                    }
                }
                if (!split.concentration()) {
                    // Unsupervised fits may use the unlabeled deployment batch: re-fit each on the test rows.
                    for (Experiment.Learner learner : Experiment.Learner.values()) {
                        for (Experiment.Row row : List.of(Experiment.Row.STANDARDIZE, Experiment.Row.UNIFORM,
                                Experiment.Row.CALIBRATED)) {
                            tasks.add(task(cost, () -> {
                                double[] r = refitOnDeployment(Experiment.filter(row, train), learner, train, test);
                                return result(set, split, "deployment:" + row.name(), learner, r);
                            }));
                        }
                    }
                }
            }
        }
        return tasks;
    }

    /**
     * Fits the filter on the deployment rows with their labels hidden, trains the classifier on the training rows
     * through that fit and tests it on the deployment rows: what a user can do when the new batch arrives
     * unlabeled.
     */
    static double[] refitOnDeployment(Filter filter, Experiment.Learner learner, Instances train, Instances test)
            throws Exception {
        Instances unlabeled = new Instances(test);
        for (int i = 0; i < unlabeled.numInstances(); i++) {
            unlabeled.instance(i).setClassMissing();
        }
        filter.setInputFormat(unlabeled);
        Filter.useFilter(unlabeled, filter);
        Instances trainT = Filter.useFilter(train, filter);
        Instances testT = Filter.useFilter(test, filter);
        var classifier = learner.create();
        if (classifier instanceof weka.core.Randomizable r) {
            // The seed FilteredClassifier would give it, so the comparison with the main table is like for like.
            r.setSeed(train.getRandomNumberGenerator(new FilteredClassifier().getSeed()).nextInt());
        }
        classifier.buildClassifier(trainT);
        int correct = 0;
        for (int i = 0; i < testT.numInstances(); i++) {
            if (classifier.classifyInstance(testT.instance(i)) == testT.instance(i).classValue()) {
                correct++;
            }
        }
        double accuracy = 100.0 * correct / testT.numInstances();
        if (filter instanceof AbstractColumnFilter column) {
            var u = org.hetquant.engine.Utilization.summarize(Experiment.utilization(testT));
            return new double[] {accuracy, u.mean().orElse(Double.NaN), u.sd().orElse(Double.NaN),
                    column.gainFactor()};
        }
        return new double[] {accuracy, Double.NaN, Double.NaN, Double.NaN};
    }

    private static Experiment.Task task(int cost, java.util.concurrent.Callable<List<Experiment.Result>> body) {
        return new Experiment.Task(cost, body);
    }

    private static List<Experiment.Result> result(GasDrift.FeatureSet set, Split split, String row,
            Experiment.Learner learner, double[] r) {
        return List.of(new Experiment.Result(set, split.key(), row, learner, r[0], r[1], r[2], r[3]));
    }

    /** Echoes the report's summary section, so a terminal run shows the outcome. */
    private static void printSummary(Path report, PrintStream out) throws IOException {
        boolean on = false;
        for (String line : Files.readAllLines(report)) {
            if (line.startsWith("## ")) {
                on = line.startsWith("## Summary");
            }
            if (on) {
                out.println(line);
            }
        }
    }
}
