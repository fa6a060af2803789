package org.hwsim.pim.accel;

/**
 * The aggregate (closed-form) per-layer model used by the tests, written from the documented
 * model and the action table alone: stage times, counts and energies of one layer.
 */
final class Aggregate {
    final long readPs;
    final long convertPs;
    final long fetchPs;
    final long outputPs;
    final long readWords;
    final long writeWords;
    final long busFlits;
    final long routerFlits;
    final long reduceAdds;
    final int adcsPerTile;

    Aggregate(PimAcceleratorConfig c, PimLayerMapping l) {
        PimActionTable a = c.actions();
        long columns = (long) c.tile().cols() * c.tile().slices() * (c.tile().scheme().digitalSubtraction() ? 2 : 1);
        adcsPerTile = (int) Math.ceil((double) columns / c.columnsPerAdc());
        readPs = Math.round(a.value("array", "readNs") * 1000);
        convertPs = Math.round(Math.ceil((double) columns / adcsPerTile) * a.value("adc", "convertNs") * 1000);
        long accessPs = Math.round(a.value("buffer", "accessNs") * 1000);
        long flitPs = Math.round(a.value("interconnect", "flitNs") * 1000);
        double word = a.value("buffer", "wordBytes");
        double flit = a.value("interconnect", "flitBytes");
        int inBytes = (int) Math.ceil(c.tile().dac().bits() / 8.0);
        int psumBytes = (int) Math.ceil(c.psumBits() / 8.0);
        double in = (double) l.groups() * l.groupRows() * inBytes;
        double out = (double) l.groups() * l.groupCols() * inBytes;
        readWords = (long) Math.ceil(in / word);
        writeWords = (long) Math.ceil(out / word);
        long busIn = (long) Math.ceil(in / flit);
        long busOut = (long) Math.ceil(out / flit);
        busFlits = busIn + busOut;
        fetchPs = readWords * accessPs + busIn * flitPs;
        int levels = (int) Math.ceil(Math.log(l.rowBlocks()) / Math.log(2) - 1e-12);
        routerFlits = l.rowBlocks() > 1
                ? (long) Math.ceil((double) l.groups() * l.groupCols() * l.rowBlocks() * psumBytes / flit) : 0;
        reduceAdds = (long) l.groups() * l.groupCols() * (l.rowBlocks() - 1);
        outputPs = levels * (long) Math.ceil(c.tile().cols() * psumBytes / flit) * flitPs
                + Math.round(a.value("shiftAdd", "latencyNs") * 1000) + writeWords * accessPs + busOut * flitPs;
    }

    /** Steps skipped among the first n of a segment (the documented rule). */
    static long skipped(long n, double p, int segment) {
        double x = segment * 0.6180339887498949;
        return (long) Math.floor(n * p + (x - Math.floor(x)));
    }
}
