package org.hetquant.realdata;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.functions.SMO;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.RandomForest;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.AllFilter;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Standardize;
import weka.filters.unsupervised.attribute.hetquant.AbstractColumnFilter;
import weka.filters.unsupervised.attribute.hetquant.HetQuantNormalizer;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;

/**
 * The real-data experiment: every preprocessing in front of every classifier through Weka's
 * {@code FilteredClassifier} (the filter fitted on the training side only, exactly what a user gets), on every
 * split and feature set; the HetQuant rows also report the utilization of the test rows.
 *
 * <p>Every task is a pure function of its inputs (Weka's classifiers are seeded), so the numbers do not depend on
 * the thread count.
 */
final class Experiment {

    /** The preprocessing in front of the classifier: the rows of the report's tables. */
    enum Row {
        RAW("raw", "no filter"),
        STANDARDIZE("Standardize", "weka.filters.unsupervised.attribute.Standardize"),
        L1("HetQuantNormalizer", "L1 normalization alone (default options)"),
        HOMOGENEOUS("HetQuant homogeneous", "HetQuantPipeline -scheme homogeneous -gain-scale fitted -U <u>: n equal"
                + " gains, fitted to the uniform column's mean utilization u on the training rows"),
        UNIFORM("HetQuant uniform", "HetQuantPipeline with default options"),
        CALIBRATED("HetQuant calibrated", "HetQuantPipeline -calibrate (otherwise default options)");

        final String label;
        final String description;

        Row(String label, String description) {
            this.label = label;
            this.description = description;
        }

        boolean hetQuant() {
            return this == HOMOGENEOUS || this == UNIFORM || this == CALIBRATED;
        }
    }

    /** The classifier families. */
    enum Learner {
        SMO("SMO"),
        RANDOM_FOREST("RandomForest");

        final String label;

        Learner(String label) {
            this.label = label;
        }

        /** A new classifier with Weka's default options (the seed, where there is one, is the default 1). */
        Classifier create() {
            return this == SMO ? new SMO() : new RandomForest();
        }

        String options() {
            return Utils.joinOptions(((AbstractClassifier) create()).getOptions());
        }
    }

    /**
     * One measurement.
     *
     * @param featureSet the feature set
     * @param split the split's key
     * @param row the preprocessing (a {@link Row} label, or a study variant's key)
     * @param learner the classifier
     * @param accuracy percentage of test rows classified correctly
     * @param utilizationMean mean utilization (%) of the test rows (HetQuant rows only, else NaN)
     * @param utilizationSd SD (n − 1) of the test rows' utilization, percentage points (else NaN)
     * @param gainFactor the gain scale's factor fitted on the training rows (HetQuant rows only, else NaN)
     */
    record Result(GasDrift.FeatureSet featureSet, String split, String row, Learner learner, double accuracy,
            double utilizationMean, double utilizationSd, double gainFactor) {}

    /**
     * A variant of the default HetQuant column for choosing the defaults: the default pipeline with some options.
     *
     * @param key identifier (CSV, report)
     * @param setting the option it studies (e.g. "negative values")
     * @param options the pipeline's options
     */
    record Variant(String key, String setting, String[] options) {}

    /** The samples, and per feature set all of them as Weka instances (row i = sample i). */
    private final List<GasDrift.Sample> samples;

    Experiment(List<GasDrift.Sample> samples) {
        this.samples = samples;
    }

    /** All samples on a feature set, in sample order, with the gas as the class. */
    Instances instances(GasDrift.FeatureSet set) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (String name : set.names()) {
            attributes.add(new Attribute(name));
        }
        attributes.add(new Attribute("gas", new ArrayList<>(GasDrift.GASES)));
        Instances data = new Instances("gas-drift-" + set.name().toLowerCase(java.util.Locale.ROOT), attributes,
                samples.size());
        data.setClassIndex(attributes.size() - 1);
        int[] columns = set.columns();
        for (GasDrift.Sample s : samples) {
            double[] values = new double[columns.length + 1];
            for (int j = 0; j < columns.length; j++) {
                values[j] = s.features()[columns[j]];
            }
            values[columns.length] = s.gas();
            data.add(new DenseInstance(1.0, values));
        }
        return data;
    }

    static Instances subset(Instances all, int[] rows) {
        Instances out = new Instances(all, rows.length);
        for (int r : rows) {
            out.add((Instance) all.instance(r).copy());
        }
        return out;
    }

    /** The filter of a row; HOMOGENEOUS needs the uniform column's mean training utilization first. */
    static Filter filter(Row row, Instances train) throws Exception {
        return switch (row) {
            case RAW -> new AllFilter();
            case STANDARDIZE -> new Standardize();
            case L1 -> new HetQuantNormalizer();
            case UNIFORM -> new HetQuantPipeline();
            case CALIBRATED -> pipeline("-calibrate");
            case HOMOGENEOUS -> {
                HetQuantPipeline uniform = new HetQuantPipeline();
                uniform.setInputFormat(train);
                double u = Utilization.summarize(utilization(Filter.useFilter(train, uniform))).mean().orElseThrow();
                yield pipeline("-scheme", "homogeneous", "-gain-scale", "fitted", "-U", Double.toString(u));
            }
        };
    }

    static HetQuantPipeline pipeline(String... options) throws Exception {
        HetQuantPipeline p = new HetQuantPipeline();
        p.setOptions(options.clone());
        return p;
    }

    /**
     * Trains {@code FilteredClassifier(filter, learner)} on {@code train} and tests it on {@code test}.
     *
     * @return accuracy, and for a HetQuant filter the test rows' utilization and the fitted gain factor
     */
    static double[] evaluate(Filter filter, Learner learner, Instances train, Instances test) throws Exception {
        return evaluate(filter, learner, train, test, new FilteredClassifier().getSeed());
    }

    /** As {@link #evaluate(Filter, Learner, Instances, Instances)} with the FilteredClassifier's seed (-S). */
    static double[] evaluate(Filter filter, Learner learner, Instances train, Instances test, int seed)
            throws Exception {
        FilteredClassifier fc = new FilteredClassifier();
        fc.setSeed(seed);
        fc.setFilter(filter);
        fc.setClassifier(learner.create());
        fc.buildClassifier(train);
        int correct = 0;
        for (int i = 0; i < test.numInstances(); i++) {
            Instance x = test.instance(i);
            if (fc.classifyInstance(x) == x.classValue()) {
                correct++;
            }
        }
        double accuracy = 100.0 * correct / test.numInstances();
        if (filter instanceof AbstractColumnFilter column) {
            Summary u = Utilization.summarize(utilization(Filter.useFilter(test, fc.getFilter())));
            return new double[] {accuracy, u.mean().orElse(Double.NaN), u.sd().orElse(Double.NaN),
                    column.gainFactor()};
        }
        return new double[] {accuracy, Double.NaN, Double.NaN, Double.NaN};
    }

    /** Per-row utilization (%) of phase outputs: the non-class attributes that are not 0. */
    static double[] utilization(Instances phases) {
        double[] u = new double[phases.numInstances()];
        int units = phases.numAttributes() - (phases.classIndex() >= 0 ? 1 : 0);
        for (int r = 0; r < u.length; r++) {
            Instance x = phases.instance(r);
            int firing = 0;
            for (int a = 0; a < phases.numAttributes(); a++) {
                if (a != phases.classIndex() && x.value(a) != 0.0) {
                    firing++;
                }
            }
            u[r] = 100.0 * firing / units;
        }
        return u;
    }

    /**
     * A unit of work, run on the pool.
     *
     * @param cost rough relative cost, to start the long tasks first
     * @param body the work
     */
    record Task(int cost, Callable<List<Result>> body) {}

    /** Runs the tasks on {@code threads} threads, reporting each finished task to {@code progress}. */
    static List<Result> run(List<Task> tasks, int threads, IntConsumer progress) {
        List<Task> ordered = new ArrayList<>(tasks);
        ordered.sort((a, b) -> Integer.compare(b.cost(), a.cost()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<List<Result>>> futures = new ArrayList<>();
            for (Task t : ordered) {
                futures.add(pool.submit(() -> {
                    List<Result> r = t.body().call();
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<List<Result>> f : futures) {
                results.addAll(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a real-data task failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
