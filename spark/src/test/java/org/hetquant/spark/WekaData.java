package org.hetquant.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The same rows for Weka and Spark: an ARFF file shipped with the package (pkg/data) as Weka {@link Instances}
 * (class last) and as a DataFrame {@code (id, features, label)}: the row number, the numeric non-class attributes
 * as a vector named like the attributes (ML attribute metadata, as VectorAssembler writes it) and the class index.
 */
final class WekaData {

    private WekaData() {}

    /** The shipped sample data (the build passes {@code hetquant.data} = the root's pkg/data). */
    static Instances load(String file) throws Exception {
        Path path = Path.of(System.getProperty("hetquant.data", "../pkg/data"), file);
        Instances data = DataSource.read(path.toString());
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    /**
     * The instances as a DataFrame in {@code partitions} slices, rows in order.
     *
     * @param data numeric attributes and a class (missing values become NaN)
     */
    static Dataset<Row> frame(Instances data, int partitions) {
        List<String> names = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (int j = 0; j < data.numAttributes(); j++) {
            if (j != data.classIndex() && data.attribute(j).isNumeric()) {
                names.add(data.attribute(j).name());
                columns.add(j);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < data.numInstances(); r++) {
            Instance instance = data.instance(r);
            double[] x = new double[columns.size()];
            for (int f = 0; f < x.length; f++) {
                x[f] = instance.value(columns.get(f));
            }
            rows.add(RowFactory.create((long) r, Vectors.dense(x), instance.classValue()));
        }
        Attribute[] attributes = names.stream()
                .map(name -> NumericAttribute.defaultAttr().withName(name))
                .toArray(Attribute[]::new);
        StructField features = new AttributeGroup("features", attributes).toStructField();
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("id", DataTypes.LongType, false),
            new StructField("features", SQLDataTypes.VectorType(), true, features.metadata()),
            DataTypes.createStructField("label", DataTypes.DoubleType, false),
        });
        return LocalSpark.get().createDataFrame(
                new org.apache.spark.api.java.JavaSparkContext(LocalSpark.get().sparkContext())
                        .parallelize(rows, partitions), schema);
    }
}
