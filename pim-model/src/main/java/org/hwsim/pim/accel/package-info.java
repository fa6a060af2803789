/**
 * The PIM accelerator's timing and energy on the sim-core kernel: a chip of crossbar tiles with
 * their DACs, ADCs shared by several columns, shift-and-add units, an on-chip buffer and an
 * interconnect ({@link org.hwsim.pim.accel.PimAccelerator}), configured by {@link
 * org.hwsim.pim.accel.PimAcceleratorConfig} and a per-action latency and energy table ({@link
 * org.hwsim.pim.accel.PimActionTable}). A {@link org.hwsim.core.workload.NetworkSpec} is mapped
 * weight-stationary onto tiles ({@link org.hwsim.pim.accel.PimLayerMapping}: convolutions by
 * im2col, linear layers directly) and run event by event, layer by layer; input bit-planes that are
 * all zero skip their reads and conversions.
 *
 * <p>Sources: the architecture and the default figures follow ISAAC (A. Shafiee et al., "ISAAC: A
 * Convolutional Neural Network Accelerator with In-Situ Analog Arithmetic in Crossbars", ISCA 2016,
 * Table 6: 128 x 128 arrays of 2-bit cells, one 8-bit 1.28 GS/s ADC per array at 2 mW, 1-bit DACs,
 * 100 ns reads, shift-and-add units, eDRAM buffers, a bus and routers), with per-access energies as
 * derived from ISAAC's powers in Accelergy's component library; ADC energy scales with resolution
 * along the Walden and Schreier figure-of-merit envelopes of B. Murmann's ADC Performance Survey;
 * cell programming follows NeuroSim's RRAM write pulses (P.-Y. Chen, X. Peng, S. Yu, IEEE TCAD
 * 2018; the RealDevice cell of MLP_NeuroSim V3.0). Zero-plane skipping is what SRAM and RRAM compute-in-memory macros do with sparse inputs
 * (e.g. J. Yue et al., "A 2.75-to-75.9TOPS/W Computing-in-Memory NN Processor Supporting
 * Set-Associate Block-Wise Zero Skipping", ISSCC 2021).
 */
package org.hwsim.pim.accel;
