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
import org.hetquant.plot.DiagnosticsReport;
import org.hetquant.plot.FeatureThresholds;
import org.hetquant.plot.PhaseRaster;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.WekaException;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.AllFilter;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.hetquant.ColumnOnsets;
import weka.gui.FilePropertyMetadata;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;

/**
 * KnowledgeFlow node that shows what a HetQuant spiking layer does with a set of samples. It takes the
 * spike-phase quantizer's output (MC units are the attributes named {@code <source>_n<kk>}, 0 = silent) or the
 * granule layer's (GC units {@code gc<kkkk>}) and emits
 * an {@code image} — the spike raster, the utilization histogram with mean and SD, and, when neuron thresholds
 * are given, each calibrated feature's thresholds over that feature's data histogram — plus the numbers as
 * {@code text}. The thresholds come either from a calibrated node given as an option (a copy is fitted on the
 * feature data file, then asked for its onsets and column inputs: the algorithm stays in the node) or as pasted
 * text with the column inputs in the file. A data set gives one report; the folds of a cross-validation
 * (numbered training or test sets) give one report once all folds are in, with each fold's utilization SD and
 * their mean, the paper's metric.
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
    /** The calibrated node whose thresholds to draw; {@link AllFilter} = none. */
    private Filter m_calibratedNode = new AllFilter();
    private int m_width = 900;
    private int m_height = 420;

    private transient Pattern m_compiledPattern;
    private transient List<FeatureThresholds> m_parsedThresholds;
    private transient Map<String, double[]> m_featureValues;
    /** Folds received so far, by connection type, until all of a cross-validation's folds are in. */
    private transient Map<String, PhaseRaster[]> m_folds;

    @OptionMetadata(displayName = "Unit attribute pattern",
            description = "Regular expression matching the names of the layer's unit attributes (MC units "
                    + "<source>_n<kk> from the quantizer, GC units gc<kkkk> from the granule layer).",
            displayOrder = 1)
    public void setUnitPattern(String pattern) {
        m_unitPattern = pattern;
    }

    public String getUnitPattern() {
        return m_unitPattern;
    }

    @OptionMetadata(displayName = "Neuron thresholds",
            description = "<html>Optional: for a calibrated column, the input value at which each neuron starts to "
                    + "fire:<br>paste the fitted calibrator's (or column's) description, or write "
                    + "'feature: t0, t1, …; feature2: …'<br>(Infinity = never fires). Needs the feature data file."
                    + "</html>", displayOrder = 2)
    public void setThresholds(String thresholds) {
        m_thresholds = thresholds;
    }

    public String getThresholds() {
        return m_thresholds;
    }

    @OptionMetadata(displayName = "Calibrated node",
            description = "<html>Optional, instead of pasted thresholds: the calibrated node itself, e.g. "
                    + "HetQuantPipeline -calibrate (or HetQuantCalibrator, whose input is already normalized).<br>"
                    + "A copy is fitted on the feature data file; each feature's neuron onsets are drawn over that "
                    + "feature's column inputs<br>(normalized values for the pipeline). AllFilter = none.</html>",
            displayOrder = 3)
    public void setCalibratedNode(Filter node) {
        m_calibratedNode = node;
    }

    public Filter getCalibratedNode() {
        return m_calibratedNode;
    }

    @OptionMetadata(displayName = "Feature data file",
            description = "<html>Data set (ARFF/CSV) for the threshold panels. With a calibrated node: the data "
                    + "it is fitted on (raw values for HetQuantPipeline);<br>with pasted thresholds: the column "
                    + "inputs named in them. Environment variables are allowed.</html>", displayOrder = 4)
    @FilePropertyMetadata(fileChooserDialogType = KFGUIConsts.OPEN_DIALOG, directoriesOnly = false)
    public void setFeatureData(File file) {
        m_featureData = file;
    }

    public File getFeatureData() {
        return m_featureData;
    }

    @OptionMetadata(displayName = "Panel width", description = "Width of each chart, in pixels (>= 50).",
            displayOrder = 5)
    public void setWidth(int width) {
        m_width = width;
    }

    public int getWidth() {
        return m_width;
    }

    @OptionMetadata(displayName = "Raster height",
            description = "Height of the raster chart, in pixels (>= 75); the other charts are 2/3 of it.",
            displayOrder = 5)
    public void setHeight(int height) {
        m_height = height;
    }

    public int getHeight() {
        return m_height;
    }

    @Override
    public void stepInit() throws WekaException {
        if (m_width < 50) {
            throw new WekaException("Panel width must be >= 50 pixels, got " + m_width);
        }
        if (m_height < 75) {
            throw new WekaException("Raster height must be >= 75 pixels, got " + m_height);
        }
        try {
            m_compiledPattern = Pattern.compile(m_unitPattern);
        } catch (PatternSyntaxException e) {
            throw new WekaException("Unit attribute pattern '" + m_unitPattern + "' is not a regular expression: "
                    + e.getDescription());
        }
        try {
            m_parsedThresholds = FeatureThresholds.parse(environmentSubstitute(m_thresholds));
        } catch (IllegalArgumentException e) {
            throw new WekaException("Neuron thresholds: " + e.getMessage());
        }
        m_featureValues = Collections.emptyMap();
        m_folds = new HashMap<>();
        boolean node = m_calibratedNode != null && !(m_calibratedNode instanceof AllFilter);
        if (node && !(m_calibratedNode instanceof ColumnOnsets)) {
            throw new WekaException("Calibrated node must be a HetQuant node with a column (HetQuantPipeline, "
                    + "HetQuantCalibrator) or AllFilter for none, got " + m_calibratedNode.getClass().getName());
        }
        if (node && !m_parsedThresholds.isEmpty()) {
            throw new WekaException("Give the thresholds either as a calibrated node or as text, not both");
        }
        if (!node && m_parsedThresholds.isEmpty()) {
            return;
        }
        String path = environmentSubstitute(m_featureData.toString());
        if (path.isEmpty() || !new File(path).isFile()) {
            throw new WekaException((node ? "A calibrated node is set, so the feature data file is needed to fit it"
                    : "Neuron thresholds are set, so the feature data file is needed for the histograms")
                    + "; '" + path + "' is not a file");
        }
        Instances featureData;
        try {
            featureData = DataSource.read(path);
        } catch (Exception e) {
            throw new WekaException("Cannot read feature data file " + path + ": " + e.getMessage(), e);
        }
        if (node) {
            Fitted fitted = fit(m_calibratedNode, featureData);
            m_parsedThresholds = fitted.thresholds();
            m_featureValues = fitted.columnInputs();
            getStepManager().logBasic("Neuron thresholds of " + m_calibratedNode.getClass().getSimpleName()
                    + " fitted on " + featureData.relationName() + " (" + featureData.numInstances() + " rows)");
        } else {
            m_featureValues = numericColumns(featureData);
        }
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
            throw new WekaException("Cannot fit the calibrated node " + node.getClass().getSimpleName()
                    + " on " + data.relationName() + ": " + e.getMessage(), e);
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
        try {
            PhaseRaster raster = raster(insts, m_compiledPattern);
            if (set == null || max == null || max < 2) {
                String title = title(insts, raster) + (StepManager.CON_DATASET.equals(data.getConnectionName()) ? ""
                        : ", " + data.getConnectionName());
                emit(raster, title, DiagnosticsReport.text(raster, title));
            } else {
                // Folds arrive in any order and on several threads; report once all of them are in.
                PhaseRaster[] folds = m_folds.computeIfAbsent(data.getConnectionName(), k -> new PhaseRaster[max]);
                folds[set - 1] = raster;
                if (Arrays.stream(folds).allMatch(f -> f != null)) {
                    m_folds.remove(data.getConnectionName());
                    String title = title(insts, raster) + ", " + data.getConnectionName() + " of " + max + " folds";
                    emit(PhaseRaster.concat(Arrays.asList(folds)), title,
                            DiagnosticsReport.foldText(Arrays.asList(folds), title));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new WekaException(e.getMessage(), e);
        }
        getStepManager().finished();
    }

    private void emit(PhaseRaster raster, String title, String text) throws WekaException {
        BufferedImage image =
                DiagnosticsReport.image(raster, title, m_parsedThresholds, m_featureValues, m_width, m_height);
        Summary utilization = raster.utilization();
        getStepManager().logBasic(String.format(Locale.ROOT, "%s: %d samples x %d units, utilization mean %s %%, "
                + "SD %s", title, raster.samples(), raster.units(), Summary.text(utilization.mean(), 2),
                Summary.text(utilization.sd(), 2)));
        Data imageOut = new Data(StepManager.CON_IMAGE, image);
        imageOut.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, title);
        getStepManager().outputData(imageOut);
        Data textOut = new Data(StepManager.CON_TEXT, text + DiagnosticsReport.thresholdsText(m_parsedThresholds));
        textOut.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, "HetQuant diagnostics: " + title);
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
                    + "' matches the unit attribute pattern '" + unitPattern.pattern()
                    + "'; connect the spike-phase quantizer's output");
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
                    throw new IllegalArgumentException("Row " + r + ", attribute " + names[u]
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
