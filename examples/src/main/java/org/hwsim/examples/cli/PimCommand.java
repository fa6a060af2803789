package org.hwsim.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hwsim pim}: the analog processing-in-memory model's commands. */
@Command(name = "pim", mixinStandardHelpOptions = true,
        description = "Analog processing-in-memory crossbars: quantization, noise, timing and energy.",
        subcommands = {PimMvmCommand.class, PimRunCommand.class, PimStudyCommand.class})
final class PimCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
