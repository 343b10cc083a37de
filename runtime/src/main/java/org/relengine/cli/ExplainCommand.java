package org.relengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.relengine.validate.Suggestions;
import org.relengine.exec.ComposeRecord;
import org.relengine.exec.InputFingerprints;
import org.relengine.exec.Journal;
import org.relengine.exec.ReuseRule;
import org.relengine.exec.TaskHasher;
import org.relengine.exec.TaskIngredients;
import org.relengine.exec.ToolVersions;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(versionProvider = Main.Version.class, name = "explain", mixinStandardHelpOptions = true,
        description = "Print what a task's hash is made of (the task as planned, the versions of its tools, "
                + "fingerprints of what it reads, the tasks it follows) and whether --resume would reuse it or "
                + "run it again, and why.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained", "1:no such compose or task"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TASK", description = "A task id, e.g. sync:BaseOS:x86_64:os.")
    String task;

    @Option(names = "--compose", paramLabel = "DIR", defaultValue = ".",
            description = "The compose directory (default: the current directory).")
    Path compose;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ComposeRecord record;
        try {
            record = ComposeRecord.read(compose, org.relengine.steps.StepRegistry.standard());
        } catch (ComposeRecord.NotACompose e) {
            err.println("relengine: " + e.getMessage());
            err.println("  hint: give the compose with --compose DIR");
            return ExitCode.ERRORS;
        }
        record.history().damaged().forEach(line -> spec.commandLine().getErr().println(
                "relengine: warning: " + record.dir().resolve("work/journal") + " " + line + "; skipped"));
        Plan plan = record.plan();
        if (plan.task(task).isEmpty()) {
            List<String> ids = plan.tasks().stream().map(Task::id).toList();
            err.println("relengine: compose " + plan.composeId() + " has no task `" + task + "`");
            err.println("  hint: " + Suggestions.closest(task, ids).map(s -> "did you mean `" + s + "`?")
                    .orElse("`relengine status " + compose + "` lists its tasks"));
            return ExitCode.ERRORS;
        }
        TaskHasher hasher = new TaskHasher(plan, new ToolVersions(), new InputFingerprints(),
                org.relengine.exec.ComposeRun.relengineVersion());
        ReuseRule rule = new ReuseRule(plan, record.history(), new org.relengine.exec.OutputVerification(plan,
                record.history(), new org.relengine.exec.OutputRecords(plan), false));
        Map<String, List<String>> verdicts = new HashMap<>();
        TaskIngredients now = hasher.ingredients(task);
        List<String> reasons = reasons(task, plan, hasher, rule, verdicts);
        Journal.Entry finished = record.history().finished(task);
        ComposeRecord.TaskRecord last = record.tasks().get(task);

        out.println("task     " + task + "  (" + plan.task(task).get().kind().word() + ", compose "
                + plan.composeId() + ")");
        out.println("state    " + last.state() + (last.took() == null ? "" : ", took " + org.relengine.formats.Durations
                .human(last.took())));
        out.println("log      " + record.log(task));
        out.println("hash     " + now.hash() + "  (now)");
        out.println("         " + (finished == null || finished.hash() == null ? "(none recorded)" : finished.hash())
                + "  (when it last finished)");
        out.println();
        out.println("ingredients");
        int width = now.parts().keySet().stream().mapToInt(String::length).max().orElse(0);
        now.parts().forEach((name, value) -> out.printf("  %-" + width + "s  %s%n", name, value));
        out.println();
        boolean secret = now.parts().values().stream().anyMatch(v -> v.contains(TaskHasher.NOT_KEPT));
        if (reasons.isEmpty() && secret) {
            out.println("--resume reuses it unless its credentials changed, or what they give access to: the compose "
                    + "keeps no secret, so explain cannot compare them. Nothing else it is made of changed, and nothing "
                    + "it follows runs again.");
        } else if (reasons.isEmpty()) {
            out.println("--resume reuses it: it finished with the same ingredients, and nothing it follows runs again.");
        } else {
            out.println("--resume runs it again:");
            reasons.forEach(r -> out.println("  - " + r));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The scheduler's rule, applied down the graph: a task runs again when one it follows does. */
    private static List<String> reasons(String id, Plan plan, TaskHasher hasher, ReuseRule rule,
                                        Map<String, List<String>> verdicts) {
        List<String> known = verdicts.get(id);
        if (known != null) {
            return known;
        }
        Task task = plan.task(id).orElseThrow();
        // what needs a secret cannot be compared here: it is left out of the verdict, and said so
        List<String> reasons = rule.reasonsToRun(task, hasher.ingredients(id),
                d -> !reasons(d, plan, hasher, rule, verdicts).isEmpty()).stream()
                .filter(r -> !r.contains(TaskHasher.NOT_KEPT)).toList();
        verdicts.put(id, reasons);
        return reasons;
    }
}
