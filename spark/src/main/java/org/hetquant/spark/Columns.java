package org.hetquant.spark;

import java.util.Arrays;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema handling shared by the stages: the input vector column, its feature names, the output column. */
final class Columns {

    private Columns() {}

    /**
     * The input column, checked to be a vector column.
     *
     * @throws IllegalArgumentException naming the column and what it is
     */
    static StructField input(StructType schema, String stage, String inputCol) {
        if (!Arrays.asList(schema.fieldNames()).contains(inputCol)) {
            throw new IllegalArgumentException(stage + ": inputCol \"" + inputCol + "\" is not a column of the data"
                    + " (columns: " + String.join(", ", schema.fieldNames()) + ")");
        }
        StructField field = schema.apply(inputCol);
        if (!field.dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException(stage + ": inputCol \"" + inputCol + "\" must be a vector column"
                    + " (e.g. from VectorAssembler), but it is " + field.dataType().simpleString());
        }
        return field;
    }

    /**
     * Checks that the output column does not exist yet.
     *
     * @throws IllegalArgumentException naming the column
     */
    static void requireNew(StructType schema, String stage, String outputCol) {
        if (Arrays.asList(schema.fieldNames()).contains(outputCol)) {
            throw new IllegalArgumentException(stage + ": outputCol \"" + outputCol + "\" already exists; choose"
                    + " another name");
        }
    }

    /** The number of features the column's ML attribute metadata states, or −1. */
    static int size(StructField input) {
        AttributeGroup group = AttributeGroup.fromStructField(input);
        return group.size();
    }

    /** The features' names from the column's ML attribute metadata, or {@code null} if not all are named. */
    static String[] names(StructField input) {
        AttributeGroup group = AttributeGroup.fromStructField(input);
        if (group.attributes().isEmpty()) {
            return null;
        }
        Attribute[] attributes = group.attributes().get();
        String[] names = new String[attributes.length];
        for (int i = 0; i < names.length; i++) {
            if (attributes[i] == null || attributes[i].name().isEmpty()) {
                return null;
            }
            names[i] = attributes[i].name().get();
        }
        return names;
    }

    /**
     * The output column: a vector of {@code features · n} phase codes. When the features are named, unit
     * {@code f·n + k} is named {@code <feature>_n<kk>} as the Weka nodes name their attributes (kk zero-padded
     * to at least two digits).
     *
     * @param features number of features, or −1 if not known yet
     * @param names the features' names, or {@code null}
     */
    static StructField output(String outputCol, int features, int n, String[] names) {
        if (features < 0) {
            return new AttributeGroup(outputCol).toStructField();
        }
        if (names == null || names.length != features) {
            return new AttributeGroup(outputCol, features * n).toStructField();
        }
        int digits = Math.max(2, Integer.toString(n - 1).length());
        Attribute[] attributes = new Attribute[features * n];
        for (int f = 0; f < features; f++) {
            for (int k = 0; k < n; k++) {
                String kk = String.format("%0" + digits + "d", k);
                attributes[f * n + k] = NumericAttribute.defaultAttr().withName(names[f] + "_n" + kk);
            }
        }
        return new AttributeGroup(outputCol, attributes).toStructField();
    }
}
