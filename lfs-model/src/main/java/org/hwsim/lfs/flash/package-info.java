/**
 * NAND flash: geometry, SLC/MLC/TLC timing and energy presets, and a device whose planes and
 * channels are busy-until resources (event-exact for in-order issue, see {@link
 * org.hwsim.lfs.flash.FlashDevice}), with per-block erase counts and a wear report.
 *
 * <p>Timing follows the MQSim/SSDSim decomposition of a flash command into a channel transfer and
 * an array operation on one plane (Tavakkol et al., FAST 2018; Hu et al., ICS 2011). Preset figures
 * are cited on {@link org.hwsim.lfs.flash.FlashTiming}. Energy per operation is supply voltage x
 * active current x operation time, the method of Mohan et al., "FlashPower: a detailed power model
 * for NAND flash memory", DATE 2010, with datasheet currents.
 */
package org.hwsim.lfs.flash;
