package org.hetquant.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Javadoc, comments and documents cite the method by {@code docs/method.md §x}, a file in this repository: every
 * cited section must exist there, and no citation of a document that is not in the repository may come back.
 */
class MethodCitationsTest {

    private static final Path METHOD = Path.of("docs", "method.md");
    private static final List<Path> ROOTS = List.of(Path.of("src"), Path.of("spark", "src"), Path.of("README.md"),
            Path.of("BENCHMARKS.md"), Path.of("docs", "reproduction.md"), Path.of("pkg"));
    private static final Pattern CITATION = Pattern.compile(
            "docs/method\\.md ((?:,? ?§\\d[\\d.]*(?:\\([a-e]\\))?(?:[–-]\\([a-e]\\))?(?: (?:item|steps?) [\\d–]+)?)+)");
    private static final Pattern SECTION = Pattern.compile("§(\\d(?:\\.\\d)?(?:\\([a-e]\\))?)");
    private static final Pattern HEADING = Pattern.compile("^#{2,3} (\\d(?:\\.\\d)?(?:\\([a-e]\\))?)[. ]",
            Pattern.MULTILINE);
    /** "spec §2(d)", "spec 4.1", "Spec: …": the specification these citations used to name is not shipped. */
    private static final Pattern OLD_SPEC = Pattern.compile("\\b[Ss]pec(?: §| \\d|: |'s )");

    @Test
    void everyCitedSectionExistsAndNoOtherSpecIsCited() throws IOException {
        Set<String> sections = new HashSet<>();
        Matcher h = HEADING.matcher(Files.readString(METHOD));
        while (h.find()) {
            sections.add(h.group(1));
        }
        assertTrue(sections.containsAll(List.of("2(a)", "2(d)", "4.1", "6")), "headings found: " + sections);

        List<String> problems = new ArrayList<>();
        int citations = 0;
        for (Path root : ROOTS) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|md|csv|props|arff)"))
                        .filter(p -> !p.endsWith("MethodCitationsTest.java")).toList();
            }
            for (Path f : files) {
                String text = f.toString().endsWith(".arff") ? firstLines(f) : Files.readString(f);
                Matcher c = CITATION.matcher(text);
                while (c.find()) {
                    Matcher s = SECTION.matcher(c.group(1));
                    while (s.find()) {
                        citations++;
                        // "§2(b)–(c)" and "§2(c)-(d)" cite a range starting at a real section.
                        if (!sections.contains(s.group(1))) {
                            problems.add(f + ": docs/method.md §" + s.group(1) + " does not exist");
                        }
                    }
                }
                Matcher old = OLD_SPEC.matcher(text);
                if (old.find()) {
                    problems.add(f + ": cites a spec: \"" + old.group() + "\"");
                }
            }
        }
        assertTrue(citations > 20, "expected the javadoc's citations, found " + citations);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The comment header of a large data file. */
    private static String firstLines(Path f) throws IOException {
        try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
            return String.join("\n", lines.limit(20).toList());
        }
    }
}
