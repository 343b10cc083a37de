package org.relengine.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.relengine.process.Processes;

/** Runs the tools that build the demo's fixtures (rpmbuild, createrepo_c, xorriso) and fails on an error. */
final class ProcessRunner {

    private ProcessRunner() {
    }

    static String run(Path dir, List<String> argv) throws IOException {
        if (!DemoFixtures.PROGRAMS.contains(argv.get(0))) {
            // the demo installs what it runs from that list: a program missing from it would be missing on a new machine
            throw new IllegalStateException(argv.get(0) + " is not one of DemoFixtures.PROGRAMS");
        }
        Processes.Captured result = Processes.capture(dir, argv, Duration.ofMinutes(10));
        if (result.exit() != 0) {
            throw new IOException(String.join(" ", argv) + " exited with " + result.exit() + ":\n" + result.output());
        }
        return result.output();
    }
}
