package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.effects.Processes;

/** Which external tools are here, with their versions, and the one command that installs what is missing. */
final class Doctor {

    /** A tool: the command that shows it works, and its package on Debian and on Rocky/Fedora. */
    record Tool(String name, List<String> probe, String debian, String rpm, String usedFor) {
    }

    static final Map<String, Tool> TOOLS = new LinkedHashMap<>();

    static {
        add(new Tool("dnf", List.of("dnf", "--version"), "dnf", "dnf", "sync, repoclosure"));
        add(new Tool("dnf reposync", List.of("dnf", "reposync", "--help"), "dnf-plugins-core", "dnf-plugins-core",
                "sync"));
        add(new Tool("createrepo_c", List.of("createrepo_c", "--version"), "createrepo-c", "createrepo_c",
                "demo packages, Rocky 8 updates"));
        add(new Tool("rpmbuild", List.of("rpmbuild", "--version"), "rpm", "rpm-build", "demo packages"));
        add(new Tool("xorriso", List.of("xorriso", "-version"), "xorriso", "xorriso", "DVD ISOs"));
        add(new Tool("implantisomd5", List.of("implantisomd5", "--help"), "isomd5sum", "isomd5sum", "DVD ISOs"));
        add(new Tool("checkisomd5", List.of("checkisomd5", "--help"), "isomd5sum", "isomd5sum", "checking ISOs"));
        add(new Tool("rsync", List.of("rsync", "--version"), "rsync", "rsync", "publishing"));
        add(new Tool("hardlink", List.of("hardlink", "--version"), "util-linux", "util-linux", "staging"));
        add(new Tool("gpg", List.of("gpg", "--version"), "gnupg", "gnupg2", "signing"));
        add(new Tool("mktorrent", List.of("mktorrent", "-h"), "mktorrent", "mktorrent", "torrents"));
    }

    private static void add(Tool tool) {
        TOOLS.put(tool.name(), tool);
    }

    private Doctor() {
    }

    /** First line of the tool's answer, or null when it is not here. */
    static String version(Tool tool) {
        try {
            Processes.Captured probe = Processes.capture(null, tool.probe(), java.time.Duration.ofSeconds(30));
            int exit = probe.exit();
            String text = probe.output().strip();
            if (tool.name().equals("dnf reposync") && (exit != 0 || !text.contains("reposync"))) {
                return null;
            }
            String first = text.isEmpty() ? "present" : text.lines().findFirst().orElse("present");
            return first.length() > 70 ? first.substring(0, 69) + "…" : first;
        } catch (IOException e) {
            return null;
        }
    }

    /** Prints a line per tool; returns the tools of {@code needed} that are missing. */
    static List<Tool> report(List<String> needed, PrintWriter out) {
        List<Tool> missing = new ArrayList<>();
        for (String name : needed) {
            Tool tool = TOOLS.get(name);
            String version = version(tool);
            out.printf("  %-14s %-10s %s%n", name, version == null ? "MISSING" : "ok", version == null
                    ? "needed for " + tool.usedFor() : version);
            if (version == null) {
                missing.add(tool);
            }
        }
        out.flush();
        return missing;
    }

    /** The host's install command for the missing tools, or null when it has neither apt-get nor dnf. */
    static List<String> installCommand(List<Tool> missing) {
        boolean apt = Processes.onPath("apt-get") != null;
        if (!apt && Processes.onPath("dnf") == null) {
            return null;
        }
        List<String> command = new ArrayList<>(apt ? List.of("apt-get", "install", "-y", "--no-install-recommends")
                : List.of("dnf", "install", "-y"));
        missing.stream().map(t -> apt ? t.debian() : t.rpm()).distinct().forEach(command::add);
        return command;
    }
}
