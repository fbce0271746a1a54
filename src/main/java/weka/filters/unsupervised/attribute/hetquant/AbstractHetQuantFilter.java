package weka.filters.unsupervised.attribute.hetquant;

import java.util.ArrayList;
import java.util.StringJoiner;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Range;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.filters.Filter;
import weka.filters.UnsupervisedFilter;

/**
 * Format handling shared by the HetQuant filters; the science is in {@code org.hetquant.engine}.
 *
 * <p>The selected attributes ({@code -R}, numeric only, never the class) are the engine's <em>features</em>, in
 * input order. Each feature is replaced, in place, by {@link #outputsPerFeature()} numeric attributes; every
 * other attribute (class, nominal, string, date, relational, unselected numeric) is copied unchanged and keeps
 * its relative position. With one output per feature the name is kept; with n outputs they are named
 * {@code <source>_n<kk>}, kk = neuron index 0 … n−1 (0 = least sensitive gain), zero-padded to at least two
 * digits, e.g. {@code sensor3_n05}.
 *
 * <p>Batches: the output format is known from the header alone. A filter that fits something
 * ({@link #fitsOnFirstBatch()}) holds back the first batch, fits on it at {@code batchFinished()} and then
 * transforms it; every later row is transformed at once with the first batch's fit. A later row whose header
 * differs from the first batch's is rejected with the difference named. Rows are never dropped or reordered;
 * missing values stay missing (downstream neurons are silent).
 */
public abstract class AbstractHetQuantFilter extends Filter
        implements UnsupervisedFilter, TechnicalInformationHandler {

    private static final long serialVersionUID = 1L;

    /** The attributes to transform (Weka range syntax). */
    protected Range m_SelectedRange = new Range("first-last");

    /** Whether to transform the attributes outside the range instead. */
    protected boolean m_InvertSelection;

    /** Input indices of the features, in order; set by {@link #setInputFormat}. */
    private int[] m_Features;

    /** Index within the current batch, for error messages. */
    private long m_Row;

    /** Reused per-row buffer for the transformed features (a row's only other allocation is its output). */
    private transient double[] m_Transformed;

    /** Last header found equal to the first batch's, so each later dataset is compared once. */
    private transient Instances m_CheckedHeader;

    // ---------------------------------------------------------------------------------------------------------
    // Hooks for the concrete filters.

    /** Output attributes per feature: 1, or the column's duplication n. */
    protected abstract int outputsPerFeature();

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException naming the option and its valid range
     */
    protected abstract void checkOptions();

    /** Whether the first batch is held back to fit parameters before anything is output. */
    protected abstract boolean fitsOnFirstBatch();

    /**
     * Builds the data-blind part of the transform once the number of features is known (≥ 1).
     *
     * @param features number of selected attributes
     */
    protected abstract void prepare(int features);

    /**
     * Fits on the first batch; called once, only when {@link #fitsOnFirstBatch()}.
     *
     * @param rows {@code [row][feature]} raw values, {@code NaN} where missing
     */
    protected void fit(double[][] rows) {
        throw new IllegalStateException(getClass().getSimpleName() + " fits nothing");
    }

    /**
     * Fits on the first batch; called once, only when {@link #fitsOnFirstBatch()}. The default collects the rows
     * and calls {@link #fit(double[][])}; a node that can fit row by row overrides this instead.
     *
     * @param rows the first batch's feature rows
     */
    protected void fit(FeatureRows rows) {
        fit(rows.toArray());
    }

    /** Receives one row of feature values. */
    @FunctionalInterface
    protected interface RowVisitor {
        /**
         * @param features the row's feature values, {@code NaN} where missing; a buffer reused for the next row
         * @param row      index of the row within its batch, from 0
         */
        void visit(double[] features, long row);
    }

    /** The feature values of a batch's rows, visited in order without copying the batch. */
    protected final class FeatureRows {
        private final Instances batch;

        private FeatureRows(Instances batch) {
            this.batch = batch;
        }

        /** Number of rows. */
        public int size() {
            return batch.numInstances();
        }

        /** Visits every row in order, through one reused buffer. */
        public void forEach(RowVisitor visitor) {
            double[] buffer = new double[m_Features.length];
            for (int i = 0; i < batch.numInstances(); i++) {
                featuresOf(batch.instance(i), buffer);
                visitor.visit(buffer, i);
            }
        }

        /** {@code [row][feature]}, {@code NaN} where missing: a copy. */
        public double[][] toArray() {
            double[][] rows = new double[batch.numInstances()][];
            forEach((features, row) -> rows[(int) row] = features.clone());
            return rows;
        }
    }

    /**
     * Transforms one row.
     *
     * @param features the row's feature values, {@code NaN} where missing
     * @param out receives {@code features.length · outputsPerFeature()} values, feature-major
     * @param row index of the row within its batch (for error messages)
     */
    protected abstract void transform(double[] features, double[] out, long row);

    /** Two or three sentences on what the filter does; the citation is appended by {@link #globalInfo()}. */
    protected abstract String describe();

    // ---------------------------------------------------------------------------------------------------------
    // Options shared by all nodes.

    @OptionMetadata(
            displayName = "attribute indices",
            description = "The attributes to transform: a comma-separated list of indices or ranges (first and last"
                    + " are valid); the class and non-numeric attributes are always passed through unchanged.",
            displayOrder = 0,
            commandLineParamName = "R",
            commandLineParamSynopsis = "-R <col1,col2-col4,...>")
    public String getAttributeIndices() {
        return m_SelectedRange.getRanges();
    }

    public void setAttributeIndices(String rangeList) {
        m_SelectedRange.setRanges(rangeList);
    }

    @OptionMetadata(
            displayName = "invert selection",
            description = "Transform the numeric attributes outside the range instead of those inside it.",
            displayOrder = 1,
            commandLineParamName = "V",
            commandLineParamSynopsis = "-V",
            commandLineParamIsFlag = true)
    public boolean getInvertSelection() {
        return m_InvertSelection;
    }

    public void setInvertSelection(boolean invert) {
        m_InvertSelection = invert;
    }

    /** Weka's option parser reports nothing when a setter rejects a value, so ranges are checked here. */
    @Override
    public void setOptions(String[] options) throws Exception {
        super.setOptions(options);
        checkOptions();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Metadata.

    /** The description shown by the GUIs, with the paper's citation. */
    public String globalInfo() {
        return describe() + "\n\nFor more information see:\n\n" + getTechnicalInformation().toString();
    }

    @Override
    public TechnicalInformation getTechnicalInformation() {
        TechnicalInformation info = new TechnicalInformation(Type.ARTICLE);
        info.setValue(Field.AUTHOR,
                "Roy Moyal and Kyrus R. Mama and Matthew Einhorn and Ayon Borthakur and Thomas A. Cleland");
        info.setValue(Field.TITLE, "Heterogeneous quantization regularizes spiking neural network activity");
        info.setValue(Field.JOURNAL, "Scientific Reports");
        info.setValue(Field.VOLUME, "15");
        info.setValue(Field.YEAR, "2025");
        info.setValue(Field.URL, "https://doi.org/10.1038/s41598-025-96223-z");
        return info;
    }

    /**
     * Any attribute type is accepted (only numeric ones are transformed, the rest pass through), with or without
     * a class of any type, and missing values.
     */
    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enableAllAttributes();
        result.enable(Capability.MISSING_VALUES);
        result.enableAllClasses();
        result.enable(Capability.MISSING_CLASS_VALUES);
        result.enable(Capability.NO_CLASS);
        return result;
    }

    @Override
    public String getRevision() {
        return RevisionUtils.extract("$Revision: 1.0 $");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Filter protocol.

    @Override
    public boolean setInputFormat(Instances instanceInfo) throws Exception {
        checkOptions();
        super.setInputFormat(instanceInfo);
        m_SelectedRange.setUpper(instanceInfo.numAttributes() - 1);
        m_SelectedRange.setInvert(m_InvertSelection);

        int width = outputsPerFeature();
        int digits = Math.max(2, Integer.toString(width - 1).length());
        ArrayList<Integer> features = new ArrayList<>();
        ArrayList<Attribute> attributes = new ArrayList<>();
        int classIndex = -1;
        for (int j = 0; j < instanceInfo.numAttributes(); j++) {
            Attribute a = instanceInfo.attribute(j);
            boolean feature = j != instanceInfo.classIndex()
                    && a.type() == Attribute.NUMERIC
                    && m_SelectedRange.isInRange(j);
            if (feature) {
                features.add(j);
                for (int k = 0; k < width; k++) {
                    String name = width == 1 ? a.name() : a.name() + "_n" + zeroPadded(k, digits);
                    attributes.add(new Attribute(name));
                }
            } else {
                if (j == instanceInfo.classIndex()) {
                    classIndex = attributes.size();
                }
                attributes.add((Attribute) a.copy());
            }
        }
        m_Features = features.stream().mapToInt(Integer::intValue).toArray();
        Instances output = new Instances(instanceInfo.relationName(), attributes, 0);
        output.setClassIndex(classIndex);
        if (m_Features.length > 0) {
            prepare(m_Features.length);
        }
        setOutputFormat(output);
        m_Row = 0;
        m_CheckedHeader = null;
        return true;
    }

    @Override
    public boolean input(Instance instance) throws Exception {
        if (getInputFormat() == null) {
            throw new IllegalStateException("No input instance format defined");
        }
        if (isNewBatch()) {
            resetQueue();
            m_NewBatch = false;
            m_Row = 0;
        }
        checkHeader(instance);
        if (fitsOnFirstBatch() && !isFirstBatchDone()) {
            bufferInput(instance);
            return false;
        }
        convert(instance);
        return true;
    }

    @Override
    public boolean batchFinished() throws Exception {
        if (getInputFormat() == null) {
            throw new IllegalStateException("No input instance format defined");
        }
        if (fitsOnFirstBatch() && !isFirstBatchDone()) {
            Instances batch = getInputFormat();
            if (m_Features.length > 0) {
                fit(new FeatureRows(batch));
            }
            m_Row = 0;
            for (int i = 0; i < batch.numInstances(); i++) {
                convert(batch.instance(i));
            }
        }
        batchDone();
        flushInput();
        m_NewBatch = true;
        m_FirstBatchDone = true;
        return numPendingOutput() != 0;
    }

    /** Called at the end of each batch, after its rows are transformed (e.g. to report on the batch). */
    protected void batchDone() {}

    /** Whether the first batch has been fitted (always true for a filter that fits nothing, once set up). */
    protected boolean isFitted() {
        return getInputFormat() != null && (!fitsOnFirstBatch() || isFirstBatchDone());
    }

    /** What {@code toString()} and the fitted-state getters say before the first batch. */
    protected String notFittedMessage() {
        return getClass().getSimpleName() + ": not fitted yet (no batch seen)";
    }

    /** Names of the features (selected attributes), in order; empty before the input format is set. */
    public String[] featureNames() {
        if (m_Features == null) {
            return new String[0];
        }
        String[] names = new String[m_Features.length];
        for (int f = 0; f < names.length; f++) {
            names[f] = getInputFormat().attribute(m_Features[f]).name();
        }
        return names;
    }

    /**
     * The feature values of every row of {@code data}, as {@link #transform} receives them.
     *
     * @param data rows whose header equals the first batch's
     * @return {@code [row][feature]}, {@code NaN} where missing
     * @throws IllegalStateException before the input format is set
     * @throws IllegalArgumentException if the header differs, with the difference named
     */
    protected double[][] featureRows(Instances data) {
        if (getInputFormat() == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ": no input format set");
        }
        String difference = getInputFormat().equalHeadersMsg(data);
        if (difference != null) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": the data's header differs from the first batch's: " + difference);
        }
        double[][] rows = new double[data.numInstances()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = featuresOf(data.instance(i));
        }
        return rows;
    }

    /** {@code [row][feature]} → {@code [feature][row]}. */
    static double[][] byFeature(double[][] rows, int features) {
        double[][] out = new double[features][rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < features; f++) {
                out[f][r] = rows[r][f];
            }
        }
        return out;
    }

    /** Prefixes an engine error with the filter and the feature-to-attribute mapping it refers to. */
    protected IllegalArgumentException inContext(IllegalArgumentException e) {
        StringJoiner mapping = new StringJoiner(", ");
        String[] names = featureNames();
        for (int f = 0; f < names.length; f++) {
            mapping.add("feature " + f + " = '" + names[f] + "'");
        }
        return new IllegalArgumentException(
                getClass().getSimpleName() + ": " + e.getMessage() + " (" + mapping + ")", e);
    }

    private void checkHeader(Instance instance) {
        Instances header = instance.dataset();
        if (header == null) {
            if (instance.numAttributes() != getInputFormat().numAttributes()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": the row has "
                        + instance.numAttributes() + " attributes but the first batch had "
                        + getInputFormat().numAttributes());
            }
            return;
        }
        if (header == getInputFormat() || header == m_CheckedHeader) {
            return;
        }
        String difference = getInputFormat().equalHeadersMsg(header);
        if (difference != null) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": this batch's header differs from the first batch's: " + difference);
        }
        m_CheckedHeader = header;
    }

    private double[] featuresOf(Instance instance) {
        return featuresOf(instance, new double[m_Features.length]);
    }

    private double[] featuresOf(Instance instance, double[] values) {
        for (int f = 0; f < values.length; f++) {
            // Weka's missing value is NaN, which is also the engine's.
            values[f] = instance.value(m_Features[f]);
        }
        return values;
    }

    private void convert(Instance instance) {
        Instances output = outputFormatPeek();
        double[] values = new double[output.numAttributes()];
        int width = outputsPerFeature();
        if (m_Transformed == null || m_Transformed.length != m_Features.length * width) {
            m_Transformed = new double[m_Features.length * width];
        }
        double[] transformed = m_Transformed;
        if (m_Features.length > 0) {
            transform(featuresOf(instance), transformed, m_Row);
        }
        m_Row++;
        int o = 0;
        int f = 0;
        for (int j = 0; j < instance.numAttributes(); j++) {
            if (f < m_Features.length && m_Features[f] == j) {
                System.arraycopy(transformed, f * width, values, o, width);
                o += width;
                f++;
            } else {
                values[o++] = instance.value(j);
            }
        }
        Instance result = new DenseInstance(instance.weight(), values);
        // String and relational values are stored in the header; carry them over to the output header.
        Instances source = instance.dataset() != null ? instance.dataset() : getInputFormat();
        copyValues(result, false, source, output);
        push(result, false);
    }

    private static String zeroPadded(int k, int digits) {
        StringBuilder s = new StringBuilder(Integer.toString(k));
        while (s.length() < digits) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
