package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.GainScheme;
import org.hetquant.engine.GranuleLayer;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.ParameterRange;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.UpdateRule;

/**
 * Every option of the HetQuant nodes, declared once: a node lists the ones it has ({@link
 * AbstractHetQuantFilter#options()}), in this order, which is also their order in the GUI, in {@code -h} and in
 * {@code getOptions()}.
 *
 * <p>The GUI reads each property's label, description and position from its getter's {@code @OptionMetadata},
 * whose values must be compile-time constants; they are the {@code *_LABEL}, {@code *_TEXT} and {@code *_ORDER}
 * constants below, which the option objects use too ({@code NodeOptionsTest} checks every getter against its
 * option). Each description's first sentence, all the GUI shows, is short and complete and holds no other '.'.
 *
 * <p>Three defaults differ from the paper, chosen by measurement on real sensor data ({@code docs/real-data.md},
 * written by {@code mvn -B -q compile exec:java@realdata}): negative values are clipped ({@link #NEGATIVE}), the
 * gains follow the number of attributes ({@link #GAIN_SCALE}) and phases are written in the ascending code
 * ({@link #ENCODING}). {@code -negative shift -gain-scale fixed -encoding paper} is the paper.
 *
 * <p>To add an option: declare its three constants and its {@link NodeOption} here, list it in the nodes' {@code
 * options()}, and give those nodes a getter (annotated with the constants) and a setter calling {@code get} and
 * {@code set}.
 */
final class NodeOptions {

    private NodeOptions() {}

    static final String RANGE_LABEL = "Attribute indices";
    static final String RANGE_TEXT = "The attributes to transform, as a Weka range such as 1,3-5,last. The class"
            + " and non-numeric attributes always pass through unchanged.";
    static final int RANGE_ORDER = 0;
    static final NodeOption<String> RANGE = NodeOption.text("R", "attributeIndices", RANGE_LABEL, RANGE_TEXT,
            RANGE_ORDER, "first-last", "-R <col1,col2-col4,...>");

    static final String INVERT_LABEL = "Invert selection";
    static final String INVERT_TEXT = "Transform the numeric attributes outside the range instead of those inside"
            + " it.";
    static final int INVERT_ORDER = 1;
    static final NodeOption<Boolean> INVERT = NodeOption.flag("V", "invertSelection", INVERT_LABEL, INVERT_TEXT,
            INVERT_ORDER);

    static final String NEGATIVE_LABEL = "Negative values";
    static final String NEGATIVE_TEXT = "What L1 normalization does with negative values: clip, offset, shift or"
            + " error. clip (the default): each negative value becomes 0, counted (see -output-debug-info);"
            + " offset: each attribute's own minimum in the first batch, when negative, is subtracted from it;"
            + " shift: the paper's data-level shift, the first batch's global minimum over all selected attributes,"
            + " when negative, subtracted from every value (one outlier moves every row); error: a negative value is"
            + " an error naming the attribute and the row. With offset and shift, later values still negative are"
            + " clipped to 0 and counted. -no-shift, the former option, still means error.";
    static final int NEGATIVE_ORDER = 2;
    static final NodeOption<NegativePolicy> NEGATIVE = NodeOption.choice("negative", "negativeValues",
            NEGATIVE_LABEL, NEGATIVE_TEXT, NEGATIVE_ORDER, NegativePolicy.CLIP);

    /**
     * Whether command-line options hold {@code -no-shift}, the former spelling of {@code -negative error} (kept so
     * that saved option strings still mean what they meant), consuming it.
     */
    static boolean noShift(String[] options) throws Exception {
        return weka.core.Utils.getFlag("no-shift", options);
    }

    static final String REJECT_NEGATIVE_LABEL = "Reject negative values";
    static final String REJECT_NEGATIVE_TEXT = "Make a negative value an error instead of clipping it to 0. Off (the"
            + " default), each negative value becomes 0 and is counted (see -output-debug-info), as HetQuantNormalizer"
            + " does by default; on, a negative value is an error naming the attribute and the row. The policies"
            + " learned on a first batch (offset, shift) need HetQuantNormalizer.";
    static final NodeOption<Boolean> REJECT_NEGATIVE = NodeOption.flag("reject-negative", "rejectNegative",
            REJECT_NEGATIVE_LABEL, REJECT_NEGATIVE_TEXT, NEGATIVE_ORDER);

    static final String SCHEME_LABEL = "Gain scheme";
    static final String SCHEME_TEXT = "How the n gains of a column are spread: uniform, equidistant or"
            + " homogeneous. uniform (the default) is the paper's heterogeneous column, P / linspace(L, 1, n);"
            + " equidistant puts the firing onsets dense at small inputs; homogeneous is n copies of P, the"
            + " paper's baseline. Names are matched case-insensitively.";
    static final int SCHEME_ORDER = 3;
    static final NodeOption<GainScheme> SCHEME = NodeOption.choice("scheme", "gainScheme", SCHEME_LABEL,
            SCHEME_TEXT, SCHEME_ORDER, GainScheme.UNIFORM);

    static final String DUPLICATION_LABEL = "Duplication (n)";
    static final String DUPLICATION_TEXT = "Neurons per attribute, a whole number of at least 1. The paper uses 4,"
            + " 8, 16 and 32 and names no single default.";
    static final int DUPLICATION_ORDER = 4;
    static final NodeOption<Integer> DUPLICATION = NodeOption.wholeNumber("N", "duplication", DUPLICATION_LABEL,
            DUPLICATION_TEXT, DUPLICATION_ORDER, 8, ParameterRange.DUPLICATION);

    static final String PAYLOAD_LABEL = "Payload (P)";
    static final String PAYLOAD_TEXT = "Drive scale of the gains, a finite number above 0. It is the gain of the"
            + " least sensitive uniform neuron (homogeneous: of every neuron; calibrated: the scale of the"
            + " corrected gains); the paper uses 25.";
    static final int PAYLOAD_ORDER = 5;
    static final NodeOption<Double> PAYLOAD = NodeOption.number("P", "payload", PAYLOAD_LABEL, PAYLOAD_TEXT,
            PAYLOAD_ORDER, ColumnGains.DEFAULT_PAYLOAD, ParameterRange.PAYLOAD);

    static final String LIMIT_LABEL = "Limit (L)";
    static final String LIMIT_TEXT = "Smallest covered input, a number between 0 and 1 (both excluded). The most"
            + " sensitive uniform gain is P / L, and a calibration counts smaller observations as L; the paper"
            + " uses 0.01. Unused by the homogeneous scheme.";
    static final int LIMIT_ORDER = 6;
    static final NodeOption<Double> LIMIT = NodeOption.number("L", "limit", LIMIT_LABEL, LIMIT_TEXT, LIMIT_ORDER,
            ColumnGains.DEFAULT_LIMIT, ParameterRange.LIMIT);

    static final String CALIBRATE_LABEL = "Calibrate";
    static final String CALIBRATE_TEXT = "Fit the gains on the first batch (data-aware calibration) instead of"
            + " using the gain scheme.";
    static final int CALIBRATE_ORDER = 7;
    static final NodeOption<Boolean> CALIBRATE = NodeOption.flag("calibrate", "calibrate", CALIBRATE_LABEL,
            CALIBRATE_TEXT, CALIBRATE_ORDER);

    static final String SMOOTHING_LABEL = "Smoothing (s)";
    static final String SMOOTHING_TEXT = "Smoothing of the calibration, a number between 0 and 1 (both"
            + " included). 0.25 is the paper's \"Adaptive\" condition (4 Jenks classes), 0.5 its \"Scaled\" one"
            + " (2 classes, one linear segment).";
    static final int SMOOTHING_ORDER = 8;
    static final NodeOption<Double> SMOOTHING = NodeOption.number("S", "smoothing", SMOOTHING_LABEL,
            SMOOTHING_TEXT, SMOOTHING_ORDER, CalibrationParameters.ADAPTIVE_SMOOTHING, ParameterRange.SMOOTHING);

    static final String RULE_LABEL = "Update rule";
    static final String RULE_TEXT = "Which first-batch rows the calibration is fitted on: final or faithful."
            + " final (the default): every row; faithful: as the authors' code, only the rows up to the last one"
            + " that set a new running minimum or maximum. Names are matched case-insensitively.";
    static final int RULE_ORDER = 9;
    static final NodeOption<UpdateRule> RULE = NodeOption.choice("rule", "updateRule", RULE_LABEL, RULE_TEXT,
            RULE_ORDER, UpdateRule.FINAL);

    static final String ENCODING_LABEL = "Phase encoding";
    static final String ENCODING_TEXT = "How a spike phase is written: ascending, paper or binary. ascending (the"
            + " default): 0 silent, 1 weakest to 16 strongest, so the value grows with the drive; paper: 0 silent, 2"
            + " strongest to 17 weakest, as published (silence sorts next to the strongest response); binary: 1"
            + " spike, 0 silent. Names are matched case-insensitively.";
    static final int ENCODING_ORDER = 10;
    static final NodeOption<PhaseEncoding> ENCODING = NodeOption.choice("encoding", "encoding", ENCODING_LABEL,
            ENCODING_TEXT, ENCODING_ORDER, PhaseEncoding.ASCENDING);

    static final String GAIN_SCALE_LABEL = "Gain scale";
    static final String GAIN_SCALE_TEXT = "How the gains follow the attribute count F and the data: auto, fitted,"
            + " features or fixed. L1-normalized inputs average 1 / F, while the paper's gains were made for"
            + " 8 sensors: features multiplies every gain by F / 8 (F = 8 is exactly the paper); fitted multiplies"
            + " them by the smallest factor under which the first batch's mean utilization reaches the target"
            + " (-U); auto (the default) is features unless the first batch's mean utilization under it falls"
            + " outside 35-55 % (the paper's operating range), then fitted; fixed keeps the gains of P and L (the"
            + " paper). The factor in use is shown by toString. Names are matched case-insensitively.";
    static final int GAIN_SCALE_ORDER = 11;
    static final NodeOption<GainScale.Rule> GAIN_SCALE = NodeOption.choice("gain-scale", "gainScale",
            GAIN_SCALE_LABEL, GAIN_SCALE_TEXT, GAIN_SCALE_ORDER, GainScale.Rule.AUTO);

    static final String FIXED_GAINS_LABEL = "Fixed gains";
    static final String FIXED_GAINS_TEXT = "Keep the gains of P and L as given instead of scaling them to F attributes."
            + " Off (the default), every gain is multiplied by F / 8, because L1-normalized inputs average 1 / F"
            + " while the paper's gains were made for 8 sensors (F = 8 is exactly the paper); on, the paper's gains"
            + " whatever F. A scale fitted on data (-gain-scale fitted or auto) needs a batch node: HetQuantPipeline"
            + " or HetQuantCalibrator.";
    static final NodeOption<Boolean> FIXED_GAINS = NodeOption.flag("fixed-gains", "fixedGains", FIXED_GAINS_LABEL,
            FIXED_GAINS_TEXT, GAIN_SCALE_ORDER);

    static final String TARGET_LABEL = "Target utilization (%)";
    static final String TARGET_TEXT = "The mean utilization a fitted gain scale aims at, a percentage in (0, 100]."
            + " The paper operates at about 45; used by -gain-scale fitted, and by auto when it fits.";
    static final int TARGET_ORDER = 12;
    static final NodeOption<Double> TARGET = NodeOption.number("U", "targetUtilization", TARGET_LABEL, TARGET_TEXT,
            TARGET_ORDER, GainScale.DEFAULT_TARGET, ParameterRange.TARGET_UTILIZATION);

    static final String DISTINCT_LABEL = "Exact distinct values";
    static final String DISTINCT_TEXT = "Distinct values per attribute the calibration keeps exactly, a whole number"
            + " of at least 1. Beyond them it keeps a quantile sketch about 1/20 that size (KLL, k = limit / 64) and"
            + " fits on its quantiles: approximate, and randomized.";
    static final int DISTINCT_ORDER = 13;
    static final NodeOption<Integer> DISTINCT = NodeOption.wholeNumber("distinct", "distinct", DISTINCT_LABEL,
            DISTINCT_TEXT, DISTINCT_ORDER, CalibrationSummary.DEFAULT_EXACT_LIMIT, ParameterRange.EXACT_LIMIT);

    static final String SPARSE_LABEL = "Sparse output";
    static final String SPARSE_TEXT = "Output sparse rows for dense input too; sparse input always gives sparse"
            + " output. Zeros (silent neurons) are not stored; the values are those of the dense output.";
    static final int SPARSE_ORDER = 14;
    static final NodeOption<Boolean> SPARSE = NodeOption.flag("sparse", "sparseOutput", SPARSE_LABEL, SPARSE_TEXT,
            SPARSE_ORDER);

    static final String GRANULES_LABEL = "Granule cells per mitral cell";
    static final String GRANULES_TEXT = "Granule cells per input MC, a whole number of at least 1. The paper uses 4"
            + " (2 in its calibrated Concentration runs).";
    static final int GRANULES_ORDER = 15;
    static final NodeOption<Integer> GRANULES = NodeOption.wholeNumber("G", "granulesPerMitral", GRANULES_LABEL,
            GRANULES_TEXT, GRANULES_ORDER, GranuleLayer.PAPER_GRANULES_PER_MITRAL,
            ParameterRange.GRANULES_PER_MITRAL);

    static final String MC_DUPLICATION_LABEL = "Mitral cells per sensor (n)";
    static final String MC_DUPLICATION_TEXT = "MCs per sensor in the input, a whole number of at least 0. With 0"
            + " (the default) n is read from the column outputs' names <source>_n<kk>; the connection"
            + " probability defaults to 1/n.";
    static final int MC_DUPLICATION_ORDER = 16;
    static final NodeOption<Integer> MC_DUPLICATION = NodeOption.wholeNumber("M", "mitralDuplication",
            MC_DUPLICATION_LABEL, MC_DUPLICATION_TEXT, MC_DUPLICATION_ORDER, 0,
            new ParameterRange(0, false, Integer.MAX_VALUE, false, true));

    static final String PROBABILITY_LABEL = "Connection probability (p)";
    static final String PROBABILITY_TEXT = "Share of the GCs each MC projects to, a number in [0, 1]. 0 (the"
            + " default) uses the paper's 1/n: 0.25, 0.125, 0.0625 and 0.03125 for n = 4, 8, 16 and 32.";
    static final int PROBABILITY_ORDER = 17;
    static final NodeOption<Double> PROBABILITY = NodeOption.number("p", "probability", PROBABILITY_LABEL,
            PROBABILITY_TEXT, PROBABILITY_ORDER, 0.0, ParameterRange.CONNECTION_PROBABILITY);

    static final String BINARY_LABEL = "Binary output";
    static final String BINARY_TEXT = "Output 1 for a GC that fires in the readout cycle and 0 otherwise. Off (the"
            + " default), the output is the GC's spike phase.";
    static final int BINARY_ORDER = 18;
    static final NodeOption<Boolean> BINARY = NodeOption.flag("binary", "binary", BINARY_LABEL, BINARY_TEXT,
            BINARY_ORDER);

    static final String SEED_LABEL = "Random seed";
    static final String SEED_TEXT = "Seed of the random MC-to-GC wiring, a whole number. The same seed and first"
            + " batch give the same layer.";
    static final int SEED_ORDER = 19;
    static final NodeOption<Integer> SEED = NodeOption.wholeNumber("seed", "seed", SEED_LABEL, SEED_TEXT, SEED_ORDER,
            1, new ParameterRange(Integer.MIN_VALUE, false, Integer.MAX_VALUE, false, true));
}
