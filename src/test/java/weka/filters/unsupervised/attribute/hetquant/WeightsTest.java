package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.J48;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.MultiFilter;
import weka.filters.unsupervised.attribute.Normalize;

/**
 * Instance and attribute weights: every node takes weighted data as it is (a WeightedInstancesHandler), passes
 * each row's weight and each feature's attribute weight through, and fits the same with or without weights.
 * Weights never enter a fit (see {@link AbstractHetQuantFilter}).
 */
class WeightsTest {

    private static final String NODES = "weka.filters.unsupervised.attribute.hetquant.";

    /** The example: two positive attributes, a class, and unequal instance weights. */
    private static final String WEIGHTED = """
            @relation weighted
            @attribute a numeric
            @attribute b numeric
            @attribute class {p,q}
            @data
            1,3,p,{5}
            3,1,q,{0.25}
            2,2,p,{1}
            1,4,p,{2}
            4,1,q,{1}
            3,2,q,{3}
            1,5,p,{1}
            5,1,q,{1}
            """;

    static Stream<String> nodes() {
        return Stream.of(NODES + "HetQuantNormalizer", NODES + "HetQuantStreamNormalizer",
                NODES + "HetQuantColumn -N 3", NODES + "HetQuantSpikePhase",
                NODES + "HetQuantPipeline -N 2", NODES + "HetQuantPipeline -N 2 -calibrate",
                NODES + "HetQuantPipeline -N 2 -gain-scale fitted",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantNormalizer\" -F \"" + NODES
                        + "HetQuantCalibrator -N 3 -gain-scale fitted\"",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantNormalizer\" -F \"" + NODES
                        + "HetQuantColumn -N 4\" -F \"" + NODES + "HetQuantSpikePhase\"",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantNormalizer\" -F \"" + NODES
                        + "HetQuantCalibrator -N 4\" -F \"" + NODES + "HetQuantSpikePhase\"");
    }

    /** The weighted data with every weight set to 1. */
    private static Instances unweighted(Instances data) {
        Instances copy = new Instances(data);
        for (int i = 0; i < copy.numInstances(); i++) {
            copy.instance(i).setWeight(1.0);
        }
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void weightedDataPassesThroughWithItsWeightsAndTheSameValues(String spec) throws Exception {
        Instances data = TestData.arff(WEIGHTED);
        Instances out = TestData.firstBatch(TestData.filter(spec), data);
        Instances reference = TestData.firstBatch(TestData.filter(spec), unweighted(data));
        assertEquals(data.numInstances(), out.numInstances());
        for (int i = 0; i < data.numInstances(); i++) {
            assertEquals(data.instance(i).weight(), out.instance(i).weight(), 0.0, "weight of row " + (i + 1));
            // Weights do not enter any fit: the values equal those of the unweighted data.
            assertArrayEquals(reference.instance(i).toDoubleArray(), out.instance(i).toDoubleArray(), 0.0,
                    "row " + (i + 1));
        }
    }

    /**
     * The fits that depend on which values occur, not how often (the offset's and shift's minima, the calibration's
     * distinct values), with the data-blind gain scale: a fitted gain scale aims at the first batch's mean
     * utilization with each row counted once, so w copies of a row move it and a row of weight w does not.
     */
    static Stream<String> valueSetFits() {
        return Stream.of(NODES + "HetQuantNormalizer -negative shift", NODES + "HetQuantNormalizer -negative offset",
                NODES + "HetQuantStreamNormalizer", NODES + "HetQuantColumn -N 3", NODES + "HetQuantSpikePhase",
                NODES + "HetQuantPipeline -N 2 -negative shift -gain-scale features",
                NODES + "HetQuantPipeline -N 2 -calibrate -negative offset -gain-scale features",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantNormalizer -negative shift\" -F \"" + NODES
                        + "HetQuantCalibrator -N 4 -gain-scale features\" -F \"" + NODES + "HetQuantSpikePhase\"");
    }

    /**
     * A row of integer weight w fits as w copies of it where the fit uses which values occur, not how often. (The
     * calibrator, which needs normalized input, runs behind the normalizer in the MultiFilter case.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSetFits")
    void aRowOfIntegerWeightFitsAsThatManyCopies(String spec) throws Exception {
        // Gas drift has negative values (exercising the learned shift and offsets); the stream normalizer, which
        // learns nothing, gets their absolute values.
        boolean stream = spec.contains("Stream");
        Instances weighted = sample("gas-drift-batch1.arff", stream);
        Instances copies = new Instances(weighted, 0);
        for (int i = 0; i < weighted.numInstances(); i++) {
            int w = 1 + i % 3;
            weighted.instance(i).setWeight(w);
            for (int c = 0; c < w; c++) {
                copies.add(weighted.instance(i));
            }
        }
        Filter fittedOnWeights = TestData.filter(spec);
        TestData.firstBatch(fittedOnWeights, weighted);
        Filter fittedOnCopies = TestData.filter(spec);
        TestData.firstBatch(fittedOnCopies, unweighted(copies));
        Instances test = sample("gas-drift-batch2.arff", stream);
        Instances a = Filter.useFilter(test, fittedOnWeights);
        Instances b = Filter.useFilter(test, fittedOnCopies);
        for (int i = 0; i < test.numInstances(); i++) {
            assertArrayEquals(b.instance(i).toDoubleArray(), a.instance(i).toDoubleArray(), 0.0,
                    "test row " + (i + 1));
        }
    }

    private static Instances sample(String name, boolean nonNegative) throws Exception {
        Instances data = TestData.sample(name);
        return nonNegative ? TestData.nonNegative(data) : data;
    }

    /**
     * The example: J48 behind the pipeline (as behind Weka's Normalize) is trained on the weighted rows,
     * so its leaves show weight totals (fractional here), not the counts of a weighted resample of 8 rows.
     */
    @Test
    void j48BehindThePipelineShowsWeightedCountsInItsLeavesAsBehindNormalize() throws Exception {
        Instances data = TestData.arff(WEIGHTED);
        // The paper's gains (-gain-scale fixed): on two attributes the default scale, F / 8, leaves the less
        // sensitive neuron below its firing drive for every normalized value, and J48 finds no split.
        for (Filter front : new Filter[] {new Normalize(),
            TestData.filter(NODES + "HetQuantPipeline -N 2 -gain-scale fixed")}) {
            FilteredClassifier fc = new FilteredClassifier();
            fc.setFilter(front);
            fc.setClassifier(new J48());
            fc.buildClassifier(data);
            String model = fc.toString();
            // A one-split tree "x <= t: c (w)" / "x > t: c (w/e)": each leaf's total is the weight of the
            // filtered training rows on its side.
            Matcher split = Pattern.compile("\\n(\\S+) <= ([-0-9.E]+): \\w+ \\(([0-9.]+)(?:/[0-9.]+)?\\)\\n"
                    + "\\1 > \\2: \\w+ \\(([0-9.]+)(?:/[0-9.]+)?\\)").matcher(model);
            assertTrue(split.find(), "expected a one-split tree:\n" + model);
            Instances filtered = Filter.useFilter(data, fc.getFilter());
            int attribute = filtered.attribute(split.group(1)).index();
            double threshold = Double.parseDouble(split.group(2));
            double below = 0;
            double above = 0;
            for (int i = 0; i < filtered.numInstances(); i++) {
                double w = filtered.instance(i).weight();
                if (filtered.instance(i).value(attribute) <= threshold) {
                    below += w;
                } else {
                    above += w;
                }
            }
            assertEquals(below, Double.parseDouble(split.group(3)), 1e-9, model);
            assertEquals(above, Double.parseDouble(split.group(4)), 1e-9, model);
            // Resampled data would give whole counts summing to 8 rows; the weights sum to 14.25.
            assertEquals(14.25, below + above, 1e-9);
            assertTrue(below != Math.rint(below) || above != Math.rint(above), model);
        }
    }

    @Test
    void aMultiFilterOfNodesTakesWeightedData() throws Exception {
        Instances data = TestData.arff(WEIGHTED);
        MultiFilter chain = new MultiFilter();
        chain.setFilters(new Filter[] {new HetQuantNormalizer(), TestData.filter(NODES + "HetQuantCalibrator -N 2"),
                new HetQuantSpikePhase()});
        Instances out = TestData.firstBatch(chain, data);
        Instances pipeline = TestData.firstBatch(TestData.filter(NODES + "HetQuantPipeline -N 2 -calibrate"), data);
        for (int i = 0; i < data.numInstances(); i++) {
            assertEquals(data.instance(i).weight(), out.instance(i).weight(), 0.0);
            assertArrayEquals(pipeline.instance(i).toDoubleArray(), out.instance(i).toDoubleArray(), 0.0,
                    "row " + (i + 1));
        }
    }

    @Test
    void eachOutputOfAFeatureCarriesItsAttributeWeight() throws Exception {
        Instances data = TestData.arff(WEIGHTED);
        data.attribute(0).setWeight(2.0);
        data.attribute(1).setWeight(0.5);
        data.attribute(2).setWeight(3.0);
        Instances out = TestData.firstBatch(TestData.filter(NODES + "HetQuantPipeline -N 2"), data);
        double[] expected = {2.0, 2.0, 0.5, 0.5, 3.0};
        assertEquals(expected.length, out.numAttributes());
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], out.attribute(j).weight(), 0.0, out.attribute(j).name());
        }
    }
}
