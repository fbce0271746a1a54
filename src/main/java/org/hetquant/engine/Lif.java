package org.hetquant.engine;

/**
 * The membrane update shared by the MC and GC leaky integrate-and-fire neurons (docs/method.md §2(b)):
 * {@code dv/dt = (−(v − V_rest) + I/g_L) / τ_m}, one classical RK4 step per simulation step with the input held
 * constant. Both layers' reference simulators and their fast paths call this one method, so they perform the
 * same floating-point operations in the same order.
 */
final class Lif {

    private Lif() {}

    /**
     * One RK4 step.
     *
     * @param v membrane potential before the step, mV
     * @param input input current already divided by g_L, mV
     * @param vRest resting potential, mV
     * @param tau membrane time constant, ms
     * @param dt step, ms
     * @return the membrane potential after the step, mV (not yet clamped to the threshold)
     */
    static double rk4(double v, double input, double vRest, double tau, double dt) {
        double k1 = (-(v - vRest) + input) / tau;
        double k2 = (-((v + (dt / 2.0) * k1) - vRest) + input) / tau;
        double k3 = (-((v + (dt / 2.0) * k2) - vRest) + input) / tau;
        double k4 = (-((v + dt * k3) - vRest) + input) / tau;
        return v + (dt / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
    }
}
