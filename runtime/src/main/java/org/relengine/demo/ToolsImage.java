package org.relengine.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relengine.formats.AtomicFiles;
import org.relengine.process.Processes;
import org.relengine.tools.PodmanCheck;

/**
 * The container image the demo runs its {@code on: podman} steps in, made once per machine from the host's own
 * package archive (no container registry is needed): a Debian minbase with dnf, its plugins, createrepo_c,
 * xorriso and isomd5sum, by {@code debootstrap}, imported with {@code podman import}.
 */
public final class ToolsImage {

    public static final String NAME = "localhost/relengine-demo-tools:bookworm";

    /** What the demo's podman steps run: dnf reposync and repoclosure, xorriso and implantisomd5. */
    static final String PACKAGES = "dnf,dnf-plugins-core,python3-dnf,createrepo-c,xorriso,isomd5sum,rpm,ca-certificates";

    private static final Pattern MIRROR = Pattern.compile("(https?://\\S+/debian)/?(\\s|$)");

    private ToolsImage() {
    }

    /** The image when podman can run it here (made now if need be), or why the demo's podman steps run here instead. */
    public record Ready(String image, String reason) {
    }

    /** The image when podman can run it here and it is made already: what a dry run, which makes nothing, uses. */
    public static Ready existing() throws IOException {
        Ready found = found(PodmanCheck.run());
        return found != null ? found : new Ready(null, "its image " + NAME + " is not made yet (a run of the demo "
                + "makes it)");
    }

    /** Podman's refusal, or the image when it is here; null when podman works and the image is still to make. */
    private static Ready found(PodmanCheck check) throws IOException {
        if (!check.usable()) {
            return new Ready(null, check.reason());
        }
        return exists() ? new Ready(NAME, null) : null;
    }

    public static Ready ensure(Path cache, PrintWriter out) throws IOException {
        PodmanCheck check = PodmanCheck.run();
        if (!check.usable() && root() && !Files.exists(Path.of(PodmanCheck.CONTAINERS_CONF))
                && (check.reason().contains("rlimit") || check.reason().contains("cgroup"))) {
            writeContainersConf(out);
            check = PodmanCheck.run();
        }
        Ready found = found(check);
        if (found != null) {
            return found;
        }
        if (!root()) {
            return new Ready(null, "its image " + NAME + " is not here, and making it (debootstrap) needs root");
        }
        if (Processes.onPath("debootstrap") == null) {
            return new Ready(null, "its image " + NAME + " is not here, and making it needs debootstrap "
                    + "(apt-get install debootstrap)");
        }
        Path rootfs = cache.resolve("tools-rootfs");
        out.println("relengine demo: making the container image " + NAME + " once (debootstrap of Debian 12 with "
                + PACKAGES.replace(",", ", ") + "; about a minute)");
        out.flush();
        try {
            AtomicFiles.deleteTree(rootfs);
            Files.createDirectories(rootfs);
            run(List.of("debootstrap", "--variant=minbase", "--include=" + PACKAGES, "bookworm", rootfs.toString(),
                    mirror()), Duration.ofMinutes(20));
            run(List.of("sh", "-c", "tar -C \"$1\" -c . | podman import - \"$2\"", "import", rootfs.toString(), NAME),
                    Duration.ofMinutes(10));
        } catch (IOException e) {
            return new Ready(null, "making its image failed: " + e.getMessage());
        } finally {
            AtomicFiles.deleteTree(rootfs);
        }
        return new Ready(NAME, null);
    }

    private static boolean exists() throws IOException {
        return Processes.captureOutput(List.of("podman", "image", "exists", NAME), Duration.ofSeconds(60)).exit() == 0;
    }

    /** The limits and runtime these machines need (hybrid cgroups, no CAP_SYS_RESOURCE); harmless elsewhere. */
    private static void writeContainersConf(PrintWriter out) throws IOException {
        Path conf = Path.of(PodmanCheck.CONTAINERS_CONF);
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, """
                # written by relengine demo: podman on this machine starts containers only with these
                [containers]
                default_ulimits = ["nofile=1024:20000", "nproc=4096:4096"]
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                """);
        out.println("relengine demo: podman needs runc, cgroupfs and this machine's limits here: wrote " + conf);
    }

    /** The Debian mirror this machine's apt uses, or Debian's own. */
    static String mirror() throws IOException {
        for (Path dir : List.of(Path.of("/etc/apt/sources.list"), Path.of("/etc/apt/sources.list.d"))) {
            if (!Files.exists(dir)) {
                continue;
            }
            try (var files = Files.isDirectory(dir) ? Files.list(dir) : java.util.stream.Stream.of(dir)) {
                for (Path file : files.sorted().toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (line.startsWith("URIs:") || line.startsWith("deb ")) {
                            Matcher m = MIRROR.matcher(line);
                            if (m.find()) {
                                return m.group(1);
                            }
                        }
                    }
                }
            }
        }
        return "http://deb.debian.org/debian";
    }

    private static void run(List<String> argv, Duration timeout) throws IOException {
        Processes.Captured result = Processes.capture(null, argv, timeout);
        if (result.exit() != 0) {
            String output = result.output();
            throw new IOException(argv.get(0) + " exited with " + result.exit() + ": "
                    + output.substring(Math.max(0, output.length() - 2000)));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

}
