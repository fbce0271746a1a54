package org.hetquant.reproduce;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG figures of a reproduction: ours (solid) and published (dashed) against n, one colour per condition.
 */
final class Figures {

    private static final Map<Condition, Color> COLOURS = Map.of(
            Condition.HOMOGENEOUS, new Color(0x55, 0x55, 0x55),
            Condition.UNIFORM, new Color(0x1f, 0x77, 0xb4),
            Condition.SCALED, new Color(0x2c, 0xa0, 0x2c),
            Condition.ADAPTIVE, new Color(0xd6, 0x27, 0x28));

    private Figures() {}

    /**
     * Writes the figures and returns their file names relative to {@code dir}'s parent report folder.
     *
     * @param grid our cells
     * @param published the published values
     * @param meanSessions the sessions averaged for the mean-utilization figure
     * @param dir the folder for the PNGs (created if needed)
     */
    static List<Path> write(Grid grid, PublishedResults published, List<String> meanSessions, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (String layer : Acceptance.layers(grid)) {
            Metric[] m = Metric.of(layer);
            // The MC figures keep their names from before the GC layer was reproduced.
            String prefix = layer.equals("MC") ? "" : "gc-";
            for (String session : grid.sessions()) {
                String slug = session.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
                files.add(chart(dir.resolve(prefix + "utilization-sd-" + slug + ".png"),
                        layer + " utilization SD across test samples, " + session, "SD (percentage points)",
                        m[0], grid, published, List.of(session), grid.publishedSession(session)));
                files.add(chart(dir.resolve(prefix + "accuracy-" + slug + ".png"),
                        "Few-shot SVM accuracy on " + layer + " phases, " + session, "accuracy (%)",
                        m[2], grid, published, List.of(session), grid.publishedSession(session)));
            }
            if (!meanSessions.isEmpty()) {
                files.add(chart(dir.resolve(prefix + "mean-utilization.png"),
                        layer + " mean utilization, averaged over " + String.join(" and ", meanSessions),
                        "utilization (%)", m[1], grid, published, meanSessions, PublishedResults.MEAN_SESSION));
            }
        }
        return files;
    }

    private static Path chart(Path file, String title, String yLabel, Metric metric, Grid grid,
            PublishedResults published, List<String> sessions, String publishedSession) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int series = 0;
        for (Condition c : Condition.values()) {
            XYSeries ours = new XYSeries(c.label() + " (ours)");
            XYSeries pub = new XYSeries(c.label() + " (published)");
            for (int n : Reproduction.DUPLICATIONS) {
                ours.add(n, grid.meanOverSessions(sessions, c, n, metric));
                Optional<PublishedResults.Value> p = published.get(metric, publishedSession, c, n);
                p.ifPresent(v -> pub.add(n, v.value()));
            }
            data.addSeries(ours);
            renderer.setSeriesPaint(series, COLOURS.get(c));
            renderer.setSeriesStroke(series, new BasicStroke(2.2f));
            series++;
            if (pub.getItemCount() > 0) {
                data.addSeries(pub);
                renderer.setSeriesPaint(series, COLOURS.get(c));
                renderer.setSeriesStroke(series, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                        10f, new float[] {6f, 4f}, 0f));
                renderer.setSeriesShapesFilled(series, false);
                series++;
            }
        }
        LogAxis x = new LogAxis("duplication n (MC per feature)");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        x.setRange(3.4, 38);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 820, 520);
        return file;
    }
}
