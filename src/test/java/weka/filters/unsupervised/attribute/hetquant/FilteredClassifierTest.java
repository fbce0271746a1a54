package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.functions.SMO;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.rules.ZeroR;
import weka.classifiers.trees.J48;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Every node in front of J48, NaiveBayes and SMO in a FilteredClassifier: 10-fold CV on the bundled gas-drift
 * batch 1 evaluates every row and beats the majority class; a model saved and reloaded predicts identically.
 * The quantizer and the calibrator need normalized drives, so they run behind the normalizer (and the column)
 * in a MultiFilter, which is how they are meant to be chained. The streaming normalizer has no data-level shift and
 * gas drift holds negative values, so its cases run on the non-negative Saturation session (saved model: trained
 * on the even rows, tested on the odd ones).
 */
class FilteredClassifierTest {

    private static final String NODES = "weka.filters.unsupervised.attribute.hetquant.";

    static Stream<String> filters() {
        return Stream.of(
                NODES + "HetQuantNormalizer",
                NODES + "HetQuantColumn -N 4",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantNormalizer\" -F \"" + NODES + "HetQuantColumn -N 4\""
                        + " -F \"" + NODES + "HetQuantSpikePhase -encoding ascending\"",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantNormalizer\" -F \"" + NODES
                        + "HetQuantCalibrator -N 4\" -F \"" + NODES + "HetQuantSpikePhase\"",
                NODES + "HetQuantPipeline -N 4",
                NODES + "HetQuantPipeline -N 4 -calibrate -S 0.5",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantPipeline -N 4\" -F \"" + NODES
                        + "HetQuantGranule\"");
    }

    /** Filters for non-negative data only (no data-level shift). */
    static Stream<String> streamFilters() {
        return Stream.of(
                NODES + "HetQuantStreamNormalizer",
                "weka.filters.MultiFilter -F \"" + NODES + "HetQuantStreamNormalizer\" -F \"" + NODES
                        + "HetQuantColumn -N 4\" -F \"" + NODES + "HetQuantSpikePhase -encoding ascending\"");
    }

    private static final String GAS_DRIFT = "gas-drift-batch1.arff";
    private static final String SATURATION = "saturation.arff";

    static Stream<Arguments> filtersWithData() {
        return Stream.concat(filters().map(f -> Arguments.of(f, GAS_DRIFT)),
                streamFilters().map(f -> Arguments.of(f, SATURATION)));
    }

    static Stream<Arguments> cases() {
        return filtersWithData().flatMap(a -> Stream.of(new J48(), new NaiveBayes(), new SMO())
                .map(c -> Arguments.of(a.get()[0], a.get()[1], c)));
    }

    private static FilteredClassifier filtered(String filterSpec, Classifier base) throws Exception {
        FilteredClassifier fc = new FilteredClassifier();
        fc.setFilter(TestData.filter(filterSpec));
        fc.setClassifier(AbstractClassifier.makeCopy(base));
        return fc;
    }

    @ParameterizedTest(name = "{0} + {2} on {1}")
    @MethodSource("cases")
    void tenFoldCrossValidationEvaluatesEveryRowAndBeatsTheMajorityClass(String filterSpec, String dataName,
            Classifier base) throws Exception {
        Instances data = TestData.sample(dataName);
        Evaluation eval = new Evaluation(data);
        eval.crossValidateModel(filtered(filterSpec, base), data, 10, new Random(1));
        Evaluation majority = new Evaluation(data);
        majority.crossValidateModel(new ZeroR(), data, 10, new Random(1));
        assertEquals(data.numInstances(), eval.numInstances(), 0.0);
        assertEquals(0.0, eval.unclassified(), 0.0);
        assertTrue(eval.pctCorrect() > majority.pctCorrect() + 10,
                filterSpec + ": " + eval.pctCorrect() + "% vs majority " + majority.pctCorrect() + "%");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("filtersWithData")
    void aSavedAndReloadedModelPredictsIdentically(String filterSpec, String dataName) throws Exception {
        Instances train;
        Instances test;
        if (dataName.equals(GAS_DRIFT)) {
            train = TestData.sample(GAS_DRIFT);
            test = TestData.sample("gas-drift-batch2.arff");
        } else {
            Instances all = TestData.sample(dataName);
            train = new Instances(all, 0);
            test = new Instances(all, 0);
            for (int i = 0; i < all.numInstances(); i++) {
                (i % 2 == 0 ? train : test).add(all.instance(i));
            }
        }
        FilteredClassifier model = filtered(filterSpec, new SMO());
        model.buildClassifier(train);
        File file = new File(System.getProperty("java.io.tmpdir"), "hetquant-model-" + filterSpec.hashCode() + ".model");
        file.getParentFile().mkdirs();
        SerializationHelper.write(file.getPath(), model);
        Classifier reloaded = (Classifier) SerializationHelper.read(file.getPath());
        for (int i = 0; i < test.numInstances(); i++) {
            assertArrayEquals(model.distributionForInstance(test.instance(i)),
                    reloaded.distributionForInstance(test.instance(i)), 0.0, "row " + i);
        }
    }
}
