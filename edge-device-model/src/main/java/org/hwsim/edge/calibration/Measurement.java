package org.hwsim.edge.calibration;

/**
 * One published measurement of DNN inference on an edge device, as a row of {@code
 * edge-measurements.csv} holds it: the device, the network and its input, the unit, threads,
 * precision, batch, power mode and runtime, and either a latency or a throughput, with its source.
 *
 * @param line line of the file (1-based), for messages
 * @param device device id
 * @param model network id
 * @param heightPx input height, or 0 for the network's standard input
 * @param widthPx input width, or 0
 * @param unit unit as published: {@code cpu}, {@code gpu}, {@code dla}, {@code nnapi}, {@code
 *     2dla} (both DLAs at once), {@code gpu+2dla}
 * @param threads CPU threads, or 0 if not stated
 * @param precision precision id, or empty if not stated
 * @param batch batch size (1 when not stated)
 * @param powerMode power mode id, or empty if not stated
 * @param runtime runtime id
 * @param latencyMs published latency, or NaN if the source gives a throughput
 * @param throughputPerS published throughput, or NaN
 * @param source the publication
 */
public record Measurement(
        int line,
        String device,
        String model,
        int heightPx,
        int widthPx,
        String unit,
        int threads,
        String precision,
        int batch,
        String powerMode,
        String runtime,
        double latencyMs,
        double throughputPerS,
        String source) {

    /** True if the row gives a latency (else a throughput). */
    public boolean isLatency() {
        return !Double.isNaN(latencyMs);
    }

    /** A short label for tables: {@code device model unit runtime precision}. */
    public String label() {
        return device + " " + model + (heightPx > 0 ? "@" + heightPx : "") + " " + unit
                + (threads > 0 ? "x" + threads : "") + " " + runtime + " " + (precision.isEmpty() ? "-" : precision);
    }

    /** The publication's short name: the repository or title before the first space or colon. */
    public String sourceKey() {
        String s = source.replace("github ", "").strip();
        int cut = s.length();
        for (char c : new char[] {' ', ':'}) {
            int i = s.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return s.substring(0, cut);
    }
}
