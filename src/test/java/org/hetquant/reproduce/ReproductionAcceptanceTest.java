package org.hetquant.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hetquant.experiment.SyntheticSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The acceptance bands of issue 5 (MC layer) and issue 11 (GC layer) on the quick grid (seed 314, 2 of the 8
 * folds, both generated sessions), compared with the authors' released fold means. Cells excluded from a band are
 * listed in {@link #GC_EXCLUDED} with the reason; docs/reproduction.md explains each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReproductionAcceptanceTest {

    /**
     * GC cells that miss their band on the quick grid (docs/reproduction.md, "Why some GC cells miss"); every MC
     * cell and every qualitative claim is within band there, so no MC cell or claim is excluded. Each entry is an
     * {@link Acceptance.Check#name()}.
     *
     * <ul>
     *   <li>Saturation utilization SD, Scaled and Adaptive at every n and Uniform n = 16, 32: above the published
     *       values, a systematic excess that also shows on the full grid (Scaled n = 4..16, Adaptive n = 4, 8, 32,
     *       Uniform n = 32) and over data seeds 1..3 (the report's GC sensitivity table).
     *   <li>Concentration utilization SD, Homogeneous n = 4, Scaled n = 4, Adaptive at every n, Uniform n = 16:
     *       2 folds are few; the GC SD moves by a factor of about 1.5 between folds and seeds. On the full grid
     *       only Adaptive n = 4 misses (−25 %, the published value at the top of the seed range).
     *   <li>Accuracy, Concentration Uniform n = 4: 10 points below on 2 folds, 4.9 below on the full grid.
     * </ul>
     */
    static final Set<String> GC_EXCLUDED = Set.of(
            "Concentration Homogeneous n=4 GC utilization SD",
            "Concentration Uniform n=16 GC utilization SD",
            "Concentration Scaled n=4 GC utilization SD",
            "Concentration Adaptive n=4 GC utilization SD",
            "Concentration Adaptive n=8 GC utilization SD",
            "Concentration Adaptive n=16 GC utilization SD",
            "Concentration Adaptive n=32 GC utilization SD",
            "Saturation Uniform n=16 GC utilization SD",
            "Saturation Uniform n=32 GC utilization SD",
            "Saturation Scaled n=4 GC utilization SD",
            "Saturation Scaled n=8 GC utilization SD",
            "Saturation Scaled n=16 GC utilization SD",
            "Saturation Scaled n=32 GC utilization SD",
            "Saturation Adaptive n=4 GC utilization SD",
            "Saturation Adaptive n=8 GC utilization SD",
            "Saturation Adaptive n=16 GC utilization SD",
            "Saturation Adaptive n=32 GC utilization SD",
            "Concentration Uniform n=4 GC accuracy");

    /**
     * Qualitative claims that do not hold on the quick grid (all three hold on the full grid): Concentration's
     * Uniform GC utilization SD at n = 16 and 32 is among the cells 2 folds overstate (see {@link #GC_EXCLUDED}), so
     * it is not below half the Homogeneous SD there; at n = 4 the Uniform GC accuracy is the cell 2 folds put 10
     * points low, below Homogeneous.
     */
    static final Set<String> CLAIMS_EXCLUDED = Set.of(
            "Concentration n=16: GC Uniform SD well below GC Homogeneous SD",
            "Concentration n=32: GC Uniform SD well below GC Homogeneous SD",
            "Concentration n=4: Uniform GC accuracy above Homogeneous");

    private Grid grid;
    private List<Acceptance.Check> banded;

    @BeforeAll
    void runQuickGrid() throws Exception {
        Reproduce.Options o = Reproduce.Options.parse(new String[] {"--quick"});
        List<Reproduction.SessionInput> sessions = Reproduce.sessions(o);
        grid = new Grid(Reproduction.run(sessions,
                new Reproduction.Settings(314, Reproduce.QUICK_FOLDS, Runtime.getRuntime().availableProcessors()),
                done -> {}));
        banded = Acceptance.banded(grid, PublishedResults.load(PublishedResultsTest.publishedDir()),
                List.of(SyntheticSession.CONCENTRATION, SyntheticSession.SATURATION));
    }

    private void assertBand(Metric metric) {
        List<Acceptance.Check> checks =
                banded.stream().filter(c -> c.name().endsWith(metric.title())).toList();
        assertTrue(checks.size() >= 16, "expected a check per cell, got " + checks.size());
        String failures = checks.stream()
                .filter(c -> !c.pass() && !GC_EXCLUDED.contains(c.name()))
                .map(c -> String.format("%s: ours %.2f, published %.2f, band %s", c.name(), c.ours(), c.reference(),
                        c.band()))
                .collect(Collectors.joining("\n"));
        assertTrue(failures.isEmpty(), "outside band:\n" + failures);
    }

    @Test
    void utilizationSdWithinBands() {
        assertBand(Metric.MC_UTILIZATION_SD);
    }

    @Test
    void meanUtilizationWithinFivePoints() {
        assertBand(Metric.MC_MEAN_UTILIZATION);
    }

    @Test
    void accuracyWithinBands() {
        assertBand(Metric.MC_ACCURACY);
    }

    @Test
    void gcUtilizationSdWithinBands() {
        assertBand(Metric.GC_UTILIZATION_SD);
    }

    @Test
    void gcMeanUtilizationWithinFivePoints() {
        assertBand(Metric.GC_MEAN_UTILIZATION);
    }

    @Test
    void gcAccuracyWithinBands() {
        assertBand(Metric.GC_ACCURACY);
    }

    @Test
    void qualitativeClaimsHold() {
        for (String session : grid.sessions()) {
            String failures = Acceptance.qualitative(grid, session).stream()
                    .filter(c -> !c.pass() && !CLAIMS_EXCLUDED.contains(c.name()))
                    .map(c -> String.format("%s: %.2f vs %.2f (%s)", c.name(), c.ours(), c.reference(), c.band()))
                    .collect(Collectors.joining("\n"));
            assertTrue(failures.isEmpty(), "claims that do not hold:\n" + failures);
        }
    }

    @Test
    void excludedCellsReallyMissTheirBand() {
        // An exclusion that no longer misses must be removed, so the list cannot hide a regression elsewhere.
        for (String name : GC_EXCLUDED) {
            Acceptance.Check c = banded.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
            assertTrue(!c.pass(), name + " is within its band now; drop it from the exclusions");
        }
        List<Acceptance.Check> claims = grid.sessions().stream()
                .flatMap(s -> Acceptance.qualitative(grid, s).stream()).toList();
        for (String name : CLAIMS_EXCLUDED) {
            Acceptance.Check c = claims.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
            assertTrue(!c.pass(), name + " holds now; drop it from CLAIMS_EXCLUDED");
        }
    }

    @Test
    void sameSeedGivesTheSameNumbers() throws Exception {
        Reproduction.SessionInput saturation =
                Reproduce.sessions(Reproduce.Options.parse(new String[] {"--quick"})).get(1);
        Reproduction.Settings oneThread = new Reproduction.Settings(314, 2, 1);
        Grid again = new Grid(Reproduction.run(List.of(saturation), oneThread, done -> {}));
        for (Reproduction.Cell c : again.cells()) {
            assertEquals(grid.mean(c.session(), c.condition(), c.duplication(), c.metric()), c.mean(), 0.0,
                    c.toString());
        }
    }
}
