/**
 * The HetQuant engine: heterogeneous spike-phase quantization after Moyal et al., "Heterogeneous quantization
 * regularizes spiking neural network activity" (Sci. Rep. 2025; arXiv:2409.18396).
 *
 * <p>The pipeline, in the paper's vocabulary:
 * <ol>
 *   <li>{@link org.hetquant.engine.Normalization}: exact per-sample L1 normalization (the ET layer);</li>
 *   <li>{@link org.hetquant.engine.ColumnGains}: a column of n duplicated neurons per feature, each driven
 *       through its own gain (uniform 1/x, equidistant, homogeneous, or calibrated on data);</li>
 *   <li>spike phases: a leaky integrate-and-fire neuron under oscillatory inhibition fires earlier in the
 *       cycle for a stronger drive;</li>
 *   <li>data-aware calibration of the gains (Jenks natural breaks, smoothing s);</li>
 *   <li>{@link org.hetquant.engine.Utilization}: the share of units that fire, the regularization metric, with
 *       its mean and SD ({@link org.hetquant.engine.Summary});</li>
 *   <li>{@link org.hetquant.engine.GranuleLayer}: the plastic granule-cell readout, MC→GC weights learned by
 *       STDP ({@link org.hetquant.engine.GranuleWeights}, reference {@link org.hetquant.engine.GranuleSimulator}).</li>
 * </ol>
 *
 * <p>This package is plain Java: no workbench API (Weka, KNIME, Spark) and no I/O, so any host can wrap it.
 * A test enforces that nothing here imports {@code weka.*}. Its one library is Commons Math, for descriptive
 * statistics ({@link org.hetquant.engine.Summary}) and the calibrator's median.
 */
package org.hetquant.engine;
