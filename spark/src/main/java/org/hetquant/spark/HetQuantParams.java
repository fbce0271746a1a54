package org.hetquant.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.GainScheme;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.UpdateRule;
import scala.runtime.AbstractFunction1;

/**
 * The one declaration of every Spark param of the HetQuant stages: name, documentation, validator and default,
 * the defaults being the Weka nodes' ({@code weka.filters.unsupervised.attribute.hetquant}). Spark finds a
 * stage's params through its public no-argument methods returning a {@link Param}, so each stage still holds its
 * own instances, made here.
 *
 * <p>A rejected value raises an {@link IllegalArgumentException} naming the param, the value given and the valid
 * range (Spark's own message would name only the param and the value).
 */
final class HetQuantParams {

    private HetQuantParams() {}

    /** handleInvalid: raise an error naming the feature, the row and the value. */
    static final String ERROR = "error";
    /** handleInvalid: drop the row. */
    static final String SKIP = "skip";
    /** handleInvalid: treat the value as missing, so the feature's neurons stay silent (the Weka nodes' rule). */
    static final String KEEP = "keep";

    static final String DEFAULT_INPUT_COL = "features";
    static final String DEFAULT_OUTPUT_COL = "phases";
    /** The Weka nodes' default duplication (the paper's grid uses 4, 8, 16 and 32). */
    static final int DEFAULT_DUPLICATION = 8;

    /** Every param's default, by name: the Weka nodes' defaults. */
    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("inputCol", DEFAULT_INPUT_COL),
            Map.entry("outputCol", DEFAULT_OUTPUT_COL),
            Map.entry("handleInvalid", ERROR),
            Map.entry("negativeValues", name(NegativePolicy.CLIP)),
            Map.entry("gainScheme", name(GainScheme.UNIFORM)),
            Map.entry("duplication", DEFAULT_DUPLICATION),
            Map.entry("payload", ColumnGains.DEFAULT_PAYLOAD),
            Map.entry("limit", ColumnGains.DEFAULT_LIMIT),
            Map.entry("calibrate", false),
            Map.entry("smoothing", CalibrationParameters.ADAPTIVE_SMOOTHING),
            Map.entry("updateRule", name(UpdateRule.FINAL)),
            Map.entry("encoding", name(PhaseEncoding.ASCENDING)),
            Map.entry("gainScale", name(GainScale.Rule.AUTO)),
            Map.entry("targetUtilization", GainScale.DEFAULT_TARGET),
            Map.entry("shiftOffset", 0.0),
            Map.entry("featureOffsets", new double[0]),
            Map.entry("gainFactor", 1.0));

    /**
     * Sets the defaults of the owner's params. Call it last in the stage's constructor: Spark lists a stage's
     * params once, on first use, so every param field must be assigned by then.
     */
    @SuppressWarnings("unchecked")
    static void setDefaults(Params owner) {
        for (Param<?> param : owner.params()) {
            Object value = DEFAULTS.get(param.name());
            if (value != null) {
                owner.setDefault((Param<Object>) param, value);
            }
        }
    }

    static Param<String> inputCol(Params owner) {
        return new Param<>(owner, "inputCol", "The input column: a vector of raw features per row (e.g. the"
                + " sensors of one sample, as VectorAssembler makes it).",
                check("inputCol", "a non-empty column name", (String s) -> s != null && !s.isEmpty()));
    }

    static Param<String> outputCol(Params owner) {
        return new Param<>(owner, "outputCol", "The output column: a vector of features·n phase codes, unit"
                + " f·n + k for neuron k (ascending gain) of feature f.",
                check("outputCol", "a non-empty column name", (String s) -> s != null && !s.isEmpty()));
    }

    static Param<String> handleInvalid(Params owner) {
        return new Param<>(owner, "handleInvalid", "What to do with a NaN, an infinite value, a negative value"
                + " under negativeValues = error, or a null vector: error (fail, naming the feature, the row and the"
                + " value), skip (drop the row) or keep (treat the value as missing: that feature's neurons stay"
                + " silent, as in the Weka nodes).",
                choice("handleInvalid", ERROR, SKIP, KEEP));
    }

    static Param<String> negativeValues(Params owner) {
        return new Param<>(owner, "negativeValues", "What the L1 normalization does with negative values: clip"
                + " (the default: each becomes 0), offset (each feature's own negative minimum over the fitting"
                + " data is subtracted), shift (the paper's data-level shift: the fitting data's negative global"
                + " minimum is subtracted from every value) or error (a negative value is invalid, see"
                + " handleInvalid). Values still negative after offset or shift become 0.",
                choice("negativeValues", names(NegativePolicy.values())));
    }

    static Param<String> gainScheme(Params owner) {
        return new Param<>(owner, "gainScheme", "How the n gains of a data-blind column are spread: uniform"
                + " (P / linspace(L, 1, n), the paper's heterogeneous default), equidistant, or homogeneous (n"
                + " copies of P). Unused when calibrate is true.",
                choice("gainScheme", names(GainScheme.values())));
    }

    static IntParam duplication(Params owner) {
        return new IntParam(owner, "duplication", "Duplication n: neurons per feature, >= 1 (the paper uses 4,"
                + " 8, 16 and 32).",
                check("duplication", ">= 1", (Object n) -> n instanceof Integer i && i >= 1));
    }

    static DoubleParam payload(Params owner) {
        return new DoubleParam(owner, "payload", "Payload P: the gain of the least sensitive uniform neuron"
                + " (homogeneous: of every neuron; calibrated: the scale of the corrected gains), finite and > 0.",
                check("payload", "finite and > 0", (Object p) -> p instanceof Double d && d > 0 && Double.isFinite(d)));
    }

    static DoubleParam limit(Params owner) {
        return new DoubleParam(owner, "limit", "Limit L, in (0, 1): the most sensitive uniform gain is P / L,"
                + " and a calibration counts smaller normalized values as L.",
                check("limit", "in (0, 1)", (Object l) -> l instanceof Double d && d > 0 && d < 1));
    }

    static BooleanParam calibrate(Params owner) {
        return new BooleanParam(owner, "calibrate", "Fit each feature's gains on the data (Jenks natural"
                + " breaks, smoothing s, global gain correction) instead of using the gain scheme.");
    }

    static DoubleParam smoothing(Params owner) {
        return new DoubleParam(owner, "smoothing", "Calibration smoothing s, in [0, 1]: 0.25 is the paper's"
                + " Adaptive condition (4 Jenks classes), 0.5 its Scaled one.",
                check("smoothing", "in [0, 1]", (Object s) -> s instanceof Double d && d >= 0 && d <= 1));
    }

    static Param<String> updateRule(Params owner) {
        return new Param<>(owner, "updateRule", "Which rows a calibration uses: final (all of them) or faithful"
                + " (as the authors' code: the rows up to the last one that set a new running extreme).",
                choice("updateRule", names(UpdateRule.values())));
    }

    static Param<String> encoding(Params owner) {
        return new Param<>(owner, "encoding", "How a phase is written: ascending (the default: 0 silent, 1"
                + " weakest ... 16 strongest), paper (0 silent, 2 strongest ... 17 weakest, as published) or binary"
                + " (1 spike, 0 silent).", choice("encoding", names(PhaseEncoding.values())));
    }

    static Param<String> gainScale(Params owner) {
        return new Param<>(owner, "gainScale", "One factor on every gain, for the number of features F and the"
                + " data: auto (the default: F / 8, unless the fitting rows' mean utilization under it falls"
                + " outside 35-55 %, then fitted), fitted (the smallest factor under which the fitting rows' mean"
                + " utilization reaches targetUtilization), features (F / 8) or fixed (1, the paper's gains).",
                choice("gainScale", names(GainScale.Rule.values())));
    }

    static DoubleParam targetUtilization(Params owner) {
        return new DoubleParam(owner, "targetUtilization", "The mean utilization, in percent, in (0, 100], that a"
                + " fitted gain scale aims at (the paper operates at about 45).",
                check("targetUtilization", "in (0, 100]", (Object u) -> u instanceof Double d && d > 0 && d <= 100));
    }

    /** The fitted state of a model: its gains. */
    static DoubleArrayArrayParam gains(Params owner) {
        return new DoubleArrayArrayParam(owner, "gains", "The fitted gains: gains[f][k] of neuron k of feature f,"
                + " n per feature, finite, > 0 and ascending in k (drive per unit of normalized input).",
                check("gains", "per feature n finite gains > 0, ascending, the same n for every feature",
                        (double[][] g) -> ColumnGains.of(g) != null));
    }

    /** The fitted state of a model: the data-level shift. */
    static DoubleParam shiftOffset(Params owner) {
        return new DoubleParam(owner, "shiftOffset", "The fitted data-level shift: the fitting data's global"
                + " minimum when negative, else 0; subtracted from every value before normalization when"
                + " negativeValues is shift.", check("shiftOffset", "finite and <= 0",
                        (Object o) -> o instanceof Double d && d <= 0 && Double.isFinite(d)));
    }

    /** What a model's fit found: the gain scale's factor (the gains hold it already). */
    static DoubleParam gainFactor(Params owner) {
        return new DoubleParam(owner, "gainFactor", "The factor the gain scale applied to the fitted gains"
                + " (informational: gains already include it), finite and > 0.",
                check("gainFactor", "finite and > 0", (Object c) -> c instanceof Double d && d > 0 && Double.isFinite(d)));
    }

    /** The fitted state of a model: the per-feature offsets (negativeValues = offset). */
    static DoubleArrayParam featureOffsets(Params owner) {
        return new DoubleArrayParam(owner, "featureOffsets", "The fitted per-feature offsets: each feature's"
                + " minimum over the fitting data when negative, else 0; subtracted from that feature before"
                + " normalization when negativeValues is offset (empty otherwise).",
                check("featureOffsets", "finite and <= 0 each",
                        (double[] o) -> Arrays.stream(o).allMatch(d -> d <= 0 && Double.isFinite(d))));
    }

    /** The lower-case names Spark users type for an engine enum's constants. */
    static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(HetQuantParams::name).toArray(String[]::new);
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The engine constant a (validated) param value names. */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    }

    private static AbstractFunction1<String, Object> choice(String param, String... allowed) {
        return check(param, "one of " + String.join(", ", allowed), (String s) -> Arrays.asList(allowed).contains(s));
    }

    private static <T> AbstractFunction1<T, Object> check(String param, String range, SerializablePredicate<T> ok) {
        return new Validator<>(param, range, ok);
    }

    /** A predicate a param can hold: params are serialized with their stage. */
    interface SerializablePredicate<T> extends Predicate<T>, Serializable {}

    /** Spark's validator function, which fails with the param, the value and the valid range named. */
    private static final class Validator<T> extends AbstractFunction1<T, Object> implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String param;
        private final String range;
        private final SerializablePredicate<T> ok;

        Validator(String param, String range, SerializablePredicate<T> ok) {
            this.param = param;
            this.range = range;
            this.ok = ok;
        }

        @Override
        public Object apply(T value) {
            String problem;
            try {
                problem = value != null && ok.test(value) ? null : "got " + shown(value);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                throw new IllegalArgumentException("HetQuant param " + param + " must be " + range + "; " + problem);
            }
            return Boolean.TRUE;
        }

        private static String shown(Object value) {
            return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        }
    }
}
