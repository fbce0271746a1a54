package org.hetquant.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hetquant.engine.Utilization;

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
     * folds) — then {@link #text} of all folds pooled.
     *
     * @param folds one raster per fold, in fold order, over the same units
     */
    public static String foldText(List<PhaseRaster> folds, String title) {
        StringBuilder b = new StringBuilder();
        double sumSd = 0;
        double sumMean = 0;
        for (int f = 0; f < folds.size(); f++) {
            Utilization.Summary s = folds.get(f).utilization();
            sumSd += s.sd();
            sumMean += s.mean();
            b.append(String.format(Locale.ROOT, "fold %d: %d samples, utilization mean %.4f %%, SD (n-1) %.4f%n",
                    f + 1, s.samples(), s.mean(), s.sd()));
        }
        String head = String.format(Locale.ROOT, "HetQuant diagnostics — %s, %d folds%n"
                + "mean over folds of the utilization SD (n-1): %.4f%n"
                + "mean over folds of the utilization mean: %.4f %%%n", title, folds.size(),
                sumSd / folds.size(), sumMean / folds.size());
        return head + b + "\npooled over folds:\n" + text(PhaseRaster.concat(folds), title);
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
     * The numbers behind the image: layer size, utilization mean and SD (n − 1; the population SD too), and the
     * fraction of samples in which each unit fired.
     */
    public static String text(PhaseRaster raster, String title) {
        Utilization.Summary s = raster.utilization();
        StringBuilder b = new StringBuilder();
        b.append("HetQuant diagnostics — ").append(title).append('\n');
        b.append(String.format(Locale.ROOT, "samples: %d, units: %d%n", raster.samples(), raster.units()));
        b.append(String.format(Locale.ROOT, "utilization mean: %.4f %%%n", s.mean()));
        b.append(String.format(Locale.ROOT, "utilization SD (n-1): %.4f%n", s.sd()));
        b.append(String.format(Locale.ROOT, "utilization SD (n): %.4f%n", s.populationSd()));
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
