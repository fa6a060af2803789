package org.hwsim.edge.device;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The device's DRAM.
 *
 * @param dramType e.g. {@code "LPDDR4x 128-bit"}
 * @param dramCapacityBytes capacity
 * @param dramBandwidthBytesPerS peak bandwidth at {@code maxMemoryFrequencyHz}
 * @param maxMemoryFrequencyHz the memory (EMC) clock of the peak bandwidth
 * @param dramEnergyPjPerByte energy of moving one byte to or from DRAM
 */
public record MemorySpec(
        String dramType,
        @JsonProperty(required = true) double dramCapacityBytes,
        @JsonProperty(required = true) double dramBandwidthBytesPerS,
        @JsonProperty(required = true) double maxMemoryFrequencyHz,
        @JsonProperty(required = true) double dramEnergyPjPerByte) {

    /** Validates every field. */
    public MemorySpec {
        dramType = dramType == null ? "" : dramType;
        Checks.positive("dramCapacityBytes", dramCapacityBytes);
        Checks.positive("dramBandwidthBytesPerS", dramBandwidthBytesPerS);
        Checks.positive("maxMemoryFrequencyHz", maxMemoryFrequencyHz);
        Checks.nonNegative("dramEnergyPjPerByte", dramEnergyPjPerByte);
    }

    /** Peak bandwidth at memory clock {@code memoryFrequencyHz} (proportional to the clock). */
    public double bandwidthBytesPerS(double memoryFrequencyHz) {
        return dramBandwidthBytesPerS * Math.min(1.0, memoryFrequencyHz / maxMemoryFrequencyHz);
    }
}
