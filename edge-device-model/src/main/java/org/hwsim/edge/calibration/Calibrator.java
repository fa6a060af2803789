package org.hwsim.edge.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.hwsim.edge.device.UnitKind;
import org.hwsim.edge.latency.CostParameter;
import org.hwsim.edge.latency.CostParameters;
import org.hwsim.edge.latency.CostTable;
import org.hwsim.edge.latency.InferencePlan;

/**
 * Fits the latency model's {@link CostParameter}s to measurements by regularised non-linear least
 * squares (Commons Math Levenberg-Marquardt) on log latency ratios.
 *
 * <p>The parameters are hierarchical: one set per unit kind, shared by every runtime on that kind,
 * plus an offset per {@code runtime/path} in the free (logit or log) space. The residuals are
 * {@code ln(predicted / measured)} per sample, {@code baseWeight * (x - prior)} per unit-kind value
 * and {@code offsetWeight * x} per offset, so a path no sample covers keeps its unit kind's
 * parameters, and a unit kind no sample covers keeps the priors.
 */
public final class Calibrator {
    private static final int P = CostParameter.values().length;
    private static final double STEP = 1e-4;

    private final double baseWeight;
    private final double offsetWeight;
    private final int maxIterations;

    /**
     * A calibrator.
     *
     * @param baseWeight pull of each unit-kind parameter towards its prior, per free unit
     * @param offsetWeight pull of each path offset towards zero
     * @param maxIterations Levenberg-Marquardt iteration limit
     */
    public Calibrator(double baseWeight, double offsetWeight, int maxIterations) {
        this.baseWeight = baseWeight;
        this.offsetWeight = offsetWeight;
        this.maxIterations = maxIterations;
    }

    /** The weights used for the shipped calibration. */
    public static Calibrator standard() {
        return new Calibrator(0.05, 0.3, 2000);
    }

    /** Fits a table to {@code samples}; {@code description} says on what. */
    public CostTable fit(List<Sample> samples, String description) {
        Layout layout = new Layout(samples);
        double[] start = new double[layout.size()];
        double[] prior = CostParameters.priors().toFree();
        for (int k = 0; k < UnitKind.values().length; k++) {
            System.arraycopy(prior, 0, start, k * P, P);
        }
        MultivariateJacobianFunction model = point -> {
            double[] x = point.toArray();
            double[] value = residuals(samples, layout, x, prior);
            double[][] jacobian = new double[value.length][x.length];
            for (int j = 0; j < x.length; j++) {
                double saved = x[j];
                x[j] = saved + STEP;
                double[] shifted = residuals(samples, layout, x, prior);
                x[j] = saved;
                for (int i = 0; i < value.length; i++) {
                    jacobian[i][j] = (shifted[i] - value[i]) / STEP;
                }
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
        };
        int n = residuals(samples, layout, start, prior).length;
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-6)
                .withParameterRelativeTolerance(1e-6)
                .optimize(new LeastSquaresBuilder()
                        .model(model)
                        .target(new double[n])
                        .start(start)
                        .maxEvaluations(maxIterations * 4)
                        .maxIterations(maxIterations)
                        .build());
        return layout.table(optimum.getPoint(), description);
    }

    private double[] residuals(List<Sample> samples, Layout layout, double[] x, double[] prior) {
        double[] r = new double[samples.size() + layout.size()];
        for (int s = 0; s < samples.size(); s++) {
            Sample sample = samples.get(s);
            double predicted = sample.predicted(layout.params(s, x));
            r[s] = Math.log(sample.measurement().isLatency() ? predicted / sample.measured()
                    : sample.measured() / predicted);
        }
        int kinds = UnitKind.values().length * P;
        for (int j = 0; j < layout.size(); j++) {
            r[samples.size() + j] = j < kinds ? baseWeight * (x[j] - prior[j % P]) : offsetWeight * x[j];
        }
        return r;
    }

    /** Where each unit kind's and each path's free values sit in the parameter vector. */
    private static final class Layout {
        final List<String> keys = new ArrayList<>();
        final List<UnitKind> keyKinds = new ArrayList<>();
        final int[][][] keyIndex; // [sample][plan][plan key] -> global key

        Layout(List<Sample> samples) {
            keyIndex = new int[samples.size()][][];
            for (int s = 0; s < samples.size(); s++) {
                List<InferencePlan> plans = samples.get(s).plans();
                keyIndex[s] = new int[plans.size()][];
                for (int p = 0; p < plans.size(); p++) {
                    InferencePlan plan = plans.get(p);
                    keyIndex[s][p] = new int[plan.costKeys().size()];
                    for (int k = 0; k < plan.costKeys().size(); k++) {
                        String key = plan.costKeys().get(k);
                        int i = keys.indexOf(key);
                        if (i < 0) {
                            keys.add(key);
                            keyKinds.add(plan.costKinds().get(k));
                            i = keys.size() - 1;
                        }
                        keyIndex[s][p][k] = i;
                    }
                }
            }
        }

        int size() {
            return (UnitKind.values().length + keys.size()) * P;
        }

        double[][][] params(int sample, double[] x) {
            int[][] plans = keyIndex[sample];
            double[][][] out = new double[plans.length][][];
            for (int p = 0; p < plans.length; p++) {
                out[p] = new double[plans[p].length][];
                for (int k = 0; k < plans[p].length; k++) {
                    out[p][k] = natural(x, plans[p][k]);
                }
            }
            return out;
        }

        double[] natural(double[] x, int key) {
            int base = keyKinds.get(key).ordinal() * P;
            int offset = (UnitKind.values().length + key) * P;
            double[] v = new double[P];
            for (CostParameter c : CostParameter.values()) {
                v[c.ordinal()] = c.fromFree(x[base + c.ordinal()] + x[offset + c.ordinal()]);
            }
            return v;
        }

        CostTable table(RealVector point, String description) {
            double[] x = point.toArray();
            Map<String, CostParameters> kinds = new LinkedHashMap<>();
            for (UnitKind kind : UnitKind.values()) {
                double[] free = new double[P];
                System.arraycopy(x, kind.ordinal() * P, free, 0, P);
                kinds.put(kind.id(), CostParameters.fromFree(free));
            }
            Map<String, CostParameters> paths = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                double[] free = new double[P];
                int base = keyKinds.get(k).ordinal() * P;
                int offset = (UnitKind.values().length + k) * P;
                for (int j = 0; j < P; j++) {
                    free[j] = x[base + j] + x[offset + j];
                }
                paths.put(keys.get(k), CostParameters.fromFree(free));
            }
            return new CostTable(description, kinds, paths);
        }
    }
}
