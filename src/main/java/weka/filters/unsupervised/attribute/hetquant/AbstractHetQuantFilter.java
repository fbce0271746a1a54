package weka.filters.unsupervised.attribute.hetquant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicLong;
import org.hetquant.engine.InvalidValueException;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Range;
import weka.core.SparseInstance;
import weka.core.RevisionUtils;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedAttributesHandler;
import weka.core.WeightedInstancesHandler;
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
 * <p>A node whose outputs are not per feature (the granule layer: all features in, a population out) names its
 * outputs in {@link #blockOutputNames}; they replace the selected attributes as one block at the position of the
 * first of them.
 *
 * <p>Batches: the output format is known from the header alone. A filter that fits something
 * ({@link #fitsOnFirstBatch()}) holds back the first batch, fits on it at {@code batchFinished()} and then
 * transforms it; every later row is transformed at once with the first batch's fit. A later row whose header
 * differs from the first batch's is rejected with the difference named. Rows are never dropped or reordered;
 * missing values stay missing (downstream neurons are silent). {@code toString()} describes what the node
 * uses (the fit, once the first batch is done); with {@code -output-debug-info} (the GUI's {@code debug}
 * property) that description is printed to the console ({@code System.err}) when the first batch ends.
 *
 * <p><b>Sparse data.</b> A {@link SparseInstance} in gives a {@code SparseInstance} out, and {@code -sparse}
 * makes dense input give sparse output too; the values are the same either way (silent neurons, phase 0, and
 * other zeros are simply not stored; missing values are). Dense input gives dense output by default.
 *
 * <p><b>Options</b> are declared once in {@link NodeOptions}; a node lists the ones it has ({@link #options()})
 * and this class reads, writes, lists and checks them, the same way for every node. {@code setOptions} (the
 * command line, FilteredClassifier's {@code -F "…"}, saved flows) parses strictly and rejects a bad value at
 * once, naming the option, the value and the valid form; an option not given gets its default. The setters the
 * GUI calls store any value, because Weka's GUI calls them on every keystroke (typing 0.05 passes 0, which is out
 * of range for L); the same check, with the same message, then runs in {@code setInputFormat}, before any row is
 * read. The GUI's number fields read text strictly too ({@link StrictNumberEditor}).
 *
 * <p><b>Errors name the place.</b> A value the method cannot take is an {@code IllegalArgumentException} naming
 * the node, the attribute (by name, and its position counted from 1), the row (counted from 1 within its batch;
 * after the first batch also the batch and the row's number since the first batch, e.g. the n-th prediction in a
 * FilteredClassifier, which passes each test row as a batch of its own), the value and what is required, plus
 * the node's advice. The message is also logged (standard error and Weka's log), because Weka's streaming
 * MultiFilter swallows its members' exceptions and drops the row.
 *
 * <p><b>Weights.</b> Every row keeps its instance weight, and each output of a feature carries that feature's
 * attribute weight (pass-through attributes keep theirs), as Weka's {@code Discretize} does. The transforms do
 * not depend on weights, and neither does any fit: a row is normalized on its own; the offset's and shift's minima
 * and the calibration's distinct values depend on which values occur, not how often, so for them a row of integer
 * weight w fits exactly as w copies of it would; a fitted gain scale aims at the first batch's mean utilization
 * with every row counted once. Every row of the first batch enters the fit, whatever its weight (also 0), as
 * Weka's {@code Normalize} counts every row in its minimum and maximum. Weighted data are therefore accepted
 * ({@link WeightedInstancesHandler}, {@link WeightedAttributesHandler}): a {@code FilteredClassifier} passes them
 * on as they are instead of resampling them.
 *
 * <p><b>Threads.</b> A fitted node transforms each row with no shared scratch state, so rows given from several
 * threads at once are never mixed (Weka's output queue may still hand them out in another order).
 */
public abstract class AbstractHetQuantFilter extends Filter
        implements UnsupervisedFilter, TechnicalInformationHandler, WeightedInstancesHandler,
        WeightedAttributesHandler {

    private static final long serialVersionUID = 1L;

    /** Option values by command-line flag; an option not in the map has its default. */
    private final HashMap<String, Object> m_OptionValues = new HashMap<>();

    /** Input indices of the features, in order; set by {@link #setInputFormat}. */
    private int[] m_Features;

    /** Output index of each feature's first output (with block outputs: of the block); set by setInputFormat. */
    private int[] m_At;

    /** The block outputs' names ({@link #blockOutputNames}), or {@code null} for per-feature outputs. */
    private String[] m_Block;
    /** Outputs per feature and whether rows are output sparse whatever the input; set by {@link #setInputFormat}. */
    private int m_Width;
    private boolean m_SparseRows;

    /** The current batch, counted from 1 (the first batch) since the input format was set. */
    private volatile long m_Batch;

    /** Rows of the current batch so far. */
    private final AtomicLong m_RowInBatch = new AtomicLong();

    /** Rows after the first batch so far. */
    private final AtomicLong m_RowsAfterFirst = new AtomicLong();

    /** Last header found equal to the first batch's, so each later dataset is compared once. */
    private transient volatile Instances m_CheckedHeader;

    // ---------------------------------------------------------------------------------------------------------
    // Hooks for the concrete filters.

    /** Output attributes per feature: 1, or the column's duplication n (ignored with {@link #blockOutputNames}). */
    protected abstract int outputsPerFeature();

    /**
     * Names of the attributes that replace all selected attributes as one block, at the position of the first
     * of them; {@code null} (the default) replaces each selected attribute by {@link #outputsPerFeature()}
     * attributes in place. Called once the features are known, after {@link #prepare}.
     *
     * @param featureNames the selected attributes' names, in order (at least one)
     */
    protected String[] blockOutputNames(String[] featureNames) {
        return null;
    }

    /** This node's options, shared declarations from {@link NodeOptions}, in their display order. */
    protected abstract List<NodeOption<?>> options();

    /** Whether the outputs are a column's neurons, named {@code <source>_n<kk>} even for n = 1. */
    protected boolean namesNeurons() {
        return false;
    }

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
     * Transforms one row. Called from any thread once fitted: use no shared scratch state.
     *
     * @param features the row's feature values, {@code NaN} where missing, in a buffer of the calling thread that
     *     the next row reuses: the node may overwrite them and must not keep the array
     * @param out the output row: feature f's {@code outputsPerFeature()} values go to {@code out[at[f] ...]}; with
     *     block outputs the block's values go to {@code out[at[0] ...]}
     * @param at per feature, the output index of its first value (with block outputs: of the block, for every f)
     * @throws InvalidValueException for a value the method cannot take; its feature index, if set, is used and
     *     this class adds the attribute, the row and {@link #advice}
     */
    protected abstract void transform(double[] features, double[] out, int[] at);

    /**
     * Transforms one row for sparse output, listing only its non-zero outputs (missing values, NaN, count as
     * non-zero): feature f's output k as index {@code at[f] + k}, in feature and then output order (block outputs:
     * output k as {@code at[0] + k}). Called from any thread once fitted, as {@link #transform}. By default through
     * {@link #transform} and a scan; a node whose engine lists non-zero outputs directly overrides it.
     *
     * @param features the row's feature values, {@code NaN} where missing; the node may overwrite them
     * @param at per feature, the output index of its first output
     * @param values receives the listed values; length ≥ the row's number of transformed outputs
     * @param indices receives their output indices; same length
     * @return the number of outputs listed
     * @throws InvalidValueException as {@link #transform}
     */
    protected int transformSparse(double[] features, int[] at, double[] values, int[] indices) {
        RowScratch scratch = RowScratch.get();
        String[] block = m_Block;
        // Block outputs are one run of values from at[0]; per-feature outputs are packed feature after feature.
        int width = block == null ? outputsPerFeature() : block.length;
        int runs = block == null ? features.length : 1;
        double[] transformed = scratch.transformed(runs * width);
        int[] packed = scratch.packedAt(features.length, block == null ? width : 0);
        transform(features, transformed, packed);
        int listed = 0;
        for (int f = 0; f < runs; f++) {
            for (int k = 0, t = f * width; k < width; k++, t++) {
                // Branch-free: silent neurons come in a pattern a branch would mispredict.
                double v = transformed[t];
                values[listed] = v;
                indices[listed] = at[f] + k;
                listed += v != 0.0 ? 1 : 0;
            }
        }
        return listed;
    }

    /**
     * What this node advises for a rejected value, as one or more sentences, or "".
     *
     * @param problem the engine's account of the value
     */
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.NOT_FINITE
                ? " Make infinite values missing (?) or remove their rows." : "";
    }

    /** Two or three sentences on what the filter does; the citation is appended by {@link #globalInfo()}. */
    protected abstract String describe();

    // ---------------------------------------------------------------------------------------------------------
    // Options: values, the command line, checks.

    /** The option's value (its default until set). */
    protected final <T> T get(NodeOption<T> option) {
        Object value = m_OptionValues.get(option.flag());
        return value == null ? option.defaultValue() : option.type().cast(value);
    }

    /** Stores a value unchecked (see the class note); {@link #checkOptions()} checks it. */
    protected final <T> void set(NodeOption<T> option, T value) {
        m_OptionValues.put(option.flag(), value);
    }

    /**
     * Checks every option's value.
     *
     * @throws IllegalArgumentException naming the first bad option, its value and its valid form
     */
    protected final void checkOptions() {
        for (NodeOption<?> option : options()) {
            check(option);
        }
    }

    private <T> void check(NodeOption<T> option) {
        option.check(get(option));
    }

    @OptionMetadata(
            displayName = NodeOptions.RANGE_LABEL,
            description = NodeOptions.RANGE_TEXT,
            displayOrder = NodeOptions.RANGE_ORDER)
    public String getAttributeIndices() {
        return get(NodeOptions.RANGE);
    }

    public void setAttributeIndices(String rangeList) {
        set(NodeOptions.RANGE, rangeList);
    }

    @OptionMetadata(
            displayName = NodeOptions.INVERT_LABEL,
            description = NodeOptions.INVERT_TEXT,
            displayOrder = NodeOptions.INVERT_ORDER)
    public boolean getInvertSelection() {
        return get(NodeOptions.INVERT);
    }

    public void setInvertSelection(boolean invert) {
        set(NodeOptions.INVERT, invert);
    }

    @OptionMetadata(
            displayName = NodeOptions.SPARSE_LABEL,
            description = NodeOptions.SPARSE_TEXT,
            displayOrder = NodeOptions.SPARSE_ORDER)
    public boolean getSparseOutput() {
        return get(NodeOptions.SPARSE);
    }

    public void setSparseOutput(boolean sparse) {
        set(NodeOptions.SPARSE, sparse);
    }

    /** This node's options (see {@link NodeOptions}), then Weka's generic filter options. */
    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> result = new Vector<>();
        for (NodeOption<?> option : options()) {
            result.add(option.toWekaOption());
        }
        result.addAll(Collections.list(super.listOptions()));
        return result.elements();
    }

    /**
     * Sets every option: the ones given, parsed strictly, and the default for the others; then Weka's generic
     * filter options.
     *
     * @throws IllegalArgumentException if a value is missing, does not parse or is out of range, naming the
     *     option, the value given and the valid form; the node is then left with its previous options
     */
    @Override
    public void setOptions(String[] options) throws Exception {
        try {
            parseOptions(options);
        } catch (IllegalArgumentException e) {
            throw userError(e);
        }
    }

    private void parseOptions(String[] options) throws Exception {
        refuseOtherNodesOptions(options);
        // -no-shift, the former option of the nodes that normalize, still means what it meant: -negative error.
        boolean noShift = options().contains(NodeOptions.NEGATIVE) && NodeOptions.noShift(options);
        HashMap<String, Object> parsed = new HashMap<>();
        String[] given = options.clone();
        for (NodeOption<?> option : options()) {
            Object value = option.read(options, given);
            checkValue(option, value);
            parsed.put(option.flag(), value);
        }
        if (noShift) {
            parsed.put(NodeOptions.NEGATIVE.flag(), org.hetquant.engine.NegativePolicy.ERROR);
        }
        m_OptionValues.clear();
        m_OptionValues.putAll(parsed);
        super.setOptions(options);
    }

    /**
     * Refuses, rather than ignores, a related node's option this node does not have (Weka passes unknown options
     * on silently, e.g. in a FilteredClassifier's filter string); none by default.
     *
     * @throws IllegalArgumentException naming the option and what this node offers instead
     */
    protected void refuseOtherNodesOptions(String[] options) {}

    private static <T> void checkValue(NodeOption<T> option, Object value) {
        option.check(option.type().cast(value));
    }

    @Override
    public String[] getOptions() {
        Vector<String> result = new Vector<>();
        for (NodeOption<?> option : options()) {
            write(option, result);
        }
        Collections.addAll(result, super.getOptions());
        return result.toArray(new String[0]);
    }

    private <T> void write(NodeOption<T> option, Vector<String> result) {
        option.write(get(option), result);
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

    /** An output name that a passed-through attribute (or another output) already has: a clear error, not Weka's. */
    private void requireUniqueNames(List<Attribute> attributes) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            Integer first = seen.putIfAbsent(attributes.get(i).name(), i);
            if (first != null) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": output attributes " + (first + 1)
                        + " and " + (i + 1) + " would both be named '" + attributes.get(i).name() + "': an"
                        + " attribute that passes through already has the name this node gives an output (outputs"
                        + " are named <source>_n<kk> for a column's neurons, gc<kkkk> for the granule layer). Rename"
                        + " that attribute first (e.g. with weka.filters.unsupervised.attribute.RenameAttribute) or"
                        + " select it as a feature too.");
            }
        }
    }

    @Override
    public boolean setInputFormat(Instances instanceInfo) throws Exception {
        try {
            return setUp(instanceInfo);
        } catch (IllegalArgumentException e) {
            throw userError(e);
        }
    }

    private boolean setUp(Instances instanceInfo) throws Exception {
        checkOptions();
        super.setInputFormat(instanceInfo);
        Range selected = new Range(getAttributeIndices());
        selected.setInvert(getInvertSelection());
        try {
            selected.setUpper(instanceInfo.numAttributes() - 1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(NodeOptions.RANGE.name() + ": expected a Weka range of the "
                    + instanceInfo.numAttributes() + " attributes, got " + getAttributeIndices() + " ("
                    + e.getMessage() + ")", e);
        }

        ArrayList<Integer> features = new ArrayList<>();
        for (int j = 0; j < instanceInfo.numAttributes(); j++) {
            if (j != instanceInfo.classIndex() && instanceInfo.attribute(j).type() == Attribute.NUMERIC
                    && selected.isInRange(j)) {
                features.add(j);
            }
        }
        m_Features = features.stream().mapToInt(Integer::intValue).toArray();
        m_Block = null;
        if (m_Features.length > 0) {
            prepare(m_Features.length);
            m_Block = blockOutputNames(featureNames());
        }
        int width = outputsPerFeature();
        int digits = Math.max(2, Integer.toString(width - 1).length());
        m_At = new int[m_Features.length];
        ArrayList<Attribute> attributes = new ArrayList<>();
        int classIndex = -1;
        for (int j = 0, f = 0; j < instanceInfo.numAttributes(); j++) {
            Attribute a = instanceInfo.attribute(j);
            if (f < m_Features.length && m_Features[f] == j) {
                if (m_Block == null) {
                    m_At[f] = attributes.size();
                    for (int k = 0; k < width; k++) {
                        String name = namesNeurons() ? a.name() + "_n" + zeroPadded(k, digits) : a.name();
                        Attribute output = new Attribute(name);
                        output.setWeight(a.weight());
                        attributes.add(output);
                    }
                } else {
                    m_At[f] = f == 0 ? attributes.size() : m_At[0];
                    if (f == 0) {
                        for (String name : m_Block) {
                            attributes.add(new Attribute(name));
                        }
                    }
                }
                f++;
            } else {
                if (j == instanceInfo.classIndex()) {
                    classIndex = attributes.size();
                }
                attributes.add((Attribute) a.copy());
            }
        }
        m_Width = width;
        m_SparseRows = getSparseOutput();
        requireUniqueNames(attributes);
        Instances output = new Instances(instanceInfo.relationName(), attributes, 0);
        output.setClassIndex(classIndex);
        setOutputFormat(output);
        m_Batch = 0;
        m_RowInBatch.set(0);
        m_RowsAfterFirst.set(0);
        m_CheckedHeader = null;
        return true;
    }

    @Override
    public boolean input(Instance instance) throws Exception {
        try {
            return accept(instance);
        } catch (IllegalArgumentException e) {
            throw userError(e);
        }
    }

    private boolean accept(Instance instance) throws Exception {
        if (getInputFormat() == null) {
            throw new IllegalStateException("No input instance format defined");
        }
        if (isNewBatch()) {
            resetQueue();
            startBatch();
        }
        checkHeader(instance);
        if (!isFirstBatchDone() && fitsOnFirstBatch()) {
            bufferInput(instance);
            return false;
        }
        convert(instance);
        return true;
    }

    @Override
    public boolean batchFinished() throws Exception {
        try {
            return finishBatch();
        } catch (IllegalArgumentException e) {
            throw userError(e);
        }
    }

    private boolean finishBatch() throws Exception {
        if (getInputFormat() == null) {
            throw new IllegalStateException("No input instance format defined");
        }
        if (isNewBatch()) {
            startBatch(); // an empty batch still counts
        }
        boolean first = !isFirstBatchDone();
        if (fitsOnFirstBatch() && first) {
            Instances batch = getInputFormat();
            if (m_Features.length > 0) {
                try {
                    fit(new FeatureRows(batch));
                } catch (InvalidValueException e) {
                    throw reported(located(e, e.row() >= 0 ? "row " + (e.row() + 1) : "the first batch"));
                }
            }
            m_RowInBatch.set(0);
            for (int i = 0; i < batch.numInstances(); i++) {
                convert(batch.instance(i));
            }
        }
        batchDone();
        flushInput();
        m_NewBatch = true;
        m_FirstBatchDone = true;
        if (first && getDebug()) {
            // -output-debug-info (the GUI's debug property): what the first batch fitted, on the console.
            System.err.println(this);
        }
        return numPendingOutput() != 0;
    }

    private void startBatch() {
        m_NewBatch = false;
        m_Batch++;
        m_RowInBatch.set(0);
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

    /** Per thread: the batch, the row in it and the row after the first batch being converted (see convert). */
    private static final ThreadLocal<long[]> CONVERTING = ThreadLocal.withInitial(() -> new long[3]);

    private static String rowText(long batch, long row, long afterFirst) {
        return batch > 1 ? "row " + row + " of batch " + batch + " (row " + afterFirst + " after the first batch)"
                : "row " + row;
    }

    /**
     * The row this thread is transforming, as error messages name it ("row 3", "row 2 of batch 2 (row 5 after the
     * first batch)"): for a message about a row that is not an error. Valid inside {@link #transform}.
     */
    protected static String transformingRow() {
        long[] r = CONVERTING.get();
        return rowText(r[0], r[1], r[2]);
    }

    /**
     * Says something the user should know (e.g. a batch that came out all silent): on standard error, which
     * the command line and Weka's log window show, and in Weka's log.
     */
    protected void warn(String message) {
        String text = getClass().getSimpleName() + ": " + message;
        System.err.println(text);
        weka.core.logging.Logger.log(weka.core.logging.Logger.Level.WARNING, text);
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

    /**
     * The engine's account of a bad value restated in Weka's terms: the node, the attribute by name and
     * position (from 1), where the row is, the value, what is required, and the node's advice.
     *
     * @param problem the engine's exception; its feature index (if set) names the attribute
     * @param where where the row is, e.g. "row 12" or "row 1 of batch 3 (row 2 after the first batch)"
     */
    protected IllegalArgumentException located(InvalidValueException problem, String where) {
        int f = problem.feature();
        String attribute = f >= 0 && m_Features != null && f < m_Features.length
                ? "attribute '" + getInputFormat().attribute(m_Features[f]).name() + "' (#" + (m_Features[f] + 1) + ")"
                : "a selected attribute";
        return new IllegalArgumentException(getClass().getSimpleName() + ": " + attribute + ", " + where + ": "
                + problem.problemText() + "." + advice(problem), problem);
    }

    /**
     * Bad input or a bad option, with a message that says what to fix. It carries no Java stack trace, which would
     * tell a user nothing more: the command line ({@code Filter.runFilter} prints the exception) and the
     * KnowledgeFlow log show the message alone (the KnowledgeFlow's Filter step still adds its own frames).
     */
    static final class UserError extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The error as a {@link UserError} with the same message (a cause's message is already in it). */
    static IllegalArgumentException userError(IllegalArgumentException e) {
        return e instanceof UserError ? e : new UserError(e.getMessage());
    }

    /**
     * Also logs a rejected row ({@link #warn}): Weka's streaming {@code MultiFilter} (through
     * {@code SimpleStreamFilter.input}) catches its members' exceptions and drops the row without a word, so the
     * log may be the only place the reason shows.
     */
    private IllegalArgumentException reported(IllegalArgumentException e) {
        String message = e.getMessage();
        String prefix = getClass().getSimpleName() + ": ";
        warn(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        return e;
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

    /** As {@link #featuresOf(Instance)}, into the calling thread's buffer, for a row being transformed. */
    private double[] scratchFeaturesOf(Instance instance) {
        return featuresOf(instance, RowScratch.get().features(m_Features.length));
    }

    private double[] featuresOf(Instance instance, double[] values) {
        for (int f = 0; f < values.length; f++) {
            // Weka's missing value is NaN, which is also the engine's.
            values[f] = instance.value(m_Features[f]);
        }
        return values;
    }

    private void convert(Instance instance) {
        long batch = m_Batch;
        long row = m_RowInBatch.incrementAndGet();
        long afterFirst = batch > 1 ? m_RowsAfterFirst.incrementAndGet() : 0;
        long[] converting = CONVERTING.get();
        converting[0] = batch;
        converting[1] = row;
        converting[2] = afterFirst;
        Instances output = outputFormatPeek();
        Instance result;
        try {
            result = m_SparseRows || instance instanceof SparseInstance
                    ? sparseRow(instance, output.numAttributes())
                    : denseRow(instance, output.numAttributes());
        } catch (InvalidValueException e) {
            throw reported(located(e, rowText(batch, row, afterFirst)));
        }
        // String and relational values are stored in the header; carry them over to the output header.
        Instances source = instance.dataset() != null ? instance.dataset() : getInputFormat();
        copyValues(result, false, source, output);
        push(result, false);
    }

    /** The output row: each feature's transformed values in its place, every other value copied. */
    private Instance denseRow(Instance instance, int size) {
        double[] values = new double[size];
        int width = m_Width;
        int o = 0;
        int f = 0;
        for (int j = 0; j < instance.numAttributes(); j++) {
            if (f < m_Features.length && m_Features[f] == j) {
                o += m_Block == null ? width : f == 0 ? m_Block.length : 0;
                f++;
            } else {
                values[o++] = instance.value(j);
            }
        }
        if (m_Features.length > 0) {
            transform(scratchFeaturesOf(instance), values, m_At);
        }
        return new DenseInstance(instance.weight(), values);
    }

    /**
     * The same values as {@link #denseRow}, zeros not stored (missing values are): the features' non-zero outputs
     * ({@link #transformSparse}) merged in index order with the other non-zero values, gathered in the thread's
     * scratch buffers so that a row allocates only what it stores.
     */
    private Instance sparseRow(Instance instance, int size) {
        RowScratch scratch = RowScratch.get();
        int width = m_Width;
        int units = m_Block == null ? m_Features.length * width : m_Block.length;
        double[] listedValues = scratch.listedValues(units);
        int[] listedIndices = scratch.listedIndices(units);
        int listed = m_Features.length == 0 ? 0
                : transformSparse(scratchFeaturesOf(instance), m_At, listedValues, listedIndices);
        double[] values = scratch.values(size);
        int[] indices = scratch.indices(size);
        int next = 0;
        int stored = 0;
        int o = 0;
        int f = 0;
        for (int j = 0; j < instance.numAttributes(); j++) {
            if (f < m_Features.length && m_Features[f] == j) {
                o += m_Block == null ? width : f == 0 ? m_Block.length : 0;
                f++;
                continue;
            }
            for (; next < listed && listedIndices[next] < o; next++, stored++) {
                values[stored] = listedValues[next];
                indices[stored] = listedIndices[next];
            }
            double v = instance.value(j);
            if (v != 0.0) {
                values[stored] = v;
                indices[stored++] = o;
            }
            o++;
        }
        for (; next < listed; next++, stored++) {
            values[stored] = listedValues[next];
            indices[stored] = listedIndices[next];
        }
        // SparseInstance's public constructors copy the arrays once more; its copy constructor shares them.
        return new SparseInstance(new AdoptedSparseRow(instance.weight(), Arrays.copyOf(values, stored),
                Arrays.copyOf(indices, stored), size));
    }

    /** A sparse row that takes its arrays as they are, for {@code new SparseInstance(SparseInstance)} to share. */
    private static final class AdoptedSparseRow extends SparseInstance {

        private static final long serialVersionUID = 1L;

        AdoptedSparseRow(double weight, double[] values, int[] indices, int numAttributes) {
            m_Weight = weight;
            m_AttValues = values;
            m_Indices = indices;
            m_NumAttributes = numAttributes;
        }
    }

    private static String zeroPadded(int k, int digits) {
        StringBuilder s = new StringBuilder(Integer.toString(k));
        while (s.length() < digits) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
