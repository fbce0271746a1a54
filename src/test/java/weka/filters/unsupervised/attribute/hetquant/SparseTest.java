package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.filters.Filter;
import weka.filters.unsupervised.instance.NonSparseToSparse;

/**
 * Sparse data: sparse input stays sparse, {@code -sparse} makes dense input sparse, and the values are the same
 * as the dense output's in every case, for every node, in the first batch and in a later one.
 */
class SparseTest {

    private static final String NODES = "weka.filters.unsupervised.attribute.hetquant.";

    /** Zeros, a missing value, a string and a nominal attribute between the features, a weighted row. */
    private static final String MIXED = """
            @relation mixed
            @attribute s1 numeric
            @attribute note string
            @attribute s2 numeric
            @attribute site {north,south}
            @attribute s3 numeric
            @attribute class {p,q}
            @data
            0.5,'first row',0,north,0.5,p
            0,'',0,south,0,q
            0.1,'x y',?,north,0.9,q,{2.5}
            0.7,z,0.2,south,0.1,p
            """;

    static Stream<Arguments> cases() {
        String normalizedChain = "weka.filters.MultiFilter -F \"" + NODES + "HetQuantNormalizer\" -F \"" + NODES;
        String granuleChain = "weka.filters.MultiFilter -F \"" + NODES + "HetQuantPipeline -N 4\" -F \"" + NODES
                + "HetQuantGranule\"";
        return Stream.of(
                Arguments.of(NODES + "HetQuantNormalizer", "gas"),
                Arguments.of(NODES + "HetQuantStreamNormalizer", "gas, non-negative"),
                Arguments.of(NODES + "HetQuantColumn -N 4", "gas"),
                Arguments.of(NODES + "HetQuantSpikePhase -encoding ascending", "gas"),
                Arguments.of(normalizedChain + "HetQuantCalibrator -N 4\"", "gas"),
                Arguments.of(NODES + "HetQuantPipeline -N 8", "gas"),
                Arguments.of(NODES + "HetQuantPipeline -N 8 -calibrate", "gas"),
                Arguments.of(NODES + "HetQuantNormalizer", "mixed"),
                Arguments.of(NODES + "HetQuantStreamNormalizer", "mixed"),
                Arguments.of(NODES + "HetQuantColumn -N 3", "mixed"),
                Arguments.of(NODES + "HetQuantSpikePhase", "mixed"),
                Arguments.of(NODES + "HetQuantCalibrator -N 3", "mixed"),
                Arguments.of(NODES + "HetQuantPipeline -N 3 -calibrate", "mixed"),
                // The granule layer's outputs replace the features as one block.
                Arguments.of(granuleChain, "gas"),
                Arguments.of(granuleChain, "mixed"));
    }

    private static Filter filter(String spec, boolean sparseOutput) throws Exception {
        if (sparseOutput) {
            // In a MultiFilter, the last node's option.
            spec = spec.endsWith("\"") ? spec.substring(0, spec.length() - 1) + " -sparse\"" : spec + " -sparse";
        }
        return TestData.filter(spec);
    }

    private static Instances[] data(String name) throws Exception {
        if (name.equals("mixed")) {
            Instances mixed = TestData.arff(MIXED);
            return new Instances[] {mixed, new Instances(mixed)};
        }
        Instances train = TestData.sample("gas-drift-batch1.arff");
        Instances test = TestData.sample("gas-drift-batch2.arff");
        if (name.contains("non-negative")) {
            train = TestData.nonNegative(train);
            test = TestData.nonNegative(test);
        }
        return new Instances[] {train, test};
    }

    private static Instances sparse(Instances dense) throws Exception {
        NonSparseToSparse toSparse = new NonSparseToSparse();
        toSparse.setInputFormat(dense);
        Instances sparse = Filter.useFilter(dense, toSparse);
        sparse.setClassIndex(dense.classIndex());
        return sparse;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void sparseInputAndSparseOutputGiveTheDenseValues(String spec, String dataName) throws Exception {
        Instances[] dense = data(dataName);
        Instances[] sparse = {sparse(dense[0]), sparse(dense[1])};

        Filter denseFilter = filter(spec, false);
        Filter sparseInputFilter = filter(spec, false);
        Filter sparseOutputFilter = filter(spec, true);
        for (int batch = 0; batch < 2; batch++) {
            if (batch == 0) {
                denseFilter.setInputFormat(dense[0]);
                sparseInputFilter.setInputFormat(sparse[0]);
                sparseOutputFilter.setInputFormat(dense[0]);
            }
            Instances expected = Filter.useFilter(dense[batch], denseFilter);
            Instances fromSparse = Filter.useFilter(sparse[batch], sparseInputFilter);
            Instances sparseOut = Filter.useFilter(dense[batch], sparseOutputFilter);
            assertTrue(expected.equalHeaders(fromSparse), expected.equalHeadersMsg(fromSparse));
            assertTrue(expected.equalHeaders(sparseOut), expected.equalHeadersMsg(sparseOut));
            for (int i = 0; i < expected.numInstances(); i++) {
                String row = "batch " + (batch + 1) + ", row " + (i + 1);
                assertInstanceOf(DenseInstance.class, expected.instance(i), row);
                assertSameRow(expected.instance(i), fromSparse.instance(i), row + ", sparse input");
                assertSameRow(expected.instance(i), sparseOut.instance(i), row + ", -sparse");
            }
        }
    }

    /** Same values (missing where missing, strings and labels alike), same weight, sparse with no stored zero. */
    private static void assertSameRow(Instance expected, Instance actual, String row) {
        assertInstanceOf(SparseInstance.class, actual, row);
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, row);
        assertEquals(expected.toString(), dense(actual).toString(), row);
        assertEquals(expected.weight(), actual.weight(), 0.0, row);
        for (int v = 0; v < actual.numValues(); v++) {
            assertTrue(actual.valueSparse(v) != 0.0, row + ": stored zero at " + actual.index(v));
        }
    }

    private static Instance dense(Instance sparse) {
        Instance copy = new DenseInstance(sparse);
        copy.setDataset(sparse.dataset());
        return copy;
    }

    /** The sparse output written as ARFF reads back to the same values. */
    @Test
    void sparseOutputWritesAndReadsBackAsArff() throws Exception {
        Instances data = TestData.sample("saturation.arff");
        Filter pipeline = filter(NODES + "HetQuantPipeline -N 16", true);
        Instances out = TestData.firstBatch(pipeline, data);
        Instances back = new Instances(new StringReader(out.toString()));
        assertEquals(out.numInstances(), back.numInstances());
        long stored = 0;
        for (int i = 0; i < out.numInstances(); i++) {
            assertInstanceOf(SparseInstance.class, back.instance(i));
            assertArrayEquals(out.instance(i).toDoubleArray(), back.instance(i).toDoubleArray(), 0.0);
            stored += out.instance(i).numValues();
        }
        // Most neurons are silent: the sparse rows store well under half of the values.
        assertTrue(stored < 0.5 * out.numInstances() * out.numAttributes(), stored + " values stored");
    }
}
