package org.hetquant.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        BufferedImage img = roundTrip(DiagnosticCharts.render(
                DiagnosticCharts.utilizationHistogram(perSample, 10, "u"), 500, 300), "utilization.png");
        assertEquals(500, img.getWidth());
        assertTrue(contains(img, new Color(0x3B, 0x6E, 0xA8)), "no histogram bars drawn");
        assertTrue(contains(img, Color.RED), "no mean line drawn");
        assertEquals("mean = 56.25 %, SD = 31.46", DiagnosticCharts.summaryLabel(
                org.hetquant.engine.Utilization.summarize(perSample)));
        assertThrows(IllegalArgumentException.class, () -> DiagnosticCharts.utilizationHistogram(perSample, 0, "u"));
    }

    @Test
    void reportStacksRasterUtilizationAndOneThresholdPanelPerFeature() throws IOException {
        PhaseRaster raster = randomRaster(30, 8, 2);
        double[] values = new Random(3).doubles(200, 0, 1).toArray();
        FeatureThresholds t = new FeatureThresholds("sensor0", new double[] {0.2, 0.4, 0.6, Double.POSITIVE_INFINITY});
        BufferedImage img = roundTrip(DiagnosticsReport.image(raster, "test", List.of(t),
                Map.of("sensor0", values), 400, 300), "report.png");
        assertEquals(400, img.getWidth());
        assertEquals(300 + 200 + 200, img.getHeight());
        assertTrue(nonWhite(img.getSubimage(0, 500, 400, 200)) > 400 * 200 / 20, "threshold panel looks blank");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DiagnosticsReport.image(raster, "x", List.of(t), Map.of(), 400, 300));
        assertTrue(unknown.getMessage().contains("sensor0"), unknown.getMessage());
    }

    @Test
    void textHasTheExactNumbers() {
        PhaseRaster r = new PhaseRaster(new String[] {"a_n00", "a_n01"}, new int[][] {{0, 3}, {4, 5}});
        String text = DiagnosticsReport.text(r, "t");
        assertTrue(text.contains("utilization mean: 75.0000 %"), text);
        // 50 and 100 %: SD (n−1) = sqrt(2 × 25² / 1).
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "utilization SD (n-1): %.4f", Math.sqrt(1250.0))), text);
        assertTrue(text.contains("a_n00\t50.00"), text);
    }
}
