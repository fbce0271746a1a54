package org.hetquant.realdata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.ToDoubleFunction;

/** The measurements of a run, looked up by feature set, split, row and classifier. */
final class Results {

    private final Map<String, Experiment.Result> byKey = new HashMap<>();
    private final List<Split> splits;

    Results(List<Experiment.Result> results, List<Split> splits) {
        for (Experiment.Result r : results) {
            byKey.put(key(r.featureSet(), r.split(), r.row(), r.learner()), r);
        }
        this.splits = splits;
    }

    private static String key(GasDrift.FeatureSet set, String split, String row, Experiment.Learner learner) {
        return set + "|" + split + "|" + row + "|" + learner;
    }

    /** One measurement; {@code row} is a {@link Experiment.Row} name or a prefixed variant key. */
    Experiment.Result get(GasDrift.FeatureSet set, String split, String row, Experiment.Learner learner) {
        Experiment.Result r = byKey.get(key(set, split, row, learner));
        if (r == null) {
            throw new NoSuchElementException("no result for " + key(set, split, row, learner));
        }
        return r;
    }

    boolean has(GasDrift.FeatureSet set, String split, String row, Experiment.Learner learner) {
        return byKey.containsKey(key(set, split, row, learner));
    }

    List<Split> concentrationSplits() {
        return splits.stream().filter(Split::concentration).toList();
    }

    Split driftSplit() {
        return splits.stream().filter(s -> !s.concentration()).findFirst().orElseThrow();
    }

    /** The mean of a measurement over the concentration splits. */
    double concentrationMean(GasDrift.FeatureSet set, String row, Experiment.Learner learner,
            ToDoubleFunction<Experiment.Result> metric) {
        return concentrationSplits().stream().mapToDouble(s -> metric.applyAsDouble(get(set, s.key(), row, learner)))
                .average().orElseThrow();
    }

    /** The accuracy on the drift split. */
    double drift(GasDrift.FeatureSet set, String row, Experiment.Learner learner) {
        return get(set, driftSplit().key(), row, learner).accuracy();
    }
}
