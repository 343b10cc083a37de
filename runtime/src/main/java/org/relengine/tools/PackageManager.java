package org.relengine.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.relengine.process.Processes;

/** The package managers relengine installs its programs with: apt-get (Debian, Ubuntu) and dnf (Rocky, Fedora). */
public enum PackageManager {
    APT("apt"), DNF("dnf");

    private final String word;

    PackageManager(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /**
     * This host's: apt-get when it is on PATH, else dnf. A Debian machine may carry dnf as a tool (relengine
     * itself needs it), but installs its packages with apt-get.
     */
    public static Optional<PackageManager> here() {
        if (Processes.onPath("apt-get") != null) {
            return Optional.of(APT);
        }
        return Processes.onPath("dnf") != null ? Optional.of(DNF) : Optional.empty();
    }

    /** The one command that installs {@code packages}, in the order given. */
    public List<String> installCommand(Collection<String> packages) {
        List<String> argv = new ArrayList<>(this == APT
                ? List.of("apt-get", "install", "-y", "-q", "--no-install-recommends")
                : List.of("dnf", "install", "-y"));
        argv.addAll(packages);
        return argv;
    }

    /** What must run before {@link #installCommand} on a fresh machine: apt-get's package lists. */
    public Optional<List<String>> refreshCommand() {
        return this == APT ? Optional.of(List.of("apt-get", "update", "-q")) : Optional.empty();
    }
}
