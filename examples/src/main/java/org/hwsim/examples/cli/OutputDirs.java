package org.hwsim.examples.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Default output folders: {@code ./hwsim-out/<command>-<yyyyMMdd-HHmmss>}. */
final class OutputDirs {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputDirs() {
    }

    static Path orDefault(Path out, String command) {
        return out != null ? out : Path.of("hwsim-out", command + "-" + LocalDateTime.now().format(STAMP));
    }
}
