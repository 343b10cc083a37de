package org.relengine.executors.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.relengine.model.ExecutorSettings;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * The mock command lines of a task, as Rocky's build-iso runs lorax: {@code mock -r <config> --isolation=simple
 * --enable-network}, the chroot made once with {@code --init}, then each command in it with {@code --chroot}. The
 * compose is bind-mounted at its own path, so a command's results are in the compose when it ends. Each task has a
 * chroot of its own ({@code --uniqueext=<task>}): mock locks a chroot while it works in it, and refuses a second
 * process, so the six live images of one arch could not be built side by side in one.
 */
public final class MockChroot {

    private MockChroot() {
    }

    public static List<String> init(Plan plan, Task task) {
        List<String> argv = base(plan, task);
        argv.add("--init");
        return argv;
    }

    public static List<String> run(Plan plan, Task task, List<String> command) {
        List<String> argv = base(plan, task);
        argv.add("--chroot");
        // with more than one word after `--`, mock runs the command itself, not through a shell
        argv.add("--");
        argv.addAll(command);
        return argv;
    }

    private static List<String> base(Plan plan, Task task) {
        ExecutorSettings.Mock mock = plan.executors().mock();
        List<String> argv = new ArrayList<>(List.of("mock", "-r", mock.config(task.arch() == null ? "noarch"
                : task.arch()), "--isolation=" + mock.isolation(), "--enable-network"));
        argv.add("--plugin-option=bind_mount:dirs=" + mounts(plan));
        argv.add("--uniqueext=" + task.id().replaceAll("[^A-Za-z0-9_.-]", "-"));
        return argv;
    }

    /** The bind_mount plugin's list, a Python literal: {@code [("/mnt/compose/…", "/mnt/compose/…")]}. */
    static String mounts(Plan plan) {
        return List.of(plan.composeDir()).stream().map(p -> "(\"" + p + "\", \"" + p + "\")")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
