package org.relengine.exec;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * When a resumed run may reuse what an earlier run did instead of running a task again: the journal says
 * the task finished, with the same ingredients; no task it depends on runs again; and its outputs are as
 * it left them ({@link OutputVerification}). For a task whose outputs were not recorded (a compose begun
 * by an older relengine) they need only exist, unless every task that reads them has started already:
 * finalize, for one, moves the discs it reads into the compose, and when it is run again it finds them
 * there. The scheduler decides by it, and {@code relengine explain} explains by it.
 */
public final class ReuseRule {

    private final Journal.History previous;
    private final OutputVerification outputs;
    private final Map<String, List<String>> readers = new HashMap<>();

    public ReuseRule(Plan plan, Journal.History previous) {
        this(plan, previous, null);
    }

    /** @param outputs what earlier runs recorded at the outputs, checked before a task is reused; null: none */
    public ReuseRule(Plan plan, Journal.History previous, OutputVerification outputs) {
        this.previous = previous;
        this.outputs = outputs;
        plan.tasks().forEach(t -> t.dependsOn().forEach(d -> readers.computeIfAbsent(d, k -> new ArrayList<>())
                .add(t.id())));
    }

    /**
     * Why the task must run; empty when it may be reused.
     *
     * @param runsAgain tells, for a task this one depends on, whether it runs in this run
     */
    public List<String> reasonsToRun(Task task, TaskIngredients now, Predicate<String> runsAgain) {
        List<String> reasons = new ArrayList<>();
        Journal.Entry finished = previous.finished(task.id());
        if (finished == null) {
            List<Journal.Entry> lines = previous.of(task.id());
            reasons.add(lines.isEmpty() ? "no earlier run started it"
                    : "it has not finished (last state: " + lines.get(lines.size() - 1).state() + ")");
            return reasons;
        }
        if (finished.ingredients() == null || !now.hash().equals(finished.hash())) {
            reasons.addAll(finished.ingredients() == null ? List.of("its ingredients were not recorded")
                    : now.changedSince(finished.ingredients()));
        }
        task.dependsOn().stream().filter(runsAgain).forEach(d -> reasons.add("after " + d + ": it runs again"));
        if (outputs != null && outputs.recorded(task.id())) {
            reasons.addAll(outputs.reasons(task.id()));
        } else if (reasons.isEmpty() && !consumed(task)) {
            task.outputs().stream().filter(o -> o.startsWith("/"))
                    .filter(o -> !Files.exists(Path.of(o), LinkOption.NOFOLLOW_LINKS))
                    .forEach(o -> reasons.add("its output " + o + " is gone"));
        }
        return reasons;
    }

    private boolean consumed(Task task) {
        List<String> of = readers.getOrDefault(task.id(), List.of());
        return !of.isEmpty() && of.stream().allMatch(r -> !previous.of(r).isEmpty());
    }
}
