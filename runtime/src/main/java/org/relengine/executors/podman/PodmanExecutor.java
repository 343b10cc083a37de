package org.relengine.executors.podman;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.relengine.effects.Effects;
import org.relengine.executors.TaskExecutor;
import org.relengine.model.Executor;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;
import org.relengine.plan.spi.TaskFailure;
import org.relengine.process.Processes;

/**
 * {@code on: podman}: each command of a task runs in a container of the recipe's image ({@link ContainerRun});
 * what relengine itself does for the task (directories, files it writes, checks) it does here, on the same paths.
 */
public final class PodmanExecutor implements TaskExecutor {

    private static final Duration ASK = Duration.ofSeconds(30);

    private final Map<String, String> digests = new ConcurrentHashMap<>();

    @Override
    public Executor name() {
        return Executor.PODMAN;
    }

    @Override
    public List<String> programs() {
        return List.of("podman");
    }

    @Override
    public Optional<String> unavailable() {
        return Processes.onPath("podman") == null
                ? Optional.of("podman is not installed (relengine doctor says what is needed)") : Optional.empty();
    }

    /** The image's digest: the same tag pulled again later may hold other tools. */
    @Override
    public Map<String, String> ingredients(Plan plan, Task task) {
        String image = plan.executors().podman().image();
        return Map.of("image " + image, digests.computeIfAbsent(image, PodmanExecutor::digest));
    }

    private static String digest(String image) {
        try {
            Processes.Captured inspect = Processes.captureOutput(List.of("podman", "image", "inspect", "--format",
                    "{{.Digest}}", image), ASK);
            String digest = inspect.output().strip();
            return inspect.exit() == 0 && !digest.isEmpty() ? digest : "not on this machine yet (pulled when it runs)";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public Outcome perform(Placed placed, Effects effects) {
        Task task = placed.task();
        int[] last = {-1};
        Outcome outcome = org.relengine.executors.ActionWalk.perform(task, effects, (argv, index) -> {
            last[0] = index;
            return ContainerRun.argv(placed.plan(), task, index, argv);
        });
        if (outcome.done()) {
            return outcome;
        }
        if (outcome.exit() == null && last[0] >= 0) {
            // killed at its timeout: the podman client is gone, but the container would run on
            String container = ContainerRun.name(placed.plan().composeId(), task.id(), last[0]);
            return stop(effects, task.id(), container) ? new Outcome(outcome.failure() + "; its container "
                    + container + " was removed", null) : outcome;
        }
        return explained(outcome);
    }

    private static boolean stop(Effects effects, String task, String container) {
        try {
            return effects.exec(task, List.of("podman", "rm", "--force", "--ignore", container), null) == 0;
        } catch (TaskFailure e) {
            // the run is stopping: the container is replaced when the task runs again (--replace)
            return false;
        }
    }

    /** Podman's own exit statuses say that the command did not run, not that it failed. */
    private static Outcome explained(Outcome outcome) {
        if (outcome.exit() == null) {
            return outcome;
        }
        String command = outcome.failure().substring(0, outcome.failure().indexOf(' '));
        return switch (outcome.exit()) {
            case ContainerRun.PODMAN_FAILED -> new Outcome("podman could not run " + command
                    + " (status 125; podman's message is in the task's log; relengine doctor checks podman)", 125);
            case ContainerRun.NOT_RUNNABLE -> new Outcome(command + " cannot be run in the image (status 126)", 126);
            case ContainerRun.NOT_FOUND -> new Outcome(command + " is not in the image (status 127): use an image "
                    + "with it (`podman image: …`)", 127);
            default -> new Outcome(outcome.failure() + " in its container", outcome.exit());
        };
    }
}
