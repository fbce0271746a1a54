package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package zip ships only what it can run: every class in {@code hetquant.jar}, and every class any of them
 * refers to, loads in a class loader that holds only Weka (and its own dependencies), the zip's {@code lib/} jars
 * and {@code hetquant.jar} — as in a Weka installation; and it ships nothing it does not run: every {@code lib/}
 * jar holds a class that {@code hetquant.jar} refers to. A compiled class names every class it refers to in its
 * constant pool, so reading the pool finds references in method bodies too, which loading alone would not.
 */
class PackageContentsIT {

    private static Path unpacked;
    private static List<String> jarClasses;

    @BeforeAll
    static void unpack() throws IOException {
        unpacked = Path.of(System.getProperty("hetquant.build"), "it-package-contents");
        deleteRecursively(unpacked);
        Files.createDirectories(unpacked.resolve("lib"));
        try (ZipFile zip = new ZipFile(System.getProperty("hetquant.package.zip"))) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.equals("hetquant.jar") || name.matches("lib/[^/]+\\.jar")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, unpacked.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        jarClasses = new ArrayList<>();
        try (JarFile jar = new JarFile(unpacked.resolve("hetquant.jar").toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class")) {
                    jarClasses.add(name.substring(0, name.length() - ".class".length()));
                }
            }
        }
    }

    @Test
    void holdsTheNodesTheStepTheEngineAndThePlotsOnly() {
        assertTrue(jarClasses.contains("weka/filters/unsupervised/attribute/hetquant/HetQuantPipeline"));
        assertTrue(jarClasses.contains("weka/knowledgeflow/steps/HetQuantDiagnostics"));
        for (String c : jarClasses) {
            assertTrue(c.startsWith("weka/filters/unsupervised/attribute/hetquant/")
                    || c.startsWith("weka/knowledgeflow/steps/") || c.startsWith("org/hetquant/engine/")
                    || c.startsWith("org/hetquant/plot/"), c + " is not part of what the package runs");
        }
    }

    /**
     * The README installed with the package ({@code $WEKA_HOME/packages/hetquant/README.md}) and the Markdown files
     * it ships beside it link only to files that are in the zip.
     */
    @Test
    void everyRelativeLinkOfTheShippedDocumentsIsInTheZip() throws IOException {
        try (ZipFile zip = new ZipFile(System.getProperty("hetquant.package.zip"))) {
            List<String> entries = zip.stream().map(ZipEntry::getName).toList();
            List<String> broken = new ArrayList<>();
            int links = 0;
            for (String doc : entries.stream().filter(n -> n.endsWith(".md") && !n.startsWith("src/")).toList()) {
                String text = new String(zip.getInputStream(zip.getEntry(doc)).readAllBytes(),
                        StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("\\]\\(([^)#\\s]+)[^)]*\\)")
                        .matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("[a-z]+:.*")) {
                        continue;
                    }
                    links++;
                    String resolved = Path.of(doc).resolveSibling(target).normalize().toString()
                            .replace('\\', '/');
                    if (!entries.contains(resolved) && entries.stream().noneMatch(e -> e.startsWith(resolved + "/"))) {
                        broken.add(doc + " -> " + target);
                    }
                }
            }
            assertTrue(links > 10, "the check found too few links to mean anything: " + links);
            assertTrue(broken.isEmpty(), "links to files the zip does not hold: " + broken);
        }
    }

    /** The Spark module (spark/) adds nothing to the Weka package: no Spark or Scala jar, no Spark stage. */
    @Test
    void holdsNothingOfTheSparkModule() throws IOException {
        try (ZipFile zip = new ZipFile(System.getProperty("hetquant.package.zip"))) {
            List<String> spark = zip.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.matches("lib/.*(spark|scala).*") || n.contains("org/hetquant/spark/")
                            || n.startsWith("spark/"))
                    .toList();
            assertTrue(spark.isEmpty(), "the Weka package holds parts of the Spark module: " + spark);
        }
        assertFalse(jarClasses.stream().anyMatch(c -> c.startsWith("org/hetquant/spark/")));
    }

    /** Weka and its own dependencies, the zip's lib/ jars and hetquant.jar; nothing of the build's class path. */
    private static URLClassLoader installedPackageLoader() throws IOException {
        List<URL> urls = new ArrayList<>();
        for (String entry : Files.readString(Path.of(System.getProperty("hetquant.weka.classpath"))).trim()
                .split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (Stream<Path> lib = Files.list(unpacked.resolve("lib"))) {
            for (Path jar : lib.sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        urls.add(unpacked.resolve("hetquant.jar").toUri().toURL());
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void everyClassAndEveryReferenceResolvesAgainstWekaAndTheZipsLib() throws Exception {
        Set<String> missing = new TreeSet<>();
        int resolved = 0;
        try (URLClassLoader loader = installedPackageLoader();
                JarFile jar = new JarFile(unpacked.resolve("hetquant.jar").toFile())) {
            for (String c : jarClasses) {
                Set<String> refs;
                try (InputStream in = jar.getInputStream(jar.getEntry(c + ".class"))) {
                    refs = referencedClasses(in);
                }
                refs.add(c);
                for (String ref : refs) {
                    try {
                        Class.forName(ref.replace('/', '.'), false, loader);
                        resolved++;
                    } catch (ClassNotFoundException | LinkageError e) {
                        missing.add(ref + " (from " + c + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "not on Weka's class path nor in the package:\n" + String.join("\n", missing));
        assertTrue(resolved > jarClasses.size(), "expected references beyond the classes themselves");
    }

    @Test
    void theCheckSeesAMissingReference() throws IOException {
        // The project jar still holds the reproduction, which needs LIBSVM: its pool names libsvm/svm, which the
        // installed package's class path does not hold.
        try (URLClassLoader loader = installedPackageLoader()) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("libsvm.svm", false, loader));
        }
        Path classes = Path.of(System.getProperty("hetquant.build"), "classes", "org", "hetquant", "reproduce",
                "FewShotSvm.class");
        try (InputStream in = Files.newInputStream(classes)) {
            assertTrue(referencedClasses(in).contains("libsvm/svm"));
        }
        assertFalse(jarClasses.stream().anyMatch(c -> c.startsWith("org/hetquant/reproduce/")));
    }

    @Test
    void everyLibJarIsUsedByTheJar() throws IOException {
        List<Path> libs;
        try (Stream<Path> lib = Files.list(unpacked.resolve("lib"))) {
            libs = lib.sorted().toList();
        }
        assertFalse(libs.isEmpty(), "expected the package's lib/ jars");
        List<String> unused = unusedJars(referencesOfTheJar(), libs);
        assertTrue(unused.isEmpty(), "lib/ ships jars no class in hetquant.jar uses: " + unused);
    }

    @Test
    void theCheckSeesAnUnusedJar() throws IOException {
        Path unusedJar = unpacked.resolve("unused.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(unusedJar))) {
            out.putNextEntry(new JarEntry("org/example/Unused.class"));
            out.closeEntry();
        }
        assertEquals(List.of("unused.jar"), unusedJars(referencesOfTheJar(), List.of(unusedJar)));
    }

    /** Every class the classes of hetquant.jar refer to. */
    private static Set<String> referencesOfTheJar() throws IOException {
        Set<String> refs = new TreeSet<>();
        try (JarFile jar = new JarFile(unpacked.resolve("hetquant.jar").toFile())) {
            for (String c : jarClasses) {
                try (InputStream in = jar.getInputStream(jar.getEntry(c + ".class"))) {
                    refs.addAll(referencedClasses(in));
                }
            }
        }
        return refs;
    }

    /** The file names of the jars that hold none of {@code refs}. */
    private static List<String> unusedJars(Set<String> refs, List<Path> jars) throws IOException {
        List<String> unused = new ArrayList<>();
        for (Path path : jars) {
            boolean used = false;
            try (JarFile jar = new JarFile(path.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements() && !used;) {
                    String name = e.nextElement().getName();
                    used = name.endsWith(".class") && refs.contains(name.substring(0, name.length() - ".class".length()));
                }
            }
            if (!used) {
                unused.add(path.getFileName().toString());
            }
        }
        return unused;
    }

    /** The internal names of the classes a class file's constant pool refers to (array types unwrapped). */
    static Set<String> referencedClasses(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        assertEquals(0xCAFEBABE, in.readInt(), "not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNameIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 5, 6 -> {
                    in.readLong();
                    i++; // long and double take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at #" + i);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classNameIndexes) {
            String name = utf8[index];
            if (name.startsWith("[")) {
                int l = name.indexOf('L');
                if (l < 0) {
                    continue; // array of primitives
                }
                name = name.substring(l + 1, name.length() - 1);
            }
            names.add(name);
        }
        return names;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
