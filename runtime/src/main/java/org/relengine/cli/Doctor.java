package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.relengine.tools.PackageManager;
import org.relengine.tools.Program;
import org.relengine.tools.ProgramCatalog;
import org.relengine.tools.ProgramCheck;

/** Which of the programs a job needs are here, and the one command that installs the rest. */
final class Doctor {

    private static final ProgramCatalog CATALOG = ProgramCatalog.SHIPPED;

    private Doctor() {
    }

    /**
     * Prints a line per program, with its version or what needs it, and returns the missing ones.
     *
     * @param usedBy per program, the kinds of task that run it (empty: say what the catalog says it is for)
     */
    static List<String> report(Collection<String> names, Map<String, Set<String>> usedBy, PrintWriter out) {
        List<String> missing = new ArrayList<>();
        ProgramCheck.versions(names, CATALOG).forEach((name, version) -> {
            if (version.isEmpty()) {
                missing.add(name);
            }
            out.printf("  %-17s %-8s %s%n", name, version.isPresent() ? "ok" : "MISSING",
                    version.orElseGet(() -> "needed for " + purpose(name, usedBy)));
        });
        out.flush();
        return missing;
    }

    /** The missing ones among {@code names}, checked quietly. */
    static List<String> missing(Collection<String> names) {
        List<String> missing = new ArrayList<>();
        ProgramCheck.versions(names, CATALOG).forEach((name, version) -> {
            if (version.isEmpty()) {
                missing.add(name);
            }
        });
        return missing;
    }

    /** The missing ones among {@code names} by a PATH lookup alone, running nothing: for dry runs. */
    static List<String> missingOnPath(Collection<String> names) {
        return names.stream().filter(n -> CATALOG.find(n).map(p -> !ProgramCheck.onPath(p)).orElse(true)).toList();
    }

    static String purpose(String name, Map<String, Set<String>> usedBy) {
        Set<String> tasks = usedBy.getOrDefault(name, Set.of());
        if (!tasks.isEmpty()) {
            return String.join(", ", tasks);
        }
        return CATALOG.find(name).map(Program::usedFor).orElse("a step");
    }

    /** The packages of {@code missing} on {@code manager}. */
    static ProgramCheck.Packages packages(Collection<String> missing, PackageManager manager) {
        return ProgramCheck.packages(missing, CATALOG, manager);
    }

    /**
     * Lines that tell the user how to get {@code missing}: the one install command for this host, and a line
     * for each program its package manager has no package for.
     */
    static List<String> installAdvice(Collection<String> missing) {
        Optional<PackageManager> manager = PackageManager.here();
        if (manager.isEmpty()) {
            return List.of("install them with your package manager (this host has neither apt-get nor dnf)");
        }
        ProgramCheck.Packages packages = packages(missing, manager.get());
        List<String> lines = new ArrayList<>();
        if (!packages.packages().isEmpty()) {
            lines.add("install them with:  " + (isRoot() ? "" : "sudo ")
                    + String.join(" ", manager.get().installCommand(packages.packages())));
        }
        for (Program program : packages.unavailable()) {
            lines.add(program.name() + ": " + program.noApt());
        }
        return lines;
    }

    /** Whether this process may install packages: its effective uid, as the kernel sees it, is 0. */
    static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
