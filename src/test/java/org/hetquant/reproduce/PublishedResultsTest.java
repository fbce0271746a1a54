package org.hetquant.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedResultsTest {

    static Path publishedDir() {
        return Path.of(System.getProperty("hetquant.shared", "../shared"), "reference", "published");
    }

    @Test
    void readsTheReleasedMcRowsAndTheSpecTables() {
        PublishedResults p = PublishedResults.load(publishedDir());
        // docs/method.md §4.4 tables, rounded there.
        assertEquals(2.81, p.get(Metric.MC_UTILIZATION_SD, "Saturation", Condition.UNIFORM, 4).orElseThrow().value(),
                0.005);
        assertEquals(7.82,
                p.get(Metric.MC_UTILIZATION_SD, "Concentration", Condition.HOMOGENEOUS, 32).orElseThrow().value(), 0.005);
        assertEquals(99.9, p.get(Metric.MC_ACCURACY, "Saturation", Condition.SCALED, 8).orElseThrow().value(), 0.05);
        assertEquals(37.8, p.get(Metric.MC_MEAN_UTILIZATION, PublishedResults.MEAN_SESSION, Condition.ADAPTIVE, 32)
                .orElseThrow().value(), 1e-9);
        assertEquals(72.2, p.get(Metric.ET_ACCURACY, "Saturation", Condition.SCALED, 16).orElseThrow().value(), 1e-9);
        // There is no per-session mean utilization.
        assertTrue(p.get(Metric.MC_MEAN_UTILIZATION, "Saturation", Condition.UNIFORM, 4).isEmpty());
        assertTrue(p.get(Metric.GC_MEAN_UTILIZATION, "Saturation", Condition.UNIFORM, 4).isEmpty());
    }

    @Test
    void readsTheReleasedGcRowsAndTheSpecTable() {
        PublishedResults p = PublishedResults.load(publishedDir());
        // docs/method.md §4.4 GC tables, rounded there; the GC rows are not mixed up with the MC rows of the same cell.
        assertEquals(3.87, p.get(Metric.GC_UTILIZATION_SD, "Saturation", Condition.UNIFORM, 4).orElseThrow().value(),
                0.005);
        assertEquals(22.77,
                p.get(Metric.GC_UTILIZATION_SD, "Concentration", Condition.ADAPTIVE, 4).orElseThrow().value(), 0.005);
        assertEquals(2.81, p.get(Metric.MC_UTILIZATION_SD, "Saturation", Condition.UNIFORM, 4).orElseThrow().value(),
                0.005);
        assertEquals(81.8, p.get(Metric.GC_ACCURACY, "Saturation", Condition.UNIFORM, 4).orElseThrow().value(), 0.05);
        assertEquals(4.5, p.get(Metric.GC_ACCURACY, "Concentration", Condition.UNIFORM, 4).orElseThrow().foldSd(),
                0.05);
        assertEquals(74.7, p.get(Metric.GC_MEAN_UTILIZATION, PublishedResults.MEAN_SESSION, Condition.UNIFORM, 4)
                .orElseThrow().value(), 1e-9);
        assertEquals(51.6, p.get(Metric.GC_MEAN_UTILIZATION, PublishedResults.MEAN_SESSION, Condition.ADAPTIVE, 32)
                .orElseThrow().value(), 1e-9);
    }

    @Test
    void bundledCopyEqualsTheReleasedFiles() {
        PublishedResults released = PublishedResults.load(publishedDir());
        PublishedResults bundled = PublishedResults.loadBundled();
        int compared = 0;
        for (Metric m : new Metric[] {Metric.MC_UTILIZATION_SD, Metric.MC_ACCURACY, Metric.GC_UTILIZATION_SD,
                Metric.GC_ACCURACY}) {
            for (String session : new String[] {"Concentration", "Saturation"}) {
                for (Condition c : Condition.values()) {
                    for (int n : new int[] {4, 8, 16, 32}) {
                        assertEquals(released.get(m, session, c, n), bundled.get(m, session, c, n),
                                m + " " + session + " " + c + " " + n);
                        compared++;
                    }
                }
            }
        }
        assertEquals(128, compared);
    }

    @Test
    void malformedFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("full_util_cond_3.csv"),
                "Layer,Session,Condition,Duplication,Utilization.m,Utilization.s\nMC,Saturation,Uniform,4,abc,1\n");
        Files.writeString(dir.resolve("full_clf_cond_3.csv"),
                "Layer,Session,Condition,Duplication,Accuracy.m,Accuracy.s\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PublishedResults.load(dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("full_util_cond_3.csv"),
                e.getMessage());
    }
}
