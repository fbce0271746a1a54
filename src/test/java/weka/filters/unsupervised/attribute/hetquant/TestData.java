package weka.filters.unsupervised.attribute.hetquant;

import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import weka.core.Instances;

/** Datasets for the filter tests. */
final class TestData {

    private TestData() {}

    /** A shipped sample ARFF ({@code pkg/data/<name>}), class = last attribute. */
    static Instances sample(String name) throws IOException {
        try (Reader r = new FileReader("pkg/data/" + name)) {
            Instances data = new Instances(r);
            data.setClassIndex(data.numAttributes() - 1);
            return data;
        }
    }

    /** A filter from its command line, e.g. {@code weka.filters.MultiFilter -F "…"}. */
    static weka.filters.Filter filter(String commandLine) throws Exception {
        String[] options = weka.core.Utils.splitOptions(commandLine);
        String name = options[0];
        options[0] = "";
        return (weka.filters.Filter) weka.core.Utils.forName(weka.filters.Filter.class, name, options);
    }

    /** Sets the input format from {@code data} and filters it as the first batch. */
    static Instances firstBatch(weka.filters.Filter filter, Instances data) throws Exception {
        filter.setInputFormat(data);
        return weka.filters.Filter.useFilter(data, filter);
    }

    /** The filter with the given options set. */
    static <F extends weka.filters.Filter> F configured(F filter, String... options) {
        try {
            filter.setOptions(options);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return filter;
    }

    /** An ARFF given as text, class = last attribute. */
    static Instances arff(String text) throws IOException {
        Instances data = new Instances(new StringReader(text));
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    /**
     * A copy of {@code data} whose numeric attributes other than the class hold absolute values. Weka's FilterTest
     * data has an attribute that is negative in every row, which the default negative-value policy (clip) turns
     * into zeros; its absolute values keep the Weka suites' reference outputs informative.
     */
    static Instances nonNegative(Instances data) {
        Instances copy = new Instances(data);
        for (int j = 0; j < copy.numAttributes(); j++) {
            if (j == copy.classIndex() || !copy.attribute(j).isNumeric() || copy.attribute(j).isDate()) {
                continue;
            }
            for (int i = 0; i < copy.numInstances(); i++) {
                if (!copy.instance(i).isMissing(j)) {
                    copy.instance(i).setValue(j, Math.abs(copy.instance(i).value(j)));
                }
            }
        }
        return copy;
    }
}
