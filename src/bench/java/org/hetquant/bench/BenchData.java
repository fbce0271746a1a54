package org.hetquant.bench;

import java.util.ArrayList;
import java.util.SplittableRandom;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** The benchmarks' data: positive, skewed sensor-like values and a nominal class. */
final class BenchData {

    private BenchData() {}

    /**
     * {@code rows} rows of {@code features} values |Gaussian| · (1 + j mod 8) · (1 + class) and a class of
     * {@code classes} values, the last attribute.
     */
    static Instances sensors(int rows, int features, int classes, long seed) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            attributes.add(new Attribute("sensor" + j));
        }
        ArrayList<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add("c" + c);
        }
        attributes.add(new Attribute("class", labels));
        Instances data = new Instances("bench", attributes, rows);
        data.setClassIndex(features);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < rows; i++) {
            double[] values = new double[features + 1];
            int c = random.nextInt(classes);
            for (int j = 0; j < features; j++) {
                values[j] = Math.abs(random.nextGaussian()) * (1 + (j % 8)) * (1 + c);
            }
            values[features] = c;
            data.add(new DenseInstance(1.0, values));
        }
        return data;
    }
}
