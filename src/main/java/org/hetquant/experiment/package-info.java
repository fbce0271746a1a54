/**
 * The paper's experiment, beside the method: what the reproduction and the utilization report need but a
 * workbench node does not.
 *
 * <ul>
 *   <li>{@link org.hetquant.experiment.SyntheticSession}, {@link org.hetquant.experiment.AffinityMatrix}: the
 *       seeded Concentration and Saturation sessions (paper, Methods, synthetic data);</li>
 *   <li>{@link org.hetquant.experiment.SamplingProtocol}: the few-shot resampling and folds;</li>
 *   <li>{@link org.hetquant.experiment.FoldUtilization}: MC utilization per fold under that protocol;</li>
 *   <li>{@link org.hetquant.experiment.PaperGrid}: grid settings that are not method parameters (the
 *       homogeneous gain levels).</li>
 * </ul>
 *
 * <p>Plain Java on top of {@code org.hetquant.engine}; no host API and no I/O (a test scans the bytecode). The
 * engine never refers to this package.
 */
package org.hetquant.experiment;
