package org.relengine.tools;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.relengine.process.Processes;

/** Whether programs are here: each one's probe run, its first line kept as its version. */
public final class ProgramCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ProgramCheck() {
    }

    /**
     * The first line of the program's answer, or empty when it is not here. A plugin command
     * ({@code dnf reposync}) is here only when its probe succeeds and names it: dnf without the plugin answers
     * "No such command".
     */
    public static Optional<String> version(Program program) {
        if (Processes.onPath(program.probe().get(0)) == null) {
            return Optional.empty();
        }
        try {
            Processes.Captured probe = Processes.capture(null, program.probe(), TIMEOUT);
            String text = probe.output().strip();
            int space = program.name().indexOf(' ');
            String first = text.isEmpty() ? "present" : text.lines().findFirst().orElse("present");
            if (space > 0) {
                // dnf warns before its usage line; the line that names the command is the one that says it is here
                String command = program.name().substring(space + 1);
                if (probe.exit() != 0 || !text.contains(command)) {
                    return Optional.empty();
                }
                first = text.lines().filter(l -> l.contains(command)).findFirst().orElse(first).strip();
            }
            return Optional.of(first.length() > 70 ? first.substring(0, 69) + "…" : first);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the program is on PATH, without running it: what a dry run may know, since probes such as
     * {@code dnf --version} write logs and caches. A plugin command counts as here when its program is.
     */
    public static boolean onPath(Program program) {
        return Processes.onPath(program.probe().get(0)) != null;
    }

    /** Each of {@code names} with its version, or empty when it is missing; in the order given. */
    public static Map<String, Optional<String>> versions(Collection<String> names, ProgramCatalog catalog) {
        Map<String, Optional<String>> versions = new LinkedHashMap<>();
        for (String name : names) {
            versions.put(name, catalog.find(name).flatMap(ProgramCheck::version));
        }
        return versions;
    }

    /** The packages that install {@code missing} on {@code manager}, each once, sorted; and those it has none for. */
    public record Packages(List<String> packages, List<Program> unavailable) {
    }

    public static Packages packages(Collection<String> missing, ProgramCatalog catalog, PackageManager manager) {
        TreeSet<String> packages = new TreeSet<>();
        List<Program> unavailable = new ArrayList<>();
        for (String name : missing) {
            Program program = catalog.find(name).orElseThrow(() -> new IllegalArgumentException(
                    "no package is known for `" + name + "`"));
            String pkg = program.packageOn(manager);
            if (pkg == null) {
                unavailable.add(program);
            } else {
                packages.add(pkg);
            }
        }
        return new Packages(List.copyOf(packages), unavailable);
    }
}
