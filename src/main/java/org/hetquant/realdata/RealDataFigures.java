package org.hetquant.realdata;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/** PNG bar charts of a real-data run (JFreeChart, as the reproduce command's figures). */
final class RealDataFigures {

    private static final Color[] PALETTE = {
        new Color(0x99, 0x99, 0x99), new Color(0x55, 0x55, 0x55), new Color(0xff, 0x7f, 0x0e),
        new Color(0x8c, 0x56, 0x4b), new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28),
        new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0x17, 0xbe, 0xcf)};

    private RealDataFigures() {}

    /** Writes the figures into {@code dir}; returns their paths. */
    static List<Path> write(Results results, List<Experiment.Variant> variants, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        files.add(concentration(results, dir.resolve("real-data-concentration.png")));
        files.add(utilization(results, dir.resolve("real-data-utilization.png")));
        files.add(drift(results, dir.resolve("real-data-drift.png")));
        files.add(defaults(results, variants, dir.resolve("real-data-defaults.png")));
        return files;
    }

    private static String group(GasDrift.FeatureSet set, Experiment.Learner learner) {
        return set.label + ", " + learner.label;
    }

    private static Path concentration(Results results, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Experiment.Row row : Experiment.Row.values()) {
            for (GasDrift.FeatureSet set : GasDrift.FeatureSet.values()) {
                for (Experiment.Learner learner : Experiment.Learner.values()) {
                    data.addValue(results.concentrationMean(set, row.name(), learner, Experiment.Result::accuracy),
                            row.label, group(set, learner));
                }
            }
        }
        return save(bars("Concentration splits: accuracy, mean over the 6 splits", "accuracy (%)", data, 100), file);
    }

    private static Path utilization(Results results, Path file) throws IOException {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Experiment.Row row : Experiment.Row.values()) {
            if (!row.hetQuant()) {
                continue;
            }
            for (GasDrift.FeatureSet set : GasDrift.FeatureSet.values()) {
                data.add(results.concentrationMean(set, row.name(), Experiment.Learner.SMO,
                                Experiment.Result::utilizationMean),
                        results.concentrationMean(set, row.name(), Experiment.Learner.SMO,
                                Experiment.Result::utilizationSd),
                        row.label, set.label);
            }
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        CategoryPlot plot = plot(data, renderer, "mean utilization of the test rows (%), bar = ±1 SD across rows", 100);
        for (double band : new double[] {35, 55}) {
            ValueMarker m = new ValueMarker(band, new Color(0x2c, 0xa0, 0x2c), new BasicStroke(1.4f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        colour(renderer, 3, 3);
        return save(chart("Utilization with default options, concentration splits (dashed: 35-55 %)", plot), file);
    }

    private static Path drift(Results results, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String drift = results.driftSplit().key();
        for (Experiment.Row row : Experiment.Row.values()) {
            for (GasDrift.FeatureSet set : GasDrift.FeatureSet.values()) {
                for (Experiment.Learner learner : Experiment.Learner.values()) {
                    data.addValue(results.get(set, drift, row.name(), learner).accuracy(), row.label,
                            group(set, learner));
                }
            }
        }
        for (Experiment.Row row : List.of(Experiment.Row.STANDARDIZE, Experiment.Row.UNIFORM,
                Experiment.Row.CALIBRATED)) {
            for (GasDrift.FeatureSet set : GasDrift.FeatureSet.values()) {
                for (Experiment.Learner learner : Experiment.Learner.values()) {
                    data.addValue(results.get(set, drift, "deployment:" + row.name(), learner).accuracy(),
                            row.label + ", re-fitted on batch 2", group(set, learner));
                }
            }
        }
        return save(bars("Drift: train on batch 1, test on batch 2", "accuracy (%)", data, 100), file);
    }

    private static Path defaults(Results results, List<Experiment.Variant> variants, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Experiment.Variant v : variants) {
            for (GasDrift.FeatureSet set : GasDrift.FeatureSet.values()) {
                double sum = 0;
                for (Experiment.Learner learner : Experiment.Learner.values()) {
                    sum += results.concentrationMean(set, RealDataReport.rowOf(v), learner,
                            Experiment.Result::accuracy);
                }
                data.addValue(sum / Experiment.Learner.values().length, v.key(), set.label);
            }
        }
        return save(bars("Choosing the defaults: HetQuant uniform, concentration splits, mean of SMO and"
                + " RandomForest", "accuracy (%)", data, 100), file);
    }

    private static JFreeChart bars(String title, String yLabel, DefaultCategoryDataset data, double max) {
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = plot(data, renderer, yLabel, max);
        colour(renderer, data.getRowCount(), 0);
        return chart(title, plot);
    }

    private static CategoryPlot plot(org.jfree.data.category.CategoryDataset data, BarRenderer renderer,
            String yLabel, double max) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        CategoryAxis x = new CategoryAxis();
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setMaximumCategoryLabelLines(2);
        NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, max);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static void colour(BarRenderer renderer, int series, int offset) {
        for (int s = 0; s < series; s++) {
            renderer.setSeriesPaint(s, PALETTE[(s + offset) % PALETTE.length]);
        }
    }

    private static JFreeChart chart(String title, CategoryPlot plot) {
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static Path save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 560);
        return file;
    }
}
