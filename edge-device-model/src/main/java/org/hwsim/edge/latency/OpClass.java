package org.hwsim.edge.latency;

import org.hwsim.core.workload.LayerOp;
import org.hwsim.core.workload.TensorShape;

/**
 * How a latency model treats an operator: which efficiency its work runs at and whether it does
 * arithmetic at all. Classified from the operator's type and shape: a grouped convolution with
 * fewer than {@value #DEPTHWISE_CHANNELS_PER_GROUP} input channels per group behaves like a
 * depthwise one (little reuse per weight), as measured kernel libraries show.
 */
public enum OpClass {
    /** Dense or grouped convolution, transposed convolution. */
    CONV,
    /** Depthwise (or nearly so) convolution: low arithmetic intensity, poor vector use. */
    DEPTHWISE,
    /** Linear layers and matrix products. */
    GEMM,
    /** Batch norm, activations, add, mul. */
    ELEMENTWISE,
    /** Pooling (windowed and global). */
    POOL,
    /** Softmax and layer norm: reductions along an axis. */
    REDUCE,
    /** Concat, pad, slice, transpose, pixel shuffle, upsample, resize: copies. */
    DATA_MOVEMENT,
    /** Reshape and flatten: a copy unless the runtime makes them views. */
    VIEW,
    /** Embedding lookup: reads the looked-up rows only. */
    GATHER;

    /** Channels per group below which a grouped convolution counts as depthwise. */
    public static final int DEPTHWISE_CHANNELS_PER_GROUP = 8;

    /** True for classes whose MACs multiply with weights or activations (CONV, DEPTHWISE, GEMM). */
    public boolean doesMacs() {
        return this == CONV || this == DEPTHWISE || this == GEMM;
    }

    /** True for classes that a runtime can chain into one element-wise kernel. */
    public boolean isElementwise() {
        return this == ELEMENTWISE;
    }

    /** The class of {@code op} reading {@code input} (its first input). */
    public static OpClass of(LayerOp op, TensorShape input) {
        if (op instanceof LayerOp.Conv2d c) {
            return input.channels() / c.groups() < DEPTHWISE_CHANNELS_PER_GROUP ? DEPTHWISE : CONV;
        } else if (op instanceof LayerOp.Conv3d c) {
            return input.channels() / c.groups() < DEPTHWISE_CHANNELS_PER_GROUP ? DEPTHWISE : CONV;
        } else if (op instanceof LayerOp.DepthwiseConv2d) {
            return DEPTHWISE;
        } else if (op instanceof LayerOp.ConvTranspose) {
            return CONV;
        } else if (op instanceof LayerOp.Linear || op instanceof LayerOp.MatMul) {
            return GEMM;
        } else if (op instanceof LayerOp.BatchNorm || op instanceof LayerOp.Activation
                || op instanceof LayerOp.Add || op instanceof LayerOp.Mul) {
            return ELEMENTWISE;
        } else if (op instanceof LayerOp.MaxPool || op instanceof LayerOp.AvgPool
                || op instanceof LayerOp.GlobalAvgPool) {
            return POOL;
        } else if (op instanceof LayerOp.Softmax || op instanceof LayerOp.LayerNorm) {
            return REDUCE;
        } else if (op instanceof LayerOp.Flatten || op instanceof LayerOp.Reshape) {
            return VIEW;
        } else if (op instanceof LayerOp.Embedding) {
            return GATHER;
        } else if (op instanceof LayerOp.Concat || op instanceof LayerOp.Pad || op instanceof LayerOp.Slice
                || op instanceof LayerOp.Transpose || op instanceof LayerOp.PixelShuffle
                || op instanceof LayerOp.Upsample || op instanceof LayerOp.Resize) {
            return DATA_MOVEMENT;
        }
        throw new IllegalArgumentException("no latency class for operator type " + op.typeId());
    }
}
