package org.relengine.executors.podman;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * The {@code podman run} line of one command of a task: a container of the recipe's image, removed afterwards,
 * named for the compose, the task and the command (two composes side by side never collide, and a container left
 * by a killed run is replaced), with the compose and every other local path of the task mounted at its own path.
 */
public final class ContainerRun {

    /** Podman's own failures, as {@code podman run} reports them, instead of the command's. */
    static final int PODMAN_FAILED = 125;
    static final int NOT_RUNNABLE = 126;
    static final int NOT_FOUND = 127;

    private ContainerRun() {
    }

    public static List<String> argv(Plan plan, Task task, int index, List<String> command) {
        List<String> argv = new ArrayList<>(List.of("podman", "run", "--rm", "--replace", "--name",
                name(plan.composeId(), task.id(), index),
                // SELinux relabelling of the compose was tried by Rocky and reverted: labels are off for the container
                "--security-opt", "label=disable",
                "--network", network(task),
                // dnf's locks in the shared cache hold PIDs, and relengine releases those of dead processes: they
                // must be the host's, unique across containers
                "--pid", "host"));
        for (String mount : mounts(plan, task)) {
            argv.add("--volume");
            argv.add(mount + ":" + mount);
        }
        argv.add(plan.executors().podman().image());
        argv.addAll(command);
        return argv;
    }

    /**
     * {@code relengine-<compose>-<task>-<n>}: podman names allow {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}, so the colons
     * of task ids become dots.
     */
    public static String name(String composeId, String taskId, int index) {
        String name = "relengine-" + composeId + "-" + taskId + "-" + index;
        return name.replaceAll("[^a-zA-Z0-9_.-]", ".").toLowerCase(Locale.ROOT);
    }

    /** A task that reads from the network gets the host's; any other gets none. */
    static String network(Task task) {
        return task.inputs().stream().anyMatch(i -> i.contains("://") && !i.startsWith("file:")) ? "host" : "none";
    }

    /**
     * The compose, and each local path the task reads outside it (a {@code file://} source, say), none inside
     * another. What a task writes is inside the compose.
     */
    static List<String> mounts(Plan plan, Task task) {
        TreeSet<String> wanted = new TreeSet<>();
        wanted.add(plan.composeDir());
        for (String input : task.inputs()) {
            local(input).ifPresent(wanted::add);
        }
        List<String> mounts = new ArrayList<>();
        for (String path : wanted) {
            if (mounts.stream().noneMatch(m -> path.equals(m) || path.startsWith(m.endsWith("/") ? m : m + "/"))) {
                mounts.add(path);
            }
        }
        return mounts;
    }

    private static java.util.Optional<String> local(String path) {
        if (path.startsWith("file://")) {
            return java.util.Optional.of(java.net.URI.create(path).getPath());
        }
        return path.startsWith("/") ? java.util.Optional.of(Path.of(path).normalize().toString())
                : java.util.Optional.empty();
    }
}
