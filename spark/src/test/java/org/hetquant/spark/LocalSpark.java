package org.hetquant.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the test JVM ({@code local[2]}, no UI, few shuffle partitions), started on first
 * use and shared by every test class; Spark stops it when the JVM exits.
 */
final class LocalSpark {

    private LocalSpark() {}

    private static SparkSession session;

    static synchronized SparkSession get() {
        if (session == null) {
            String target = System.getProperty("java.io.tmpdir");
            try {
                Files.createDirectories(Path.of(target));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("hetquant-tests")
                    .config("spark.ui.enabled", false)
                    .config("spark.sql.shuffle.partitions", 4)
                    .config("spark.sql.warehouse.dir", target + "/spark-warehouse")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .getOrCreate();
        }
        return session;
    }
}
