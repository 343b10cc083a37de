package org.relengine.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.relengine.plan.Plan;
import org.relengine.plan.PlanReader;
import org.relengine.plan.Task;

/**
 * What a compose directory says about its runs, read without the recipe: its own copy of the plan
 * ({@code work/plan.json}), its journal, its STATUS and its lock.
 */
public record ComposeRecord(Path dir, Plan plan, Journal.History history, String status, RunLock.Holder lock) {

    /** One task as the journal leaves it: its last state, and the start and end of its last attempt. */
    public record TaskRecord(Task task, String state, Instant started, Instant ended, String reason) {
        public Duration took() {
            return started == null || ended == null ? null : Duration.between(started, ended);
        }
    }

    /** Thrown when the directory is not a compose relengine ran. */
    public static final class NotACompose extends Exception {
        public NotACompose(String message) {
            super(message);
        }
    }

    /** @param vocabulary the kinds, producers and operations the plan may name */
    public static ComposeRecord read(Path dir, org.relengine.plan.Vocabulary vocabulary) throws IOException, NotACompose {
        Path work = dir.resolve("work");
        Path planFile = work.resolve("plan.json");
        if (!Files.exists(planFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new NotACompose(dir + " holds no compose relengine ran (there is no " + planFile + ")");
        }
        Plan plan;
        try {
            plan = PlanReader.plan(new ObjectMapper().readTree(org.relengine.compile.RecipeFile.bytes(planFile,
                    PlanReader.FILE)), vocabulary);
        } catch (org.relengine.compile.RecipeFile.Refused e) {
            throw new NotACompose("the compose's copy of its plan, " + planFile + ", cannot be read: " + e.getMessage()
                    + "; a `--resume` of the recipe writes it again");
        } catch (org.relengine.plan.PlanException e) {
            throw new NotACompose("the compose's copy of its plan, " + planFile + ", cannot be read: " + e.getMessage()
                    + "; a `--resume` of the recipe with this version writes it again");
        } catch (IOException | RuntimeException e) {
            throw new NotACompose("the compose's copy of its plan, " + planFile + ", is damaged and cannot be read ("
                    + e.getClass().getSimpleName() + "); a `--resume` of the recipe writes it again");
        }
        Path status = dir.resolve("STATUS");
        Path lock = work.resolve("lock");
        return new ComposeRecord(dir, plan, Journal.read(work.resolve("journal")),
                Files.isRegularFile(status) ? status(status) : null,
                Files.exists(lock) ? RunLock.read(lock) : null);
    }

    /** STATUS as written, or "damaged" when it is not one of the words relengine writes there. */
    private static String status(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        return text.matches("[A-Z_]{1,32}") ? text : "damaged";
    }

    /**
     * Every task of the plan, in plan order, with what the journal says of it ("pending" if nothing). A task
     * left "running" or "retrying" by a run that no longer runs is "interrupted".
     */
    public Map<String, TaskRecord> tasks() {
        boolean live = lock != null && lock.liveness().equals("running");
        Map<String, Instant> started = new HashMap<>();
        Map<String, TaskRecord> records = new LinkedHashMap<>();
        plan.tasks().forEach(t -> records.put(t.id(), new TaskRecord(t, "pending", null, null, null)));
        for (Journal.Entry entry : history.entries()) {
            TaskRecord known = records.get(entry.task());
            if (known == null) {
                continue;
            }
            if (entry.state().equals(TaskState.RUNNING.word())) {
                started.put(entry.task(), entry.time());
                records.put(entry.task(), new TaskRecord(known.task(), entry.state(), entry.time(), null, null));
            } else if (entry.state().equals(TaskState.RETRYING.word())) {
                // still running: the task's time counts from its first attempt
                records.put(entry.task(), new TaskRecord(known.task(), entry.state(), started.get(entry.task()), null,
                        entry.reason()));
            } else if (entry.state().equals(TaskState.REUSED.word())) {
                // keeps the timings of the run that did the work
                records.put(entry.task(), new TaskRecord(known.task(), entry.state(), known.started(), known.ended(),
                        null));
            } else {
                records.put(entry.task(), new TaskRecord(known.task(), entry.state(), started.remove(entry.task()),
                        entry.time(), entry.reason()));
            }
        }
        if (!live) {
            records.replaceAll((id, r) -> r.state().equals(TaskState.RUNNING.word())
                    || r.state().equals(TaskState.RETRYING.word())
                    ? new TaskRecord(r.task(), "interrupted", r.started(), null, null) : r);
        }
        return records;
    }

    /** The log of a task, where the local effects write it. */
    public Path log(String task) {
        return dir.resolve("work/logs").resolve(org.relengine.effects.LocalEffects.logName(task));
    }
}
