package org.hetquant.experiment;

import java.io.Serializable;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * The paper's few-shot evaluation protocol (docs/method.md §3 "Sampling", §2(a), §4.2), as a pure seeded
 * function of the class labels.
 *
 * <ol>
 *   <li><b>Resample</b>: from each class (ascending label order) draw {@code perClass} rows uniformly
 *       <em>with replacement</em> (default 16 = 2 shots × 8 folds). The drawn rows form the working set;
 *       positions in it are the "resampled indices" used below.</li>
 *   <li><b>Stratified folds</b> (scikit-learn's {@code StratifiedKFold}): the class-sorted positions are dealt
 *       round-robin to {@code folds} folds (default 8), and each class's share is shuffled over its positions, so
 *       a fold holds {@code perClass/folds} rows of every class when {@code perClass} is a multiple of
 *       {@code folds}.</li>
 *   <li><b>Few-shot split</b>: for fold k, the <em>training</em> set (used for calibration and training) is
 *       fold k alone (2 per class = 16 rows by default) and the <em>test</em> set is every other fold
 *       (112 rows). This is the reverse of ordinary k-fold use.</li>
 *   <li><b>Presentation order</b>: each train and test set is returned in a seeded random order, because
 *       the original shuffles presentation order and STDP training is order dependent.</li>
 *   <li><b>Data-level shift</b>: if the working set's global minimum is negative it is subtracted from
 *       every entry, once, over train and test together ({@link #shiftToNonNegative}).</li>
 * </ol>
 * The draws replay the authors' (pandas, scikit-learn and Python's {@code random}, {@link #plan(int[], long,
 * NumPyLegacyStream)}), so with their seed and their session the plan is theirs.
 */
public final class SamplingProtocol implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default rows resampled per class (shots 2 × folds 8). */
    public static final int DEFAULT_PER_CLASS = 16;

    /** Default number of cross-validation folds. */
    public static final int DEFAULT_FOLDS = 8;

    private final int perClass;
    private final int folds;

    /**
     * @param perClass rows drawn per class, ≥ folds
     * @param folds    number of folds, ≥ 2
     */
    public SamplingProtocol(int perClass, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be >= 2, got " + folds);
        }
        if (perClass < folds) {
            throw new IllegalArgumentException("perClass must be >= folds (" + folds + "), got " + perClass);
        }
        this.perClass = perClass;
        this.folds = folds;
    }

    /** The paper's protocol: 16 per class, 8 folds. */
    public static SamplingProtocol paper() {
        return new SamplingProtocol(DEFAULT_PER_CLASS, DEFAULT_FOLDS);
    }

    /** Rows drawn per class. */
    public int perClass() {
        return perClass;
    }

    /** Number of folds. */
    public int folds() {
        return folds;
    }

    /**
     * Draws the working set and its folds with the random streams the authors' pipeline uses at this seed, the
     * resampling starting from a freshly seeded NumPy stream (a session that was not generated at this seed, e.g. a
     * CSV). See {@link #plan(int[], long, NumPyLegacyStream)}.
     *
     * @param labels class label of every row of the full dataset (any int values; at least one row)
     * @param seed   in [0, {@link NumPyLegacyStream#MAX_SEED}]; equal seeds give identical plans
     */
    public Plan plan(int[] labels, long seed) {
        return plan(labels, seed, new NumPyLegacyStream(seed));
    }

    /**
     * Draws the working set and its folds as the authors' pipeline does (docs/method.md §3 "Sampling"), draw for
     * draw:
     * <ul>
     *   <li>resampling continues {@code resampling}, NumPy's global stream, which in their pipeline has just
     *       generated the session ({@link SyntheticSession#resamplingStream()}): per class in ascending label order,
     *       {@code perClass} draws of {@code randint(0, class size)} (pandas' {@code sample(replace=True)});</li>
     *   <li>folds come from a fresh NumPy stream at {@code seed} (scikit-learn's {@code StratifiedKFold(shuffle=True,
     *       random_state=seed)}): per class, the fold labels allotted to it are shuffled over its positions;</li>
     *   <li>presentation order comes from Python's {@code random} at {@code seed}: per fold in order, the training
     *       positions and then the test positions are reordered by {@code random.sample}.</li>
     * </ul>
     *
     * @param labels     class label of every row of the full dataset (any int values; at least one row)
     * @param seed       in [0, {@link NumPyLegacyStream#MAX_SEED}]
     * @param resampling the NumPy stream to resample from; not changed (a copy is drawn from)
     */
    public Plan plan(int[] labels, long seed, NumPyLegacyStream resampling) {
        if (labels == null || labels.length == 0) {
            throw new IllegalArgumentException("labels must have at least one row");
        }
        if (resampling == null) {
            throw new IllegalArgumentException("resampling stream must not be null");
        }
        TreeMap<Integer, int[]> rowsByClass = groupRows(labels);
        NumPyLegacyStream draws = resampling.copy();
        NumPyLegacyStream folding = new NumPyLegacyStream(seed);
        PythonRandomStream ordering = new PythonRandomStream(seed);

        int total = rowsByClass.size() * perClass;
        int[] sourceRow = new int[total];
        int[] label = new int[total];
        int position = 0;
        for (var entry : rowsByClass.entrySet()) {
            int[] rows = entry.getValue();
            for (int k = 0; k < perClass; k++) {
                sourceRow[position] = rows[draws.nextInt(rows.length)];
                label[position] = entry.getKey();
                position++;
            }
        }

        int[] fold = StratifiedFolds.assign(label, folds, folding);

        int[][] train = new int[folds][];
        int[][] test = new int[folds][];
        for (int k = 0; k < folds; k++) {
            train[k] = reordered(StratifiedFolds.select(fold, k, true), ordering);
            test[k] = reordered(StratifiedFolds.select(fold, k, false), ordering);
        }
        return new Plan(sourceRow, label, fold, train, test);
    }

    /** {@code a[random.sample(range(len(a)), len(a))]}. */
    private static int[] reordered(int[] a, PythonRandomStream random) {
        int[] order = random.sample(a.length, a.length);
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    private static TreeMap<Integer, int[]> groupRows(int[] labels) {
        TreeMap<Integer, Integer> counts = new TreeMap<>();
        for (int l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        TreeMap<Integer, int[]> rows = new TreeMap<>();
        TreeMap<Integer, Integer> filled = new TreeMap<>();
        for (var e : counts.entrySet()) {
            rows.put(e.getKey(), new int[e.getValue()]);
            filled.put(e.getKey(), 0);
        }
        for (int r = 0; r < labels.length; r++) {
            int k = filled.merge(labels[r], 1, Integer::sum) - 1;
            rows.get(labels[r])[k] = r;
        }
        return rows;
    }

    /**
     * Data-level shift of docs/method.md §2(a): if the global minimum of {@code data} is negative, returns a copy with
     * that minimum subtracted from every entry (so the new minimum is exactly 0); otherwise returns an
     * unchanged copy. Apply it to the resampled working set, train and test together.
     *
     * @param data rows × features, at least one row, finite values
     */
    public static double[][] shiftToNonNegative(double[][] data) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("data must have at least one row");
        }
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < data.length; r++) {
            if (data[r] == null) {
                throw new IllegalArgumentException("data row " + r + " is null");
            }
            for (int f = 0; f < data[r].length; f++) {
                double v = data[r][f];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("data row " + r + ", feature " + f
                            + " must be finite, got " + v);
                }
                min = Math.min(min, v);
            }
        }
        double shift = min < 0 ? min : 0;
        double[][] out = new double[data.length][];
        for (int r = 0; r < data.length; r++) {
            out[r] = data[r].clone();
            for (int f = 0; f < out[r].length; f++) {
                out[r][f] -= shift;
            }
        }
        return out;
    }

    /**
     * A drawn working set with its folds. Indices returned by {@link #trainIndices} and
     * {@link #testIndices} are positions in the working set (0 ≤ p &lt; {@link #size()}), not rows of the
     * full dataset; {@link #sourceRows()} maps positions to full-dataset rows.
     */
    public static final class Plan implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int[] sourceRow;
        private final int[] label;
        private final int[] fold;
        private final int[][] train;
        private final int[][] test;

        private Plan(int[] sourceRow, int[] label, int[] fold, int[][] train, int[][] test) {
            this.sourceRow = sourceRow;
            this.label = label;
            this.fold = fold;
            this.train = train;
            this.test = test;
        }

        /** Working-set size: classes × perClass (128 by default). */
        public int size() {
            return sourceRow.length;
        }

        /** Number of folds. */
        public int folds() {
            return train.length;
        }

        /** Full-dataset row of each working-set position (grouped by ascending class), a copy. */
        public int[] sourceRows() {
            return sourceRow.clone();
        }

        /** Class label of each working-set position, a copy. */
        public int[] labels() {
            return label.clone();
        }

        /** Fold (0..folds−1) of each working-set position, a copy. */
        public int[] foldAssignment() {
            return fold.clone();
        }

        /**
         * Training positions of fold k (the fold itself: perClass/folds per class), in presentation order.
         *
         * @param k fold in [0, folds)
         */
        public int[] trainIndices(int k) {
            return train[checkFold(k)].clone();
        }

        /**
         * Test positions of fold k (all other folds), in presentation order.
         *
         * @param k fold in [0, folds)
         */
        public int[] testIndices(int k) {
            return test[checkFold(k)].clone();
        }

        private int checkFold(int k) {
            if (k < 0 || k >= train.length) {
                throw new IllegalArgumentException("fold must be in [0, " + train.length + "), got " + k);
            }
            return k;
        }

        /**
         * The working set's features: full-dataset rows picked by {@link #sourceRows()}, then shifted by
         * {@link #shiftToNonNegative}.
         *
         * @param features full dataset, rows × features; must have a row for every source row, finite values
         */
        public double[][] workingSet(double[][] features) {
            if (features == null) {
                throw new IllegalArgumentException("features must not be null");
            }
            double[][] picked = new double[sourceRow.length][];
            for (int p = 0; p < sourceRow.length; p++) {
                if (sourceRow[p] >= features.length) {
                    throw new IllegalArgumentException("features must have at least " + (sourceRow[p] + 1)
                            + " rows (plan drawn for a larger dataset), got " + features.length);
                }
                picked[p] = features[sourceRow[p]];
            }
            return shiftToNonNegative(picked);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Plan)) {
                return false;
            }
            Plan other = (Plan) o;
            return Arrays.equals(sourceRow, other.sourceRow) && Arrays.equals(label, other.label)
                    && Arrays.equals(fold, other.fold) && Arrays.deepEquals(train, other.train)
                    && Arrays.deepEquals(test, other.test);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(sourceRow) + Arrays.deepHashCode(train);
        }
    }
}
