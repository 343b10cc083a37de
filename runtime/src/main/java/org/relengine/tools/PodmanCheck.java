package org.relengine.tools;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.relengine.process.Processes;

/**
 * Whether podman can start a container on this machine, and why not: {@code podman --version} answers on many
 * machines where no container starts (hybrid cgroups, limits above the host's, a nested container). The check
 * starts one, of the host's own root mounted read-only under an overlay, so it needs no image.
 *
 * @param reason why not, with what to do; null when it can
 */
public record PodmanCheck(boolean usable, String runtime, String reason) {

    /** What {@code .ci/run} and {@code relengine demo} write where podman needs it, for machines like these. */
    public static final String CONTAINERS_CONF = "/etc/containers/containers.conf.d/50-relengine.conf";

    public static final List<String> PROBE = List.of("podman", "run", "--rm", "--network=none", "--rootfs", "/:O",
            "/bin/true");

    public static PodmanCheck run() {
        if (Processes.onPath("podman") == null) {
            return new PodmanCheck(false, null, "podman is not installed (apt-get install podman runc)");
        }
        String runtime = null;
        try {
            Processes.Captured info = Processes.captureOutput(List.of("podman", "info", "--format",
                    "{{.Host.OCIRuntime.Name}}, cgroup manager {{.Host.CgroupManager}}"), Duration.ofSeconds(60));
            if (info.exit() == 0) {
                runtime = info.output().strip();
            }
            Processes.Captured probe = Processes.capture(null, PROBE, Duration.ofSeconds(60));
            if (probe.exit() == 0) {
                return new PodmanCheck(true, runtime, null);
            }
            return new PodmanCheck(false, runtime, explain(probe.output()));
        } catch (IOException e) {
            return new PodmanCheck(false, runtime, "podman could not be started: " + e.getMessage());
        }
    }

    /** podman's last error line, and what usually mends it. */
    static String explain(String output) {
        String last = output.lines().map(String::strip).filter(l -> !l.isEmpty())
                .reduce((a, b) -> b).orElse("no message");
        String hint;
        if (last.contains("rlimit")) {
            hint = "the default ulimits are above this machine's: set default_ulimits = [\"nofile=1024:20000\", "
                    + "\"nproc=4096:4096\"] under [containers] in " + CONTAINERS_CONF;
        } else if (last.contains("cgroup")) {
            hint = "set runtime = \"runc\" and cgroup_manager = \"cgroupfs\" under [engine] in " + CONTAINERS_CONF;
        } else if (last.contains("mount") || last.contains("namespace") || last.contains("permission denied")) {
            hint = "this machine does not let podman make a container (inside another container, or without "
                    + "the privileges podman needs)";
        } else {
            hint = "see `podman info` and `" + String.join(" ", PROBE) + "`";
        }
        return last + " (" + hint + ")";
    }
}
