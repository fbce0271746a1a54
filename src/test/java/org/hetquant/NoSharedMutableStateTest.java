package org.hetquant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hetquant.engine.Normalization;
import org.junit.jupiter.api.Test;

/**
 * No public or protected static field of the shipped classes may hold an array: any caller could write into it
 * and change results JVM-wide (issue 8, shared state). Constants that are lists of numbers are private and
 * handed out as copies. Scans every compiled class under {@code org/hetquant} and the Weka adapters.
 */
class NoSharedMutableStateTest {

    @Test
    void noVisibleStaticArrays() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Normalization.class.getResource("Normalization.class").toURI())
                .getParent().getParent().getParent().getParent();
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (String root : new String[] {"org/hetquant", "weka"}) {
            Path dir = classes.resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(p -> p.toString().endsWith(".class")).toList();
            }
            for (Path file : files) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        getClass().getClassLoader());
                scanned++;
                for (Field field : type.getDeclaredFields()) {
                    int m = field.getModifiers();
                    boolean visible = Modifier.isPublic(m) || Modifier.isProtected(m);
                    if (visible && Modifier.isStatic(m) && field.getType().isArray()) {
                        offenders.add(type.getName() + "." + field.getName());
                    }
                }
            }
        }
        assertTrue(scanned > 30, "scanned only " + scanned + " classes under " + classes);
        assertTrue(offenders.isEmpty(), "visible static arrays: " + offenders);
    }
}
