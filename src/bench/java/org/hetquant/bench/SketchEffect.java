package org.hetquant.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hetquant.cli.LabeledCsv;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;
import weka.core.Instances;

/**
 * The effect of the calibration summary's sketch mode (issue 13): on each shipped dataset, the gains calibrated
 * from the KLL sketch (every feature forced into it: exact limit 1) against the exact calibration of the same
 * rows (and, with the defaults, on 200,000 continuous rows: more distinct values than the default limit), and
 * the MC utilization (mean and SD across samples, the paper's regularization metric) of the column each set of
 * gains gives. KLL compaction is randomized, so every sketch setting is run {@value #RUNS} times; the table
 * gives the mean over runs and the worst run.
 *
 * <pre>usage: SketchEffect [SHARED_DIR]   (default ../shared; reads pkg/data/*.arff and SHARED/reference/*.csv)</pre>
 */
public final class SketchEffect {

    private static final int RUNS = 20;
    private static final int[] SKETCH_K = {64, 200, 1024};
    private static final int DUPLICATION = 16;

    private SketchEffect() {}

    record Dataset(String name, double[][] raw) {}

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        List<Dataset> datasets = new ArrayList<>();
        for (String name : new String[] {"saturation.arff", "gas-drift-batch1.arff", "gas-drift-batch2.arff"}) {
            datasets.add(new Dataset("pkg/data/" + name, arff(Path.of("pkg/data", name))));
        }
        for (String name : new String[] {"saturation.csv", "concentration.csv"}) {
            Path file = shared.resolve("reference").resolve(name);
            datasets.add(new Dataset("reference/" + name, LabeledCsv.read(file).features()));
        }
        // The regime the sketch exists for: more distinct values than the default exact limit (65,536).
        datasets.add(new Dataset("BenchData.sensors (continuous)", features(BenchData.sensors(200_000, 16, 4, 13))));
        report(datasets, System.out);
    }

    static void report(List<Dataset> datasets, PrintStream out) {
        CalibrationParameters parameters =
                CalibrationParameters.of(DUPLICATION, CalibrationParameters.ADAPTIVE_SMOOTHING);
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT);
        out.printf(Locale.ROOT, "n = %d, s = %.2f, %d runs per sketch size; gain difference = |sketch − exact| / exact"
                + " over all features and neurons%n%n", DUPLICATION, parameters.smoothing(), RUNS);
        out.println("| data (rows × features) | sketch k | gain difference: mean (worst run's largest) "
                + "| utilization mean, exact → sketch | utilization SD, exact → sketch (worst run) |");
        out.println("| --- | --- | --- | --- | --- |");
        for (Dataset d : datasets) {
            double[][] v = normalized(d.raw());
            ColumnGains exact = calibrate(v, parameters, Integer.MAX_VALUE, CalibrationSummary.DEFAULT_SKETCH_K);
            Summary exactUse = utilization(v, exact, table);
            double exactMean = exactUse.mean().getAsDouble();
            double exactSd = exactUse.sd().getAsDouble();
            boolean large = v.length > CalibrationSummary.DEFAULT_EXACT_LIMIT;
            for (int k : large ? new int[] {CalibrationSummary.DEFAULT_SKETCH_K} : SKETCH_K) {
                double meanDifference = 0;
                double worstDifference = 0;
                double meanSd = 0;
                double meanUse = 0;
                double worstSd = exactSd;
                for (int run = 0; run < RUNS; run++) {
                    // Small sets: every feature forced into the sketch; the large one: the default limit.
                    ColumnGains sketch = large
                            ? calibrate(v, parameters, CalibrationSummary.DEFAULT_EXACT_LIMIT, k)
                            : calibrate(v, parameters, 1, k);
                    double[] difference = difference(sketch, exact);
                    meanDifference += difference[0] / RUNS;
                    worstDifference = Math.max(worstDifference, difference[1]);
                    Summary use = utilization(v, sketch, table);
                    double sd = use.sd().getAsDouble();
                    meanSd += sd / RUNS;
                    meanUse += use.mean().getAsDouble() / RUNS;
                    if (Math.abs(sd - exactSd) > Math.abs(worstSd - exactSd)) {
                        worstSd = sd;
                    }
                }
                out.printf(Locale.ROOT,
                        "| %s (%d × %d) | %d | %.2f %% (%.1f %%) | %.2f %% → %.2f %% | %.2f → %.2f (%.2f) |%n",
                        d.name(), v.length, v[0].length, k, 100 * meanDifference, 100 * worstDifference,
                        exactMean, meanUse, exactSd, meanSd, worstSd);
            }
        }
    }

    private static ColumnGains calibrate(double[][] rows, CalibrationParameters parameters, int exactLimit, int k) {
        CalibrationSummary summary = CalibrationSummary.create(rows[0].length, parameters, exactLimit, k);
        for (double[] row : rows) {
            summary.add(row);
        }
        return summary.gains();
    }

    /** Mean and largest relative gain difference. */
    private static double[] difference(ColumnGains a, ColumnGains b) {
        double sum = 0;
        double largest = 0;
        int count = 0;
        for (int f = 0; f < a.features(); f++) {
            for (int k = 0; k < a.duplication(); k++) {
                double d = Math.abs(a.gain(f, k) - b.gain(f, k)) / b.gain(f, k);
                sum += d;
                largest = Math.max(largest, d);
                count++;
            }
        }
        return new double[] {sum / count, largest};
    }

    private static Summary utilization(double[][] rows, ColumnGains gains, PhaseTable table) {
        ColumnEncoder encoder = new ColumnEncoder(gains, table);
        byte[] phases = new byte[encoder.units()];
        double[] perSample = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            encoder.encode(rows[r], phases);
            perSample[r] = Utilization.ofSample(phases, 0, phases.length);
        }
        return Utilization.summarize(perSample);
    }

    /** L1 normalization with negative values clipped to 0, as the pipeline node does by default. */
    private static double[][] normalized(double[][] raw) {
        Normalization normalization = Normalization.fit(raw, NegativePolicy.CLIP);
        double[][] v = new double[raw.length][];
        for (int r = 0; r < raw.length; r++) {
            v[r] = new double[raw[r].length];
            normalization.apply(raw[r], v[r], r);
        }
        return v;
    }

    /** The numeric attributes of an ARFF file except the last (the class). */
    private static double[][] arff(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return features(new Instances(reader));
        }
    }

    /** Every attribute but the last (the class). */
    private static double[][] features(Instances data) {
        int features = data.numAttributes() - 1;
        double[][] rows = new double[data.numInstances()][features];
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < features; f++) {
                rows[r][f] = data.instance(r).value(f);
            }
        }
        return rows;
    }
}
