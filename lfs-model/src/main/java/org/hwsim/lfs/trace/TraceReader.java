package org.hwsim.lfs.trace;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.hwsim.core.workload.IoOp;
import org.hwsim.core.workload.IoRequest;
import org.hwsim.core.workload.WorkloadFormatException;

/**
 * Reads a trace line by line into {@link IoRequest}s. Blank lines and lines starting with
 * {@code #} are skipped in every format. A malformed line throws {@link WorkloadFormatException}
 * with the message {@code "<name>:<line>: <reason>: <value>"}. Arrival times are made relative to
 * the first request (MSR, blkparse) or taken as is (disksim, csv); they must not decrease.
 * Not thread-safe; close it to release the file.
 */
public final class TraceReader implements Iterator<IoRequest>, Closeable {
    private static final long SECTOR_BYTES = 512;
    private final BufferedReader in;
    private final String name;
    private final TraceFormat format;
    private long lineNo;
    private IoRequest next;
    private boolean done;
    private long firstTime = Long.MIN_VALUE;
    private long lastArrivalPs;

    private TraceReader(Reader reader, String name, TraceFormat format) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.name = name;
        this.format = format;
    }

    /** Opens {@code file} in {@code format}. */
    public static TraceReader open(Path file, TraceFormat format) {
        try {
            return new TraceReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString(), format);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open trace " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code reader}, naming it {@code name} in error messages. */
    public static TraceReader of(Reader reader, String name, TraceFormat format) {
        return new TraceReader(reader, name, format);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = readNext();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public IoRequest next() {
        if (!hasNext()) {
            throw new NoSuchElementException(name + ": no more requests");
        }
        IoRequest r = next;
        next = null;
        return r;
    }

    /** Number of the last line read. */
    public long lineNumber() {
        return lineNo;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IoRequest readNext() {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(name + ":" + (lineNo + 1) + ": " + e.getMessage(), e);
            }
            if (line == null) {
                return null;
            }
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            IoRequest r;
            try {
                r = switch (format) {
                    case DISKSIM -> disksim(t);
                    case MSR -> msr(t);
                    case BLKPARSE -> blkparse(t);
                    case CSV -> csv(t);
                };
            } catch (WorkloadFormatException e) {
                throw new WorkloadFormatException(name + ":" + lineNo + ": " + e.getMessage(), e);
            }
            if (r == null) {
                continue;
            }
            if (r.arrivalPs() < lastArrivalPs) {
                throw new WorkloadFormatException(name + ":" + lineNo + ": arrival time goes backwards: "
                        + r.arrivalPs() + " ps after " + lastArrivalPs + " ps");
            }
            lastArrivalPs = r.arrivalPs();
            return r;
        }
    }

    private static WorkloadFormatException bad(String what, String value, String expected) {
        return new WorkloadFormatException(what + " must be " + expected + ": '" + value + "'");
    }

    private static long parseLong(String field, String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw bad(field, v, "an integer");
        }
    }

    private static double parseDouble(String field, String v) {
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw bad(field, v, "a finite number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(field, v, "a number");
        }
    }

    private static long nonNegative(String field, long v) {
        if (v < 0) {
            throw bad(field, Long.toString(v), ">= 0");
        }
        return v;
    }

    /** {@code time_ns device lba sectors op}, op 0 = write, 1 = read. */
    private IoRequest disksim(String t) {
        String[] f = t.split("\\s+");
        if (f.length != 5) {
            throw bad("a disksim line", t, "5 fields 'time_ns device lba sectors op'");
        }
        double ns = parseDouble("time_ns", f[0]);
        if (ns < 0) {
            throw bad("time_ns", f[0], ">= 0");
        }
        long dev = nonNegative("device", parseLong("device", f[1]));
        long lba = nonNegative("lba", parseLong("lba", f[2]));
        long sectors = parseLong("sectors", f[3]);
        if (sectors < 1) {
            throw bad("sectors", f[3], ">= 1");
        }
        IoOp op = switch (f[4]) {
            case "0" -> IoOp.WRITE;
            case "1" -> IoOp.READ;
            default -> throw bad("op", f[4], "0 (write) or 1 (read)");
        };
        return new IoRequest(Math.round(ns * 1000), op, "dev" + dev, lba * SECTOR_BYTES, sectors * SECTOR_BYTES,
                OptionalLong.empty());
    }

    /** {@code Timestamp,Hostname,DiskNumber,Type,Offset,Size,ResponseTime}. */
    private IoRequest msr(String t) {
        String[] f = t.split(",", -1);
        if (f.length != 7) {
            throw bad("an MSR line", t, "7 comma-separated fields 'Timestamp,Hostname,DiskNumber,Type,Offset,Size,"
                    + "ResponseTime'");
        }
        if (f[0].equalsIgnoreCase("Timestamp")) {
            return null; // header
        }
        long ts = nonNegative("Timestamp", parseLong("Timestamp", f[0]));
        if (firstTime == Long.MIN_VALUE) {
            firstTime = ts;
        }
        long rel = ts - firstTime;
        if (rel < 0) {
            throw bad("Timestamp", f[0], ">= the first timestamp " + firstTime);
        }
        IoOp op;
        if (f[3].equalsIgnoreCase("Read")) {
            op = IoOp.READ;
        } else if (f[3].equalsIgnoreCase("Write")) {
            op = IoOp.WRITE;
        } else {
            throw bad("Type", f[3], "Read or Write");
        }
        long offset = nonNegative("Offset", parseLong("Offset", f[4]));
        long size = parseLong("Size", f[5]);
        if (size < 1) {
            throw bad("Size", f[5], ">= 1");
        }
        String host = f[1].strip();
        if (host.isEmpty()) {
            throw bad("Hostname", f[1], "non-empty");
        }
        long disk = nonNegative("DiskNumber", parseLong("DiskNumber", f[2]));
        return new IoRequest(rel * 100_000L, op, host + "_" + disk, offset, size, OptionalLong.empty());
    }

    /**
     * blkparse default output; only {@code Q} (queued) events carry requests, other actions and the
     * per-CPU summary that blkparse prints at the end are skipped.
     */
    private IoRequest blkparse(String t) {
        String[] f = t.split("\\s+");
        if (!f[0].matches("\\d+,\\d+")) {
            if (f[0].startsWith("CPU") || f[0].startsWith("Total") || t.contains(":")) {
                return null; // the summary blkparse prints at the end
            }
            throw bad("a blkparse line", t, "'maj,min cpu seq time pid action rwbs [sector + count] [process]'");
        }
        if (f.length < 7) {
            throw bad("a blkparse line", t, "at least 7 fields 'maj,min cpu seq time pid action rwbs'");
        }
        String action = f[5];
        if (!action.equals("Q")) {
            return null;
        }
        String rwbs = f[6];
        double sec = parseDouble("time", f[3]);
        if (sec < 0) {
            throw bad("time", f[3], ">= 0");
        }
        if (firstTime == Long.MIN_VALUE) {
            firstTime = Math.round(sec * 1e9);
        }
        long ps = (Math.round(sec * 1e9) - firstTime) * 1000;
        if (ps < 0) {
            throw bad("time", f[3], ">= the first event's time");
        }
        String dev = "blk" + f[0].replace(',', '_');
        boolean hasRange = f.length >= 10 && f[8].equals("+");
        if (rwbs.contains("F") && !hasRange) {
            return IoRequest.fsync(ps, dev);
        }
        if (!hasRange) {
            throw bad("a blkparse Q event", t, "'sector + count' after the rwbs field");
        }
        long sector = nonNegative("sector", parseLong("sector", f[7]));
        long count = parseLong("count", f[9]);
        if (count < 1) {
            throw bad("count", f[9], ">= 1");
        }
        IoOp op;
        if (rwbs.contains("D")) {
            op = IoOp.TRIM;
        } else if (rwbs.contains("W")) {
            op = IoOp.WRITE;
        } else if (rwbs.contains("R")) {
            op = IoOp.READ;
        } else {
            throw bad("rwbs", rwbs, "containing R, W, D or F");
        }
        return new IoRequest(ps, op, dev, sector * SECTOR_BYTES, count * SECTOR_BYTES, OptionalLong.empty());
    }

    /** {@code timestampNs,op,file,offset,length[,contentSeed]}; a header line starting with "timestamp" is skipped. */
    private IoRequest csv(String t) {
        String[] f = t.split(",", -1);
        if (f[0].strip().toLowerCase(java.util.Locale.ROOT).startsWith("timestamp")) {
            return null;
        }
        if (f.length != 5 && f.length != 6) {
            throw bad("a csv line", t, "5 or 6 fields 'timestampNs,op,file,offset,length[,contentSeed]'");
        }
        long ns = nonNegative("timestampNs", parseLong("timestampNs", f[0]));
        IoOp op = IoOp.fromId(f[1].strip()).orElseThrow(() -> bad("op", f[1], "read, write, trim or fsync"));
        String file = f[2].strip();
        if (file.isEmpty()) {
            throw bad("file", f[2], "non-empty");
        }
        long off = parseLong("offset", f[3]);
        long len = parseLong("length", f[4]);
        OptionalLong seed = OptionalLong.empty();
        if (f.length == 6 && !f[5].isBlank()) {
            seed = OptionalLong.of(parseLong("contentSeed", f[5]));
        }
        return new IoRequest(ns * 1000, op, file, off, len, seed);
    }
}
