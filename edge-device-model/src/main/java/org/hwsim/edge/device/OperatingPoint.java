package org.hwsim.edge.device;

/**
 * A unit at the clock and online cores of one power mode. Cluster clocks scale together: a
 * cluster runs at {@code min(its max, maxFrequency(unit) * frequencyHz / maxFrequency(unit))}, i.e.
 * the mode's cap scales every cluster by the same fraction of its own maximum.
 *
 * @param unit the unit
 * @param frequencyHz the mode's clock cap for the unit (the fastest cluster's clock)
 * @param coresOnline online cores per cluster, in the unit's cluster order
 * @param voltageV supply voltage at that clock
 * @param dramBandwidthBytesPerS DRAM peak bandwidth at the mode's memory clock
 */
public record OperatingPoint(
        UnitSpec unit, double frequencyHz, int[] coresOnline, double voltageV, double dramBandwidthBytesPerS) {

    /** Clock of cluster {@code i} in this mode. */
    public double clusterFrequencyHz(int i) {
        ClusterSpec c = unit.clusters().get(i);
        return c.maxFrequencyHz() * (frequencyHz / unit.maxFrequencyHz());
    }

    /** Cores online over all clusters. */
    public int onlineCores() {
        int n = 0;
        for (int c : coresOnline) {
            n += c;
        }
        return n;
    }

    /**
     * Peak MACs per second with {@code threads} threads (at most the online cores), the fastest
     * cores taken first, as thread-pinning runtimes do on big.LITTLE CPUs. For GPUs and
     * accelerators pass {@code Integer.MAX_VALUE}: every core works.
     */
    public double peakMacsPerS(Precision precision, int threads) {
        int left = threads;
        double total = 0.0;
        for (int i = 0; i < coresOnline.length && left > 0; i++) {
            int use = Math.min(left, coresOnline[i]);
            total += use * unit.clusters().get(i).peakMacsPerSPerCore(precision, clusterFrequencyHz(i));
            left -= use;
        }
        return total;
    }

    /** Dynamic energy per MAC at this voltage: the table's figure scaled by {@code (V / Vmax)^2}. */
    public double energyPjPerMac(Precision precision) {
        Double atMax = unit.dynamicEnergyPjPerMac().get(precision.id());
        if (atMax == null) {
            atMax = unit.dynamicEnergyPjPerMac().get(Precision.INT8.id());
        }
        double scale = voltageV / unit.maxVoltageV();
        return atMax * scale * scale;
    }
}
