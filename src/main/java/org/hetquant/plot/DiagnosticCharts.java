package org.hetquant.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Builds the diagnostics charts of a spiking layer with JFreeChart: the spike raster, the utilization histogram
 * and a calibrated feature's neuron thresholds over its data histogram. Pure functions of their inputs; they
 * work headless (no display needed to render).
 */
public final class DiagnosticCharts {

    /** Number of histogram bins used when the caller does not choose. */
    public static final int DEFAULT_BINS = 20;

    private DiagnosticCharts() {}

    /**
     * The spike raster: units along x, samples along y, each firing cell coloured by its phase code; silent cells
     * stay white.
     *
     * @param raster the layer's phases
     * @param title chart title
     */
    public static JFreeChart spikeRaster(PhaseRaster raster, String title) {
        int n = raster.samples() * raster.units();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        int i = 0;
        for (int s = 0; s < raster.samples(); s++) {
            for (int u = 0; u < raster.units(); u++) {
                x[i] = u;
                y[i] = s;
                z[i] = raster.phase(s, u);
                i++;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("phase", new double[][] {x, y, z});

        PhaseScale scale = new PhaseScale(Math.max(1, raster.maxPhase()));
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis unitAxis = new NumberAxis("unit (" + raster.unitName(0) + " … "
                + raster.unitName(raster.units() - 1) + ")");
        unitAxis.setRange(-0.5, raster.units() - 0.5);
        unitAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis sampleAxis = new NumberAxis("sample");
        sampleAxis.setRange(-0.5, raster.samples() - 0.5);
        sampleAxis.setInverted(true);
        sampleAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, unitAxis, sampleAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("phase code (0 = silent)");
        legendAxis.setRange(0, scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Histogram of per-sample utilization, the mean as a vertical line, and the SD (n − 1) of the samples'
     * utilization in the legend below the plot, where it covers no bar: for several folds both the SD pooled over
     * all samples and the mean over folds of each fold's SD (the paper's metric), in percentage points
     * ({@link #sdLine}).
     *
     * @param folds each fold's per-sample utilization, in %, at least one fold of at least one sample; a single
     *     entry is a data set without folds
     * @param bins number of bins, ≥ 1
     * @param title chart title
     * @throws IllegalArgumentException if {@code bins} < 1 or there is no sample
     */
    public static JFreeChart utilizationHistogram(List<double[]> folds, int bins, String title) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (folds.isEmpty()) {
            throw new IllegalArgumentException("at least one fold of samples is required");
        }
        double[] pooled = folds.stream().flatMapToDouble(Arrays::stream).toArray();
        Summary summary = Utilization.summarize(pooled);
        double mean = summary.mean().orElseThrow(() -> new IllegalArgumentException("no sample to plot"));
        HistogramDataset data = new HistogramDataset();
        // Fixed 0–100 % range, so charts of different conditions compare at a glance.
        data.addSeries("utilization", pooled, bins, 0.0, 100.0);
        NumberAxis xAxis = new NumberAxis("utilization (% of units that fired in a sample)");
        xAxis.setRange(0.0, 100.0);
        Color bars = new Color(0x3B, 0x6E, 0xA8);
        XYPlot plot = histogramPlot(data, xAxis, bars);
        // The mean is a line without a label: the numbers are in the legend, outside the bars.
        plot.addDomainMarker(new ValueMarker(mean, Color.RED, new BasicStroke(2f)));
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(box(String.format(Locale.ROOT, "samples per %.0f-point bin (%,d samples)", 100.0 / bins,
                summary.count()), bars));
        legend.add(line(String.format(Locale.ROOT, "mean %.2f %%", mean), Color.RED));
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(sdLine(folds), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** {@link #utilizationHistogram(List, int, String)} of one set of samples (no folds). */
    public static JFreeChart utilizationHistogram(double[] perSample, int bins, String title) {
        return utilizationHistogram(List.of(perSample), bins, title);
    }

    /**
     * The utilization SD (n − 1) across samples in percentage points: pooled over all samples and, for several
     * folds, also the mean over folds of each fold's SD (the paper's metric), e.g. "SD across samples: 23.85
     * percentage points pooled, 23.88 mean over the 10 folds (the paper's metric)". An SD of one sample is
     * undefined ({@link Summary}): shown as such, and a fold with one sample is left out of the mean over folds,
     * which then says over how many folds it is.
     *
     * @param folds each fold's per-sample utilization, in %; one entry = no folds
     */
    public static String sdLine(List<double[]> folds) {
        Summary pooled = Utilization.summarize(folds.stream().flatMapToDouble(Arrays::stream).toArray());
        if (folds.size() == 1) {
            return "SD across samples: " + Summary.text(pooled.sd(), 2)
                    + (pooled.sd().isPresent() ? " percentage points" : " (one sample)");
        }
        List<OptionalDouble> sds = folds.stream().map(f -> Utilization.summarize(f).sd()).toList();
        Summary overFolds = Summary.ofDefined(sds);
        String which = overFolds.undefined() == 0 ? "the " + folds.size() + " folds"
                : overFolds.count() + " of " + folds.size() + " folds";
        return "SD across samples: " + Summary.text(pooled.sd(), 2) + " percentage points pooled, "
                + Summary.text(overFolds.mean(), 2) + " mean over " + which + " (the paper's metric)";
    }

    /**
     * One feature's data histogram with a vertical line at each neuron's threshold, coloured by neuron (a colour
     * bar names the neurons; neurons that never fire are counted in the subtitle), and a legend saying what the
     * bars and the lines are.
     *
     * @param thresholds the feature's neuron thresholds, neuron 0 (lowest gain) first
     * @param values the feature's values (missing values as NaN are skipped), at least one finite value
     * @param bins number of bins, ≥ 1
     * @throws IllegalArgumentException if there is no finite value or {@code bins} < 1
     */
    public static JFreeChart thresholdsOverHistogram(FeatureThresholds thresholds, double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            throw new IllegalArgumentException("feature " + thresholds.feature() + " has no finite value to plot");
        }
        double[] t = thresholds.thresholds();
        double dataMin = Arrays.stream(finite).min().getAsDouble();
        double dataMax = Arrays.stream(finite).max().getAsDouble();
        double lo = dataMin;
        double hi = dataMax;
        int silent = 0;
        for (double v : t) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            } else {
                silent++;
            }
        }
        if (hi <= lo) {
            hi = lo + 1.0;
        }
        HistogramDataset data = new HistogramDataset();
        // A constant feature still gets one visible bar.
        data.addSeries(thresholds.feature(), finite, bins, dataMin, Math.max(dataMax, dataMin + 1e-12));
        NumberAxis xAxis = new NumberAxis(thresholds.feature() + " (the column's input)");
        double pad = 0.03 * (hi - lo);
        xAxis.setRange(lo - pad, hi + pad);
        Color bars = new Color(0x9A, 0xA5, 0xB1);
        XYPlot plot = histogramPlot(data, xAxis, bars);
        NeuronScale colours = new NeuronScale(t.length);
        for (int k = 0; k < t.length; k++) {
            if (Double.isFinite(t[k])) {
                plot.addDomainMarker(new ValueMarker(t[k], colours.getPaint(k), new BasicStroke(1.5f)));
            }
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(box("samples per bin of " + thresholds.feature(), bars));
        legend.add(line("a neuron's threshold: the input from which it fires (colour: neuron, right)",
                Color.DARK_GRAY));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Neuron thresholds of " + thresholds.feature(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle(t.length + " neurons" + (silent > 0 ? ", " + silent + " never fire" : "")
                + "; neuron 0 has the lowest gain, so the highest threshold"));
        if (t.length > 1) {
            NumberAxis neuronAxis = new NumberAxis("neuron");
            neuronAxis.setRange(-0.5, t.length - 0.5);
            neuronAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            PaintScaleLegend neurons = new PaintScaleLegend(colours, neuronAxis);
            neurons.setPosition(RectangleEdge.RIGHT);
            neurons.setMargin(4, 4, 4, 4);
            chart.addSubtitle(neurons);
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Renders a chart to an RGB image.
     *
     * @param width pixels, ≥ 50
     * @param height pixels, ≥ 50
     */
    public static BufferedImage render(JFreeChart chart, int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("image size must be at least 50 x 50 pixels, got " + width + " x " + height);
        }
        return chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    /** Stacks panels top to bottom on a white background; the result is as wide as the widest panel. */
    public static BufferedImage stack(List<BufferedImage> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("panels must hold at least one image");
        }
        int width = panels.stream().mapToInt(BufferedImage::getWidth).max().getAsInt();
        int height = panels.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        return out;
    }

    /** White for silent (0); codes 1 … max run along a perceptually ordered blue → yellow ramp. */
    static final class PhaseScale implements PaintScale, Serializable {
        private static final long serialVersionUID = 1L;
        private static final Color[] RAMP = {
            new Color(0x44, 0x01, 0x54), new Color(0x3B, 0x52, 0x8B), new Color(0x21, 0x90, 0x8C),
            new Color(0x5D, 0xC8, 0x63), new Color(0xFD, 0xE7, 0x25)
        };
        private final int max;

        PhaseScale(int max) {
            this.max = max;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            if (!(value > 0.5)) {
                return Color.WHITE;
            }
            // The legend asks for fractional values too; clamp them onto the ramp.
            double f = max <= 1 ? 0.0
                    : Math.max(0.0, Math.min(1.0, (value - 1) / (max - 1))) * (RAMP.length - 1);
            int i = Math.min(RAMP.length - 2, (int) f);
            double w = f - i;
            Color a = RAMP[i];
            Color b = RAMP[i + 1];
            return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
        }
    }

    /** Neuron k (0 … n − 1) → its threshold line's colour: the phase ramp, k = 0 purple to n − 1 yellow. */
    static final class NeuronScale implements PaintScale, Serializable {
        private static final long serialVersionUID = 1L;
        private final PhaseScale ramp;
        private final int neurons;

        NeuronScale(int neurons) {
            this.neurons = neurons;
            this.ramp = new PhaseScale(Math.max(1, neurons));
        }

        @Override
        public double getLowerBound() {
            return -0.5;
        }

        @Override
        public double getUpperBound() {
            return neurons - 0.5;
        }

        @Override
        public Paint getPaint(double neuron) {
            return ramp.getPaint(Math.max(0, Math.min(neurons - 1, Math.round(neuron))) + 1);
        }
    }

    private static LegendItem box(String label, Color colour) {
        LegendItem item = new LegendItem(label, colour);
        item.setShape(new Rectangle2D.Double(-5, -5, 10, 10));
        return item;
    }

    private static LegendItem line(String label, Color colour) {
        LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(-5, -5, 10, 10),
                false, colour, false, colour, new BasicStroke(1f), true, new Line2D.Double(-7, 0, 7, 0),
                new BasicStroke(2f), colour);
        return item;
    }

    /** A flat-bar histogram of sample counts over the given x axis, on a white background. */
    private static XYPlot histogramPlot(HistogramDataset data, NumberAxis xAxis, Color colour) {
        NumberAxis yAxis = new NumberAxis("samples");
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYBarRenderer bars = new XYBarRenderer(0.05);
        bars.setSeriesPaint(0, colour);
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
