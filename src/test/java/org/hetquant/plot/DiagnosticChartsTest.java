package org.hetquant.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/** Renders each chart headless to PNG under target/ and checks what can be checked without eyes. */
class DiagnosticChartsTest {

    private static final Path OUT = Path.of("target", "diagnostics-test");

    private static PhaseRaster randomRaster(int samples, int units, long seed) {
        Random rnd = new Random(seed);
        String[] names = new String[units];
        for (int u = 0; u < units; u++) {
            names[u] = String.format("sensor%d_n%02d", u / 4, u % 4);
        }
        int[][] p = new int[samples][units];
        for (int s = 0; s < samples; s++) {
            for (int u = 0; u < units; u++) {
                p[s][u] = rnd.nextInt(3) == 0 ? 0 : 2 + rnd.nextInt(16);
            }
        }
        return new PhaseRaster(names, p);
    }

    private static BufferedImage roundTrip(BufferedImage img, String name) throws IOException {
        Files.createDirectories(OUT);
        File f = OUT.resolve(name).toFile();
        assertTrue(ImageIO.write(img, "png", f));
        return ImageIO.read(f);
    }

    private static long nonWhite(BufferedImage img) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean contains(BufferedImage img, Color c) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void rasterShowsEachPhaseColourAndLeavesSilenceWhite() throws IOException {
        PhaseRaster raster = randomRaster(40, 16, 1);
        BufferedImage img = roundTrip(DiagnosticCharts.render(DiagnosticCharts.spikeRaster(raster, "test"), 600, 400),
                "raster.png");
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        DiagnosticCharts.PhaseScale scale = new DiagnosticCharts.PhaseScale(raster.maxPhase());
        // The strongest (2) and the weakest (17) paper-encoded phases are both drawn, in different colours.
        assertTrue(contains(img, (Color) scale.getPaint(2)));
        assertTrue(contains(img, (Color) scale.getPaint(17)));
        assertTrue(!scale.getPaint(2).equals(scale.getPaint(17)));
        assertEquals(Color.WHITE, scale.getPaint(0));
        assertTrue(nonWhite(img) > 600 * 400 / 10, "raster looks blank");
    }

    @Test
    void utilizationHistogramCarriesMeanAndSd() throws IOException {
        double[] perSample = {25, 50, 100, 50};
        JFreeChart chart = DiagnosticCharts.utilizationHistogram(perSample, 10, "u");
        BufferedImage img = roundTrip(DiagnosticCharts.render(chart, 500, 300), "utilization.png");
        assertEquals(500, img.getWidth());
        assertTrue(contains(img, new Color(0x3B, 0x6E, 0xA8)), "no histogram bars drawn");
        assertTrue(contains(img, Color.RED), "no mean line drawn");
        // 25, 50, 100, 50 %: mean 56.25, SD (n − 1) sqrt((31.25² + 6.25² · 2 + 43.75²) / 3) = 31.46.
        assertEquals("SD across samples: 31.46 percentage points", subtitles(chart).get(0));
        assertTrue(legend(chart).contains("mean 56.25 %"), legend(chart).toString());
        assertThrows(IllegalArgumentException.class, () -> DiagnosticCharts.utilizationHistogram(perSample, 0, "u"));
    }

    /** The numbers sit in the legend and subtitles, outside the plot: no label or annotation over the bars. */
    @Test
    void nothingIsWrittenOverTheBars() {
        JFreeChart chart = DiagnosticCharts.utilizationHistogram(List.of(new double[] {50, 50, 50, 50},
                new double[] {50, 50, 55}), 20, "u");
        XYPlot plot = chart.getXYPlot();
        assertTrue(plot.getAnnotations().isEmpty());
        for (Layer layer : new Layer[] {Layer.FOREGROUND, Layer.BACKGROUND}) {
            if (plot.getDomainMarkers(layer) != null) {
                for (Object m : plot.getDomainMarkers(layer)) {
                    assertNull(((Marker) m).getLabel(), "a marker label would cover the bars");
                }
            }
        }
    }

    /** Folds: the pooled SD and the mean over folds of the fold SDs, both named, with units. */
    @Test
    void foldsShowThePooledSdAndTheMeanOfFoldSds() {
        // Fold 1: 25, 50 (SD 17.68); fold 2: 100, 50 (SD 35.36); pooled 25, 50, 100, 50 (SD 31.46).
        JFreeChart chart = DiagnosticCharts.utilizationHistogram(List.of(new double[] {25, 50},
                new double[] {100, 50}), 20, "u");
        assertEquals("SD across samples: 31.46 percentage points pooled, 26.52 mean over the 2 folds"
                + " (the paper's metric)", subtitles(chart).get(0));
    }

    @Test
    void thresholdPanelsHaveALegendAndANeuronColourBar() {
        FeatureThresholds t = new FeatureThresholds("sensor0", new double[] {0.6, 0.4, 0.2, Double.POSITIVE_INFINITY});
        JFreeChart chart = DiagnosticCharts.thresholdsOverHistogram(t, new double[] {0.1, 0.3, 0.5}, 10);
        List<String> legend = legend(chart);
        assertEquals(2, legend.size(), legend.toString());
        assertTrue(legend.get(0).contains("samples") && legend.get(1).contains("threshold"), legend.toString());
        PaintScaleLegend neurons = null;
        for (Object title : chart.getSubtitles()) {
            if (title instanceof PaintScaleLegend p) {
                neurons = p;
            }
        }
        assertNotNull(neurons, "no neuron colour bar");
        assertEquals("neuron", neurons.getAxis().getLabel());
        assertEquals(-0.5, neurons.getAxis().getLowerBound());
        assertEquals(3.5, neurons.getAxis().getUpperBound());
        assertTrue(subtitles(chart).get(0).contains("1 never fire"), subtitles(chart).toString());
    }

    private static List<String> subtitles(JFreeChart chart) {
        List<String> out = new java.util.ArrayList<>();
        for (Object title : chart.getSubtitles()) {
            if (title instanceof TextTitle t) {
                out.add(t.getText());
            }
        }
        return out;
    }

    private static List<String> legend(JFreeChart chart) {
        List<String> out = new java.util.ArrayList<>();
        LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }

    @Test
    void reportStacksRasterUtilizationAndOneThresholdPanelPerFeature() throws IOException {
        PhaseRaster raster = randomRaster(30, 8, 2);
        double[] values = new Random(3).doubles(200, 0, 1).toArray();
        FeatureThresholds t = new FeatureThresholds("sensor0", new double[] {0.2, 0.4, 0.6, Double.POSITIVE_INFINITY});
        BufferedImage img = roundTrip(DiagnosticsReport.image(raster, "test", List.of(t),
                Map.of("sensor0", values), 400, 300), "report.png");
        assertEquals(400, img.getWidth());
        assertEquals(300 + DiagnosticsReport.histogramHeight(300) + DiagnosticsReport.thresholdPanelHeight(300),
                img.getHeight());
        assertEquals(200, DiagnosticsReport.thresholdPanelHeight(300));
        assertTrue(nonWhite(img.getSubimage(0, 500, 400, 200)) > 400 * 200 / 20, "threshold panel looks blank");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DiagnosticsReport.image(raster, "x", List.of(t), Map.of(), 400, 300));
        assertTrue(unknown.getMessage().contains("sensor0"), unknown.getMessage());
    }

    @Test
    void textHasTheExactNumbers() {
        PhaseRaster r = new PhaseRaster(new String[] {"a_n00", "a_n01"}, new int[][] {{0, 3}, {4, 5}});
        String text = DiagnosticsReport.text(r, "t");
        assertTrue(text.contains("  mean: 75.0000 %"), text);
        // 50 and 100 %: SD (n−1) = sqrt(2 × 25² / 1).
        assertTrue(text.contains(String.format(java.util.Locale.ROOT,
                "SD across samples (n-1): %.4f percentage points", Math.sqrt(1250.0))), text);
        assertTrue(text.contains("a_n00\t50.00"), text);
    }
}
