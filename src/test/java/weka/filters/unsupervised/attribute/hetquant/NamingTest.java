package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.core.Instances;
import weka.filters.Filter;

/**
 * One naming rule: a node with a column of neurons names a feature's outputs {@code <source>_n<kk>} for every
 * n ≥ 1; a node with one output per feature and no neurons keeps the name. (The diagnostics step's default
 * unit pattern accepts n = 1: {@code HetQuantDiagnosticsTest}.)
 */
class NamingTest {

    private static final String DATA = "@relation t\n@attribute temp numeric\n@attribute 'humidity (%)' numeric\n"
            + "@attribute cls {a,b}\n@data\n0.2,0.8,a\n0.6,0.4,b\n";

    private static Instances filtered(String spec) throws Exception {
        Filter filter = TestData.filter("weka.filters.unsupervised.attribute.hetquant." + spec);
        return TestData.firstBatch(filter, TestData.arff(DATA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HetQuantColumn -N 1", "HetQuantCalibrator -N 1", "HetQuantPipeline -N 1",
        "HetQuantPipeline -N 1 -calibrate"})
    void aColumnOfOneNeuronIsNamedN00(String spec) throws Exception {
        Instances out = filtered(spec);
        assertEquals(3, out.numAttributes());
        assertEquals("temp_n00", out.attribute(0).name());
        assertEquals("humidity (%)_n00", out.attribute(1).name());
        assertEquals("cls", out.attribute(2).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HetQuantNormalizer", "HetQuantStreamNormalizer", "HetQuantSpikePhase"})
    void aNodeWithoutNeuronsKeepsTheName(String spec) throws Exception {
        Instances out = filtered(spec);
        assertEquals("temp", out.attribute(0).name());
        assertEquals("humidity (%)", out.attribute(1).name());
    }

    /** A passed-through attribute that already has an output's name is a clear error naming both and the fix. */
    @ParameterizedTest
    @ValueSource(strings = {"HetQuantColumn -N 1 -R 1", "HetQuantPipeline -N 2 -R 1", "HetQuantCalibrator -N 1 -R 1"})
    void anOutputNameThatAnotherAttributeHasIsAClearError(String spec) throws Exception {
        String clash = "@relation t\n@attribute temp numeric\n@attribute temp_n00 numeric\n@attribute cls {a,b}\n"
                + "@data\n0.2,0.8,a\n0.6,0.4,b\n";
        Filter filter = TestData.filter("weka.filters.unsupervised.attribute.hetquant." + spec);
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> TestData.firstBatch(filter, TestData.arff(clash)));
        String node = spec.substring(0, spec.indexOf(' '));
        assertTrue(e.getMessage().matches("(?s)" + node + ": output attributes \\d and \\d would both be named"
                + " 'temp_n00'.*"), e.getMessage());
        assertTrue(e.getMessage().contains("RenameAttribute"), e.getMessage());
    }
}
