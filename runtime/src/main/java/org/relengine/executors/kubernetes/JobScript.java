package org.relengine.executors.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relengine.plan.Action;
import org.relengine.plan.ShellQuote;
import org.relengine.plan.Task;

/**
 * A task's actions as the script its Job's container runs with {@code sh -ec}: each command shell-quoted on a line
 * of its own (a command with a file for its standard output redirects into it), each directory as {@code mkdir -p}.
 * The other actions are work relengine does in Java on this machine, which a pod cannot do: they are
 * {@link #refused}.
 */
public final class JobScript {

    private final String text;
    private final List<Action> refused;

    private JobScript(String text, List<Action> refused) {
        this.text = text;
        this.refused = List.copyOf(refused);
    }

    public static JobScript of(Task task) {
        StringBuilder script = new StringBuilder();
        List<Action> refused = new ArrayList<>();
        for (Action action : task.actions()) {
            if (action instanceof Action.Exec exec) {
                script.append(ShellQuote.join(exec.argv()));
                if (exec.stdout() != null) {
                    script.append(" > ").append(ShellQuote.quote(exec.stdout()));
                }
                script.append('\n');
            } else if (action instanceof Action.MakeDirectory dir) {
                script.append("mkdir -p ").append(ShellQuote.quote(dir.path())).append('\n');
            } else {
                refused.add(action);
            }
        }
        return new JobScript(script.toString(), refused);
    }

    /** The script, a line per action. */
    public String text() {
        return text;
    }

    /** The actions a pod cannot perform, in the task's order. */
    public List<Action> refused() {
        return refused;
    }

    /** Why the task cannot run as a Job, or empty when every action can. */
    public Optional<String> refusal() {
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        Action first = refused.get(0);
        return Optional.of("a Kubernetes Job runs only commands and `mkdir -p`, and `" + first.describe() + "` is "
                + kind(first) + " relengine does on this machine"
                + (refused.size() == 1 ? "" : " (and " + (refused.size() - 1) + " more such action"
                + (refused.size() == 2 ? "" : "s") + ")"));
    }

    private static String kind(Action action) {
        if (action instanceof Action.WriteFile) {
            return "a file";
        }
        if (action instanceof Action.Symlink) {
            return "a link";
        }
        return action instanceof Action.Probe ? "a read-only look" : "work";
    }
}
