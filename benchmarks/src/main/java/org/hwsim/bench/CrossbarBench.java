package org.hwsim.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.array.Crossbar;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.convert.ThermalNoiseConfig;
import org.hwsim.pim.device.DeviceConfig;
import org.hwsim.pim.device.ReadNoiseMode;
import org.hwsim.pim.scheme.Decomposition;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matrix-vector products of one {@code size x size} crossbar, in MVMs per second on one thread.
 *
 * <p>{@code pimMvm}: the PIM model, bit-serial, 8-bit signed inputs (8 bit-planes), 8-bit weights,
 * an 8-bit ADC converting every bit-plane's column sums, thermal noise of 1 LSB rms at every
 * conversion, and {@code readNoise} proportional per-device read noise (0.01 = 1 %, applied
 * exactly in distribution at the column). {@code nd4jMatmulBaseline}: the same W times the same
 * inputs as plain ND4J float matmuls into a preallocated result. Each invocation computes
 * {@value #VECTORS} products: {@code VECTORS / batch} calls of {@code batch} vectors each, so
 * the score counts vectors whatever the batch ({@code @OperationsPerInvocation}).
 *
 * <p>One thread: JMH runs one benchmark thread, and ND4J's OpenMP and BLAS pools are set to one
 * thread in {@link #setUp()} ({@code Nd4j.getEnvironment().setMaxThreads(1)}, {@code
 * setMaxMasterThreads(1)}, {@code Nd4j.factory().blas().setMaxThreads(1)}); run with {@code
 * OMP_NUM_THREADS=1} as well to be sure native code sees it from the start.
 *
 * <p>Reference points: CrossSim (numpy, one thread) does about 2,200 MVM/s single-vector
 * and 9,000 batched at 256 x 256, 1,200 batched at 1024 x 1024 and about 70 with per-device read
 * noise.
 *
 * <p>Figures, the command and where the time goes: {@code benchmarks/README.md}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Thread)
public class CrossbarBench {
    static final int VECTORS = 64;

    @Param({"256", "1024"})
    public int size;

    @Param({"1", "64"})
    public int batch;

    @Param({"0", "0.01"})
    public double readNoise;

    private Crossbar crossbar;
    private float[][][] xs;      // [call][vector][row]
    private float[][][] ys;      // [call][vector][col]
    private INDArray weightsT;   // [size][size], W transposed, so y = W^T x as a column
    private INDArray[] inputs;   // [call]: [size][batch]
    private INDArray[] outputs;  // [call]: [size][batch]

    @Setup
    public void setUp() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        RandomStreams streams = new RandomStreams(42);
        UniformRandomProvider r = streams.stream("bench/data");
        float[][] w = new float[size][size];
        for (float[] row : w) {
            for (int j = 0; j < size; j++) {
                row[j] = (float) (2 * r.nextDouble() - 1);
            }
        }
        AdcConfig adc = AdcConfig.linear(8).withThermalNoise(ThermalNoiseConfig.ofLsb(1.0));
        CrossbarConfig config = CrossbarConfig.of(size, size, Decomposition.BIT_SERIAL, 8, DacConfig.signed(8), adc)
                .withDevice(DeviceConfig.ideal().withReadNoise(readNoise, ReadNoiseMode.PROPORTIONAL));
        crossbar = Crossbar.tile(w, config, streams, "bench/tile");
        int calls = VECTORS / batch;
        xs = new float[calls][batch][size];
        ys = new float[calls][batch][size];
        inputs = new INDArray[calls];
        outputs = new INDArray[calls];
        float[][] wt = new float[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                wt[j][i] = w[i][j];
            }
        }
        weightsT = Nd4j.create(wt);
        for (int c = 0; c < calls; c++) {
            float[][] cols = new float[size][batch];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < size; i++) {
                    float v = (float) (2 * r.nextDouble() - 1);
                    xs[c][b][i] = v;
                    cols[i][b] = v;
                }
            }
            inputs[c] = Nd4j.create(cols);
            outputs[c] = Nd4j.create(DataType.FLOAT, size, batch);
        }
    }

    /** The PIM model: bit-serial, 8-bit inputs, 8-bit ADC on every bit-plane, thermal noise on. */
    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public float[][][] pimMvm() {
        for (int c = 0; c < xs.length; c++) {
            crossbar.mvm(xs[c], ys[c]);
        }
        return ys;
    }

    /** The same products as plain ND4J matmuls (W^T X into a preallocated result). */
    @Benchmark
    @OperationsPerInvocation(VECTORS)
    public INDArray[] nd4jMatmulBaseline() {
        for (int c = 0; c < inputs.length; c++) {
            weightsT.mmuli(inputs[c], outputs[c]);
        }
        return outputs;
    }
}
