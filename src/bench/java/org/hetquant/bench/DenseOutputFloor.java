package org.hetquant.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * Not a method: the least work any Weka filter must do to write W dense outputs per numeric attribute — allocate
 * the output row (zeroed by the JVM), copy the non-numeric values (the class) into it, push it. Every output
 * stays 0. In {@link WekaSideBySideBenchmark} it is the ceiling that a dense filter of that output width (e.g.
 * {@code HetQuantPipeline -N 16}, {@code Discretize -F -B 16 -D}) cannot beat on this machine, whatever it
 * computes.
 *
 * <p>Option {@code -W} (outputs per numeric attribute, default 16).
 */
public class DenseOutputFloor extends Filter implements OptionHandler {

    private static final long serialVersionUID = 1L;

    private int width = 16;

    @Override
    public Enumeration<Option> listOptions() {
        return Collections.enumeration(java.util.List.of(
                new Option("\tOutputs per numeric attribute (default 16).", "W", 1, "-W <width>")));
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        String w = Utils.getOption('W', options);
        width = w.isEmpty() ? 16 : Integer.parseInt(w);
        if (width < 1) {
            throw new IllegalArgumentException("-W must be >= 1, was " + width);
        }
    }

    @Override
    public String[] getOptions() {
        return new String[] {"-W", Integer.toString(width)};
    }

    @Override
    public boolean setInputFormat(Instances instanceInfo) throws Exception {
        super.setInputFormat(instanceInfo);
        ArrayList<Attribute> attributes = new ArrayList<>();
        int classIndex = -1;
        for (int j = 0; j < instanceInfo.numAttributes(); j++) {
            Attribute a = instanceInfo.attribute(j);
            if (j == instanceInfo.classIndex()) {
                classIndex = attributes.size();
            }
            if (a.isNumeric() && j != instanceInfo.classIndex()) {
                for (int k = 0; k < width; k++) {
                    attributes.add(new Attribute(a.name() + "_" + k));
                }
            } else {
                attributes.add((Attribute) a.copy());
            }
        }
        Instances output = new Instances(instanceInfo.relationName(), attributes, 0);
        output.setClassIndex(classIndex);
        setOutputFormat(output);
        return true;
    }

    @Override
    public boolean input(Instance instance) {
        Instances format = getInputFormat();
        double[] values = new double[outputFormatPeek().numAttributes()];
        int o = 0;
        for (int j = 0; j < format.numAttributes(); j++) {
            if (format.attribute(j).isNumeric() && j != format.classIndex()) {
                o += width;
            } else {
                values[o++] = instance.value(j);
            }
        }
        push(new DenseInstance(instance.weight(), values), false);
        return true;
    }
}
