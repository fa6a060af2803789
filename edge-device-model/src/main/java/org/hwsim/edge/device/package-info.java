/**
 * Edge devices as data: compute units (CPU clusters, GPU, DSP, NPU, DLAs) with peak
 * multiply-accumulates per cycle per precision, on-chip memory, voltage range and energy per MAC;
 * DRAM bandwidth and energy per byte; power modes as clock caps, online cores and memory clocks.
 *
 * <p>Presets are YAML files ({@code org/hwsim/edge/devices/<id>.yaml}) whose every figure cites a
 * datasheet, vendor page or paper beside it; {@link org.hwsim.edge.device.Devices} reads them and
 * user files of the same format. Units in names: {@code Hz}, {@code Bytes}, {@code BytesPerS},
 * {@code Mw} (milliwatts), {@code Pj} (picojoules), {@code V}, {@code Us} (microseconds).
 * Abbreviations: MAC (multiply-accumulate), DVFS, EMC (the Jetson memory clock), SM (GPU
 * streaming multiprocessor), DLA (NVIDIA deep-learning accelerator).
 */
package org.hwsim.edge.device;
