package weka.knowledgeflow.steps;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hetquant.engine.Summary;
import org.hetquant.plot.DiagnosticCharts;
import org.hetquant.plot.DiagnosticsReport;
import org.hetquant.plot.FeatureThresholds;
import org.hetquant.plot.PhaseRaster;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.hetquant.ColumnOnsets;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;
import weka.gui.FilePropertyMetadata;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;

/**
 * KnowledgeFlow node that shows what a HetQuant spiking layer does with a set of samples. It takes the
 * spike-phase quantizer's output (MC units are the attributes named {@code <source>_n<kk>}, 0 = silent) or the
 * granule layer's (GC units {@code gc<kkkk>}; the titles say which layer) and emits
 * an {@code image} — the spike raster, the utilization histogram with mean and SD, and, when a feature data file
 * is given, each feature's neuron thresholds over that feature's data histogram — plus the numbers as
 * {@code text}. The thresholds are pasted text, or else those of the calibrated node given as an option (a copy
 * is fitted on the feature data file, then asked for its onsets and column inputs: the algorithm stays in the
 * node). A data set gives one report; the folds of a cross-validation (numbered training or test sets) give one
 * report per source once all its folds are in, with the utilization SD pooled and averaged over folds (the
 * paper's metric).
 *
 * <p>A configuration or data error stops the flow with one clear log line, without a Java stack trace.
 */
@KFStep(name = "HetQuantDiagnostics", category = "HetQuant",
        toolTipText = "Spike raster, utilization histogram (mean, SD) and neuron thresholds of a HetQuant layer",
        iconPath = KFGUIConsts.BASE_ICON_PATH + "HetQuantDiagnostics.gif")
public class HetQuantDiagnostics extends BaseStep {

    private static final long serialVersionUID = 1L;

    /** MC units as the column nodes name them, GC units as the granule layer does. */
    static final String DEFAULT_UNIT_PATTERN = ".+_n\\d+|gc\\d+";

    /** GC units as the granule layer names them. */
    private static final Pattern GRANULE_UNIT = Pattern.compile("gc\\d+");

    private String m_unitPattern = DEFAULT_UNIT_PATTERN;
    private String m_thresholds = "";
    private File m_featureData = new File("");
    /** The calibrated node whose thresholds are drawn when a feature data file is set and no text is pasted. */
    private Filter m_calibratedNode = defaultCalibratedNode();
    private int m_width = 760;
    private int m_height = 420;

    private transient Pattern m_compiledPattern;
    private transient List<FeatureThresholds> m_parsedThresholds;
    private transient Map<String, double[]> m_featureValues;
    /** Folds received so far, by source step and connection type, until all of a cross-validation's folds are in. */
    private transient Map<String, PhaseRaster[]> m_folds;

    /**
     * A configuration or data error the log shows as its message alone: the message says what to fix, and the
     * KnowledgeFlow would otherwise append a Java stack trace that tells a user nothing more.
     */
    static final class StepError extends WekaException {
        private static final long serialVersionUID = 1L;

        StepError(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The default calibrated node: the composite node calibrating its column, with the paper's settings. */
    private static Filter defaultCalibratedNode() {
        HetQuantPipeline node = new HetQuantPipeline();
        node.setCalibrate(true);
        return node;
    }

    /** The description shown by the KnowledgeFlow's step editor (its first sentence as the summary). */
    @Override
    public String globalInfo() {
        return "Charts a HetQuant layer: spike raster, utilization histogram with its SD, neuron thresholds."
                + " Connect the spike-phase quantizer's or the granule layer's output (a data set, or the training"
                + " or test sets of a cross-validation: the folds are pooled into one report with the SD averaged"
                + " over folds, the paper's metric) and send the image to an ImageViewer or ImageSaver and the"
                + " numbers to a TextViewer or TextSaver. Give a feature data file to add, for each feature, the"
                + " input values at which its neurons start to fire over the histogram of its data.";
    }

    @OptionMetadata(displayName = "Unit attributes (regular expression)",
            description = "Which attributes are the layer's neurons: a regular expression their names must match."
                    + " The default, .+_n\\d+|gc\\d+, takes every name that ends in _n and a number, as the HetQuant"
                    + " nodes name a column's neurons (sensor3_n05), and the granule layer's GCs (gc0042); the class"
                    + " and non-numeric attributes are never units.",
            displayOrder = 1)
    public void setUnitPattern(String pattern) {
        m_unitPattern = pattern;
    }

    public String getUnitPattern() {
        return m_unitPattern;
    }

    @OptionMetadata(displayName = "Feature data file",
            description = "<html>Data set (ARFF/CSV) for the threshold panels, or empty for no threshold panels."
                    + "<br>With the calibrated node: the data it is fitted on (raw values for HetQuantPipeline);"
                    + "<br>with pasted thresholds: the column inputs they name. Environment variables are allowed."
                    + "</html>", displayOrder = 2)
    @FilePropertyMetadata(fileChooserDialogType = KFGUIConsts.OPEN_DIALOG, directoriesOnly = false)
    public void setFeatureData(File file) {
        m_featureData = file;
    }

    public File getFeatureData() {
        return m_featureData;
    }

    @OptionMetadata(displayName = "Calibrated node",
            description = "<html>The node whose neuron thresholds the panels draw, when a feature data file is set"
                    + " and no thresholds are pasted.<br>E.g. HetQuantPipeline -calibrate, or HetQuantCalibrator"
                    + " when the data are already normalized; a copy is fitted on the feature data file.</html>",
            displayOrder = 3)
    public void setCalibratedNode(Filter node) {
        m_calibratedNode = node;
    }

    public Filter getCalibratedNode() {
        return m_calibratedNode;
    }

    @OptionMetadata(displayName = "Neuron thresholds (text)",
            description = "<html>Optional, instead of the calibrated node: the input value at which each neuron"
                    + " starts to fire.<br>Paste a fitted calibrator's (or column's) description, or write"
                    + " 'feature: t0, t1, …; feature2: …' (Infinity = never fires).</html>", displayOrder = 4)
    public void setThresholds(String thresholds) {
        m_thresholds = thresholds;
    }

    public String getThresholds() {
        return m_thresholds;
    }

    @OptionMetadata(displayName = "Panel width (pixels)",
            description = "Width of each chart, at least 50; 760 fits Weka's image viewer.", displayOrder = 5)
    public void setWidth(int width) {
        m_width = width;
    }

    public int getWidth() {
        return m_width;
    }

    @OptionMetadata(displayName = "Raster height (pixels)",
            description = "Height of the raster chart, at least 75; the other charts are 2/3 of it.",
            displayOrder = 6)
    public void setHeight(int height) {
        m_height = height;
    }

    public int getHeight() {
        return m_height;
    }

    @Override
    public void stepInit() throws WekaException {
        if (m_width < 50) {
            throw new StepError("Panel width must be at least 50 pixels, got " + m_width);
        }
        if (m_height < 75) {
            throw new StepError("Raster height must be at least 75 pixels, got " + m_height);
        }
        try {
            m_compiledPattern = Pattern.compile(m_unitPattern);
        } catch (PatternSyntaxException e) {
            throw new StepError("Unit attributes: '" + m_unitPattern + "' is not a regular expression ("
                    + e.getDescription() + "); the default .+_n\\d+ takes the names the HetQuant nodes give");
        }
        try {
            // Not environment-substituted: the text is data, and an attribute name may hold "${…}".
            m_parsedThresholds = FeatureThresholds.parse(m_thresholds);
        } catch (IllegalArgumentException e) {
            throw new StepError("Neuron thresholds (text): " + e.getMessage());
        }
        m_featureValues = Collections.emptyMap();
        m_folds = new HashMap<>();
        String path = environmentSubstitute(m_featureData.toString()).trim();
        if (path.isEmpty()) {
            if (!m_parsedThresholds.isEmpty()) {
                throw new StepError("Neuron thresholds are pasted, so the feature data file is needed for the"
                        + " histograms they are drawn over");
            }
            getStepManager().logDetailed("No feature data file: no threshold panels");
            return;
        }
        if (!new File(path).isFile()) {
            throw new StepError("Feature data file '" + path + "' is not a file (leave it empty for no threshold"
                    + " panels)");
        }
        Instances featureData;
        try {
            featureData = DataSource.read(path);
        } catch (Exception e) {
            throw new StepError("Cannot read the feature data file " + path + ": " + e.getMessage());
        }
        if (!m_parsedThresholds.isEmpty()) {
            m_featureValues = numericColumns(featureData);
            getStepManager().logBasic("Threshold panels: the pasted thresholds over " + featureData.relationName());
            return;
        }
        if (!(m_calibratedNode instanceof ColumnOnsets)) {
            throw new StepError("Calibrated node must be a HetQuant node with a column (HetQuantPipeline,"
                    + " HetQuantCalibrator), got " + (m_calibratedNode == null ? "none"
                            : m_calibratedNode.getClass().getSimpleName())
                    + "; or leave the feature data file empty for no threshold panels");
        }
        Fitted fitted = fit(m_calibratedNode, featureData);
        m_parsedThresholds = fitted.thresholds();
        m_featureValues = fitted.columnInputs();
        getStepManager().logBasic("Threshold panels: " + m_calibratedNode.getClass().getSimpleName()
                + " fitted on " + featureData.relationName() + " (" + featureData.numInstances() + " rows)");
    }

    /** The neuron thresholds drawn, parsed or fitted at {@link #stepInit()}; empty when there are none. */
    List<FeatureThresholds> thresholdsInUse() {
        return m_parsedThresholds;
    }

    /** A calibrated node's neuron thresholds and, by feature name, the column inputs they are drawn over. */
    record Fitted(List<FeatureThresholds> thresholds, Map<String, double[]> columnInputs) {}

    /**
     * Fits a copy of {@code node} on {@code data} as its first batch (every numeric non-class attribute in the
     * node's range is a feature) and reads back the fitted onsets and the data's column inputs.
     *
     * @param node a {@link ColumnOnsets} filter, left untouched
     * @throws WekaException naming the node when it cannot be copied or fitted on the data
     */
    static Fitted fit(Filter node, Instances data) throws WekaException {
        ColumnOnsets fitted;
        try {
            Filter copy = Filter.makeCopy(node);
            copy.setInputFormat(data);
            Filter.useFilter(data, copy);
            fitted = (ColumnOnsets) copy;
        } catch (Exception e) {
            throw new StepError("Cannot fit the calibrated node " + node.getClass().getSimpleName()
                    + " on " + data.relationName() + ": " + e.getMessage());
        }
        String[] names = fitted.featureNames();
        double[][] onsets = fitted.onsets();
        double[][] inputs = fitted.columnInputs(data);
        List<FeatureThresholds> thresholds = new ArrayList<>();
        Map<String, double[]> columnInputs = new LinkedHashMap<>();
        for (int f = 0; f < names.length; f++) {
            thresholds.add(new FeatureThresholds(names[f], onsets[f]));
            columnInputs.put(names[f], inputs[f]);
        }
        return new Fitted(List.copyOf(thresholds), columnInputs);
    }

    @Override
    public List<String> getIncomingConnectionTypes() {
        return Arrays.asList(StepManager.CON_DATASET, StepManager.CON_TRAININGSET, StepManager.CON_TESTSET);
    }

    @Override
    public List<String> getOutgoingConnectionTypes() {
        return getStepManager().numIncomingConnections() > 0
                ? Arrays.asList(StepManager.CON_IMAGE, StepManager.CON_TEXT)
                : new ArrayList<String>();
    }

    @Override
    public synchronized void processIncoming(Data data) throws WekaException {
        getStepManager().processing();
        Instances insts = data.getPrimaryPayload();
        Integer set = data.getPayloadElement(StepManager.CON_AUX_DATA_SET_NUM);
        Integer max = data.getPayloadElement(StepManager.CON_AUX_DATA_MAX_SET_NUM);
        String connection = data.getConnectionName();
        try {
            PhaseRaster raster = raster(insts, m_compiledPattern);
            if (set == null || max == null || max < 2) {
                String what = StepManager.CON_DATASET.equals(connection) ? ""
                        : StepManager.CON_TESTSET.equals(connection) ? ", test set" : ", training set";
                emit(List.of(raster), title(insts, raster) + what);
            } else {
                // Folds arrive in any order and on several threads; report once all of a source's folds are in.
                String source = (data.getSourceStep() == null ? "" : data.getSourceStep().getName()) + "/" + connection;
                PhaseRaster[] folds = m_folds.computeIfAbsent(source, k -> new PhaseRaster[max]);
                folds[set - 1] = raster;
                if (Arrays.stream(folds).allMatch(f -> f != null)) {
                    m_folds.remove(source);
                    String sets = StepManager.CON_TESTSET.equals(connection) ? "test sets" : "training sets";
                    emit(Arrays.asList(folds), title(insts, raster) + ", " + sets + " of " + max + " folds");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new StepError(e.getMessage());
        }
        getStepManager().finished();
    }

    /** Emits the image and the text of one report; {@code folds} holds one raster when there are no folds. */
    private void emit(List<PhaseRaster> folds, String title) throws WekaException {
        // The viewers list results by title, and an image may be seen alone: the step's name tells the branches
        // of a flow apart.
        String named = getName() + ": " + title;
        BufferedImage image =
                DiagnosticsReport.image(folds, named, m_parsedThresholds, m_featureValues, m_width, m_height);
        String text = folds.size() == 1 ? DiagnosticsReport.text(folds.get(0), named)
                : DiagnosticsReport.foldText(folds, named);
        PhaseRaster pooled = PhaseRaster.concat(folds);
        getStepManager().logBasic(String.format(Locale.ROOT, "%s: %d samples x %d units, utilization mean %s %%; %s",
                title, pooled.samples(), pooled.units(), Summary.text(pooled.utilization().mean(), 2),
                DiagnosticCharts.sdLine(folds.stream().map(PhaseRaster::utilizationPerSample).toList())));
        Data imageOut = new Data(StepManager.CON_IMAGE, image);
        imageOut.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, named);
        getStepManager().outputData(imageOut);
        Data textOut = new Data(StepManager.CON_TEXT, text + DiagnosticsReport.thresholdsText(m_parsedThresholds));
        textOut.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, named);
        getStepManager().outputData(textOut);
    }

    /**
     * The layer's phases: every numeric, non-class attribute whose name matches {@code unitPattern}, in order.
     * A missing value counts as silent (0), as the quantizer leaves a neuron with missing input silent.
     *
     * @throws IllegalArgumentException if no attribute matches, or a value is negative or not a whole number
     */
    static PhaseRaster raster(Instances insts, Pattern unitPattern) {
        List<Integer> units = new ArrayList<>();
        for (int a = 0; a < insts.numAttributes(); a++) {
            Attribute att = insts.attribute(a);
            if (a != insts.classIndex() && att.isNumeric() && unitPattern.matcher(att.name()).matches()) {
                units.add(a);
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("No numeric attribute of '" + insts.relationName()
                    + "' is a unit: none matches the unit attributes' expression '" + unitPattern.pattern()
                    + "'; connect the spike-phase quantizer's output (attributes <source>_n<kk>)");
        }
        if (insts.numInstances() == 0) {
            throw new IllegalArgumentException("'" + insts.relationName() + "' has no rows to plot");
        }
        String[] names = new String[units.size()];
        for (int u = 0; u < names.length; u++) {
            names[u] = insts.attribute(units.get(u)).name();
        }
        int[][] phases = new int[insts.numInstances()][names.length];
        for (int r = 0; r < phases.length; r++) {
            Instance row = insts.instance(r);
            for (int u = 0; u < names.length; u++) {
                int a = units.get(u);
                if (row.isMissing(a)) {
                    continue;
                }
                double v = row.value(a);
                if (v != Math.rint(v)) {
                    throw new IllegalArgumentException("Row " + (r + 1) + ", attribute " + names[u]
                            + ": a phase code must be a whole number >= 0, got " + v);
                }
                phases[r][u] = (int) v;
            }
        }
        return new PhaseRaster(names, phases);
    }

    /** Numeric attributes by name, missing values as NaN. */
    static Map<String, double[]> numericColumns(Instances insts) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int a = 0; a < insts.numAttributes(); a++) {
            if (insts.attribute(a).isNumeric()) {
                double[] v = new double[insts.numInstances()];
                for (int r = 0; r < v.length; r++) {
                    v[r] = insts.instance(r).isMissing(a) ? Double.NaN : insts.instance(r).value(a);
                }
                out.put(insts.attribute(a).name(), v);
            }
        }
        return out;
    }

    /**
     * The data's own name (Weka's filters append their class names and options to the relation name), and
     * which layer the units are when they are all MC or all GC units.
     */
    static String title(Instances insts, PhaseRaster raster) {
        String relation = insts.relationName();
        int filters = relation.indexOf("-weka.filters");
        String name = filters > 0 ? relation.substring(0, filters) : relation;
        int granules = 0;
        for (int u = 0; u < raster.units(); u++) {
            granules += GRANULE_UNIT.matcher(raster.unitName(u)).matches() ? 1 : 0;
        }
        return granules == raster.units() ? name + ", GC layer" : granules == 0 ? name + ", MC layer" : name;
    }
}
