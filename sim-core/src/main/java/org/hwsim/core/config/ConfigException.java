package org.hwsim.core.config;

/**
 * A configuration, network or trace file that cannot be used: the message names the source (file
 * or resource), the field or line, the offending value and what was expected.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public ConfigException(String message) {
        super(message);
    }

    /** An error with a complete message and its cause. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
