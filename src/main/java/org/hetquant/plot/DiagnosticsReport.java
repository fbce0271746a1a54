package org.hetquant.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.hetquant.engine.Summary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/**
 * Everything the diagnostics node shows for one set of samples: the spike raster, the utilization histogram and,
 * when thresholds are known, one threshold panel per calibrated feature — as one stacked image, and the numbers
 * as text.
 */
public final class DiagnosticsReport {

    private DiagnosticsReport() {}

    /** Height of the utilization histogram for a raster {@code height} pixels high. */
    public static int histogramHeight(int height) {
        return height * 2 / 3;
    }

    /** Height of each threshold panel for a raster {@code height} pixels high. */
    public static int thresholdPanelHeight(int height) {
        return height * 2 / 3;
    }

    /**
     * The stacked image: raster, utilization histogram, then one panel per entry of {@code thresholds} whose
     * feature has data in {@code featureValues}.
     *
     * @param folds the layer's phases, one raster per cross-validation fold in fold order (one raster = a data set
     *     without folds); the raster shows them pooled, the histogram's legend the pooled SD and, for several
     *     folds, the mean of the fold SDs
     * @param title what the samples are, e.g. "saturation, test sets of 10 folds"; a subtitle of the raster
     * @param thresholds neuron thresholds of calibrated features (may be empty)
     * @param featureValues each feature's column-input values by name (may be empty)
     * @param width panel width in pixels, ≥ 50
     * @param height raster height in pixels, ≥ 75; the other panels are 2/3 of it
     * @throws IllegalArgumentException if a threshold's feature has no values in {@code featureValues}
     */
    public static BufferedImage image(List<PhaseRaster> folds, String title, List<FeatureThresholds> thresholds,
            Map<String, double[]> featureValues, int width, int height) {
        List<BufferedImage> panels = new ArrayList<>();
        JFreeChart raster = DiagnosticCharts.spikeRaster(PhaseRaster.concat(folds), "Spike raster");
        raster.addSubtitle(0, new TextTitle(title));
        panels.add(DiagnosticCharts.render(raster, width, height));
        List<double[]> utilization = folds.stream().map(PhaseRaster::utilizationPerSample).toList();
        panels.add(DiagnosticCharts.render(DiagnosticCharts.utilizationHistogram(utilization,
                DiagnosticCharts.DEFAULT_BINS, "Utilization across samples"), width, histogramHeight(height)));
        for (FeatureThresholds t : thresholds) {
            double[] values = featureValues.get(t.feature());
            if (values == null) {
                throw new IllegalArgumentException("thresholds name feature '" + t.feature()
                        + "' but the data has no attribute of that name; available: " + featureValues.keySet());
            }
            panels.add(DiagnosticCharts.render(
                    DiagnosticCharts.thresholdsOverHistogram(t, values, DiagnosticCharts.DEFAULT_BINS), width,
                    thresholdPanelHeight(height)));
        }
        return DiagnosticCharts.stack(panels);
    }

    /** {@link #image(List, String, List, Map, int, int)} of one set of samples (no folds). */
    public static BufferedImage image(PhaseRaster raster, String title, List<FeatureThresholds> thresholds,
            Map<String, double[]> featureValues, int width, int height) {
        return image(List.of(raster), title, thresholds, featureValues, width, height);
    }

    /**
     * The numbers of a cross-validation's folds: the utilization SD across samples pooled over all folds and the
     * mean over folds of each fold's SD — the paper's utilization-SD metric —, each fold's mean and SD (n − 1),
     * then the units' firing rates over all folds. A fold with a single sample has an undefined SD: it is shown as
     * undefined and left out of the mean over folds, whose line says how many folds it is over.
     *
     * @param folds one raster per fold, in fold order, over the same units
     * @param title what the samples are, e.g. "saturation, test sets of 10 folds"
     */
    public static String foldText(List<PhaseRaster> folds, String title) {
        PhaseRaster pooled = PhaseRaster.concat(folds);
        Summary all = pooled.utilization();
        List<OptionalDouble> sds = new ArrayList<>();
        List<OptionalDouble> means = new ArrayList<>();
        StringBuilder perFold = new StringBuilder();
        for (int f = 0; f < folds.size(); f++) {
            Summary s = folds.get(f).utilization();
            sds.add(s.sd());
            means.add(s.mean());
            perFold.append(String.format(Locale.ROOT, "  fold %d: %d %s, mean %s %%, SD %s%n", f + 1, s.count(),
                    s.count() == 1 ? "sample" : "samples", Summary.text(s.mean(), 4),
                    s.sd().isPresent() ? Summary.text(s.sd(), 4) + " percentage points" : Summary.UNDEFINED));
        }
        Summary sd = Summary.ofDefined(sds);
        Summary mean = Summary.ofDefined(means);
        StringBuilder b = new StringBuilder();
        b.append("HetQuant diagnostics — ").append(title).append('\n');
        b.append(String.format(Locale.ROOT, "samples: %d in %d folds, units: %d%n", pooled.samples(), folds.size(),
                pooled.units()));
        b.append("utilization (% of units that fired in a sample; SDs with the n-1 denominator):\n");
        b.append("  mean over all samples: ").append(Summary.text(all.mean(), 4)).append(" %\n");
        b.append(String.format(Locale.ROOT, "  mean over the %d folds of the fold means: %s %%%n", folds.size(),
                Summary.text(mean.mean(), 4)));
        b.append("  SD across samples, pooled over all folds: ").append(Summary.text(all.sd(), 4))
                .append(" percentage points\n");
        String which = sd.undefined() == 0 ? "the " + folds.size() + " folds"
                : sd.count() + " of " + folds.size() + " folds";
        b.append(String.format(Locale.ROOT, "  SD across samples, mean over %s: %s percentage points (the paper's"
                + " metric%s)%n", which, Summary.text(sd.mean(), 4), overFolds(sd)));
        return b.append(perFold) + firingRates(pooled);
    }

    /** Empty when every fold defines the statistic; otherwise e.g. "; 1 fold with one sample has no SD". */
    private static String overFolds(Summary acrossFolds) {
        if (acrossFolds.undefined() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; %d %s with one sample %s no SD", acrossFolds.undefined(),
                acrossFolds.undefined() == 1 ? "fold" : "folds", acrossFolds.undefined() == 1 ? "has" : "have");
    }

    /**
     * The threshold panels' numbers: {@link FeatureThresholds#LIST_HEADER}, then per feature its compact form
     * (the column input from which each neuron fires, in neuron order, {@code Infinity} = never), which
     * {@link FeatureThresholds#parse} reads back from the whole text; empty when there are no thresholds.
     */
    public static String thresholdsText(List<FeatureThresholds> thresholds) {
        if (thresholds.isEmpty()) {
            return "";
        }
        return FeatureThresholds.LIST_HEADER + "\n" + FeatureThresholds.format(thresholds);
    }

    /**
     * The numbers behind the image of one set of samples: layer size, utilization mean and SD (n − 1, undefined
     * for one sample; the population SD too), and the fraction of samples in which each unit fired.
     */
    public static String text(PhaseRaster raster, String title) {
        Summary s = raster.utilization();
        StringBuilder b = new StringBuilder();
        b.append("HetQuant diagnostics — ").append(title).append('\n');
        b.append(String.format(Locale.ROOT, "samples: %d, units: %d%n", raster.samples(), raster.units()));
        b.append("utilization (% of units that fired in a sample):\n");
        b.append("  mean: ").append(Summary.text(s.mean(), 4)).append(" %\n");
        b.append("  SD across samples (n-1): ").append(s.sd().isPresent()
                ? Summary.text(s.sd(), 4) + " percentage points" : Summary.UNDEFINED + " (one sample)").append('\n');
        b.append("  SD across samples (n): ").append(Summary.text(s.populationSd(), 4)).append(" percentage points\n");
        return b + firingRates(raster);
    }

    /** The fraction of samples in which each unit fired, one line per unit. */
    private static String firingRates(PhaseRaster raster) {
        StringBuilder b = new StringBuilder("unit firing rate (% of samples):\n");
        for (int u = 0; u < raster.units(); u++) {
            int fired = 0;
            for (int r = 0; r < raster.samples(); r++) {
                if (raster.phase(r, u) != 0) {
                    fired++;
                }
            }
            b.append(String.format(Locale.ROOT, "  %s\t%.2f%n", raster.unitName(u), 100.0 * fired / raster.samples()));
        }
        return b.toString();
    }
}
