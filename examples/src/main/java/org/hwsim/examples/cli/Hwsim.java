package org.hwsim.examples.cli;

import org.hwsim.core.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hwsim} command line: one entry point whose subcommands run studies and write the
 * standard report. Exit codes: 0 success, 1 a run that failed, 2 bad usage or bad input.
 */
@Command(name = "hwsim",
        mixinStandardHelpOptions = true,
        versionProvider = Hwsim.Version.class,
        description = "Simulates the hardware that runs machine learning at the edge: analog PIM crossbars, "
                + "mobile SoCs and Jetson-class accelerators, and log-structured flash storage, on one "
                + "discrete-event kernel with one energy ledger.",
        subcommands = {DemoCommand.class, PimCommand.class, EdgeCommand.class, DevicesCommand.class, LfsCommand.class,
            CommandLine.HelpCommand.class})
public final class Hwsim implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Hwsim());
        cl.setExecutionExceptionHandler(new Errors());
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Prints the version of the hwsim build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hwsim " + Report.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
