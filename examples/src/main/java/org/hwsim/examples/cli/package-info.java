/** The {@code hwsim} command line (picocli): entry point, subcommands and error reporting. */
package org.hwsim.examples.cli;
