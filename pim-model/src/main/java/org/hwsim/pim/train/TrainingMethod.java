package org.hwsim.pim.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The training and deployment methods of the PIM-QAT study (Jin et al., arXiv 2209.08617), with stable ids. */
public enum TrainingMethod {
    /** Conventional digital QAT (quantized weights and inputs, no ADC), evaluated digitally. */
    DIGITAL("digital"),
    /** Conventional digital QAT, then deployed on the PIM model (ADC in the loop only at inference). */
    QAT_DEPLOYED("qat-deployed"),
    /** PIM quantization (the ADC, ideal in linearity and noise) in the training loop, with rescaling. */
    PIM_QAT("pim-qat"),
    /** PIM-QAT, then batch-norm statistics re-estimated through the deployed PIM model. */
    PIM_QAT_BNCAL("pim-qat-bncal"),
    /**
     * Adjusted precision training: PIM-QAT at an ADC resolution one bit below the deployed one,
     * then deployed with batch-norm calibration.
     */
    PIM_QAT_ADJUSTED("pim-qat-adjusted");

    private final String id;

    TrainingMethod(String id) {
        this.id = id;
    }

    /** The stable id. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** The method with this id; throws naming the value and the known ids. */
    public static TrainingMethod fromId(String id) {
        for (TrainingMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be one of "
                + Arrays.stream(values()).map(TrainingMethod::id).collect(Collectors.joining(", ")) + ": " + id);
    }

    @Override
    public String toString() {
        return id;
    }
}
