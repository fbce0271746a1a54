package weka.filters.unsupervised.attribute.hetquant;

import java.util.Locale;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.PhaseTable;
import org.hetquant.plot.FeatureThresholds;

/** The text a fitted column filter shows for itself (its {@code toString()}). */
final class Describe {

    private Describe() {}

    /**
     * Per attribute (a line {@code attribute <name>}, the name quoted as {@link FeatureThresholds#quote} does):
     * each neuron's output name suffix, its gain, and the input value from which it fires (drive {@code gain · x}
     * at least the neuron's firing threshold D*; 8 significant digits). The diagnostics step reads this text back
     * ({@link FeatureThresholds#parse}).
     */
    static String gains(ColumnGains gains, String[] featureNames, PhaseTable table) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "%d attribute(s) x %d neurons; a neuron fires once its drive gain * x reaches D* = %.6f%n",
                gains.features(), gains.duplication(), table.firingThreshold()));
        int digits = Math.max(2, Integer.toString(gains.duplication() - 1).length());
        for (int f = 0; f < gains.features(); f++) {
            s.append('\n').append(FeatureThresholds.attributeLine(featureNames[f])).append('\n');
            s.append(String.format(Locale.ROOT, "  %-6s %14s %16s%n", "neuron", "gain", "fires from x >="));
            double[] onsets = onsets(gains, table)[f];
            for (int k = 0; k < gains.duplication(); k++) {
                s.append(String.format(Locale.ROOT, "  n%0" + digits + "d%s %14.6f %16.8g%n",
                        k, " ".repeat(Math.max(0, 5 - digits)), gains.gain(f, k), onsets[k]));
            }
        }
        return s.toString();
    }

    /** Per feature, the input value from which each neuron fires: D* / gain ({@link ColumnOnsets#onsets()}). */
    static double[][] onsets(ColumnGains gains, PhaseTable table) {
        double[][] onsets = new double[gains.features()][];
        for (int f = 0; f < onsets.length; f++) {
            onsets[f] = gains.onsets(f, table.firingThreshold());
        }
        return onsets;
    }
}
