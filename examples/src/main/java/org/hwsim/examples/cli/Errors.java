package org.hwsim.examples.cli;

import java.io.UncheckedIOException;
import org.hwsim.core.config.ConfigException;
import picocli.CommandLine;

/**
 * Turns exceptions from a command into one clear line on standard error: bad input (a config, a
 * network or trace file, an argument out of range) exits with 2, anything else with 1 and its
 * stack trace, since that is a defect to report.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        String command = cl.getCommandSpec().qualifiedName(" "); // e.g. "hwsim pim mvm"
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            err.println(command + ": error: " + e.getMessage());
            return 2;
        }
        if (e instanceof UncheckedIOException io) {
            err.println(command + ": I/O error: " + io.getMessage());
            return 1;
        }
        err.println(command + ": failed: " + e);
        e.printStackTrace(err);
        return 1;
    }
}
