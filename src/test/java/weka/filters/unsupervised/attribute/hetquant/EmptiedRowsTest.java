package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;
import weka.filters.Filter;

/**
 * A row whose every value is negative is left all zero by the default clip policy, so every neuron of it stays
 * silent: documented behaviour, but never silent. The node says so once, naming the first such row and the
 * policies that keep the information, counts the rows, and lists them in its fit description.
 */
class EmptiedRowsTest {

    private static final String TRAIN = """
            @relation r
            @attribute a numeric
            @attribute b numeric
            @attribute class {p,q}
            @data
            1,3,p
            3,1,q
            2,-1,p
            """;

    /** Rows 2 and 3 have no positive value; row 4 has a missing one and a negative one. */
    private static final String TEST = """
            @relation r
            @attribute a numeric
            @attribute b numeric
            @attribute class {p,q}
            @data
            1,2,p
            -1,-2,q
            -0.5,0,p
            ?,-3,q
            2,2,p
            """;

    static Stream<Arguments> nodes() {
        return Stream.of(
                Arguments.of("HetQuantPipeline", (Supplier<AbstractHetQuantFilter>) HetQuantPipeline::new),
                Arguments.of("HetQuantNormalizer", (Supplier<AbstractHetQuantFilter>) HetQuantNormalizer::new),
                Arguments.of("HetQuantStreamNormalizer",
                        (Supplier<AbstractHetQuantFilter>) HetQuantStreamNormalizer::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nodes")
    void rowsLeftAllZeroByClippingAreReportedOnceWithTheFirstRow(String name, Supplier<AbstractHetQuantFilter> factory)
            throws Exception {
        Instances train = TestData.arff(TRAIN);
        Instances test = TestData.arff(TEST);
        train.setClassIndex(2);
        test.setClassIndex(2);
        AbstractHetQuantFilter node = factory.get();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            node.setInputFormat(train);
            Filter.useFilter(train, node);
            Filter.useFilter(test, node);
            Filter.useFilter(test, node);
        } finally {
            System.setErr(err);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        String expected = name + ": 3 row(s) of this batch had no positive value left after negative values were"
                + " clipped to 0 (the first: row 2 of batch 2 (row 2 after the first batch));";
        assertTrue(warnings.contains(expected), warnings);
        assertTrue(warnings.contains("use -negative offset or -negative shift"), warnings);
        assertEquals(1, warnings.lines().filter(l -> l.contains("no positive value left")).count(),
                "said once:\n" + warnings);
        long emptied = node instanceof HetQuantPipeline p ? p.emptiedRowCount()
                : ((AbstractHetQuantNormalizer) node).emptiedRowCount();
        assertEquals(6, emptied, "two test batches of 3 such rows each");
        assertTrue(node.toString().contains("rows left all zero by clipping: 6 (the first: row 2 of batch 2"),
                node.toString());
    }
}
