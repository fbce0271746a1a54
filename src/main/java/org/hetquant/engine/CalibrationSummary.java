package org.hetquant.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSketchSortedView;

/**
 * The mergeable state of the data-aware calibration (docs/method.md §2(d)): accumulates L1-normalized rows one at a
 * time, merges with the summary of other rows, serializes, and fits the column gains.
 *
 * <p><b>Exact and sketch modes.</b> The fit depends only on each feature's <em>set of distinct values</em> (values
 * below L count as L; the calibration's zero rows and the appended 1.0 are always part of it, so values ≤ L and values
 * of exactly 1.0 are not stored at all). Each feature keeps that set exactly, in a primitive buffer, while it holds at
 * most {@code exactLimit} distinct values; the gains are then identical to {@link Calibrator}'s on the same rows.
 * Beyond the limit the feature switches, for good, to an Apache DataSketches KLL quantile sketch with parameter
 * {@code sketchK}: its stored distinct values enter the sketch once, later values as they arrive. The fit then runs Jenks on
 * as many evenly ranked points of the sketch's (interpolated) quantile function as it holds values, up to 65,536. This
 * approximates the distinct set well when values rarely repeat (continuous data, which is what overflows the limit) and
 * gives repeated values more weight than the exact fit otherwise. KLL compaction is randomized, so two sketch-mode fits
 * on the same rows can differ slightly; exact mode is deterministic. {@link #exact(int)} tells which mode a feature is
 * in.
 *
 * <p><b>Update rules and merging.</b> {@link #merge} means "the rows of this summary, then the rows of the
 * other", and is associative. Under {@link UpdateRule#FINAL} the fit uses every row, so merging is also
 * commutative. {@link UpdateRule#FAITHFUL} is order dependent (the fit uses the rows up to the last one that
 * set a new non-zero running minimum or maximum of any feature), and merge reproduces the concatenation exactly:
 * the summary keeps its rows in segments cut at the rows that hold a feature's final minimum or maximum (at
 * most 2F cuts), because a later summary's rows can only move the last trigger to one of those rows. A FAITHFUL
 * summary therefore holds up to 2F + 1 value sets per feature instead of one.
 *
 * <p><b>Memory.</b> Per feature and segment: exact mode, at most about twice the distinct values stored (the
 * append buffer), and the feature switches to a sketch when its stored distinct values (summed over segments)
 * exceed {@code exactLimit}; sketch mode, one KLL sketch (about 3·k doubles once full).
 *
 * <p><b>Threads.</b> Not thread-safe; {@link #gains()} fits the features in parallel (the common fork-join
 * pool) when the values are many.
 */
public final class CalibrationSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default bound on the distinct values per feature kept exactly (a 512 KiB set of doubles). */
    public static final int DEFAULT_EXACT_LIMIT = 1 << 16;
    /** Default KLL parameter k of the sketch mode, {@link #sketchKFor}(DEFAULT_EXACT_LIMIT). */
    public static final int DEFAULT_SKETCH_K = 1024;
    /** Smallest allowed {@code sketchK} (DataSketches' minimum). */
    public static final int MIN_SKETCH_K = (int) ParameterRange.SKETCH_K.lower();
    /** Largest allowed {@code sketchK} (DataSketches' maximum). */
    public static final int MAX_SKETCH_K = (int) ParameterRange.SKETCH_K.upper();
    /**
     * Most values a sketched feature hands to Jenks: enough that the single points L and 1.0 weigh next to
     * nothing (as among the many distinct values of the exact fit), few enough that Jenks takes milliseconds.
     */
    private static final int MAX_SKETCH_POINTS = 1 << 16;
    /** Below this many stored values the features are fitted on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1 << 14;

    private final int features;
    private final CalibrationParameters parameters;
    private final int exactLimit;
    private final int sketchK;
    private long count;
    /** Running non-zero extremes per feature (+∞ / −∞ before the first non-zero value). */
    private final double[] min;
    private final double[] max;
    /** FAITHFUL: the segment whose last row holds the feature's current minimum / maximum, or null. */
    private final Segment[] minHolder;
    private final Segment[] maxHolder;
    /** Rows in arrival order, in segments; the last is open (rows after the last cut). FINAL: one segment. */
    private final ArrayList<Segment> segments = new ArrayList<>();
    /** Per feature: distinct values stored over all segments at their last compaction, or −1 in sketch mode. */
    private final long[] stored;
    private transient ColumnGains gainsCache;

    /** The rows between two cuts; a closed segment ends with the row that set its {@link #records}. */
    private static final class Segment implements Serializable {
        private static final long serialVersionUID = 1L;
        final FeatureValues[] values;
        /** Number of features' current extremes (minimum or maximum) set by this segment's last row. */
        int records;

        Segment(int features) {
            values = new FeatureValues[features];
            for (int i = 0; i < features; i++) {
                values[i] = new FeatureValues();
            }
        }
    }

    private CalibrationSummary(int features, CalibrationParameters parameters, int exactLimit, int sketchK) {
        this.features = features;
        this.parameters = parameters;
        this.exactLimit = exactLimit;
        this.sketchK = sketchK;
        min = new double[features];
        max = new double[features];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        minHolder = new Segment[features];
        maxHolder = new Segment[features];
        stored = new long[features];
        segments.add(new Segment(features));
    }

    /**
     * An empty summary with the default bounds ({@value #DEFAULT_EXACT_LIMIT} distinct values per feature kept
     * exactly, then a KLL sketch with k = {@value #DEFAULT_SKETCH_K}).
     *
     * @param features   number of features F, ≥ 1
     * @param parameters calibration hyperparameters, non-null
     */
    public static CalibrationSummary create(int features, CalibrationParameters parameters) {
        return create(features, parameters, DEFAULT_EXACT_LIMIT, DEFAULT_SKETCH_K);
    }

    /**
     * An empty summary whose sketch is sized from the exact limit, {@link #sketchKFor}{@code (exactLimit)}: one
     * number bounds the memory of both modes.
     *
     * @param features   number of features F, ≥ 1
     * @param parameters calibration hyperparameters, non-null
     * @param exactLimit distinct values per feature kept exactly before it switches to the sketch, ≥ 1
     */
    public static CalibrationSummary create(int features, CalibrationParameters parameters, int exactLimit) {
        return create(features, parameters, exactLimit, sketchKFor(exactLimit));
    }

    /**
     * The KLL k whose sketch holds about 1/20 of {@code exactLimit} values (a full sketch retains about 3·k
     * doubles: 25 KB at k = 1024): {@code exactLimit / 64}, clamped to [{@value #MIN_SKETCH_K},
     * {@value #MAX_SKETCH_K}]. DataSketches states KLL's normalized rank error (99 % confidence) as 0.27 % at
     * k = 1024 and 1.33 % at k = 200.
     *
     * @param exactLimit ≥ 1
     */
    public static int sketchKFor(int exactLimit) {
        return Math.max(MIN_SKETCH_K, Math.min(MAX_SKETCH_K, exactLimit / 64));
    }

    /**
     * An empty summary.
     *
     * @param features   number of features F, ≥ 1
     * @param parameters calibration hyperparameters, non-null
     * @param exactLimit distinct values per feature kept exactly before it switches to the sketch, ≥ 1
     *                   ({@link Integer#MAX_VALUE}: always exact, memory bounded only by the data)
     * @param sketchK    KLL parameter k of the sketch mode, in [{@value #MIN_SKETCH_K}, {@value #MAX_SKETCH_K}]
     * @throws IllegalArgumentException naming the argument and its valid range
     */
    public static CalibrationSummary create(int features, CalibrationParameters parameters, int exactLimit,
                                            int sketchK) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, was " + features);
        }
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        ParameterRange.EXACT_LIMIT.require("exactLimit (distinct values kept exactly)", exactLimit);
        ParameterRange.SKETCH_K.require("sketchK", sketchK);
        return new CalibrationSummary(features, parameters, exactLimit, sketchK);
    }

    /**
     * Adds one calibration row.
     *
     * @param normalizedRow the L1-normalized row: F values in [0, 1], NaN where missing (ignored for that
     *                      feature); not kept
     * @throws InvalidValueException for a value outside [0, 1], naming the sample and the feature (both from 0)
     * @throws IllegalArgumentException for a null row or one of another length; a rejected row changes nothing
     */
    public void add(double[] normalizedRow) {
        validate(normalizedRow);
        Segment tail = segments.get(segments.size() - 1);
        boolean faithful = parameters.updateRule() == UpdateRule.FAITHFUL;
        int newRecords = 0;
        for (int i = 0; i < features; i++) {
            double value = normalizedRow[i];
            if (Double.isNaN(value)) {
                continue;
            }
            // The running extremes ignore zeros, as the authors' trigger does.
            if (value != 0 && value < min[i]) {
                min[i] = value;
                if (faithful) {
                    newRecords += transfer(minHolder, i, tail);
                }
            }
            if (value != 0 && value > max[i]) {
                max[i] = value;
                if (faithful) {
                    newRecords += transfer(maxHolder, i, tail);
                }
            }
            // L (every value below it counts as L) and 1.0 are part of every column anyway: not stored, so that
            // they never weigh more than one value, not even in the sketch.
            if (value <= parameters.limit() || value == 1.0) {
                continue;
            }
            FeatureValues values = tail.values[i];
            if (values.full()) {
                compact(i, values);
            }
            values.add(value);
        }
        count++;
        gainsCache = null;
        if (newRecords > 0) {
            // This row is a trigger: it closes the open segment.
            segments.add(new Segment(features));
            dissolveSegmentsWithoutRecords();
        }
    }

    /** Makes {@code tail} the holder of feature i's extreme; returns 1 (the record it now holds). */
    private static int transfer(Segment[] holders, int i, Segment tail) {
        if (holders[i] != null) {
            holders[i].records--;
        }
        holders[i] = tail;
        tail.records++;
        return 1;
    }

    /**
     * Merges a closed segment that no longer holds any final extreme into the segment after it: no later rows
     * can make it the last trigger, so the cut at its end is no longer needed.
     */
    private void dissolveSegmentsWithoutRecords() {
        for (int s = segments.size() - 2; s >= 0; s--) {
            Segment segment = segments.get(s);
            if (segment.records == 0) {
                join(segment, segments.get(s + 1));
                segments.remove(s);
            }
        }
        recount();
    }

    /** Adds every value of {@code from} to {@code into}, copying the smaller set into the larger buffer. */
    private void join(Segment from, Segment into) {
        for (int i = 0; i < features; i++) {
            FeatureValues a = into.values[i];
            FeatureValues b = from.values[i];
            if (b.weight() > a.weight()) {
                a.swap(b);
            }
            a.addAll(b);
        }
    }

    /**
     * Merges the rows of {@code other} after the rows of this summary (associative; commutative under
     * {@link UpdateRule#FINAL}). {@code other} is left unchanged.
     *
     * @param other a summary with the same number of features, parameters and bounds
     * @return this summary, now holding both
     * @throws IllegalArgumentException if the summaries are incompatible (the difference is named)
     */
    public CalibrationSummary merge(CalibrationSummary other) {
        if (other == null) {
            throw new IllegalArgumentException("cannot merge with null");
        }
        if (other.features != features || !other.parameters.equals(parameters) || other.exactLimit != exactLimit
                || other.sketchK != sketchK) {
            throw new IllegalArgumentException("cannot merge summaries of different shapes: " + describe()
                    + " and " + other.describe());
        }
        // Copies, so that other stays unchanged (and this.merge(this) doubles the rows).
        Map<Segment, Segment> copies = new IdentityHashMap<>();
        List<Segment> incoming = new ArrayList<>();
        for (Segment s : other.segments) {
            Segment c = new Segment(features);
            for (int i = 0; i < features; i++) {
                c.values[i] = s.values[i].copy();
            }
            c.records = s.records;
            copies.put(s, c);
            incoming.add(c);
        }
        for (int i = 0; i < features; i++) {
            if (other.stored[i] < 0) {
                toSketch(i);
            }
            if (stored[i] < 0) {
                for (Segment c : incoming) {
                    c.values[i].toSketch(sketchK);
                }
            }
        }
        boolean faithful = parameters.updateRule() == UpdateRule.FAITHFUL;
        for (int i = 0; i < features; i++) {
            if (faithful) {
                // The other summary's extreme triggers after this one only if it beats this one's.
                mergeRecord(minHolder, i, other.min[i] < min[i], copies.get(other.minHolder[i]));
                mergeRecord(maxHolder, i, other.max[i] > max[i], copies.get(other.maxHolder[i]));
            }
            min[i] = Math.min(min[i], other.min[i]);
            max[i] = Math.max(max[i], other.max[i]);
        }
        // This summary's open segment and the other's first segment are consecutive rows without a cut between.
        join(segments.remove(segments.size() - 1), incoming.get(0));
        segments.addAll(incoming);
        count += other.count;
        gainsCache = null;
        dissolveSegmentsWithoutRecords();
        enforceExactLimit();
        return this;
    }

    private static void mergeRecord(Segment[] holders, int i, boolean otherWins, Segment otherHolder) {
        if (otherWins) {
            if (holders[i] != null) {
                holders[i].records--;
            }
            holders[i] = otherHolder;
        } else if (otherHolder != null) {
            otherHolder.records--;
        }
    }

    /** Number of rows added (directly or through merges). */
    public long count() {
        return count;
    }

    /** Number of features F. */
    public int features() {
        return features;
    }

    /** The calibration hyperparameters. */
    public CalibrationParameters parameters() {
        return parameters;
    }

    /** Distinct values per feature kept exactly before the feature switches to the sketch. */
    public int exactLimit() {
        return exactLimit;
    }

    /** KLL parameter k of the sketch mode. */
    public int sketchK() {
        return sketchK;
    }

    /**
     * Whether a feature's values are still kept exactly (so its part of {@link #gains()} is identical to
     * {@link Calibrator}'s), rather than in the sketch.
     *
     * @param feature in [0, F)
     */
    public boolean exact(int feature) {
        if (feature < 0 || feature >= features) {
            throw new IllegalArgumentException("feature must be in [0, " + features + "), was " + feature);
        }
        return stored[feature] >= 0;
    }

    /** Whether every feature is kept exactly. */
    public boolean exact() {
        return Arrays.stream(stored).allMatch(s -> s >= 0);
    }

    /**
     * The fitted ET→MC gains (docs/method.md §2(d), steps 1–9): per feature, the weight factors from the natural
     * breaks of its distinct values (exact mode) or of its sketch's quantiles (sketch mode), sorted; then the
     * global lower-median gain correction {@code W = (P/corr)·factors}. In exact mode identical to
     * {@link Calibrator#gains()} on the same rows in the same order.
     *
     * @return F columns of n gains, ascending within each column
     * @throws IllegalStateException if no row was added, or (FAITHFUL) no row had a non-zero value, in which case
     *                               the authors' weights would never have been fitted
     */
    public ColumnGains gains() {
        if (gainsCache == null) {
            gainsCache = fit();
        }
        return gainsCache;
    }

    private ColumnGains fit() {
        if (count == 0) {
            throw new IllegalStateException("no calibration rows: add(...) at least one row before gains()");
        }
        boolean faithful = parameters.updateRule() == UpdateRule.FAITHFUL;
        if (faithful && segments.size() == 1) {
            throw new IllegalStateException("no calibration row had a non-zero value, so the FAITHFUL rule "
                    + "never fitted the weights");
        }
        // FAITHFUL fits on the rows up to the last trigger, i.e. every closed segment; FINAL on every row.
        int fitted = faithful ? segments.size() - 1 : segments.size();
        long values = 0;
        for (int s = 0; s < fitted; s++) {
            for (FeatureValues v : segments.get(s).values) {
                values += v.weight();
            }
        }
        IntStream range = IntStream.range(0, features);
        if (values >= PARALLEL_THRESHOLD) {
            range = range.parallel();
        }
        int n = parameters.duplication();
        double[][] space = range.mapToObj(i -> {
            double[] f = AdaptiveDensity.fromDistinct(column(i, fitted), n, parameters.smoothing(),
                    parameters.limit());
            Arrays.sort(f);
            return f;
        }).toArray(double[][]::new);
        double[] coverage = new double[features * n];
        for (int i = 0; i < features; i++) {
            for (int k = 0; k < n; k++) {
                coverage[i * n + k] = 1.0 / space[i][k];
            }
        }
        double target = TorchConventions.lowerMedian(TorchConventions.linspace(parameters.limit(), 1.0, n));
        double correction = target / TorchConventions.lowerMedian(coverage);
        double gain = parameters.payload() / correction;
        for (double[] column : space) {
            for (int k = 0; k < n; k++) {
                column[k] *= gain;
            }
        }
        return ColumnGains.of(space);
    }

    /**
     * Step 1 of docs/method.md §2(d) for one feature: its distinct values over the first {@code fitted} segments,
     * with L (the zero rows) and the appended 1.0, strictly ascending.
     */
    private double[] column(int feature, int fitted) {
        double limit = parameters.limit();
        if (stored[feature] < 0) {
            KllDoublesSketch union = KllDoublesSketch.newHeapInstance(sketchK);
            for (int s = 0; s < fitted; s++) {
                union.merge(segments.get(s).values[feature].sketch());
            }
            return ascendingDistinct(quantiles(union));
        }
        int total = 0;
        for (int s = 0; s < fitted; s++) {
            FeatureValues v = segments.get(s).values[feature];
            v.compact();
            total += v.distinct();
        }
        // Every stored value is in (L, 1): L goes first and 1.0 last.
        double[] values = new double[total + 2];
        values[0] = limit;
        int at = 1;
        for (int s = 0; s < fitted; s++) {
            FeatureValues v = segments.get(s).values[feature];
            System.arraycopy(v.sortedView(), 0, values, at, v.distinct());
            at += v.distinct();
        }
        if (fitted > 1) {
            Arrays.sort(values, 1, at);
            at = 1 + dedupe(values, 1, at);
        }
        values[at++] = 1.0;
        return at == values.length ? values : Arrays.copyOf(values, at);
    }

    /**
     * The sketch's picture of the distinct values: {@code min(N, }{@value #MAX_SKETCH_POINTS}{@code )} values at
     * evenly spaced ranks of its quantile function, plus L and 1.0 (in no order). The quantile function is
     * piecewise linear through the exact minimum (rank 0), each retained item at the centre of the rank interval
     * it stands for, and the exact maximum (rank N): an item that stands for 2^h values is spread between its
     * neighbours, and an uncompacted sketch (N ≤ k) gives back exactly its items. Drawing as many points as
     * values (up to the cap) keeps the weight of the single points L and 1.0 close to what it is in the exact
     * fit.
     */
    private double[] quantiles(KllDoublesSketch sketch) {
        if (sketch.isEmpty()) {
            return new double[] {parameters.limit(), 1.0};
        }
        DoublesSketchSortedView view = sketch.getSortedView();
        double[] items = view.getQuantiles();
        long[] cumulative = view.getCumulativeWeights();
        int r = items.length;
        double n = view.getN();
        double[] knotRank = new double[r + 2];
        double[] knotValue = new double[r + 2];
        knotValue[0] = view.getMinItem();
        long below = 0;
        for (int j = 0; j < r; j++) {
            knotRank[j + 1] = (below + cumulative[j]) / 2.0;
            knotValue[j + 1] = items[j];
            below = cumulative[j];
        }
        knotRank[r + 1] = n;
        knotValue[r + 1] = view.getMaxItem();
        int points = (int) Math.min(view.getN(), MAX_SKETCH_POINTS);
        double[] values = new double[points + 2];
        int j = 0;
        for (int t = 0; t < points; t++) {
            double rank = (t + 0.5) * n / points;
            while (j < r && knotRank[j + 1] < rank) {
                j++;
            }
            double span = knotRank[j + 1] - knotRank[j];
            double fraction = span > 0 ? (rank - knotRank[j]) / span : 1.0;
            values[t] = knotValue[j] + (knotValue[j + 1] - knotValue[j]) * Math.min(1.0, fraction);
        }
        values[points] = parameters.limit();
        values[points + 1] = 1.0;
        return values;
    }

    /** Sorts and removes duplicates. */
    private static double[] ascendingDistinct(double[] values) {
        Arrays.sort(values);
        int d = dedupe(values, 0, values.length);
        return d == values.length ? values : Arrays.copyOf(values, d);
    }

    /** Removes adjacent duplicates from the sorted range [from, to) in place; returns the new length. */
    private static int dedupe(double[] values, int from, int to) {
        int d = from;
        for (int i = from; i < to; i++) {
            if (d == from || values[i] != values[d - 1]) {
                values[d++] = values[i];
            }
        }
        return d - from;
    }

    /** Compacts one value set of a feature and switches the feature to the sketch if it overflows. */
    private void compact(int feature, FeatureValues values) {
        stored[feature] += values.compact();
        if (stored[feature] > exactLimit) {
            toSketch(feature);
        }
    }

    private void enforceExactLimit() {
        for (int i = 0; i < features; i++) {
            if (stored[i] >= 0) {
                long total = 0;
                for (Segment s : segments) {
                    s.values[i].compact();
                    total += s.values[i].distinct();
                }
                stored[i] = total;
                if (total > exactLimit) {
                    toSketch(i);
                }
            }
        }
    }

    private void toSketch(int feature) {
        if (stored[feature] < 0) {
            return;
        }
        for (Segment s : segments) {
            s.values[feature].toSketch(sketchK);
        }
        stored[feature] = -1;
    }

    /** Recomputes the stored distinct counts after segments were joined. */
    private void recount() {
        for (int i = 0; i < features; i++) {
            if (stored[i] >= 0) {
                long total = 0;
                for (Segment s : segments) {
                    total += s.values[i].distinct();
                }
                stored[i] = total;
            }
        }
    }

    private void validate(double[] row) {
        long sample = count;
        if (row == null) {
            throw new IllegalArgumentException("sample " + sample + " must not be null");
        }
        if (row.length != features) {
            throw new IllegalArgumentException("sample " + sample + " has " + row.length + " features, expected "
                    + features);
        }
        for (int i = 0; i < features; i++) {
            double value = row[i];
            if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
                throw new InvalidValueException("sample", sample, i, value,
                        InvalidValueException.Problem.OUT_OF_RANGE,
                        "a calibration sample must be L1-normalized: in [0, 1] (or NaN for missing)");
            }
        }
    }

    private String describe() {
        return "CalibrationSummary[features=" + features + ", " + parameters + ", exactLimit=" + exactLimit
                + ", sketchK=" + sketchK + "]";
    }

    @Override
    public String toString() {
        long exactFeatures = Arrays.stream(stored).filter(s -> s >= 0).count();
        return "CalibrationSummary[features=" + features + ", rows=" + count + ", exact features=" + exactFeatures
                + ", segments=" + segments.size() + "]";
    }
}
