package weka.filters.unsupervised.attribute.hetquant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hetquant.engine.GranuleConnectivity;
import org.hetquant.engine.GranuleLayer;
import org.hetquant.engine.GranuleWeights;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.SelectedTag;

/**
 * The granule-cell (GC) layer, the paper's plastic readout (docs/method.md §2(e)): the selected attributes are MC
 * spike phases; a population of GCs, randomly wired to them, learns its input weights by STDP on the first batch
 * (unsupervised, {@link GranuleLayer}) and reads every row out as GC phases. The selected attributes are replaced,
 * as one block, by the GC outputs {@code gc0000 …}.
 */
public class HetQuantGranule extends AbstractHetQuantFilter implements Randomizable {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS = List.of(NodeOptions.RANGE, NodeOptions.INVERT,
            NodeOptions.ENCODING, NodeOptions.SPARSE, NodeOptions.GRANULES, NodeOptions.MC_DUPLICATION,
            NodeOptions.PROBABILITY, NodeOptions.BINARY, NodeOptions.SEED);

    /** How many GCs {@link #toString()} lists with their surviving inputs. */
    private static final int LISTED_GRANULES = 100;

    /** Column outputs are named {@code <source>_n<kk>}: n is the number of outputs per source. */
    private static final Pattern COLUMN_OUTPUT = Pattern.compile("(.*)_n\\d+");

    /** The MC neuron's phases, whose codes the input is read in. */
    private static final PhaseTable MC_TABLE = PhaseTable.of(NeuronParameters.DEFAULT);
    /** Paper phase of each ascending code (0 silent, 1 weakest ... 16 strongest); −1 for a value that is none. */
    private static final int[] FROM_ASCENDING = decoding(PhaseEncoding.ASCENDING);
    /** Paper phase of each paper code (0 silent, 2 strongest ... 17 weakest); −1 for a value that is none. */
    private static final int[] FROM_PAPER = decoding(PhaseEncoding.PAPER);

    /** The MC duplication n in use (given, or inferred from the attribute names), once the format is set. */
    private int m_N;
    /** The GC output names, set with the input format. */
    private String[] m_OutputNames;

    private GranuleWeights m_Weights;
    private int m_TrainingRows;
    /**
     * GC utilization on the first batch as {@link #toString()} shows it: mean (%) and SD (pp, n − 1), or
     * {@code null} before it is transformed. Text, because the engine's Summary is not serializable.
     */
    private String m_FirstBatchUtilization;

    /** Collects the first batch's per-row GC utilization while it is transformed, else {@code null}. */
    private transient volatile UtilizationCollector m_Collector;
    /** One reader per thread: a fitted node transforms rows from any thread. */
    private transient volatile ThreadLocal<GranuleWeights.Reader> m_Readers;

    /**
     * Runs the filter from the command line.
     *
     * @param args the options, see {@code -h}
     */
    public static void main(String[] args) {
        runFilter(new HetQuantGranule(), args);
    }

    @Override
    protected String describe() {
        return "Granule-cell layer, the paper's plastic readout: MC phases in, GC phases out, weights by STDP."
                + " The selected attributes are MC spike phases as HetQuantSpikePhase or HetQuantPipeline output"
                + " them, in the encoding set here (ascending by default, as theirs; paper also works). A population of"
                + " granule cells (GCs), each wired at random to about 1/n of them, learns its input weights by"
                + " spike-timing-dependent plasticity on the rows of the first batch (unsupervised, in row order);"
                + " only the weights that differentiate survive. Every row's selected attributes are then replaced"
                + " by the GC phases gc0000 ... (0 silent, about 27 ... 46), or by 1 (spike) / 0 with the binary"
                + " option. A missing MC phase counts as silent.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
    }

    @OptionMetadata(
            displayName = NodeOptions.ENCODING_LABEL,
            description = NodeOptions.ENCODING_TEXT,
            displayOrder = NodeOptions.ENCODING_ORDER)
    public SelectedTag getEncoding() {
        return NodeOptions.ENCODING.tag(get(NodeOptions.ENCODING));
    }

    public void setEncoding(SelectedTag encoding) {
        set(NodeOptions.ENCODING, NodeOptions.ENCODING.fromTag(encoding));
    }

    @OptionMetadata(
            displayName = NodeOptions.GRANULES_LABEL,
            description = NodeOptions.GRANULES_TEXT,
            displayOrder = NodeOptions.GRANULES_ORDER)
    public int getGranulesPerMitral() {
        return get(NodeOptions.GRANULES);
    }

    public void setGranulesPerMitral(int granules) {
        set(NodeOptions.GRANULES, granules);
    }

    @OptionMetadata(
            displayName = NodeOptions.MC_DUPLICATION_LABEL,
            description = NodeOptions.MC_DUPLICATION_TEXT,
            displayOrder = NodeOptions.MC_DUPLICATION_ORDER)
    public int getMitralDuplication() {
        return get(NodeOptions.MC_DUPLICATION);
    }

    public void setMitralDuplication(int n) {
        set(NodeOptions.MC_DUPLICATION, n);
    }

    @OptionMetadata(
            displayName = NodeOptions.PROBABILITY_LABEL,
            description = NodeOptions.PROBABILITY_TEXT,
            displayOrder = NodeOptions.PROBABILITY_ORDER)
    public double getProbability() {
        return get(NodeOptions.PROBABILITY);
    }

    public void setProbability(double probability) {
        set(NodeOptions.PROBABILITY, probability);
    }

    @OptionMetadata(
            displayName = NodeOptions.BINARY_LABEL,
            description = NodeOptions.BINARY_TEXT,
            displayOrder = NodeOptions.BINARY_ORDER)
    public boolean getBinary() {
        return get(NodeOptions.BINARY);
    }

    public void setBinary(boolean binary) {
        set(NodeOptions.BINARY, binary);
    }

    @OptionMetadata(
            displayName = NodeOptions.SEED_LABEL,
            description = NodeOptions.SEED_TEXT,
            displayOrder = NodeOptions.SEED_ORDER)
    @Override
    public int getSeed() {
        return get(NodeOptions.SEED);
    }

    @Override
    public void setSeed(int seed) {
        set(NodeOptions.SEED, seed);
    }

    /** The learned layer, or {@code null} before the first batch. */
    public GranuleWeights weights() {
        return m_Weights;
    }

    @Override
    protected int outputsPerFeature() {
        return 1;
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return true;
    }

    @Override
    protected void prepare(int features) {
        m_Weights = null;
        m_Readers = null;
        m_FirstBatchUtilization = null;
        m_Collector = null;
        if (get(NodeOptions.ENCODING) == PhaseEncoding.BINARY) {
            throw new IllegalArgumentException(NodeOptions.ENCODING.name() + ": binary, but the granule layer learns"
                    + " from spike timing, which binary spikes do not carry; feed it ascending or paper phases and set"
                    + " the same " + NodeOptions.ENCODING.name() + " here");
        }
        m_N = getMitralDuplication() > 0 ? getMitralDuplication() : inferDuplication(featureNames());
        GranuleLayer.granuleCount(features, getGranulesPerMitral());
    }

    /**
     * n from the column nodes' output names: every selected attribute named {@code <source>_n<kk>}, with the
     * same number of attributes per source.
     *
     * @throws IllegalArgumentException naming an attribute that does not follow the pattern, or two sources with
     *                                  different counts
     */
    static int inferDuplication(String[] names) {
        Map<String, Integer> perSource = new LinkedHashMap<>();
        for (String name : names) {
            Matcher m = COLUMN_OUTPUT.matcher(name);
            if (!m.matches()) {
                throw new IllegalArgumentException(NodeOptions.MC_DUPLICATION.name() + " is 0, so n is inferred"
                        + " from the attribute names <source>_n<kk>, but attribute '" + name + "' does not follow"
                        + " that pattern; set " + NodeOptions.MC_DUPLICATION.name());
            }
            perSource.merge(m.group(1), 1, Integer::sum);
        }
        String first = perSource.keySet().iterator().next();
        int n = perSource.get(first);
        for (Map.Entry<String, Integer> e : perSource.entrySet()) {
            if (e.getValue() != n) {
                throw new IllegalArgumentException(NodeOptions.MC_DUPLICATION.name() + " is 0, but the attribute"
                        + " names give " + n + " MCs for '" + first + "' and " + e.getValue() + " for '"
                        + e.getKey() + "'; set " + NodeOptions.MC_DUPLICATION.name());
            }
        }
        return n;
    }

    @Override
    protected String[] blockOutputNames(String[] featureNames) {
        int granules = featureNames.length * getGranulesPerMitral();
        int digits = Math.max(4, Integer.toString(granules - 1).length());
        String[] names = new String[granules];
        for (int j = 0; j < granules; j++) {
            names[j] = String.format(Locale.ROOT, "gc%0" + digits + "d", j);
        }
        m_OutputNames = names;
        return names;
    }

    /** The connection probability in use: the option, or the paper's 1/n. */
    double probability() {
        return getProbability() > 0 ? getProbability() : GranuleConnectivity.paperProbability(m_N);
    }

    @Override
    protected void fit(double[][] rows) {
        int mitrals = featureNames().length;
        byte[][] phases = new byte[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            phases[r] = toPhases(rows[r], r);
        }
        GranuleConnectivity connectivity = GranuleConnectivity.random(mitrals,
                GranuleLayer.granuleCount(mitrals, getGranulesPerMitral()), probability(), getSeed());
        m_Weights = GranuleLayer.PAPER.train(connectivity, phases);
        m_TrainingRows = rows.length;
        m_Readers = null;
        // The first batch is transformed next; its GC utilization is collected on the way (see batchDone).
        m_Collector = new UtilizationCollector(rows.length);
    }

    @Override
    protected void batchDone() {
        UtilizationCollector collector = m_Collector;
        if (collector != null) {
            Summary summary = collector.summary();
            m_FirstBatchUtilization = String.format(Locale.ROOT, "mean %s %%, SD %s pp (n - 1)",
                    Summary.text(summary.mean(), 2), Summary.text(summary.sd(), 2));
            m_Collector = null;
        }
    }

    @Override
    protected void transform(double[] features, double[] out, int[] at) {
        byte[] mitral = toPhases(features, -1);
        byte[] granule = new byte[m_Weights.granuleCount()];
        reader().phases(mitral, granule);
        boolean binary = getBinary();
        for (int j = 0; j < granule.length; j++) {
            out[at[0] + j] = binary ? (granule[j] != 0 ? 1 : 0) : granule[j];
        }
        UtilizationCollector collector = m_Collector;
        if (collector != null) {
            collector.add(Utilization.ofSample(granule, 0, granule.length));
        }
    }

    private GranuleWeights.Reader reader() {
        ThreadLocal<GranuleWeights.Reader> readers = m_Readers;
        if (readers == null) {
            GranuleWeights weights = m_Weights;
            readers = ThreadLocal.withInitial(weights::reader);
            m_Readers = readers;
        }
        return readers.get();
    }

    /**
     * MC phases of one row, in the paper's numbering the engine uses, from the input encoding (-encoding); missing
     * counts as silent.
     *
     * @param row the row within the first batch, from 0, or −1 when the caller locates it
     * @throws InvalidValueException naming the feature (and row) of a value that is not an MC phase in the encoding
     */
    private byte[] toPhases(double[] features, long row) {
        PhaseEncoding encoding = get(NodeOptions.ENCODING);
        int[] decode = encoding == PhaseEncoding.PAPER ? FROM_PAPER : FROM_ASCENDING;
        byte[] out = new byte[features.length];
        for (int f = 0; f < features.length; f++) {
            double x = features[f];
            if (Double.isNaN(x)) {
                continue;
            }
            if (!(x >= 0 && x < decode.length && x == Math.rint(x) && decode[(int) x] >= 0)) {
                throw new InvalidValueException(row, f, x, Double.isInfinite(x)
                        ? InvalidValueException.Problem.NOT_FINITE : InvalidValueException.Problem.OUT_OF_RANGE,
                        "the granule layer reads MC phases in the " + encoding.name().toLowerCase(Locale.ROOT)
                                + " encoding (" + NodeOptions.ENCODING.name() + "): 0 (silent) or "
                                + (encoding == PhaseEncoding.PAPER ? MC_TABLE.strongestPhase() + " ... "
                                        + MC_TABLE.weakestPhase() : "1 ... " + MC_TABLE.levels()));
            }
            out[f] = (byte) decode[(int) x];
        }
        return out;
    }

    @Override
    protected String advice(InvalidValueException problem) {
        return " Feed it the output of HetQuantSpikePhase or HetQuantPipeline, with the same -encoding on both.";
    }

    /** For each value of {@code encoding}'s codes, the paper phase it stands for; −1 where none. */
    private static int[] decoding(PhaseEncoding encoding) {
        int[] codes = encoding.lookup(MC_TABLE);
        int[] decode = new int[encoding.maxValue(MC_TABLE) + 1];
        java.util.Arrays.fill(decode, -1);
        decode[0] = 0;
        for (int p : MC_TABLE.phases()) {
            decode[codes[p]] = p;
        }
        return decode;
    }

    /** Per-row utilization of the first batch, gathered as it is transformed (in any order). */
    private static final class UtilizationCollector {
        private final double[] values;
        private int count;

        UtilizationCollector(int rows) {
            values = new double[rows];
        }

        synchronized void add(double utilization) {
            if (count < values.length) {
                values[count++] = utilization;
            }
        }

        synchronized Summary summary() {
            return Utilization.summarize(java.util.Arrays.copyOf(values, count));
        }
    }

    @Override
    public String toString() {
        if (m_Weights == null) {
            return notFittedMessage();
        }
        GranuleWeights w = m_Weights;
        int[] outcome = w.outcomeCounts();
        int pairs = w.connectivity().pairCount();
        StringBuilder s = new StringBuilder();
        s.append(getClass().getSimpleName()).append(String.format(Locale.ROOT,
                " (granule-cell layer trained by STDP on the first batch, %d rows)%n", m_TrainingRows));
        s.append(String.format(Locale.ROOT, "%d MC inputs (n = %d%s) -> %d GCs (%d per MC); connection probability"
                + " p = %s, seed %d: %d connected pairs%n", w.mitralCount(), m_N,
                getMitralDuplication() > 0 ? "" : ", from the attribute names", w.granuleCount(),
                getGranulesPerMitral(), fmt(probability()), getSeed(), pairs));
        s.append(String.format(Locale.ROOT, "after training: %d at w_max = %s, %d pruned to 0, %d never updated"
                + " (their MC or GC never fired), %d in between%n", outcome[0], fmt(w.layer().stdp().maxWeight()),
                outcome[1], outcome[2], outcome[3]));
        s.append(String.format(Locale.ROOT, "surviving the clamp (w > %s): %d of %d pairs (%.1f %%); GCs with a"
                + " surviving input: %d of %d%n", fmt(w.layer().clampThreshold()), w.survivingCount(), pairs,
                pairs == 0 ? 0.0 : 100.0 * w.survivingCount() / pairs, w.granulesWithInput(), w.granuleCount()));
        if (m_FirstBatchUtilization != null) {
            s.append("GC utilization on the first batch: ").append(m_FirstBatchUtilization).append('\n');
        }
        s.append("\nsurviving inputs per GC (weight in parentheses when not w_max):\n");
        String[] names = featureNames();
        int listed = Math.min(LISTED_GRANULES, w.granuleCount());
        GranuleConnectivity c = w.connectivity();
        for (int j = 0; j < listed; j++) {
            StringBuilder inputs = new StringBuilder();
            for (int p = c.pairStart(j); p < c.pairStart(j + 1); p++) {
                double weight = w.weight(p);
                if (weight != 0.0) {
                    inputs.append(inputs.length() == 0 ? "" : ", ").append(names[c.pairSource(p)]);
                    if (weight != w.layer().stdp().maxWeight()) {
                        inputs.append(" (").append(fmt(weight)).append(')');
                    }
                }
            }
            s.append(String.format(Locale.ROOT, "  %s <- %s%n", m_OutputNames[j],
                    inputs.length() == 0 ? "(none: always silent)" : inputs));
        }
        if (listed < w.granuleCount()) {
            s.append(String.format(Locale.ROOT, "  ... (%d more GCs)%n", w.granuleCount() - listed));
        }
        return s.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
