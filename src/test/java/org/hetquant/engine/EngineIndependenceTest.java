package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hetquant.experiment.SyntheticSession;
import org.junit.jupiter.api.Test;

/**
 * The engine must stay free of any host API and of I/O so other hosts (KNIME; Spark, whose module compiles these
 * very sources into its jar) can wrap it, and free of the paper's experiment and the commands that sit beside it.
 * The experiment package may use the engine, nothing else of HetQuant, and no host API or file I/O either. A
 * compiled class names every class it refers to in its constant pool, so scanning the bytecode catches fully
 * qualified uses as well as imports.
 */
class EngineIndependenceTest {

    /** Host APIs, libraries of the commands, and file I/O: neither package may refer to them. */
    private static final List<String> FORBIDDEN = List.of("weka/", "org/apache/spark/", "scala/", "libsvm/",
            "org/jfree/", "java/io/File", "java/nio/file/");

    /** Every reference to a HetQuant class, by its package. */
    private static final Pattern HETQUANT = Pattern.compile("org/hetquant/(\\w+)/");

    @Test
    void engineRefersToNoOtherHetQuantPackageNoHostAndNoFileIo() throws IOException, URISyntaxException {
        List<String> problems = scan(Normalization.class, List.of("engine"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void experimentRefersOnlyToTheEngineAndNoHostAndNoFileIo() throws IOException, URISyntaxException {
        List<String> problems = scan(SyntheticSession.class, List.of("engine", "experiment"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theScanSeesForbiddenReferences() throws IOException, URISyntaxException {
        // The test classes of this package refer to org.hetquant.experiment (above): the scan must notice.
        List<String> problems = scan(EngineIndependenceTest.class, List.of("engine"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("org/hetquant/experiment/")), problems.toString());
    }

    private static List<String> scan(Class<?> anyClassOfPackage, List<String> allowedHetQuantPackages)
            throws IOException, URISyntaxException {
        Path dir = Path.of(anyClassOfPackage.getResource(anyClassOfPackage.getSimpleName() + ".class").toURI())
                .getParent();
        List<Path> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(classes.size() >= 3, "expected the compiled classes in " + dir);
        List<String> problems = new ArrayList<>();
        for (Path c : classes) {
            String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String f : FORBIDDEN) {
                if (pool.contains(f)) {
                    problems.add(c.getFileName() + " refers to " + f);
                }
            }
            Matcher m = HETQUANT.matcher(pool);
            while (m.find()) {
                if (!allowedHetQuantPackages.contains(m.group(1))) {
                    problems.add(c.getFileName() + " refers to " + m.group());
                }
            }
        }
        return problems;
    }
}
