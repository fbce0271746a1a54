package org.hetquant.engine;

import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleToIntFunction;

/**
 * The drive → spike-phase map of one MC (docs/method.md §2(b) "phase table"), computed once from {@link PhaseSimulator}
 * and then evaluated in a few nanoseconds.
 *
 * <p>Phases follow the published ("paper") numbering: 0 = silent, then the firing phases from
 * {@link #weakestPhase()} (lowest firing drive) down to {@link #strongestPhase()} (stronger input, earlier
 * spike). Each boundary is the simulator's transition between two adjacent doubles, located by a dense scan
 * and bisection (see {@link #of}), so table and simulator agree on both sides of every boundary; between
 * boundaries agreement relies on the phase being monotone, which the scan checks at its grid resolution.
 * An infinite drive is rejected ({@link InvalidValueException}): the simulator's arithmetic turns it into NaN,
 * so no phase is defined for it; every finite drive above the saturation drive has the strongest phase.
 *
 * <p>Immutable and thread-safe.
 */
public final class PhaseTable implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Grid points of the coarse scans; enough to resolve every phase interval of plausible parameters. */
    private static final int LINEAR_SCAN_POINTS = 4096;
    private static final int GEOMETRIC_SCAN_POINTS = 8192;
    /** The geometric scan covers offsets above the firing threshold down to 2^-40 of the firing range. */
    private static final double GEOMETRIC_SCAN_DEPTH = 40.0;

    private final NeuronParameters parameters;
    /** Inclusive lower drive bound of each firing interval, strictly ascending. */
    private final double[] lowerBounds;
    /** Paper phase of each firing interval, strictly descending. */
    private final int[] phases;
    /** {@code phaseByCount[c]} = phase when c lower bounds are ≤ the drive; [0] = 0 (silent). */
    private final transient int[] phaseByCount;

    private PhaseTable(NeuronParameters parameters, double[] lowerBounds, int[] phases) {
        this.parameters = parameters;
        this.lowerBounds = lowerBounds;
        this.phases = phases;
        this.phaseByCount = new int[phases.length + 1];
        System.arraycopy(phases, 0, phaseByCount, 1, phases.length);
    }

    /** Lazily computed table for {@link NeuronParameters#DEFAULT}, shared by everyone. */
    private static final class DefaultHolder {
        static final PhaseTable DEFAULT = compute(NeuronParameters.DEFAULT);
    }

    /**
     * Table for the given parameters; the DEFAULT table is computed once and cached, others take about
     * 15,000 simulations (tens of milliseconds).
     *
     * @throws IllegalArgumentException if parameters is null, or if for these parameters the phase is not a
     *                                  monotone function of the drive (silent below one threshold, then each
     *                                  stronger drive giving the same or an earlier phase)
     */
    public static PhaseTable of(NeuronParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        return parameters.equals(NeuronParameters.DEFAULT) ? DefaultHolder.DEFAULT : compute(parameters);
    }

    /**
     * Locates all phase boundaries. The scan runs between two drives that are provably silent and provably
     * saturated (see below), on a linear grid plus a grid that is geometric in the distance to the firing
     * threshold (intervals near threshold are narrow); wherever two neighbouring grid points differ, bisection
     * narrows the transition to adjacent doubles.
     */
    private static PhaseTable compute(NeuronParameters p) {
        PhaseSimulator simulator = new PhaseSimulator(p);
        double gap = p.leakConductance() * (p.vThreshold() - p.vRest());
        double oscillatorReach = Math.abs(p.oscillatorWeight())
                * (Math.abs(p.oscillatorAmplitude()) + Math.abs(p.oscillatorBaseline()));
        // One RK4 step maps v - V_rest to R·(v - V_rest) + (1 - R)·I/g_L with 0 < R < 1 (stable step), so v
        // never exceeds V_rest + max(I)/g_L: below this drive the membrane cannot reach threshold ...
        double silent = gap - oscillatorReach - 1.0;
        // ... and above this one, a single step from rest crosses threshold whatever the oscillator does, so
        // every cycle repeats the same discrete trajectory and the phase no longer changes.
        double h = p.dt() / p.tauMembrane();
        double r = 1.0 - h + h * h / 2.0 - h * h * h / 6.0 + h * h * h * h / 24.0;
        double saturated = gap / (1.0 - r) + oscillatorReach + 1.0;
        saturated += Math.ulp(saturated) * 64;

        if (simulator.phase(silent) != 0) {
            throw new IllegalStateException("neuron fires at the provably silent drive " + silent + " for " + p);
        }
        if (simulator.phase(saturated) == 0) {
            throw new IllegalArgumentException("the neuron never fires within the readout window (the last cycle"
                    + " of the presentation), even for a saturating drive of " + saturated + ", for " + p);
        }

        double[] linear = new double[LINEAR_SCAN_POINTS];
        for (int i = 0; i < linear.length; i++) {
            linear[i] = silent + (saturated - silent) * i / (linear.length - 1);
        }
        linear[linear.length - 1] = saturated;
        int firstFiring = 0;
        while (simulator.phase(linear[firstFiring]) == 0) {
            firstFiring++;
        }
        double threshold = firstTransition(simulator::phase, linear[firstFiring - 1], 0, linear[firstFiring]);

        double[] grid = Arrays.copyOf(linear, linear.length + GEOMETRIC_SCAN_POINTS + 1);
        double range = saturated - threshold;
        for (int i = 0; i < GEOMETRIC_SCAN_POINTS; i++) {
            double exponent = -GEOMETRIC_SCAN_DEPTH * (GEOMETRIC_SCAN_POINTS - 1 - i) / (GEOMETRIC_SCAN_POINTS - 1);
            grid[linear.length + i] = threshold + range * Math.pow(2.0, exponent);
        }
        grid[grid.length - 1] = threshold;
        Arrays.sort(grid);

        List<double[]> transitions = new ArrayList<>();
        double a = grid[0];
        int phaseA = 0;
        for (int i = 1; i < grid.length; i++) {
            double b = grid[i];
            if (!(b > a)) {
                continue;
            }
            int phaseB = simulator.phase(b);
            while (phaseA != phaseB) {
                double x = firstTransition(simulator::phase, a, phaseA, b);
                int phaseX = simulator.phase(x);
                boolean monotone = phaseA == 0 ? transitions.isEmpty() && phaseX != 0 : phaseX != 0 && phaseX < phaseA;
                if (!monotone) {
                    throw new IllegalArgumentException("spike phase is not monotone in the drive for " + p
                            + ": phase " + phaseA + " just below drive " + x + ", phase " + phaseX + " at it;"
                            + " a phase table requires silence below one threshold and earlier (smaller) phases"
                            + " for stronger drives (e.g. tauRefractory >= cycleLength·dt gives one spike per"
                            + " cycle)");
                }
                transitions.add(new double[] {x, phaseX});
                a = x;
                phaseA = phaseX;
            }
            a = b;
        }

        double[] lowerBounds = new double[transitions.size()];
        int[] phases = new int[transitions.size()];
        for (int j = 0; j < lowerBounds.length; j++) {
            lowerBounds[j] = transitions.get(j)[0];
            phases[j] = (int) transitions.get(j)[1];
        }
        return new PhaseTable(p, lowerBounds, phases);
    }

    /**
     * Smallest drive x in (a, b] found by bisection with {@code phase(x) != phaseA} and
     * {@code phase(nextDown(x)) == phaseA}. Precondition: phase(a) == phaseA != phase(b).
     *
     * <p>Hand-written rather than Commons Math's solvers, after comparing them: the phase is an integer step
     * function, so interpolating solvers get no slope to exploit and at best match bisection, and every solver
     * stops at a tolerance, so this last-ulp search must follow anyway. From the same brackets to adjacent doubles,
     * on the default neuron's 16 boundaries, with identical results: this bisection 683 simulations; Commons
     * Math's {@code BisectionSolver} then this 1,370 (it re-evaluates the lower end every step);
     * {@code BracketingNthOrderBrentSolver} (order 5, right side) then this 771; {@code PegasusSolver} or
     * {@code IllinoisSolver} then this 827 ({@code PhaseTableTest} re-counts them).
     *
     * @param phase the simulator's drive → phase map
     */
    static double firstTransition(DoubleToIntFunction phase, double a, int phaseA, double b) {
        while (true) {
            double mid = a + (b - a) / 2.0;
            if (!(mid > a && mid < b)) {
                // Only when a and b are at most two ulps apart: step one ulp.
                mid = Math.nextUp(a);
                if (mid >= b) {
                    return b;
                }
            }
            if (phase.applyAsInt(mid) == phaseA) {
                a = mid;
            } else {
                b = mid;
            }
        }
    }

    /**
     * Paper phase for a drive.
     *
     * @param drive ET→MC input {@code w·v}, finite; NaN (missing) gives 0, a negative (inhibitory) drive 0
     * @return 0 if silent (drive below {@link #firingThreshold()} or NaN), otherwise a phase in
     *         [{@link #strongestPhase()}, {@link #weakestPhase()}]
     * @throws InvalidValueException if the drive is ±∞ (location unknown: the caller adds it)
     */
    public int phase(double drive) {
        if (Double.isInfinite(drive)) {
            throw new InvalidValueException(-1, -1, drive, InvalidValueException.Problem.NOT_FINITE,
                    "drives must be finite (or missing)");
        }
        // Branch-free count of the lower bounds ≤ drive (comparisons with NaN are false).
        int count = 0;
        for (double bound : lowerBounds) {
            count += bound <= drive ? 1 : 0;
        }
        return phaseByCount[count];
    }

    public NeuronParameters parameters() {
        return parameters;
    }

    /** Inclusive lower drive bound of each firing interval, strictly ascending (a copy). */
    public double[] lowerBounds() {
        return lowerBounds.clone();
    }

    /** Paper phase of each interval of {@link #lowerBounds()}, strictly descending (a copy). */
    public int[] phases() {
        return phases.clone();
    }

    /** D*: the smallest drive that fires within the readout window (≈ 6.785535 for DEFAULT). */
    public double firingThreshold() {
        return lowerBounds[0];
    }

    /** Phase of saturating drives (2 for DEFAULT). */
    public int strongestPhase() {
        return phases[phases.length - 1];
    }

    /** Phase just above the firing threshold (17 for DEFAULT). */
    public int weakestPhase() {
        return phases[0];
    }

    /** Number of distinct firing phases (16 for DEFAULT); silence is not counted. */
    public int levels() {
        return phases.length;
    }

    /** Index of a firing phase in {@link #phases()} (0 = weakest), or −1 if it is 0 or never produced. */
    int indexOf(int paperPhase) {
        for (int j = 0; j < phases.length; j++) {
            if (phases[j] == paperPhase) {
                return j;
            }
        }
        return -1;
    }

    /** Rejects streams whose arrays break the invariants every method relies on. */
    private Object readResolve() throws InvalidObjectException {
        if (parameters == null || lowerBounds == null || phases == null || lowerBounds.length == 0
                || lowerBounds.length != phases.length) {
            throw new InvalidObjectException("corrupt PhaseTable: missing or inconsistent arrays");
        }
        for (int j = 1; j < phases.length; j++) {
            if (!(lowerBounds[j] > lowerBounds[j - 1]) || !(phases[j] < phases[j - 1]) || phases[j] <= 0) {
                throw new InvalidObjectException("corrupt PhaseTable: bounds must ascend and phases descend");
            }
        }
        return new PhaseTable(parameters, lowerBounds, phases);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PhaseTable)) {
            return false;
        }
        PhaseTable t = (PhaseTable) o;
        return parameters.equals(t.parameters) && Arrays.equals(lowerBounds, t.lowerBounds)
                && Arrays.equals(phases, t.phases);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * parameters.hashCode() + Arrays.hashCode(lowerBounds)) + Arrays.hashCode(phases);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PhaseTable[D*=").append(firingThreshold()).append(", levels=")
                .append(levels()).append(':');
        for (int j = 0; j < phases.length; j++) {
            s.append(' ').append(lowerBounds[j]).append("→").append(phases[j]);
        }
        return s.append(']').toString();
    }
}
