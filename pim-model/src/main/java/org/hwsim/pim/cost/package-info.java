/**
 * Energy and latency per action of a PIM tile, charged to the sim-core energy ledger.
 *
 * <p>ADC energy per conversion scales with resolution along the envelope of Murmann's ADC
 * performance survey (B. Murmann, "ADC Performance Survey 1997-2024", online at
 * github.com/bmurmann/ADC-survey; "The race for the extra decibel", IEEE Solid-State Circuits
 * Magazine 2015): at low resolution the Walden figure of merit {@code E = FOM_W * 2^bits} (a
 * fixed energy per conversion step) bounds it, at high resolution the Schreier figure of merit
 * {@code FOM_S = SNDR + 10 log10(fs / 2 / P)} (thermal-noise limited, energy quadrupling per bit).
 * The remaining defaults are per-action figures from ISAAC's Table 6 (Shafiee et al., ISCA 2016,
 * 32 nm): an 8-bit 1.28 GS/s ADC at 2 mW (1.56 pJ per conversion, a Walden FOM of about 6 fJ per
 * step), 1-bit DACs at 3.9 uW each over a 100 ns read cycle (0.39 pJ per activation), a 128 x 128
 * memristor array at 0.3 mW over the same cycle (30 pJ per read, 1.8 fJ per cell), and the
 * 100 ns crossbar read.
 */
package org.hwsim.pim.cost;
