package org.hetquant.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.GranuleConnectivity;
import org.hetquant.engine.GranuleLayer;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.StdpParameters;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;
import org.hetquant.experiment.SyntheticSession;

/**
 * Diagnostic command (not a test) behind docs/reproduction.md, "Why some GC cells miss": the Saturation GC
 * utilization SD of the heterogeneous conditions (seed 314, all 8 folds, no SVM) under the alternatives that were
 * ruled out as the cause of its excess over the published values. Each row changes one thing against the
 * reproduction; the GC mean utilization is printed beside the SD, since the published mean pins the layer's
 * activity level. Run from the repository root:
 *
 * <pre>
 * mvn -B -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.hetquant.reproduce.GcSaturationChecks
 * </pre>
 */
public final class GcSaturationChecks {

    private static final long SEED = 314;
    private static final PhaseTable TABLE = PhaseTable.of(NeuronParameters.DEFAULT);
    private static final Condition[] CONDITIONS = {Condition.UNIFORM, Condition.SCALED, Condition.ADAPTIVE};

    /**
     * One alternative.
     *
     * @param name what changes
     * @param granulesPerMitral GCs per MC (paper 4 on Saturation)
     * @param probabilityFactor factor on the paper's connection probability 1/n
     * @param layer the GC layer
     * @param training how the fold's training MC phases (in presentation order) are presented
     */
    private record Variant(String name, int granulesPerMitral, double probabilityFactor,
            GranuleLayer layer, UnaryOperator<byte[][]> training) {

        Variant(String name, UnaryOperator<byte[][]> training) {
            this(name, GranuleLayer.PAPER_GRANULES_PER_MITRAL, 1.0, GranuleLayer.PAPER, training);
        }
    }

    private GcSaturationChecks() {}

    public static void main(String[] args) {
        List<Variant> variants = List.of(
                new Variant("as reproduced", UnaryOperator.identity()),
                new Variant("GC = 2·MC", 2, 1.0, GranuleLayer.PAPER, UnaryOperator.identity()),
                new Variant("GC = 8·MC", 8, 1.0, GranuleLayer.PAPER, UnaryOperator.identity()),
                new Variant("training order reversed", GcSaturationChecks::reversed),
                new Variant("training rows presented twice", GcSaturationChecks::twice),
                new Variant("no non-causation penalty", 4, 1.0,
                        GranuleLayer.PAPER.withStdp(StdpParameters.PAPER.withNonCausationPenalty(0.0)),
                        UnaryOperator.identity()),
                new Variant("connection probability × 2", 4, 2.0, GranuleLayer.PAPER,
                        UnaryOperator.identity()),
                new Variant("connection probability × 0.5", 4, 0.5, GranuleLayer.PAPER,
                        UnaryOperator.identity()));
        Reproduction.Settings settings = new Reproduction.Settings(SEED, Reproduction.FOLDS, 1);
        SyntheticSession generated = SyntheticSession.saturation(SEED);
        List<Reproduction.FoldData> generatedFolds = Reproduction.prepare(new Reproduction.SessionInput(
                generated.name(), generated.name(), generated.features(), generated.labels()), settings);
        PublishedResults published = PublishedResults.loadBundled();

        System.out.println("Saturation GC utilization SD, pp (GC mean utilization, %), seed " + SEED
                + ", mean over " + Reproduction.FOLDS + " folds");
        StringBuilder header = new StringBuilder("| alternative | condition |");
        StringBuilder rule = new StringBuilder("| --- | --- |");
        for (int n : Reproduction.DUPLICATIONS) {
            header.append(" n=").append(n).append(" |");
            rule.append(" --- |");
        }
        System.out.println(header);
        System.out.println(rule);
        for (Condition c : CONDITIONS) {
            StringBuilder row = new StringBuilder("| published | " + c.label() + " |");
            for (int n : Reproduction.DUPLICATIONS) {
                row.append(String.format(" %.2f |", published.get(Metric.GC_UTILIZATION_SD,
                        SyntheticSession.SATURATION, c, n).orElseThrow().value()));
            }
            System.out.println(row);
        }
        for (Variant v : variants) {
            for (Condition c : CONDITIONS) {
                StringBuilder row = new StringBuilder("| " + v.name() + " | " + c.label() + " |");
                for (int n : Reproduction.DUPLICATIONS) {
                    double[] sdMean = sdAndMean(generatedFolds, v, c, n);
                    row.append(String.format(" %.2f (%.1f) |", sdMean[0], sdMean[1]));
                }
                System.out.println(row);
            }
        }
        classStructure(generatedFolds);
    }

    /**
     * Where the reproduced SD comes from: per class (1..8), the MC and GC utilization averaged over test samples
     * and folds, and the GC SD within classes (pooled over the classes, mean over folds) beside the total SD.
     */
    private static void classStructure(List<Reproduction.FoldData> folds) {
        System.out.println();
        System.out.println("As reproduced: per-class mean utilization MC / GC (%), and GC utilization SD in total and"
                + " within classes (pp)");
        System.out.println("| condition | n | class 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | GC SD | GC SD within classes |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Variant paper = new Variant("as reproduced", UnaryOperator.identity());
        for (Condition c : CONDITIONS) {
            for (int n : Reproduction.DUPLICATIONS) {
                double[] mc = new double[9];
                double[] gc = new double[9];
                double sd = 0.0;
                double within = 0.0;
                for (Reproduction.FoldData fold : folds) {
                    double[][] u = utilization(fold, paper, c, n);
                    double[] classMc = new double[9];
                    double[] classGc = new double[9];
                    int[] count = new int[9];
                    for (int i = 0; i < u[1].length; i++) {
                        int label = fold.testLabels()[i];
                        classMc[label] += u[0][i];
                        classGc[label] += u[1][i];
                        count[label]++;
                    }
                    double squares = 0.0;
                    for (int i = 0; i < u[1].length; i++) {
                        int label = fold.testLabels()[i];
                        double d = u[1][i] - classGc[label] / count[label];
                        squares += d * d;
                    }
                    for (int label = 1; label <= 8; label++) {
                        mc[label] += classMc[label] / count[label] / folds.size();
                        gc[label] += classGc[label] / count[label] / folds.size();
                    }
                    sd += Utilization.summarize(u[1]).sd().orElseThrow() / folds.size();
                    within += Math.sqrt(squares / (u[1].length - 8)) / folds.size();
                }
                StringBuilder row = new StringBuilder("| " + c.label() + " | " + n + " |");
                for (int label = 1; label <= 8; label++) {
                    row.append(String.format(" %.0f / %.0f |", mc[label], gc[label]));
                }
                System.out.println(row.append(String.format(" %.2f | %.2f |", sd, within)));
            }
        }
    }

    /** Mean over folds of the GC utilization SD and mean, as the reproduction computes them. */
    private static double[] sdAndMean(List<Reproduction.FoldData> folds, Variant v, Condition c, int n) {
        double sd = 0.0;
        double mean = 0.0;
        for (Reproduction.FoldData fold : folds) {
            Summary s = Utilization.summarize(utilization(fold, v, c, n)[1]);
            sd += s.sd().orElseThrow();
            mean += s.mean().orElseThrow();
        }
        return new double[] {sd / folds.size(), mean / folds.size()};
    }

    /** Per test sample of one fold, {MC utilization, GC utilization} in %. */
    private static double[][] utilization(Reproduction.FoldData fold, Variant v, Condition c, int n) {
        ColumnEncoder encoder = new ColumnEncoder(Reproduction.gainSets(fold, c, n).get(0), TABLE);
        int mitrals = encoder.units();
        GranuleConnectivity connectivity = GranuleConnectivity.random(mitrals,
                GranuleLayer.granuleCount(mitrals, v.granulesPerMitral()),
                Math.min(1.0, v.probabilityFactor() * GranuleConnectivity.paperProbability(n)),
                Reproduction.connectivitySeed(SEED, fold.index(), mitrals));
        byte[][] mitral = Reproduction.encode(encoder, fold.vTest());
        byte[][] training = v.training().apply(Reproduction.encode(encoder, fold.vTrain()));
        byte[][] granules = v.layer().train(connectivity, training).phases(mitral);
        double[][] u = new double[2][granules.length];
        for (int i = 0; i < granules.length; i++) {
            u[0][i] = Utilization.ofSample(mitral[i], 0, mitral[i].length);
            u[1][i] = Utilization.ofSample(granules[i], 0, granules[i].length);
        }
        return u;
    }

    private static byte[][] reversed(byte[][] rows) {
        List<byte[]> list = new ArrayList<>(Arrays.asList(rows));
        java.util.Collections.reverse(list);
        return list.toArray(new byte[0][]);
    }

    private static byte[][] twice(byte[][] rows) {
        byte[][] out = Arrays.copyOf(rows, 2 * rows.length);
        System.arraycopy(rows, 0, out, rows.length, rows.length);
        return out;
    }
}
