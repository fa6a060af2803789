package org.hwsim.edge.latency;

/**
 * One layer of a prediction. Fused layers share their group's kernel: the head carries the
 * group's latency and energy, the others zero.
 *
 * @param layer layer name
 * @param operator operator type id
 * @param unit unit id that runs it
 * @param group name of the fused group (its head layer), or of itself
 * @param latencyPs time of the group's kernel on the head row, 0 on fused rows
 * @param bound {@code compute}, {@code memory} or {@code none} (eliminated by the runtime)
 * @param macs MACs the unit executes for this layer
 * @param dramBytes DRAM traffic of the group on the head row, 0 on fused rows
 */
public record LayerRow(
        String layer, String operator, String unit, String group, long latencyPs, String bound, long macs,
        long dramBytes) {
}
