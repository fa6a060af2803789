package org.hwsim.pim.accel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one weight layer cost in a {@link PimAccelerator} run. Times in ps, energies in pJ.
 *
 * @param name the layer's name
 * @param typeId its op type id
 * @param tiles tiles it occupies
 * @param vectors input vectors (im2col patches; 1 for a linear layer)
 * @param macs the network profile's dense multiply-accumulates
 * @param analogMacs multiply-accumulates the tiles perform: weights held x vectors (equals {@code
 *     macs})
 * @param adcConversions conversions performed
 * @param adcConversionsSkipped conversions skipped on all-zero input planes
 * @param adcs ADCs on the layer's tiles
 * @param adcUtilisation conversions x conversion time / (ADCs x latency)
 * @param mappingUtilisation fraction of the tiles' weight positions that hold weights
 * @param startPs when the layer started (after any programming)
 * @param latencyPs from start to the last output written
 * @param denseLatencyPs the latency with no zero planes skipped (equals {@code latencyPs} when
 *     the zero-plane probability is 0)
 * @param programmingPs programming time before this layer (0 unless its tile set is reprogrammed)
 * @param energyPj everything charged to the layer
 * @param adcEnergySavedPj energy of the skipped conversions
 * @param energyByComponentPj energy per component ({@code adc}, {@code dac}, ...)
 */
public record PimLayerResult(String name, String typeId, int tiles, long vectors, long macs, long analogMacs,
                             long adcConversions, long adcConversionsSkipped, long adcs, double adcUtilisation,
                             double mappingUtilisation, long startPs, long latencyPs, long denseLatencyPs,
                             long programmingPs, double energyPj, double adcEnergySavedPj,
                             Map<String, Double> energyByComponentPj) {
    /** Copies the map, keeping its order (reports must be byte-identical run to run). */
    public PimLayerResult {
        energyByComponentPj = Collections.unmodifiableMap(new LinkedHashMap<>(energyByComponentPj));
    }

    /** Time saved by skipping zero planes, in ps. */
    public long latencySavedPs() {
        return denseLatencyPs - latencyPs;
    }
}
