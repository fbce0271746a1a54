package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleToIntFunction;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BisectionSolver;
import org.apache.commons.math3.analysis.solvers.BracketedUnivariateSolver;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.analysis.solvers.IllinoisSolver;
import org.apache.commons.math3.analysis.solvers.PegasusSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhaseTableTest implements SerializableValueTypeContract<PhaseTable> {

    /** docs/method.md §2(b) phase table: inclusive lower drive bound of each firing phase, 6 decimals. */
    private static final double[] SPEC_BOUNDS = {
        6.785535, 7.020157, 7.508028, 8.237416, 9.193269, 10.358069, 11.713051, 13.239988,
        14.923903, 16.757533, 18.749452, 20.940868, 23.446205, 26.572971, 31.298682, 42.604857};
    private static final int[] SPEC_PHASES = {17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2};

    static Stream<NeuronParameters> parameterSets() {
        NeuronParameters d = NeuronParameters.DEFAULT;
        return Stream.of(d,
                d.withTauMembrane(8.0),
                d.withOscillatorWeight(-10.0),
                d.withVThreshold(-50.0),
                d.withPresentationLength(200).withCycleLength(40).withOscillatorFrequency(25.0),
                d.withReleasePhase(10));
    }

    @Test
    void reproducesTheSpecTable() {
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT);
        assertArrayEquals(SPEC_PHASES, table.phases());
        double[] bounds = table.lowerBounds();
        assertEquals(SPEC_BOUNDS.length, bounds.length);
        for (int j = 0; j < bounds.length; j++) {
            assertEquals(SPEC_BOUNDS[j], Math.round(bounds[j] * 1e6) / 1e6, 0.0, "boundary of phase " + SPEC_PHASES[j]);
        }
        assertEquals(6.785535, table.firingThreshold(), 5e-7);
        assertEquals(2, table.strongestPhase());
        assertEquals(17, table.weakestPhase());
        assertEquals(16, table.levels());
        assertEquals(0, table.phase(6.785534));
        assertEquals(0, table.phase(0.0));
        assertEquals(0, table.phase(-100.0));
        assertEquals(0, table.phase(Double.NaN));
        assertEquals(17, table.phase(6.785536));
        assertEquals(2, table.phase(1e6));
        assertEquals(2, table.phase(Double.MAX_VALUE));
        assertEquals(0, table.phase(Double.MIN_VALUE));
        assertEquals(0, table.phase(-0.0));
        for (double infinite : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            InvalidValueException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
                    () -> table.phase(infinite));
            assertEquals(InvalidValueException.Problem.NOT_FINITE, e.problem());
        }
        assertSame(table, PhaseTable.of(NeuronParameters.DEFAULT.withVRest(-60.0)), "DEFAULT table is cached");
    }

    @Test
    void strongestBoundaryIsTheClosedFormFirstStepCrossing() {
        // Crossing on the first step of a cycle from rest at the oscillator's value for k = 0:
        // (1 - R)·(D + W·osc(0))/g_L = V_th - V_rest with R the RK4 factor for h = dt/τ = 0.25.
        double h = 0.25;
        double r = 1 - h + h * h / 2 - h * h * h / 6 + h * h * h * h / 24;
        double closedForm = 5.0 / (1 - r) + 20.0 * NeuronParameters.DEFAULT.oscillator(0);
        assertEquals(closedForm, PhaseTable.of(NeuronParameters.DEFAULT).lowerBounds()[15], 1e-9);
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void agreesWithTheSimulatorEverywhere(NeuronParameters parameters) {
        PhaseTable table = PhaseTable.of(parameters);
        PhaseSimulator simulator = new PhaseSimulator(parameters);
        double[] bounds = table.lowerBounds();
        int[] phases = table.phases();
        for (int j = 0; j < bounds.length; j++) {
            double b = bounds[j];
            int below = j == 0 ? 0 : phases[j - 1];
            // The exact adjacent-double transition.
            assertEquals(phases[j], simulator.phase(b), "at boundary " + b);
            assertEquals(below, simulator.phase(Math.nextDown(b)), "just below boundary " + b);
            assertEquals(phases[j], table.phase(b));
            assertEquals(below, table.phase(Math.nextDown(b)));
            for (double delta : new double[] {1e-12, 1e-10, 1e-9}) {
                assertEquals(simulator.phase(b - delta), table.phase(b - delta), "at " + b + " - " + delta);
                assertEquals(simulator.phase(b + delta), table.phase(b + delta), "at " + b + " + " + delta);
            }
        }
        // Log-uniform from far below the threshold to far beyond the strongest boundary, plus negatives.
        SplittableRandom random = new SplittableRandom(314);
        double lo = Math.log(1e-3);
        double hi = Math.log(10 * bounds[bounds.length - 1]);
        int[] seen = new int[64];
        for (int i = 0; i < 100_000; i++) {
            double drive = Math.exp(lo + (hi - lo) * random.nextDouble());
            if (i % 10 == 0) {
                drive = -drive;
            }
            int expected = simulator.phase(drive);
            assertEquals(expected, table.phase(drive), "drive " + drive);
            seen[expected]++;
        }
        assertTrue(seen[0] > 0, "the sample must include silent drives");
        for (int phase : phases) {
            assertTrue(seen[phase] > 0, "the sample must include phase " + phase);
        }
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void phasesAreMonotoneAndWellFormed(NeuronParameters parameters) {
        PhaseTable table = PhaseTable.of(parameters);
        double[] bounds = table.lowerBounds();
        int[] phases = table.phases();
        assertEquals(table.levels(), bounds.length);
        for (int j = 1; j < bounds.length; j++) {
            assertTrue(bounds[j] > bounds[j - 1]);
            assertTrue(phases[j] < phases[j - 1]);
        }
        assertEquals(phases[0], table.weakestPhase());
        assertEquals(phases[phases.length - 1], table.strongestPhase());
        assertEquals(bounds[0], table.firingThreshold());
    }

    @Test
    void otherParametersMoveTheTable() {
        PhaseTable slower = PhaseTable.of(NeuronParameters.DEFAULT.withTauMembrane(8.0));
        assertTrue(slower.firingThreshold() > PhaseTable.of(NeuronParameters.DEFAULT).firingThreshold());
        // With release at step 10 of the cycle, the strongest drive crosses at step 10 and spikes at step 11.
        assertEquals(12, PhaseTable.of(NeuronParameters.DEFAULT.withReleasePhase(10)).strongestPhase());
    }

    @Override
    public PhaseTable value() {
        return PhaseTable.of(NeuronParameters.DEFAULT.withOscillatorWeight(-10.0));
    }

    @Override
    public PhaseTable equalValue() {
        return PhaseTable.of(NeuronParameters.DEFAULT.withOscillatorWeight(-10.0));
    }

    @Override
    public List<PhaseTable> differentValues() {
        return List.of(PhaseTable.of(NeuronParameters.DEFAULT),
                PhaseTable.of(NeuronParameters.DEFAULT.withOscillatorWeight(-10.0).withTauMembrane(8.0)));
    }

    @Override
    public List<Invalid> invalidValues() {
        // A 5-step refractory period lets the cell fire several times per cycle; the readout keeps the last
        // spike, whose phase then moves later again as the drive grows.
        return List.of(new Invalid(() -> PhaseTable.of(null), "parameters"),
                new Invalid(() -> PhaseTable.of(NeuronParameters.DEFAULT.withTauRefractory(5.0)), "not monotone"));
    }

    /** A drive → phase map that counts its simulations. */
    private static final class CountingPhase implements DoubleToIntFunction {
        private final PhaseSimulator simulator = new PhaseSimulator(NeuronParameters.DEFAULT);
        long calls;

        @Override
        public int applyAsInt(double drive) {
            calls++;
            return simulator.phase(drive);
        }
    }

    /**
     * The comparison behind firstTransition's javadoc: from the same brackets (a 4096-point grid from half the
     * firing threshold to 1.5 times the strongest boundary) each Commons Math solver, followed by the last-ulp
     * search, finds the same boundaries bit for bit, with more simulations than the plain bisection.
     */
    @Test
    void commonsMathSolversFindTheSameBoundariesWithMoreSimulations() {
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT);
        double[] bounds = table.lowerBounds();
        int[] phases = table.phases();
        double lo = bounds[0] * 0.5;
        double hi = bounds[bounds.length - 1] * 1.5;
        double[] grid = new double[4096];
        Arrays.setAll(grid, i -> lo + (hi - lo) * i / (grid.length - 1));
        double relativeAccuracy = 4 * Math.ulp(1.0);
        Map<String, Long> calls = new LinkedHashMap<>();
        for (String method : List.of("ours", "BisectionSolver", "BracketingNthOrderBrentSolver", "PegasusSolver",
                "IllinoisSolver")) {
            CountingPhase phase = new CountingPhase();
            for (int j = 0; j < bounds.length; j++) {
                int i = -Arrays.binarySearch(grid, bounds[j]) - 1;
                double a = j > 0 ? Math.max(grid[i - 1], bounds[j - 1]) : grid[i - 1];
                double b = j + 1 < bounds.length ? Math.min(grid[i], Math.nextDown(bounds[j + 1])) : grid[i];
                int phaseA = j == 0 ? 0 : phases[j - 1];
                UnivariateFunction sign = x -> phase.applyAsInt(x) == phaseA ? -1.0 : 1.0;
                double found = switch (method) {
                    case "ours" -> PhaseTable.firstTransition(phase, a, phaseA, b);
                    case "BisectionSolver" -> refine(phase, a, phaseA, b,
                            new BisectionSolver(relativeAccuracy, 4 * Math.ulp(bounds[j])).solve(100_000, sign, a, b));
                    default -> refine(phase, a, phaseA, b, solver(method, relativeAccuracy)
                            .solve(100_000, sign, a, b, AllowedSolution.RIGHT_SIDE));
                };
                assertEquals(Double.doubleToRawLongBits(bounds[j]), Double.doubleToRawLongBits(found),
                        method + ", boundary " + j);
            }
            calls.put(method, phase.calls);
        }
        assertEquals(Map.of("ours", 683L, "BisectionSolver", 1370L, "BracketingNthOrderBrentSolver", 771L,
                "PegasusSolver", 827L, "IllinoisSolver", 827L), calls,
                "the counts quoted in firstTransition's javadoc");
    }

    private static BracketedUnivariateSolver<UnivariateFunction> solver(String name, double relativeAccuracy) {
        return switch (name) {
            case "BracketingNthOrderBrentSolver" -> new BracketingNthOrderBrentSolver(relativeAccuracy, 1e-300, 5);
            case "PegasusSolver" -> new PegasusSolver(relativeAccuracy, 1e-300);
            default -> new IllinoisSolver(relativeAccuracy, 1e-300);
        };
    }

    /** The last-ulp search after a solver's estimate x: widen to a bracket around x, bisect to adjacent doubles. */
    private static double refine(DoubleToIntFunction phase, double a, int phaseA, double b, double x) {
        double left = x;
        double right = x;
        for (double step = Math.ulp(x); phase.applyAsInt(left) != phaseA; step *= 2) {
            left = Math.max(a, x - step);
        }
        for (double step = Math.ulp(x); phase.applyAsInt(right) == phaseA; step *= 2) {
            right = Math.min(b, x + step);
        }
        return PhaseTable.firstTransition(phase, left, phaseA, right);
    }
}
