package org.hetquant.reproduce;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;
import org.hetquant.experiment.NumPyLegacyStream;
import org.hetquant.experiment.StratifiedFolds;

/**
 * The paper's few-shot separability score (docs/method.md §2(e)): an RBF support vector classifier with balanced class
 * weights, its C and γ chosen by a grid search on one half of a fold's test responses and scored on the other
 * half with the cross-validation flipped (train on 1/4, test on 3/4).
 *
 * <p>Steps, as in the authors' {@code Simulation._separability_score}:
 *
 * <ol>
 *   <li>split the responses into two stratified halves (scikit-learn's {@code StratifiedKFold(2, shuffle=True,
 *       random_state=seed)}, replayed by {@link StratifiedFolds}; the first split's training part is the
 *       validation half, its test part the scoring half);
 *   <li>on the validation half, for every C in 10^-7..10^9 (17) and γ in 10^-8..10^10 (19), the mean accuracy
 *       of a stratified shuffled 4-fold cross-validation; the best setting is the first maximum in C-major, then
 *       γ order (scikit-learn's {@code ParameterGrid} sorts the keys, and "C" sorts before "gamma");
 *   <li>on the scoring half, a stratified 4-fold split drawn with the same seed, each fold used to train and
 *       the other three to test; the score is the mean test accuracy in %.
 * </ol>
 *
 * <p>With {@code scaleByMaxAbs} (the ET readout) each feature is divided, in step 3 only, by its max |value|
 * over the training part; the authors' grid search sees the raw values. 0/0 becomes 0 and x/0 the largest
 * finite double with x's sign, as {@code torch.nan_to_num} does.
 *
 * <p>The SVM is LIBSVM (which scikit-learn's SVC wraps) with scikit-learn's defaults: tolerance 1e-3, shrinking
 * on, per-class weights n/(classes·count) on C. The RBF kernel exp(−γ‖x − y‖²) is precomputed once per split
 * and γ, which gives the same model as LIBSVM's own RBF kernel while making the 1,292 fits of one grid search
 * cheap. Training rows are passed to LIBSVM sorted by label so that its class order (order of first
 * appearance) is scikit-learn's (sorted), which decides one-vs-one vote ties.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FewShotSvm {

    /** The C grid: 10^-7 … 10^9, 17 values. */
    private static final double[] C_GRID = powersOfTen(-7, 9);

    /** The γ grid: 10^-8 … 10^10, 19 values. */
    private static final double[] GAMMA_GRID = powersOfTen(-8, 10);

    /** Inner folds: the paper's folds / 2 with 8 folds. */
    public static final int INNER_FOLDS = 4;

    static {
        // LIBSVM prints progress to stdout by default; the caller owns the console.
        svm.svm_set_print_string_function(s -> {});
    }

    private final long seed;

    /**
     * @param seed random state of every stratified splitter, in [0, {@link NumPyLegacyStream#MAX_SEED}] (the authors
     *     use one seed, 314, for all)
     */
    public FewShotSvm(long seed) {
        this.seed = NumPyLegacyStream.requireSeed(seed);
    }

    /**
     * The separability score of one fold's test responses.
     *
     * @param responses one row per sample, all rows of equal length ≥ 1, finite values
     * @param labels class label per sample; every class needs at least 2·{@link #INNER_FOLDS} samples so that
     *     each inner fold sees it
     * @param scaleByMaxAbs whether to scale each feature by its max |value| on the training part (ET readout)
     * @return the chosen (C, γ), the validation accuracy and the score
     * @throws IllegalArgumentException if the shapes disagree or a class is too small
     */
    public Result evaluate(double[][] responses, int[] labels, boolean scaleByMaxAbs) {
        checkInput(responses, labels);
        int[] halves = StratifiedFolds.assign(labels, 2, new NumPyLegacyStream(seed));
        int[] validation = StratifiedFolds.select(halves, 0, false);
        int[] scoring = StratifiedFolds.select(halves, 0, true);

        // Grid search on the raw validation half.
        double[][] valX = rows(responses, validation);
        int[] valY = labels(labels, validation);
        int[] innerFolds = StratifiedFolds.assign(valY, INNER_FOLDS, new NumPyLegacyStream(seed));
        Distances d2 = Distances.of(valX);
        double[][] sumAccuracy = new double[C_GRID.length][GAMMA_GRID.length];
        for (int f = 0; f < INNER_FOLDS; f++) {
            int[] train = StratifiedFolds.select(innerFolds, f, false);
            int[] test = StratifiedFolds.select(innerFolds, f, true);
            for (int g = 0; g < GAMMA_GRID.length; g++) {
                Split split = new Split(d2, valY, train, test, GAMMA_GRID[g]);
                for (int c = 0; c < C_GRID.length; c++) {
                    sumAccuracy[c][g] += split.accuracy(C_GRID[c]);
                }
            }
        }
        int bestC = 0;
        int bestGamma = 0;
        for (int c = 0; c < C_GRID.length; c++) {
            for (int g = 0; g < GAMMA_GRID.length; g++) {
                if (sumAccuracy[c][g] > sumAccuracy[bestC][bestGamma]) {
                    bestC = c;
                    bestGamma = g;
                }
            }
        }

        // Flipped cross-validation on the scoring half with the chosen setting.
        double[][] scoX = rows(responses, scoring);
        int[] scoY = labels(labels, scoring);
        int[] scoreFolds = StratifiedFolds.assign(scoY, INNER_FOLDS, new NumPyLegacyStream(seed));
        double sum = 0.0;
        for (int f = 0; f < INNER_FOLDS; f++) {
            int[] train = StratifiedFolds.select(scoreFolds, f, true);
            int[] test = StratifiedFolds.select(scoreFolds, f, false);
            double[][] x = scaleByMaxAbs ? scaledByTrainingMaxAbs(scoX, train) : scoX;
            sum += new Split(Distances.of(x), scoY, train, test, GAMMA_GRID[bestGamma])
                    .accuracy(C_GRID[bestC]);
        }
        return new Result(
                100.0 * sum / INNER_FOLDS,
                C_GRID[bestC],
                GAMMA_GRID[bestGamma],
                100.0 * sumAccuracy[bestC][bestGamma] / INNER_FOLDS);
    }

    /**
     * One separability score.
     *
     * @param accuracy mean test accuracy of the flipped 4-fold cross-validation, in % [0, 100]
     * @param c the chosen C
     * @param gamma the chosen γ
     * @param validationAccuracy the grid search's best mean cross-validation accuracy, in %
     */
    public record Result(double accuracy, double c, double gamma, double validationAccuracy) {}

    /** One train/test split of samples whose RBF kernel for one γ is precomputed. */
    private static final class Split {
        private final svm_problem problem = new svm_problem();
        private final svm_node[][] testNodes;
        private final int[] testLabels;
        private final int[] classLabels;
        private final double[] classWeights;

        Split(Distances d2, int[] y, int[] train, int[] test, double gamma) {
            // Sorted by label so that LIBSVM's class order is the sorted one (stable, keeps sample order).
            int[] sortedTrain =
                    IntStream.of(train).boxed().sorted((a, b) -> Integer.compare(y[a], y[b]))
                            .mapToInt(Integer::intValue).toArray();
            int l = sortedTrain.length;
            problem.l = l;
            problem.y = new double[l];
            problem.x = new svm_node[l][];
            for (int a = 0; a < l; a++) {
                problem.y[a] = y[sortedTrain[a]];
                problem.x[a] = kernelRow(d2.training()[sortedTrain[a]], sortedTrain, gamma, a + 1);
            }
            testNodes = new svm_node[test.length][];
            testLabels = new int[test.length];
            for (int t = 0; t < test.length; t++) {
                testNodes[t] = kernelRow(d2.direct()[test[t]], sortedTrain, gamma, 0);
                testLabels[t] = y[test[t]];
            }
            // Balanced weights n / (classes · count), as scikit-learn's class_weight='balanced'.
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (int a = 0; a < l; a++) {
                counts.merge((int) problem.y[a], 1, Integer::sum);
            }
            classLabels = new int[counts.size()];
            classWeights = new double[counts.size()];
            int k = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                classLabels[k] = e.getKey();
                classWeights[k] = (double) l / (counts.size() * e.getValue());
                k++;
            }
        }

        /** Fraction of the test samples classified correctly by a model trained with this C. */
        double accuracy(double c) {
            svm_parameter p = new svm_parameter();
            p.svm_type = svm_parameter.C_SVC;
            p.kernel_type = svm_parameter.PRECOMPUTED;
            p.C = c;
            p.eps = 1e-3;
            p.shrinking = 1;
            p.probability = 0;
            p.cache_size = 1; // MB; the kernel is a lookup into the precomputed rows
            p.nr_weight = classLabels.length;
            p.weight_label = classLabels.clone();
            p.weight = classWeights.clone();
            svm_model model = svm.svm_train(problem, p);
            int correct = 0;
            for (int t = 0; t < testNodes.length; t++) {
                if ((int) svm.svm_predict(model, testNodes[t]) == testLabels[t]) {
                    correct++;
                }
            }
            return (double) correct / testNodes.length;
        }

        /** LIBSVM's precomputed-kernel row: node 0 holds the serial number, node j the kernel with train j. */
        private static svm_node[] kernelRow(double[] d2Row, int[] train, double gamma, int serial) {
            svm_node[] row = new svm_node[train.length + 1];
            row[0] = node(0, serial);
            for (int j = 0; j < train.length; j++) {
                row[j + 1] = node(j + 1, Math.exp(-gamma * d2Row[train[j]]));
            }
            return row;
        }

        private static svm_node node(int index, double value) {
            svm_node n = new svm_node();
            n.index = index;
            n.value = value;
            return n;
        }
    }

    /**
     * Squared Euclidean distances between all rows, in the two floating-point forms LIBSVM uses: while training,
     * {@code (|x|² + |y|²) − 2·x·y}; when predicting, {@code Σ (x − y)²}. At the grid's smallest γ the kernel is
     * 1 − O(1e-8), so these last-bit differences decide near-ties between settings; matching them makes the
     * chosen (C, γ) agree with scikit-learn's.
     *
     * @param training the training form
     * @param direct the prediction form
     */
    record Distances(double[][] training, double[][] direct) {

        static Distances of(double[][] x) {
            int m = x.length;
            double[][] gram = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double s = 0.0;
                    for (int j = 0; j < x[a].length; j++) {
                        s += x[a][j] * x[b][j];
                    }
                    gram[a][b] = s;
                    gram[b][a] = s;
                }
            }
            double[][] training = new double[m][m];
            double[][] direct = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    training[a][b] = gram[a][a] + gram[b][b] - 2 * gram[a][b];
                    double s = 0.0;
                    for (int j = 0; j < x[a].length; j++) {
                        double d = x[a][j] - x[b][j];
                        s += d * d;
                    }
                    direct[a][b] = s;
                }
            }
            return new Distances(training, direct);
        }
    }

    /** Each feature divided by its max |value| over the training rows (torch.nan_to_num semantics at 0). */
    static double[][] scaledByTrainingMaxAbs(double[][] x, int[] train) {
        int features = x[0].length;
        double[] max = new double[features];
        for (int t : train) {
            for (int j = 0; j < features; j++) {
                max[j] = Math.max(max[j], Math.abs(x[t][j]));
            }
        }
        double[][] out = new double[x.length][features];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < features; j++) {
                double v = x[i][j] / max[j];
                out[i][j] = Double.isNaN(v) ? 0.0 : Double.isInfinite(v) ? Math.copySign(Double.MAX_VALUE, v) : v;
            }
        }
        return out;
    }

    private static void checkInput(double[][] responses, int[] labels) {
        if (responses.length != labels.length) {
            throw new IllegalArgumentException(
                    "responses has " + responses.length + " rows but labels has " + labels.length);
        }
        if (responses.length == 0 || responses[0].length == 0) {
            throw new IllegalArgumentException("responses must have at least one row and one feature");
        }
        for (int i = 0; i < responses.length; i++) {
            if (responses[i].length != responses[0].length) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + responses[i].length + " features but row 0 has " + responses[0].length);
            }
            for (int j = 0; j < responses[i].length; j++) {
                if (!Double.isFinite(responses[i][j])) {
                    throw new IllegalArgumentException(
                            "feature " + j + " of row " + i + " must be finite, got " + responses[i][j]);
                }
            }
        }
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int y : labels) {
            counts.merge(y, 1, Integer::sum);
        }
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() < 2 * INNER_FOLDS) {
                throw new IllegalArgumentException(
                        "class " + e.getKey() + " has " + e.getValue() + " samples; each class needs at least "
                                + 2 * INNER_FOLDS);
            }
        }
    }

    private static double[][] rows(double[][] x, int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> x[i]).toArray(double[][]::new);
    }

    private static int[] labels(int[] y, int[] idx) {
        return Arrays.stream(idx).map(i -> y[i]).toArray();
    }

    private static double[] powersOfTen(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToDouble(e -> Double.parseDouble("1e" + e)).toArray();
    }
}
