package weka.filters.unsupervised.attribute.hetquant;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;
import junit.framework.Test;
import junit.framework.TestSuite;
import org.hetquant.engine.GranuleConnectivity;
import org.hetquant.engine.GranuleLayer;
import org.hetquant.engine.GranuleWeights;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.SMO;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;
import weka.filters.MultiFilter;

/**
 * Weka's filter suite on MC phases (Weka's FilterTest data through {@code HetQuantPipeline -N 4}), plus the
 * granule layer's own behaviour: it learns on the first batch exactly as the engine does and reuses that for
 * later batches, reads binary output, rejects input that is not MC phases naming attribute and row, serializes,
 * and works behind the front end in a FilteredClassifier.
 */
public class HetQuantGranuleTest extends AbstractFilterTest {

    public HetQuantGranuleTest(String name) {
        super(name);
    }

    /**
     * MC phases of the data: n = 4 neurons per numeric attribute, named {@code <source>_n<kk>}, with the paper's
     * normalization and gains in the nodes' default (ascending) encoding, which the granule layer reads by default.
     */
    private static Instances phases(Instances data) throws Exception {
        HetQuantPipeline front = new HetQuantPipeline();
        front.setOptions(new String[] {"-N", "4", "-negative", "shift", "-gain-scale", "fixed"});
        return TestData.firstBatch(front, data);
    }

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        m_Instances = phases(m_Instances);
    }

    @Override
    protected Instances getFilteredClassifierData() throws Exception {
        return phases(super.getFilteredClassifierData());
    }

    @Override
    public Filter getFilter() {
        return new HetQuantGranule();
    }

    public static Test suite() {
        return new TestSuite(HetQuantGranuleTest.class);
    }

    /** The Saturation sample as MC phases (n = 4, the paper's settings and encoding), class last; computed once. */
    private static Instances saturationPhases;

    /**
     * Every {@code step}-th row of the Saturation sample's MC phases, from row {@code from}. The sample is stored
     * class by class, so a stride takes rows of every class.
     */
    private static Instances saturationRows(int from, int step) throws Exception {
        if (saturationPhases == null) {
            HetQuantPipeline front = new HetQuantPipeline();
            front.setOptions(new String[] {"-N", "4", "-negative", "shift", "-gain-scale", "fixed", "-encoding",
                "paper"});
            saturationPhases = TestData.firstBatch(front, TestData.sample("saturation.arff"));
        }
        Instances rows = new Instances(saturationPhases, 0);
        for (int r = from; r < saturationPhases.numInstances(); r += step) {
            rows.add(saturationPhases.instance(r));
        }
        return rows;
    }

    /** A granule layer reading {@link #saturationRows}' paper-encoded phases, with further options. */
    private static HetQuantGranule paperGranule(String... options) throws Exception {
        HetQuantGranule granule = new HetQuantGranule();
        String[] all = new String[options.length + 2];
        all[0] = "-encoding";
        all[1] = "paper";
        System.arraycopy(options, 0, all, 2, options.length);
        granule.setOptions(all);
        return granule;
    }

    private static byte[][] mc(Instances data) {
        byte[][] rows = new byte[data.numInstances()][32];
        for (int r = 0; r < rows.length; r++) {
            for (int m = 0; m < 32; m++) {
                rows[r][m] = (byte) data.instance(r).value(m);
            }
        }
        return rows;
    }

    public void testLearnsOnTheFirstBatchAsTheEngineAndReusesIt() throws Exception {
        Instances train = saturationRows(0, 128);
        Instances later = saturationRows(64, 128);
        HetQuantGranule granule = paperGranule("-seed", "7");
        Instances out = TestData.firstBatch(granule, train);

        GranuleConnectivity connectivity = GranuleConnectivity.random(32, 128, 0.25, 7);
        GranuleWeights expected = GranuleLayer.PAPER.train(connectivity, mc(train));
        assertEquals(expected, granule.weights());
        assertTrue("some weights survive", expected.survivingCount() > 0);

        Instances laterOut = Filter.useFilter(later, granule);
        assertEquals(expected, granule.weights());
        byte[][] expectedPhases = expected.phases(mc(later));
        assertEquals(128 + 1, laterOut.numAttributes());
        assertEquals("gc0000", laterOut.attribute(0).name());
        assertEquals("gc0127", laterOut.attribute(127).name());
        assertEquals(laterOut.numAttributes() - 1, laterOut.classIndex());
        int firing = 0;
        for (int r = 0; r < later.numInstances(); r++) {
            for (int j = 0; j < 128; j++) {
                assertEquals(expectedPhases[r][j], laterOut.instance(r).value(j), 0.0);
                firing += expectedPhases[r][j] != 0 ? 1 : 0;
            }
            assertEquals(later.instance(r).classValue(), laterOut.instance(r).classValue(), 0.0);
        }
        assertTrue("GCs fire", firing > 0);
        assertEquals(train.numInstances(), out.numInstances());

        String text = granule.toString();
        assertTrue(text, text.contains("32 MC inputs (n = 4, from the attribute names) -> 128 GCs (4 per MC)"));
        assertTrue(text, text.contains("surviving the clamp (w > 29): " + expected.survivingCount() + " of 1024"));
        assertTrue(text, text.contains("GC utilization on the first batch: mean"));
        assertTrue(text, text.contains("gc0000 <- "));
        assertTrue(text, text.contains("sensor"));
    }

    /** The same MC phases written in the ascending code (the quantizer's default) give the same GC layer. */
    public void testReadsTheAscendingCodeAsThePaperCode() throws Exception {
        Instances paper = saturationRows(0, 128);
        HetQuantPipeline front = new HetQuantPipeline();
        front.setOptions(new String[] {"-N", "4", "-negative", "shift", "-gain-scale", "fixed"});
        Instances all = TestData.firstBatch(front, TestData.sample("saturation.arff"));
        Instances ascending = new Instances(all, 0);
        for (int r = 0; r < all.numInstances(); r += 128) {
            ascending.add(all.instance(r));
        }
        boolean differ = false;
        for (int r = 0; r < paper.numInstances() && !differ; r++) {
            for (int j = 0; j < paper.classIndex() && !differ; j++) {
                differ = paper.instance(r).value(j) != ascending.instance(r).value(j);
            }
        }
        assertTrue("the two codes differ on the input", differ);
        HetQuantGranule fromPaper = paperGranule();
        HetQuantGranule fromAscending = new HetQuantGranule();
        Instances expected = TestData.firstBatch(fromPaper, paper);
        Instances actual = TestData.firstBatch(fromAscending, ascending);
        assertEquals(fromPaper.weights(), fromAscending.weights());
        assertNull(compareDatasets(expected, actual));
    }

    public void testBinaryOutputMarksTheFiringGranules() throws Exception {
        Instances sample = saturationRows(0, 256);
        Instances phases = TestData.firstBatch(paperGranule(), sample);
        HetQuantGranule binary = paperGranule("-binary");
        Instances spikes = TestData.firstBatch(binary, sample);
        for (int r = 0; r < sample.numInstances(); r++) {
            for (int j = 0; j < 128; j++) {
                double p = phases.instance(r).value(j);
                assertEquals(p != 0 ? 1.0 : 0.0, spikes.instance(r).value(j), 0.0);
                assertTrue(p == 0 || (p >= 27 && p <= 47));
            }
        }
    }

    public void testInputThatIsNotMcPhasesIsRejectedNamingAttributeAndRow() throws Exception {
        Instances raw = TestData.arff("@relation t\n@attribute a_n00 numeric\n@attribute a_n01 numeric\n"
                + "@attribute cls {x,y}\n@data\n2,17,x\n0,?,y\n3,1,x\n");
        try {
            TestData.firstBatch(paperGranule(), raw);
            fail("accepted 1, which is not a paper-encoded MC phase");
        } catch (IllegalArgumentException e) {
            assertEquals("HetQuantGranule: attribute 'a_n01' (#2), row 3: 1.0 is out of range; the granule layer"
                    + " reads MC phases in the paper encoding (-encoding (phase encoding)): 0 (silent) or 2 ... 17."
                    + " Feed it the output of HetQuantSpikePhase or HetQuantPipeline, with the same -encoding on"
                    + " both.", e.getMessage());
        }
        try {
            TestData.firstBatch(new HetQuantGranule(), raw);
            fail("accepted 17, which is not an ascending MC phase");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("HetQuantGranule: attribute 'a_n01' (#2), row 1:"
                    + " 17.0 is out of range; the granule layer reads MC phases in the ascending encoding"
                    + " (-encoding (phase encoding)): 0 (silent) or 1 ... 16."));
        }
        HetQuantGranule binaryInput = new HetQuantGranule();
        binaryInput.setOptions(new String[] {"-encoding", "binary"});
        try {
            TestData.firstBatch(binaryInput, raw);
            fail("accepted binary input");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("-encoding (phase encoding): binary, but the granule"
                    + " layer learns from spike timing"));
        }
        Instances unnamed = TestData.arff("@relation t\n@attribute a numeric\n@attribute cls {x,y}\n@data\n2,x\n");
        try {
            TestData.firstBatch(new HetQuantGranule(), unnamed);
            fail("inferred n from a name without _n<kk>");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("attribute 'a' does not follow that pattern; set -M"));
        }
        HetQuantGranule given = new HetQuantGranule();
        given.setOptions(new String[] {"-M", "1"});
        assertEquals(4, TestData.firstBatch(given, unnamed).numAttributes() - 1);
    }

    public void testALaterBatchWithABadPhaseNamesItsPlace() throws Exception {
        HetQuantGranule granule = paperGranule();
        Instances train = saturationRows(0, 256);
        TestData.firstBatch(granule, train);
        Instances later = saturationRows(1, 256);
        later.instance(2).setValue(5, 18);
        try {
            Filter.useFilter(later, granule);
            fail("accepted phase 18");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("HetQuantGranule: attribute '"
                    + later.attribute(5).name() + "' (#6), row 3 of batch 2 (row 3 after the first batch): 18.0 is"
                    + " out of range"));
        }
        later.instance(2).setValue(5, Double.POSITIVE_INFINITY);
        try {
            Filter.useFilter(later, granule);
            fail("accepted an infinite phase");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Infinity is not finite"));
        }
    }

    public void testFittedFilterSerializesAndReadsTheSame() throws Exception {
        Instances train = saturationRows(0, 128);
        Instances later = saturationRows(32, 128);
        HetQuantGranule granule = paperGranule();
        TestData.firstBatch(granule, train);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(granule);
        }
        HetQuantGranule back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (HetQuantGranule) in.readObject();
        }
        Instances expected = Filter.useFilter(later, granule);
        Instances actual = Filter.useFilter(later, back);
        assertNull(compareDatasets(expected, actual));
        assertEquals(granule.toString(), back.toString());
    }

    public void testBehindTheFrontEndInAFilteredClassifier() throws Exception {
        Instances all = TestData.sample("saturation.arff");
        Instances data = new Instances(all, 0);
        for (int r = 0; r < all.numInstances(); r += 8) {
            data.add(all.instance(r));
        }
        HetQuantPipeline front = new HetQuantPipeline();
        front.setOptions(new String[] {"-N", "4"});
        MultiFilter chain = new MultiFilter();
        chain.setFilters(new Filter[] {front, new HetQuantGranule()});
        FilteredClassifier fc = new FilteredClassifier();
        fc.setFilter(chain);
        fc.setClassifier(new SMO());
        Evaluation eval = new Evaluation(data);
        eval.crossValidateModel(fc, data, 5, new Random(1));
        Evaluation majority = new Evaluation(data);
        majority.crossValidateModel(new ZeroR(), data, 5, new Random(1));
        assertEquals(data.numInstances(), eval.numInstances(), 0.0);
        assertTrue(eval.pctCorrect() + "% vs majority " + majority.pctCorrect() + "%",
                eval.pctCorrect() > majority.pctCorrect() + 40);
    }
}
