package org.hetquant.reproduce;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.Calibrator;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GranuleConnectivity;
import org.hetquant.engine.GranuleLayer;
import org.hetquant.engine.GranuleWeights;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;
import org.hetquant.experiment.FoldUtilization;
import org.hetquant.experiment.NumPyLegacyStream;
import org.hetquant.experiment.PaperGrid;
import org.hetquant.experiment.SamplingProtocol;
import org.hetquant.experiment.SyntheticSession;

/**
 * Runs the paper's experiment grid (docs/method.md §4): for every session, fold, condition and duplication n, the
 * fold's test samples are L1-normalized, encoded into MC phases with the condition's gains (calibrated on the
 * fold's 16 training samples for Scaled and Adaptive), and summarized as utilization mean and SD and few-shot SVM
 * accuracy; the ET accuracy baseline is scored once per session and fold. With a {@link GranuleSizing}, the GC
 * layer (docs/method.md §2(e)) is trained by STDP on the fold's 16 training samples' MC phases, in the plan's
 * shuffled order, and its test phases are summarized the same way.
 *
 * <p>Every task is a pure function of its inputs and seeds, so results do not depend on the thread count or
 * schedule: the same seed gives the same numbers.
 */
public final class Reproduction {

    /** The paper's duplication factors (docs/method.md §4.2). */
    public static final List<Integer> DUPLICATIONS = List.of(4, 8, 16, 32);

    /** Folds of the paper's protocol (the quick grid runs only the first few of them). */
    public static final int FOLDS = 8;

    /**
     * A session to run.
     *
     * @param name name in the report (e.g. "Saturation (shipped CSV)")
     * @param publishedSession the published session it is compared with ("Concentration" or "Saturation")
     * @param features raw sensor rows
     * @param labels class label per row
     * @param resampling NumPy's stream as the session's generation left it, which the sampling plan continues
     *     ({@link SyntheticSession#resamplingStream()}); null for a session that was not generated (a CSV): its plan
     *     resamples from a fresh stream at the run's seed
     */
    public record SessionInput(String name, String publishedSession, double[][] features, int[] labels,
            NumPyLegacyStream resampling) {

        /**
         * A generated session, run under its own name; its plan continues the generation's stream.
         *
         * @throws IllegalArgumentException for a session built with {@link SyntheticSession#of}, which has no
         *     generation stream (give it as a {@code SessionInput} with {@code resampling} null)
         */
        public static SessionInput generated(SyntheticSession s) {
            NumPyLegacyStream stream = s.resamplingStream().orElseThrow(() -> new IllegalArgumentException(
                    "session " + s.name() + " was not generated, so it has no generation stream to resample from"));
            return new SessionInput(s.name(), s.name(), s.features(), s.labels(), stream);
        }
    }

    /**
     * What to run.
     *
     * @param seed seed of the sessions, the sampling plan, the SVM splits and the GC wiring, in
     *     [0, {@link NumPyLegacyStream#MAX_SEED}] (the authors use 314)
     * @param folds how many of the 8 folds to run, in [2, 8] (all 8 for the full grid)
     * @param threads worker threads, ≥ 1
     * @param granules how the GC layer is sized, or null to run the MC layer only
     */
    public record Settings(long seed, int folds, int threads, GranuleSizing granules) {

        /** MC and GC layers, the GC sized as docs/method.md recommends ({@link GranuleSizing#PAPER}). */
        public Settings(long seed, int folds, int threads) {
            this(seed, folds, threads, GranuleSizing.PAPER);
        }

        public Settings {
            NumPyLegacyStream.requireSeed(seed);
            if (folds < 2 || folds > FOLDS) {
                throw new IllegalArgumentException("folds must be in [2, " + FOLDS + "], got " + folds);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }
    }

    /**
     * One fold's values for one cell.
     *
     * @param values per metric, the fold-level value (Homogeneous: averaged over the 10 gain levels); undefined
     *     where the fold cannot define it (an SD over one test sample) or it was not computed (accuracy skipped)
     */
    record FoldValues(Map<Metric, OptionalDouble> values) {}

    /**
     * One cell of the grid, summarized over folds.
     *
     * @param session the session's report name
     * @param publishedSession the published session it is compared with
     * @param condition the gain condition
     * @param duplication n
     * @param metric the metric
     * @param acrossFolds the fold-level values summarized across the folds where they are defined: their mean
     *     (the published .m columns) and SD (n − 1, as the published .s columns); undefined fold values are left
     *     out and counted
     */
    public record Cell(
            String session,
            String publishedSession,
            Condition condition,
            int duplication,
            Metric metric,
            Summary acrossFolds) {

        /**
         * Mean over folds of the fold-level value.
         *
         * @throws IllegalStateException if no fold defines the value (never under the paper's protocol, whose
         *     folds hold 112 test samples)
         */
        public double mean() {
            return acrossFolds.mean().orElseThrow(() -> new IllegalStateException(session + " " + condition.label()
                    + " n=" + duplication + " " + metric.title() + ": no fold defines the value"));
        }

        /** SD across folds (n − 1); undefined with fewer than two folds defining the value. */
        public OptionalDouble foldSd() {
            return acrossFolds.sd();
        }
    }

    private static final PhaseTable TABLE = PhaseTable.of(NeuronParameters.DEFAULT);

    private Reproduction() {}

    /** Number of tasks {@link #run} executes (for progress display). */
    public static int taskCount(List<SessionInput> sessions, Settings settings) {
        return sessions.size() * settings.folds() * (1 + Condition.values().length * DUPLICATIONS.size());
    }

    /**
     * Runs the grid.
     *
     * @param sessions the sessions, each with labels 1..8 and 4096 rows in the paper's case
     * @param settings seed, folds and threads
     * @param progress called with the number of finished tasks after each task (from worker threads)
     * @return one cell per session × condition × n × MC (and GC) metric, plus ET accuracy per session × condition
     *     × n
     *     (the same value repeated, since the ET readout does not depend on the condition)
     */
    public static List<Cell> run(List<SessionInput> sessions, Settings settings, IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "reproduce-worker");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Cell> cells = new ArrayList<>();
            for (SessionInput session : sessions) {
                List<FoldData> folds = prepare(session, settings);
                List<Future<Double>> et = new ArrayList<>();
                for (FoldData fold : folds) {
                    et.add(pool.submit(() -> {
                        double acc = new FewShotSvm(settings.seed()).evaluate(fold.vTest(), fold.testLabels(), true).accuracy();
                        progress.accept(done.incrementAndGet());
                        return acc;
                    }));
                }
                Map<Condition, Map<Integer, List<Future<FoldValues>>>> mc = new EnumMap<>(Condition.class);
                for (Condition condition : Condition.values()) {
                    for (int n : DUPLICATIONS) {
                        List<Future<FoldValues>> perFold = new ArrayList<>();
                        for (FoldData fold : folds) {
                            perFold.add(pool.submit(() -> {
                                FoldValues v = evaluate(fold, condition, n, settings.seed(), true,
                                        settings.granules());
                                progress.accept(done.incrementAndGet());
                                return v;
                            }));
                        }
                        mc.computeIfAbsent(condition, c -> new java.util.TreeMap<>()).put(n, perFold);
                    }
                }
                List<OptionalDouble> etValues = new ArrayList<>();
                for (Future<Double> f : et) {
                    etValues.add(OptionalDouble.of(f.get()));
                }
                for (Condition condition : Condition.values()) {
                    for (int n : DUPLICATIONS) {
                        List<FoldValues> values = new ArrayList<>();
                        for (Future<FoldValues> f : mc.get(condition).get(n)) {
                            values.add(f.get());
                        }
                        List<Metric> metrics = new ArrayList<>(List.of(Metric.of("MC")));
                        if (settings.granules() != null) {
                            metrics.addAll(List.of(Metric.of("GC")));
                        }
                        for (Metric metric : metrics) {
                            List<OptionalDouble> perFold = values.stream().map(v -> v.values().get(metric)).toList();
                            cells.add(cell(session, condition, n, metric, perFold));
                        }
                        cells.add(cell(session, condition, n, Metric.ET_ACCURACY, etValues));
                    }
                }
            }
            return cells;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a grid task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A fold's normalized training rows (in the plan's presentation order) and normalized, labelled test rows.
     *
     * @param index the fold's index in the plan
     * @param publishedSession the published session the fold's session is compared with
     */
    record FoldData(int index, String publishedSession, double[][] vTrain, double[][] vTest,
            int[] testLabels) {}

    static List<FoldData> prepare(SessionInput session, Settings settings) {
        SamplingProtocol.Plan plan = session.resampling() == null
                ? SamplingProtocol.paper().plan(session.labels(), settings.seed())
                : SamplingProtocol.paper().plan(session.labels(), settings.seed(), session.resampling());
        // The data-level shift is applied once to the resampled working set, train and test together
        // (docs/method.md §2(a)).
        double[][] working = SamplingProtocol.shiftToNonNegative(plan.workingSet(session.features()));
        int[] labels = plan.labels();
        List<FoldData> folds = new ArrayList<>();
        for (int k = 0; k < settings.folds(); k++) {
            int[] train = plan.trainIndices(k);
            int[] test = plan.testIndices(k);
            double[][] vTrain = FoldUtilization.normalizedRows(working, train);
            double[][] vTest = FoldUtilization.normalizedRows(working, test);
            int[] testLabels = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                testLabels[i] = labels[test[i]];
            }
            folds.add(new FoldData(k, session.publishedSession(), vTrain, vTest, testLabels));
        }
        return folds;
    }

    /**
     * The fold-level values of one condition and n (Homogeneous: averaged over its gain levels): the MC metrics,
     * and the GC metrics when {@code granules} is not null (undefined otherwise).
     */
    static FoldValues evaluate(FoldData fold, Condition condition, int n, long seed, boolean withAccuracy,
            GranuleSizing granules) {
        GranuleSizing.Shape shape = granules == null ? null : granules.shape(fold.publishedSession(), condition, n);
        List<double[][]> gainSets = gainSets(fold, condition, n);
        List<double[][]> granuleGainSets = shape == null || shape.duplication() == n ? gainSets
                : gainSets(fold, condition, shape.duplication());
        Map<Metric, List<OptionalDouble>> perLevel = new EnumMap<>(Metric.class);
        FewShotSvm svm = new FewShotSvm(seed);
        for (int g = 0; g < gainSets.size(); g++) {
            ColumnEncoder encoder = new ColumnEncoder(gainSets.get(g), TABLE);
            byte[][] mcPhases = encode(encoder, fold.vTest());
            summarize(mcPhases, Metric.of("MC"), fold, svm, withAccuracy, perLevel);
            if (shape != null) {
                ColumnEncoder granuleEncoder = granuleGainSets == gainSets ? encoder
                        : new ColumnEncoder(granuleGainSets.get(g), TABLE);
                byte[][] testPhases = granuleEncoder == encoder ? mcPhases : encode(granuleEncoder, fold.vTest());
                int mitrals = granuleEncoder.units();
                GranuleConnectivity connectivity = GranuleConnectivity.random(mitrals,
                        GranuleLayer.granuleCount(mitrals, shape.granulesPerMitral()), shape.probability(),
                        connectivitySeed(seed, fold.index(), mitrals));
                GranuleWeights weights = GranuleLayer.PAPER.train(connectivity, encode(granuleEncoder, fold.vTrain()));
                summarize(weights.phases(testPhases), Metric.of("GC"), fold, svm, withAccuracy, perLevel);
            }
        }
        // Homogeneous: the fold-level value is the mean over the gain levels (all defined or all undefined, since
        // every level sees the same test samples).
        Map<Metric, OptionalDouble> values = new EnumMap<>(Metric.class);
        for (String layer : List.of("MC", "GC")) {
            for (Metric metric : Metric.of(layer)) {
                values.put(metric, Summary.ofDefined(perLevel.getOrDefault(metric, List.of())).mean());
            }
        }
        return new FoldValues(values);
    }

    /** The condition's gain sets at duplication n (Homogeneous: one per published level). */
    static List<double[][]> gainSets(FoldData fold, Condition condition, int n) {
        List<double[][]> gainSets = new ArrayList<>();
        int features = fold.vTest()[0].length;
        switch (condition) {
            case HOMOGENEOUS -> {
                for (double level : PaperGrid.homogeneousLevels()) {
                    gainSets.add(ColumnGains.dataBlind(features, ColumnGains.homogeneous(n, level)).toArray());
                }
            }
            case UNIFORM -> gainSets.add(ColumnGains.dataBlind(features,
                    ColumnGains.uniform(n, ColumnGains.DEFAULT_PAYLOAD, ColumnGains.DEFAULT_LIMIT)).toArray());
            case SCALED -> gainSets.add(calibrate(fold, n, CalibrationParameters.SCALED_SMOOTHING));
            case ADAPTIVE -> gainSets.add(calibrate(fold, n, CalibrationParameters.ADAPTIVE_SMOOTHING));
            default -> throw new IllegalStateException("unknown condition " + condition);
        }
        return gainSets;
    }

    static byte[][] encode(ColumnEncoder encoder, double[][] rows) {
        byte[][] phases = new byte[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            phases[i] = encoder.encode(rows[i]);
        }
        return phases;
    }

    /**
     * Adds one gain set's utilization SD, mean and (optionally) accuracy on a layer's phases (MC or GC, given by
     * {@code metrics}) to the per-level lists.
     */
    private static void summarize(byte[][] phases, Metric[] metrics, FoldData fold, FewShotSvm svm,
            boolean withAccuracy, Map<Metric, List<OptionalDouble>> perLevel) {
        double[] utilization = new double[phases.length];
        double[][] features = new double[phases.length][];
        for (int i = 0; i < phases.length; i++) {
            utilization[i] = Utilization.ofSample(phases[i], 0, phases[i].length);
            features[i] = new double[phases[i].length];
            for (int u = 0; u < phases[i].length; u++) {
                features[i][u] = phases[i][u];
            }
        }
        Summary s = Utilization.summarize(utilization);
        perLevel.computeIfAbsent(metrics[0], m -> new ArrayList<>()).add(s.sd());
        perLevel.computeIfAbsent(metrics[1], m -> new ArrayList<>()).add(s.mean());
        if (withAccuracy) {
            perLevel.computeIfAbsent(metrics[2], m -> new ArrayList<>())
                    .add(OptionalDouble.of(svm.evaluate(features, fold.testLabels(), false).accuracy()));
        }
    }

    /**
     * The seed of a run's MC→GC projection: one per (seed, fold, MC count), shared by the conditions so that
     * they are compared on the same random wiring.
     */
    static long connectivitySeed(long seed, int fold, int mitrals) {
        return new java.util.SplittableRandom(seed).split().nextLong() ^ (1_000_003L * fold + mitrals);
    }
    /**
     * Utilization SD (fold mean over all 8 folds) of one session for several data realizations, without the
     * SVM: how much the published comparison depends on the generator's random draw (docs/method.md §5).
     *
     * @param generator makes the session for a seed
     * @param seeds the seeds (each seeds the generator, the sampling plan and the GC wiring)
     * @param threads worker threads
     * @param metric {@link Metric#MC_UTILIZATION_SD} or {@link Metric#GC_UTILIZATION_SD}
     * @param granules the GC sizing (needed for the GC metric)
     * @return {@code [seed index][condition ordinal][n index]} utilization SD over folds, in percentage points
     *     (folds whose SD is undefined left out and counted)
     */
    public static Summary[][][] utilizationSdBySeed(java.util.function.LongFunction<SessionInput> generator,
            long[] seeds, int threads, Metric metric, GranuleSizing granules) {
        if (metric != Metric.MC_UTILIZATION_SD && metric != Metric.GC_UTILIZATION_SD) {
            throw new IllegalArgumentException("metric must be a utilization SD, got " + metric);
        }
        GranuleSizing sizing = metric == Metric.GC_UTILIZATION_SD ? java.util.Objects.requireNonNull(granules,
                "granules") : null;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Summary[][]>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> {
                    List<FoldData> folds = prepare(generator.apply(seed), new Settings(seed, FOLDS, 1));
                    Summary[][] sd = new Summary[Condition.values().length][DUPLICATIONS.size()];
                    for (Condition c : Condition.values()) {
                        for (int i = 0; i < DUPLICATIONS.size(); i++) {
                            List<OptionalDouble> perFold = new ArrayList<>();
                            for (FoldData fold : folds) {
                                perFold.add(evaluate(fold, c, DUPLICATIONS.get(i), seed, false, sizing)
                                        .values().get(metric));
                            }
                            sd[c.ordinal()][i] = Summary.ofDefined(perFold);
                        }
                    }
                    return sd;
                }));
            }
            Summary[][][] out = new Summary[seeds.length][][];
            for (int k = 0; k < seeds.length; k++) {
                out[k] = futures.get(k).get();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a seed task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
    private static double[][] calibrate(FoldData fold, int n, double smoothing) {
        return Calibrator.fitGains(fold.vTrain(), CalibrationParameters.of(n, smoothing));
    }

    private static Cell cell(SessionInput s, Condition c, int n, Metric metric, List<OptionalDouble> perFold) {
        return new Cell(s.name(), s.publishedSession(), c, n, metric, Summary.ofDefined(perFold));
    }
}
