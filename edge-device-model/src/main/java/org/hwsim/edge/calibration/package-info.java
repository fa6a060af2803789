/**
 * Fitting and validating the latency model against published measurements: the shipped table of
 * measurements with their sources ({@link org.hwsim.edge.calibration.Measurements}),
 * Levenberg-Marquardt least squares on log latency ratios with unit-kind parameters shared across
 * runtimes and regularised per-path offsets ({@link org.hwsim.edge.calibration.Calibrator}), and
 * leave-one-source-out validation ({@link org.hwsim.edge.calibration.Validation}).
 */
package org.hwsim.edge.calibration;
