package org.hwsim.lfs.workload;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.hwsim.core.workload.IoRequest;
import org.hwsim.lfs.fs.ContentModel;
import org.hwsim.lfs.fs.LogFs;
import org.hwsim.lfs.trace.TraceFormat;
import org.hwsim.lfs.trace.TraceReader;

/**
 * Replays an {@link IoRequest} trace.
 *
 * <p>File-level traces ({@code csv}) address files by name; a file is created on its first write,
 * and the pre-fill is a cold file {@code /data/media/prefill.mp4} holding the utilization.
 *
 * <p>Block traces have no file information, so they run on the block layer under the file
 * system's mapping: the devices of the trace (found by a first pass) split the exported capacity
 * evenly, each device is one file {@code /blockdev/<name>} whose byte offsets are the device's,
 * pre-filled from offset 0 to the utilization (like MQSim's preconditioning), and the file system
 * is the translation layer (its node tree maps device blocks to flash pages; its cleaning is the
 * device's garbage collection). A request past the end of its device is marked out of range.
 */
public final class TraceWorkload implements Workload {
    private final Path file;
    private final TraceFormat format;
    private final Map<String, Integer> files = new LinkedHashMap<>();
    private final Map<String, Long> deviceBytes = new LinkedHashMap<>();
    private Iterator<IoRequest> requests;
    private TraceReader reader;
    private LogFs fs;

    private TraceWorkload(Path file, TraceFormat format) {
        this.file = file;
        this.format = format;
    }

    /** A workload reading {@code file} in {@code format}. */
    public static TraceWorkload of(Path file, TraceFormat format) {
        return new TraceWorkload(file, format);
    }

    @Override
    public String id() {
        return "trace";
    }

    @Override
    public void prepare(LogFs fs, double utilization) {
        this.fs = fs;
        long live = Synthetic.liveBlocks(fs, utilization);
        if (format.isBlockLevel()) {
            TreeSet<String> devices = new TreeSet<>();
            try (TraceReader scan = TraceReader.open(file, format)) {
                while (scan.hasNext()) {
                    devices.add(scan.next().target());
                }
            }
            if (devices.isEmpty()) {
                devices.add("dev0");
            }
            long exported = (fs.userCapacityBlocks() - fs.userCapacityBlocks() / 500 - 16) / devices.size();
            long prefill = live / devices.size();
            for (String d : devices) {
                int f = fs.prefill("/blockdev/" + d, prefill * LogFs.BLOCK_BYTES);
                files.put(d, f);
                deviceBytes.put(d, exported * LogFs.BLOCK_BYTES);
            }
        } else {
            fs.prefill("/data/media/prefill.mp4", live * LogFs.BLOCK_BYTES);
        }
        reader = TraceReader.open(file, format);
        requests = reader;
    }

    /** Exported bytes of each block device (empty for file-level traces). */
    public Map<String, Long> deviceBytes() {
        return Map.copyOf(deviceBytes);
    }

    @Override
    public boolean next(Request r) {
        if (!requests.hasNext()) {
            reader.close();
            return false;
        }
        IoRequest q = requests.next();
        long contentId = q.contentSeed().isPresent() ? ContentModel.id(q.contentSeed().getAsLong() & 0xfffffffffffL, 0) : 0;
        int f;
        if (format.isBlockLevel()) {
            f = files.get(q.target());
            r.set(q.op(), f, q.offsetBytes(), q.lengthBytes(), contentId);
            r.outOfRange = q.op().hasRange() && q.endOffsetBytes() > deviceBytes.get(q.target());
        } else {
            Integer id = files.get(q.target());
            if (id == null) {
                int existing = fs.fileId(q.target());
                if (existing < 0 && q.op() == org.hwsim.core.workload.IoOp.WRITE) {
                    existing = fs.openOrCreate(q.target());
                }
                if (existing >= 0) {
                    files.put(q.target(), existing);
                }
                id = existing;
            }
            r.set(q.op(), id, q.offsetBytes(), q.lengthBytes(), contentId);
        }
        r.arrivalPs = q.arrivalPs();
        return true;
    }
}
