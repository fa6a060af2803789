package org.hwsim.lfs.workload;

import org.hwsim.core.workload.IoOp;

/**
 * A reusable request cursor: workloads fill it in place so the replay loop allocates nothing.
 * {@code file} is a file id of the file system the workload was prepared on.
 */
public final class Request {
    /** Arrival time in ps. */
    public long arrivalPs;
    /** The operation. */
    public IoOp op;
    /** File id, or -1 for a file that does not exist. */
    public int file;
    /** First byte. */
    public long offsetBytes;
    /** Bytes (0 for fsync). */
    public long lengthBytes;
    /** Content id of a write (see {@link org.hwsim.lfs.fs.ContentModel}), 0 if none. */
    public long contentId;
    /** Set by block-trace workloads for a request past the end of the exported device. */
    public boolean outOfRange;

    void set(IoOp op, int file, long offsetBytes, long lengthBytes, long contentId) {
        this.op = op;
        this.file = file;
        this.offsetBytes = offsetBytes;
        this.lengthBytes = lengthBytes;
        this.contentId = contentId;
        this.outOfRange = false;
    }
}
