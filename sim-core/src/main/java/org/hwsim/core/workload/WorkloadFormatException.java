package org.hwsim.core.workload;

/**
 * A workload description (a network graph, a layer, a tensor shape, an I/O request) is invalid.
 *
 * <p>The message names where the problem is, the field, the offending value and what was expected,
 * outermost context first, for example:
 *
 * <pre>
 * nets/bad.json: layers[4] 'conv2' (conv2d): groups must divide the input channels (30): 4
 * </pre>
 *
 * <p>It is unchecked and extends {@link IllegalArgumentException}: building an invalid record in
 * code is a programming error, and reading an invalid file is reported with the same type so a
 * caller needs one catch clause for both.
 */
public final class WorkloadFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is {@code message}. */
    public WorkloadFormatException(String message) {
        super(message);
    }

    /** Creates an exception whose message is {@code message}, caused by {@code cause}. */
    public WorkloadFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Returns a new exception whose message is {@code context + ": " + getMessage()}, keeping this
     * exception as the cause so the original stack trace survives.
     *
     * @param context where the problem is, e.g. a file name or {@code "layers[3] 'fc' (linear)"}
     */
    public WorkloadFormatException withContext(String context) {
        return new WorkloadFormatException(context + ": " + getMessage(), this);
    }
}
