package weka.filters.unsupervised.attribute.hetquant;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hetquant.engine.GranuleConnectivity;
import org.hetquant.engine.GranuleLayer;
import org.hetquant.engine.GranuleWeights;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Utilization;
import weka.core.OptionMetadata;
import weka.core.Randomizable;

/**
 * The granule-cell (GC) layer, the paper's plastic readout (spec §2(e)): the selected attributes are MC spike
 * phases; a population of GCs, randomly wired to them, learns its input weights by STDP on the first batch
 * (unsupervised, {@link GranuleLayer}) and reads every row out as GC phases. The selected attributes are replaced,
 * as one block, by the GC outputs {@code gc0000 …}.
 */
public class HetQuantGranule extends AbstractHetQuantFilter implements Randomizable {

    private static final long serialVersionUID = 1L;

    /** How many GCs {@link #toString()} lists with their surviving inputs. */
    private static final int LISTED_GRANULES = 100;

    /** Column outputs are named {@code <source>_n<kk>}: n is the number of outputs per source. */
    private static final Pattern COLUMN_OUTPUT = Pattern.compile("(.*)_n\\d+");

    private int m_GranulesPerMitral = GranuleLayer.PAPER_GRANULES_PER_MITRAL;
    private int m_Duplication;
    private double m_Probability;
    private int m_Seed = 1;
    private boolean m_Binary;

    /** The MC duplication n in use (given, or inferred from the attribute names), once the format is set. */
    private int m_N;
    /** The valid MC phases: 0 and the firing phases of the MC neuron (2 ... 17). */
    private final boolean[] m_ValidPhase = validPhases();

    /** The GC output names, set with the input format. */
    private String[] m_OutputNames;

    private GranuleWeights m_Weights;
    private int m_TrainingRows;
    /** GC utilization on the first batch: mean (%) and SD (pp, n − 1); NaN before fitting or on an empty batch. */
    private double m_TrainingMean = Double.NaN;
    private double m_TrainingSd = Double.NaN;
    /** Per-row GC utilization of the first batch while it is transformed, else {@code null}. */
    private transient double[] m_FirstBatchUtilization;

    private transient GranuleWeights.Reader m_Reader;
    private transient byte[] m_Mitral;
    private transient byte[] m_Granule;

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
        return "Granule-cell layer, the paper's plastic readout: learns its MC-to-GC weights by STDP on the first"
                + " batch. The selected attributes are MC spike phases in the paper encoding (0 silent, 2 strongest"
                + " ... 17 weakest), as HetQuantSpikePhase or HetQuantPipeline output them. A population of"
                + " granule cells (GCs), each wired at random to about 1/n of them, learns its input weights by"
                + " spike-timing-dependent plasticity on the rows of the first batch (unsupervised, in row order);"
                + " only the weights that differentiate survive. Every row's selected attributes are then replaced"
                + " by the GC phases gc0000 ... (0 silent, about 27 ... 46), or by 1 (spike) / 0 with the binary"
                + " option. A missing MC phase counts as silent.";
    }

    @OptionMetadata(
            displayName = "GCs per MC",
            description = "Granule cells per input MC; >= 1. The paper uses 4 (2 in its calibrated Concentration"
                    + " runs).",
            displayOrder = 2,
            commandLineParamName = "G",
            commandLineParamSynopsis = "-G <int>")
    public int getGranulesPerMitral() {
        return m_GranulesPerMitral;
    }

    public void setGranulesPerMitral(int granules) {
        m_GranulesPerMitral = granules;
    }

    @OptionMetadata(
            displayName = "MC duplication n",
            description = "MCs per sensor in the input; 0 infers it from the column names <source>_n<kk>."
                    + " The default connection probability is 1/n, so each GC sees about one MC per sensor.",
            displayOrder = 3,
            commandLineParamName = "N",
            commandLineParamSynopsis = "-N <int>")
    public int getDuplication() {
        return m_Duplication;
    }

    public void setDuplication(int n) {
        m_Duplication = n;
    }

    @OptionMetadata(
            displayName = "connection probability",
            description = "Share of the GCs each MC projects to, in [0, 1]; 0 uses the paper's 1/n (0.25, 0.125,"
                    + " 0.0625, 0.03125 for n = 4, 8, 16, 32).",
            displayOrder = 4,
            commandLineParamName = "p",
            commandLineParamSynopsis = "-p <double>")
    public double getProbability() {
        return m_Probability;
    }

    public void setProbability(double probability) {
        m_Probability = probability;
    }

    @OptionMetadata(
            displayName = "binary output",
            description = "Output 1 for a GC that fires in the readout cycle and 0 otherwise, instead of its phase.",
            displayOrder = 5,
            commandLineParamName = "binary",
            commandLineParamSynopsis = "-binary",
            commandLineParamIsFlag = true)
    public boolean getBinary() {
        return m_Binary;
    }

    public void setBinary(boolean binary) {
        m_Binary = binary;
    }

    @OptionMetadata(
            displayName = "seed",
            description = "Seed of the random MC-to-GC wiring; the same seed and first batch give the same layer.",
            displayOrder = 6,
            commandLineParamName = "S",
            commandLineParamSynopsis = "-S <int>")
    @Override
    public int getSeed() {
        return m_Seed;
    }

    @Override
    public void setSeed(int seed) {
        m_Seed = seed;
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
    protected void checkOptions() {
        if (m_GranulesPerMitral < 1) {
            throw new IllegalArgumentException("-G (GCs per MC) must be >= 1, got " + m_GranulesPerMitral);
        }
        if (m_Duplication < 0) {
            throw new IllegalArgumentException("-N (MC duplication n) must be >= 0 (0 = infer from the attribute"
                    + " names), got " + m_Duplication);
        }
        if (!(m_Probability >= 0.0 && m_Probability <= 1.0)) {
            throw new IllegalArgumentException("-p (connection probability) must be in [0, 1] (0 = the paper's"
                    + " 1/n), got " + m_Probability);
        }
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return true;
    }

    @Override
    protected void prepare(int features) {
        m_Weights = null;
        m_Reader = null;
        m_TrainingMean = Double.NaN;
        m_TrainingSd = Double.NaN;
        m_FirstBatchUtilization = null;
        m_N = m_Duplication > 0 ? m_Duplication : inferDuplication(featureNames());
        GranuleLayer.granuleCount(features, m_GranulesPerMitral);
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
                throw new IllegalArgumentException("-N (MC duplication n) is 0, so n is inferred from the attribute"
                        + " names <source>_n<kk>, but attribute '" + name + "' does not follow that pattern; set -N");
            }
            perSource.merge(m.group(1), 1, Integer::sum);
        }
        int n = perSource.values().iterator().next();
        for (Map.Entry<String, Integer> e : perSource.entrySet()) {
            if (e.getValue() != n) {
                String first = perSource.keySet().iterator().next();
                throw new IllegalArgumentException("-N (MC duplication n) is 0, but the attribute names give "
                        + perSource.get(first) + " MCs for '" + first + "' and " + e.getValue() + " for '" + e.getKey()
                        + "'; set -N");
            }
        }
        return n;
    }

    @Override
    protected String[] blockOutputNames(String[] featureNames) {
        int granules = featureNames.length * m_GranulesPerMitral;
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
        return m_Probability > 0 ? m_Probability : GranuleConnectivity.paperProbability(m_N);
    }

    @Override
    protected void fit(double[][] rows) {
        int mitrals = featureNames().length;
        byte[][] phases = new byte[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            phases[r] = new byte[mitrals];
            toPhases(rows[r], phases[r], r);
        }
        GranuleConnectivity connectivity = GranuleConnectivity.random(mitrals,
                GranuleLayer.granuleCount(mitrals, m_GranulesPerMitral), probability(), m_Seed);
        m_Weights = GranuleLayer.PAPER.train(connectivity, phases);
        m_TrainingRows = rows.length;
        // The first batch is transformed next; its GC utilization is collected on the way (see batchDone).
        m_FirstBatchUtilization = new double[rows.length];
    }

    @Override
    protected void batchDone() {
        if (m_FirstBatchUtilization != null) {
            if (m_FirstBatchUtilization.length > 0) {
                Utilization.Summary summary = Utilization.summarize(m_FirstBatchUtilization);
                m_TrainingMean = summary.mean();
                m_TrainingSd = summary.sd();
            }
            m_FirstBatchUtilization = null;
        }
    }

    @Override
    protected void transform(double[] features, double[] out, long row) {
        if (m_Reader == null) {
            m_Reader = m_Weights.reader();
            m_Mitral = new byte[m_Weights.mitralCount()];
            m_Granule = new byte[m_Weights.granuleCount()];
        }
        toPhases(features, m_Mitral, row);
        m_Reader.phases(m_Mitral, m_Granule);
        if (m_FirstBatchUtilization != null) {
            m_FirstBatchUtilization[(int) row] = Utilization.ofSample(m_Granule, 0, m_Granule.length);
        }
        for (int j = 0; j < m_Granule.length; j++) {
            out[j] = m_Binary ? (m_Granule[j] != 0 ? 1 : 0) : m_Granule[j];
        }
    }

    /**
     * MC phases of one row; missing counts as silent.
     *
     * @throws IllegalArgumentException naming the attribute, the row (from 1) and the valid values
     */
    private void toPhases(double[] features, byte[] out, long row) {
        for (int f = 0; f < features.length; f++) {
            double x = features[f];
            if (Double.isNaN(x)) {
                out[f] = 0;
                continue;
            }
            if (!(x >= 0 && x < m_ValidPhase.length && x == Math.rint(x) && m_ValidPhase[(int) x])) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": attribute '" + featureNames()[f]
                        + "', row " + (row + 1) + ": " + x + " is not an MC phase in the paper encoding (0 silent,"
                        + " 2 strongest ... 17 weakest); feed the output of HetQuantSpikePhase or HetQuantPipeline"
                        + " with -encoding paper");
            }
            out[f] = (byte) x;
        }
    }

    private static boolean[] validPhases() {
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT);
        boolean[] valid = new boolean[table.weakestPhase() + 1];
        valid[0] = true;
        for (int p : table.phases()) {
            valid[p] = true;
        }
        return valid;
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
                m_Duplication > 0 ? "" : ", from the attribute names", w.granuleCount(), m_GranulesPerMitral,
                fmt(probability()), m_Seed, pairs));
        s.append(String.format(Locale.ROOT, "after training: %d at w_max = %s, %d pruned to 0, %d never updated"
                + " (their MC or GC never fired), %d in between%n", outcome[0], fmt(w.layer().stdp().maxWeight()),
                outcome[1], outcome[2], outcome[3]));
        s.append(String.format(Locale.ROOT, "surviving the clamp (w > %s): %d of %d pairs (%.1f %%); GCs with a"
                + " surviving input: %d of %d%n", fmt(w.layer().clampThreshold()), w.survivingCount(), pairs,
                pairs == 0 ? 0.0 : 100.0 * w.survivingCount() / pairs, w.granulesWithInput(), w.granuleCount()));
        if (!Double.isNaN(m_TrainingMean)) {
            s.append(String.format(Locale.ROOT, "GC utilization on the first batch: mean %.2f %%, SD %.2f pp (n - 1)%n",
                    m_TrainingMean, m_TrainingSd));
        }
        s.append("\nsurviving inputs per GC (weight in parentheses when not w_max):\n");
        String[] names = featureNames();
        int listed = Math.min(LISTED_GRANULES, w.granuleCount());
        for (int j = 0; j < listed; j++) {
            StringBuilder inputs = new StringBuilder();
            GranuleConnectivity c = w.connectivity();
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
