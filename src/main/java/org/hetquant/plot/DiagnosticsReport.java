package org.hetquant.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.hetquant.engine.Summary;

/**
 * Everything the diagnostics node shows for one set of samples: the spike raster, the utilization histogram and,
 * when thresholds are known, one threshold panel per calibrated feature — as one stacked image, and the numbers
 * as text.
 */
public final class DiagnosticsReport {

    private DiagnosticsReport() {}

    /**
     * The stacked image: raster, utilization histogram, then one panel per entry of {@code thresholds} whose
     * feature has data in {@code featureValues}.
     *
     * @param raster the layer's phases
     * @param title what the samples are, e.g. "Saturation, test fold 3"
     * @param thresholds neuron thresholds of calibrated features (may be empty)
     * @param featureValues each feature's column-input values by name (may be empty)
     * @param width panel width in pixels, ≥ 50
     * @param height panel height in pixels, ≥ 50
     * @throws IllegalArgumentException if a threshold's feature has no values in {@code featureValues}
     */
    public static BufferedImage image(PhaseRaster raster, String title, List<FeatureThresholds> thresholds,
            Map<String, double[]> featureValues, int width, int height) {
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(DiagnosticCharts.render(DiagnosticCharts.spikeRaster(raster, "Spike raster — " + title),
                width, height));
        panels.add(DiagnosticCharts.render(DiagnosticCharts.utilizationHistogram(raster.utilizationPerSample(),
                DiagnosticCharts.DEFAULT_BINS, "Utilization across samples — " + title), width, height * 2 / 3));
        for (FeatureThresholds t : thresholds) {
            double[] values = featureValues.get(t.feature());
            if (values == null) {
                throw new IllegalArgumentException("thresholds name feature '" + t.feature()
                        + "' but the data has no attribute of that name; available: " + featureValues.keySet());
            }
            panels.add(DiagnosticCharts.render(
                    DiagnosticCharts.thresholdsOverHistogram(t, values, DiagnosticCharts.DEFAULT_BINS), width,
                    height * 2 / 3));
        }
        return DiagnosticCharts.stack(panels);
    }

    /**
     * The numbers of a cross-validation's folds: each fold's utilization mean and SD (n − 1), the mean over folds
     * of those SDs — the paper's utilization-SD metric (the SD across a fold's test samples, averaged over
     * folds) — then {@link #text} of all folds pooled. A fold with a single sample has an undefined SD: it is
     * shown as undefined and left out of the mean over folds, whose line says how many folds it is over.
     *
     * @param folds one raster per fold, in fold order, over the same units
     */
    public static String foldText(List<PhaseRaster> folds, String title) {
        StringBuilder b = new StringBuilder();
        List<OptionalDouble> sds = new ArrayList<>();
        List<OptionalDouble> means = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            Summary s = folds.get(f).utilization();
            sds.add(s.sd());
            means.add(s.mean());
            b.append(String.format(Locale.ROOT, "fold %d: %d %s, utilization mean %s %%, SD (n-1) %s%n", f + 1,
                    s.count(), s.count() == 1 ? "sample" : "samples", Summary.text(s.mean(), 4),
                    Summary.text(s.sd(), 4)));
        }
        Summary sd = Summary.ofDefined(sds);
        Summary mean = Summary.ofDefined(means);
        String head = String.format(Locale.ROOT, "HetQuant diagnostics — %s, %d folds%n"
                + "mean over folds of the utilization SD (n-1): %s%s%n"
                + "mean over folds of the utilization mean: %s %%%n", title, folds.size(),
                Summary.text(sd.mean(), 4), overFolds(sd), Summary.text(mean.mean(), 4));
        return head + b + "\npooled over folds:\n" + text(PhaseRaster.concat(folds), title);
    }

    /**
     * Empty when every fold defines the statistic; otherwise e.g. " (over 7 of 8 folds; 1 fold with one sample
     * has no SD)".
     */
    private static String overFolds(Summary acrossFolds) {
        if (acrossFolds.undefined() == 0) {
            return "";
        }
        int folds = acrossFolds.count() + acrossFolds.undefined();
        return String.format(Locale.ROOT, " (over %d of %d folds; %d %s with one sample %s no SD)",
                acrossFolds.count(), folds, acrossFolds.undefined(), acrossFolds.undefined() == 1 ? "fold" : "folds",
                acrossFolds.undefined() == 1 ? "has" : "have");
    }

    /**
     * The threshold panels' numbers: per feature, the column input from which each neuron fires, in neuron order
     * ({@code Infinity} = never); empty when there are no thresholds.
     */
    public static String thresholdsText(List<FeatureThresholds> thresholds) {
        if (thresholds.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("neuron thresholds (column input from which each neuron fires):\n");
        for (FeatureThresholds t : thresholds) {
            b.append("  ").append(t.feature()).append(':');
            for (double v : t.thresholds()) {
                b.append(String.format(Locale.ROOT, " %.6g", v));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * The numbers behind the image: layer size, utilization mean and SD (n − 1, "undefined" for one sample; the
     * population SD too), and the fraction of samples in which each unit fired.
     */
    public static String text(PhaseRaster raster, String title) {
        Summary s = raster.utilization();
        StringBuilder b = new StringBuilder();
        b.append("HetQuant diagnostics — ").append(title).append('\n');
        b.append(String.format(Locale.ROOT, "samples: %d, units: %d%n", raster.samples(), raster.units()));
        b.append("utilization mean: ").append(Summary.text(s.mean(), 4)).append(" %\n");
        b.append("utilization SD (n-1): ").append(Summary.text(s.sd(), 4))
                .append(s.sd().isPresent() ? "" : " (one sample)").append('\n');
        b.append("utilization SD (n): ").append(Summary.text(s.populationSd(), 4)).append('\n');
        b.append("unit firing rate (% of samples):\n");
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
