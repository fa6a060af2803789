package org.hwsim.lfs.fs;

/** Outcome of one file-system request; errors are results, recorded in reports, never thrown. */
public enum IoResult {
    /** Done. */
    OK,
    /** No space: live data would exceed the user capacity (POSIX ENOSPC). */
    ENOSPC,
    /** Past the largest file the node tree can address (POSIX EFBIG). */
    EFBIG,
    /** A block request past the end of the exported block device (like EIO on a short device). */
    ERANGE,
    /** A read, trim or fsync of a file that does not exist (POSIX ENOENT). */
    ENOENT;

    /** Stable id for reports: the lower-case name. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
