package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;

/**
 * Issue 8 item 1, at the nodes: over rows whose values span the whole double range (10^-323 … 1.8·10^308, a third
 * of the rows near the top, where a plain sum overflows, a third near the denormals, some values missing), L1 normalization is scale-invariant, so the normalizer and the composite node must give every row
 * the same output as the row scaled down to ordinary magnitudes by a power of two (exact), never zeros, NaN or
 * a missing value the input did not have (a missing input stays missing in the normalizer and is silent in the
 * composite node). 3,000 random rows of 4 attributes, for each of the two nodes.
 */
class RandomMagnitudesTest {

    private static final int ROWS = 3000;

    @Test
    void hugeAndTinyRowsGiveTheOutputsOfTheSameRowAtOrdinaryScale() throws Exception {
        SplittableRandom random = new SplittableRandom(88);
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            attributes.add(new Attribute("s" + f));
        }
        Instances raw = new Instances("raw", attributes, ROWS);
        Instances ordinary = new Instances("ordinary", attributes, ROWS);
        for (int r = 0; r < ROWS; r++) {
            double[] x = new double[4];
            double max = 0;
            // A third of the rows near the largest doubles (their sum overflows), a third near the denormals.
            int kind = random.nextInt(3);
            double exponent = kind == 0 ? 306 + random.nextDouble() * 2.25
                    : kind == 1 ? -323 + random.nextDouble() * 20 : -300 + random.nextDouble() * 600;
            for (int f = 0; f < 4; f++) {
                x[f] = random.nextInt(10) == 0 ? Double.NaN
                        : Math.min(Double.MAX_VALUE, Math.pow(10, exponent + random.nextDouble() * 4 - 2));
                max = Double.isNaN(x[f]) ? max : Math.max(max, x[f]);
            }
            // Scale the row so that its largest value is in [1, 2): exact for every value that stays normal;
            // values that would fall below the normal range are a share below 2^-1022 and set to 0 in both.
            int shift = max == 0 ? 0 : -Math.getExponent(max);
            double[] y = new double[4];
            for (int f = 0; f < 4; f++) {
                y[f] = Math.scalb(x[f], shift);
                if (Math.abs(y[f]) < Double.MIN_NORMAL) {
                    x[f] = Double.isNaN(x[f]) ? x[f] : 0.0;
                    y[f] = Double.isNaN(x[f]) ? y[f] : 0.0;
                }
            }
            raw.add(new DenseInstance(1.0, x));
            ordinary.add(new DenseInstance(1.0, y));
        }
        int compared = 0;
        for (Filter filter : List.<Filter>of(new HetQuantStreamNormalizer(), pipeline())) {
            Filter copy = Filter.makeCopy(filter);
            Instances fromRaw = TestData.firstBatch(filter, raw);
            Instances fromOrdinary = TestData.firstBatch(copy, ordinary);
            for (int r = 0; r < ROWS; r++) {
                Instance a = fromRaw.instance(r);
                Instance b = fromOrdinary.instance(r);
                for (int j = 0; j < a.numAttributes(); j++) {
                    boolean phases = filter instanceof HetQuantPipeline;
                    boolean missing = raw.instance(r).isMissing(phases ? j / 8 : j);
                    // The normalizer keeps a missing value missing; the composite node makes its neurons silent.
                    assertEquals(missing && !phases, a.isMissing(j), "missing only where missing");
                    if (missing && phases) {
                        assertEquals(0.0, a.value(j), 0.0);
                    }
                    if (!a.isMissing(j)) {
                        assertTrue(Double.isFinite(a.value(j)), "row " + r + ": " + a);
                        if (a.value(j) != b.value(j)) {
                            assertEquals(b.value(j), a.value(j), 0.0, filter.getClass().getSimpleName() + ", row " + r
                                    + ": " + raw.instance(r) + " vs " + ordinary.instance(r));
                        }
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > ROWS * 4 * 0.8 * 9, "values compared: " + compared);
    }

    /** The composite node with the error policy: no value here is negative, and none may be clipped. */
    private static HetQuantPipeline pipeline() {
        return TestData.configured(new HetQuantPipeline(), "-negative", "error");
    }
}
