/**
 * The latency and energy of one inference. {@link org.hwsim.edge.latency.InferencePlan} compiles
 * a network for a device, unit, runtime, precision, batch, thread count and power mode (placement,
 * fallback, fusion, DRAM traffic with on-chip reuse) and costs each kernel as a roofline times
 * fitted efficiencies plus launch and per-inference overheads (the formula is in its Javadoc);
 * {@link org.hwsim.edge.latency.CostTable} holds the fitted parameters per runtime path.
 * Conventions: times in {@code Ps} (picoseconds) or, in fitted parameters, {@code Us}; energy in
 * {@code Pj}; a kernel is one fused group of layers.
 */
package org.hwsim.edge.latency;
