package org.hetquant.realdata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A train/test split of the gas-drift samples.
 *
 * <p><b>Concentration splits</b> (open set in concentration): within a set of rows (batch 1, batch 2, or both
 * pooled), each gas is cut at the median of its own concentrations: the low half is every row at or below the
 * median, the high half every row above it. The classifier is trained on one half of every gas and tested on the
 * other, so it must recognise a gas at concentrations it never saw. A gas measured at a single concentration in
 * the set cannot be cut and is left out of that split (batch 2: Toluene, 5 rows at 75 ppmv).
 *
 * <p><b>Drift split</b>: train on batch 1 (months 1–2), test on batch 2 (months 3–10).
 *
 * @param key short identifier (CSV)
 * @param label name in the report
 * @param concentration whether it is a concentration split (else the drift split)
 * @param train indices of the training samples
 * @param test indices of the test samples
 */
public record Split(String key, String label, boolean concentration, int[] train, int[] test) {

    /** The six concentration splits (low→high and high→low within batch 1, batch 2 and both) and the drift split. */
    static List<Split> all(List<GasDrift.Sample> samples) {
        List<Split> splits = new ArrayList<>();
        String[][] sets = {{"b1", "batch 1"}, {"b2", "batch 2"}, {"pooled", "batches 1+2"}};
        for (int s = 0; s < sets.length; s++) {
            int set = s;
            IntPredicate in = i -> set == 2 || samples.get(i).batch() == set + 1;
            int[][] halves = halves(samples, in);
            splits.add(new Split(sets[s][0] + "-low-high", sets[s][1] + ", low→high", true, halves[0], halves[1]));
            splits.add(new Split(sets[s][0] + "-high-low", sets[s][1] + ", high→low", true, halves[1], halves[0]));
        }
        splits.add(new Split("drift", "batch 1→batch 2 (drift)", false, where(samples, i -> samples.get(i).batch() == 1),
                where(samples, i -> samples.get(i).batch() == 2)));
        return splits;
    }

    /** {low, high} indices of the rows in the set, each gas cut at its own median concentration. */
    public static int[][] halves(List<GasDrift.Sample> samples, IntPredicate inSet) {
        double[] median = new double[GasDrift.GASES.size()];
        boolean[] splittable = new boolean[median.length];
        for (int g = 0; g < median.length; g++) {
            int gas = g;
            double[] c = Arrays.stream(where(samples, i -> inSet.test(i) && samples.get(i).gas() == gas))
                    .mapToDouble(i -> samples.get(i).concentration()).sorted().toArray();
            if (c.length == 0) {
                continue;
            }
            median[g] = c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
            splittable[g] = c[0] < c[c.length - 1];
        }
        int[] low = where(samples, i -> inSet.test(i) && splittable[samples.get(i).gas()]
                && samples.get(i).concentration() <= median[samples.get(i).gas()]);
        int[] high = where(samples, i -> inSet.test(i) && splittable[samples.get(i).gas()]
                && samples.get(i).concentration() > median[samples.get(i).gas()]);
        return new int[][] {low, high};
    }

    private static int[] where(List<GasDrift.Sample> samples, IntPredicate p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (p.test(i)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
