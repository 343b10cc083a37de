package org.relengine.steps;

import java.util.ArrayList;
import java.util.List;

/** rsync invocations of the publish steps: archive mode with hard links, never a shell string. */
public final class Rsync {

    private Rsync() {
    }

    public static List<String> argv(String from, String to, String chown, boolean delete, List<String> excludes,
                                    List<String> protect, List<String> extra) {
        List<String> argv = new ArrayList<>(List.of("rsync", "-rlptDSH"));
        if (chown != null) {
            argv.add("-og");
            argv.add("--chown=" + chown);
        }
        argv.addAll(extra);
        if (delete) {
            argv.add("--delete");
        }
        for (String exclude : excludes) {
            argv.add("--exclude=" + exclude);
        }
        if (delete) {
            for (String kept : protect) {
                argv.add("--filter=protect " + kept);
            }
        }
        argv.add(from.endsWith("/") ? from : from + "/");
        argv.add(to.endsWith("/") ? to : to + "/");
        return argv;
    }
}
