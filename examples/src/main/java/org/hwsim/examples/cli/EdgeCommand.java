package org.hwsim.examples.cli;

import picocli.CommandLine.Command;

/** {@code hwsim edge}: the mobile-SoC and Jetson models. */
@Command(name = "edge", mixinStandardHelpOptions = true,
        description = "Edge devices (phones, Jetson modules): latency and energy of a network per unit, runtime, "
                + "precision and power mode.",
        subcommands = {EdgePredictCommand.class, EdgeCalibrateCommand.class, DevicesCommand.class})
final class EdgeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
