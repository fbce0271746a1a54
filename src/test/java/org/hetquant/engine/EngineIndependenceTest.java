package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine must stay free of any workbench API (Weka, Spark) so every host can wrap it: the Spark module compiles
 * these very sources into its jar. A compiled class names every class it refers to in its constant pool, so
 * scanning the bytecode catches fully qualified uses as well as imports.
 */
class EngineIndependenceTest {

    private static final List<String> FORBIDDEN =
            List.of("weka/", "org/apache/spark/", "scala/", "java/io/File", "java/nio/file/");

    @Test
    void engineBytecodeReferencesNoWekaAndNoFileIo() throws IOException, URISyntaxException {
        Path dir = Path.of(Normalization.class.getResource("Normalization.class").toURI()).getParent();
        List<Path> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(classes.size() >= 4, "expected the engine classes in " + dir);
        for (Path c : classes) {
            String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String f : FORBIDDEN) {
                assertEquals(-1, pool.indexOf(f), c.getFileName() + " refers to " + f);
            }
        }
    }
}
