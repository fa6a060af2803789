package org.hwsim.lfs.flash;

import java.util.List;
import java.util.Locale;

/**
 * Timing and energy of one NAND cell technology: array read, program and erase times, the channel
 * transfer rate, and per-operation energies with the idle power of a die.
 *
 * <p>Presets (stable ids {@code slc}, {@code mlc}, {@code tlc}):
 * <ul>
 *   <li>{@code slc}: tR 25 us, tPROG 200 us, tBERS 700 us (typical figures of Micron's
 *       MT29F4G08ABADA SLC NAND datasheet, the part SSDSim's default configuration models closely);
 *       ONFI 2 channel at 200 MB/s.</li>
 *   <li>{@code mlc}: tR 75 us, tPROG 750 us, tBERS 3.8 ms, 333 MB/s channel: MQSim's default
 *       {@code ssdconfig.xml} (Page_Read_Latency_LSB 75000 ns, Page_Program_Latency_LSB 750000 ns,
 *       Block_Erase_Latency 3800000 ns, 333 MT/s 8-bit channel; Tavakkol et al., FAST 2018).</li>
 *   <li>{@code tlc}: tR 90 us, tPROG 1,300 us, tBERS 5 ms, 400 MB/s channel
 *       (averages over LSB/CSB/MSB pages of the 3D TLC parts characterised by Kim et al.,
 *       "A 512-Gb 3-b/Cell 64-Stacked WL 3-D V-NAND", IEEE JSSC 53(1), 2018: tR about 60-100 us,
 *       tPROG about 700 us to 2 ms; ONFI 4 at 400 MT/s).</li>
 * </ul>
 * Energies are V x I x t with VCC 3.3 V and an active current of 25 mA for array operations and
 * 10 mA for I/O (MT29F datasheet maxima ICC1-ICC3 and the I/O current), idle power at the 50 uA
 * standby current (ISB), following the FlashPower method (Mohan et al., DATE 2010). Example: an MLC
 * program is 3.3 V x 25 mA x 750 us = 61.9 uJ.
 *
 * @param id stable preset id
 * @param readPs array read time (tR), > 0
 * @param programPs page program time (tPROG), > 0
 * @param erasePs block erase time (tBERS), > 0
 * @param channelBytesPerS channel transfer rate, > 0
 * @param readPj energy of one array read, >= 0
 * @param programPj energy of one page program, >= 0
 * @param erasePj energy of one block erase, >= 0
 * @param transferPjPerByte channel transfer energy per byte, >= 0
 * @param idlePowerMwPerDie standby power of one die, >= 0
 */
public record FlashTiming(String id, long readPs, long programPs, long erasePs, double channelBytesPerS,
                          double readPj, double programPj, double erasePj, double transferPjPerByte,
                          double idlePowerMwPerDie) {

    private static final double VCC_V = 3.3;
    private static final double ACTIVE_A = 0.025;
    private static final double IO_A = 0.010;
    private static final double STANDBY_A = 50e-6;

    /** Validates every field. */
    public FlashTiming {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must be non-blank: " + id);
        }
        pos("readPs", readPs);
        pos("programPs", programPs);
        pos("erasePs", erasePs);
        if (!(channelBytesPerS > 0) || Double.isInfinite(channelBytesPerS)) {
            throw new IllegalArgumentException("channelBytesPerS must be finite and > 0: " + channelBytesPerS);
        }
        nonNeg("readPj", readPj);
        nonNeg("programPj", programPj);
        nonNeg("erasePj", erasePj);
        nonNeg("transferPjPerByte", transferPjPerByte);
        nonNeg("idlePowerMwPerDie", idlePowerMwPerDie);
    }

    private static void pos(String f, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(f + " must be > 0: " + v);
        }
    }

    private static void nonNeg(String f, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(f + " must be finite and >= 0: " + v);
        }
    }

    private static FlashTiming preset(String id, double readUs, double programUs, double eraseUs, double mbPerS) {
        double bytesPerS = mbPerS * 1e6;
        // E = V * I * t; 1 W * 1 s = 1e12 pJ.
        double pjPerUsActive = VCC_V * ACTIVE_A * 1e6;
        double ioPjPerByte = VCC_V * IO_A / bytesPerS * 1e12;
        return new FlashTiming(id, (long) (readUs * 1e6), (long) (programUs * 1e6), (long) (eraseUs * 1e6),
                bytesPerS, readUs * pjPerUsActive, programUs * pjPerUsActive, eraseUs * pjPerUsActive,
                ioPjPerByte, VCC_V * STANDBY_A * 1e3);
    }

    /** SLC preset (see the class comment). */
    public static FlashTiming slc() {
        return preset("slc", 25, 200, 700, 200);
    }

    /** MLC preset, MQSim's defaults (see the class comment). */
    public static FlashTiming mlc() {
        return preset("mlc", 75, 750, 3800, 333);
    }

    /** TLC preset (see the class comment). */
    public static FlashTiming tlc() {
        return preset("tlc", 90, 1300, 5000, 400);
    }

    /** The ids of the presets. */
    public static List<String> presetIds() {
        return List.of("slc", "mlc", "tlc");
    }

    /** The preset with this id (case-insensitive); throws naming the id and the choices. */
    public static FlashTiming byId(String id) {
        switch (id == null ? "" : id.toLowerCase(Locale.ROOT)) {
            case "slc": return slc();
            case "mlc": return mlc();
            case "tlc": return tlc();
            default:
                throw new IllegalArgumentException("flash preset must be one of " + presetIds() + ": " + id);
        }
    }

    /** Channel transfer time of {@code bytes}. */
    public long transferPs(int bytes) {
        return (long) Math.ceil(bytes * 1e12 / channelBytesPerS);
    }
}
