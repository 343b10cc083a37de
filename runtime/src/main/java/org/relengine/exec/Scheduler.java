package org.relengine.exec;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.relengine.effects.Effects;
import org.relengine.effects.TaskWaits;
import org.relengine.executors.ExecutorRegistry;
import org.relengine.executors.TaskExecutor;
import org.relengine.model.Step;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;

/**
 * Runs a plan's tasks, up to {@code jobs} at a time, each as soon as its dependencies are done, each by the
 * executor the plan names for it and every action through {@link Effects}. A task whose required dependency failed is skipped, and so are its
 * dependants; everything else still runs. A failed failable task does not hold back its dependants. A task
 * with a retry policy runs again after a failed attempt, waiting longer each time; only its last failure
 * counts.
 *
 * <p>Every finished task's {@link TaskIngredients} go into the journal. Resuming, a task is reused instead
 * of run when the journal says it finished with the same ingredients, its outputs are as it left them
 * ({@link OutputVerification}), and no task it depends on ran again in this run.
 */
public final class Scheduler {

    /** Told of every state change, from the scheduling thread. */
    public interface Listener {
        void changed(Task task, TaskState state, int finished, int total, String detail);

        /** Before the first action of a task that runs (not of one reused), from the thread that runs it. */
        default void performing(Task task) {
        }
    }

    /**
     * What happened to every task.
     *
     * @param stopped why the run stopped before its end, when it could not record what its tasks did; the tasks
     *                it did not start are left {@code PENDING}. Null when it ran to its end
     */
    public record Outcome(Map<String, TaskState> states, Map<String, String> failures, StateWriteFault stopped) {

        public Outcome(Map<String, TaskState> states, Map<String, String> failures) {
            this(states, failures, null);
        }

        public List<String> ids(TaskState state) {
            return states.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey).toList();
        }
    }

    private final Effects effects;
    private final ExecutorRegistry executors;
    private final int jobs;
    private final Journal journal;
    private final Listener listener;
    private final TaskHasher hasher;
    /** The plan being run: executors read their settings and the compose from it. */
    private Plan plan;
    private final Journal.History previous;
    private final OutputRecords outputs;
    private final boolean verifyFull;
    /** Tasks that reached their last state in this run, for the listener; read and written by the scheduling thread. */
    private int finished;
    /** Tasks whose work runs in a pool of relengine's own, which take no slot; none unless told. */
    private java.util.function.Predicate<Task> pooled = task -> false;
    /** At most this many pooled tasks run at once, besides the {@code jobs} others: each holds a thread. */
    public static final int POOLED_AT_ONCE = 16;
    /** How often what the running tasks wait for is passed on. */
    private static final long NOTICE_MILLIS = 250;
    /** The first fault writing the journal: from then on no task starts, and the running ones are stopped. */
    private final java.util.concurrent.atomic.AtomicReference<StateWriteFault> stopped =
            new java.util.concurrent.atomic.AtomicReference<>();

    public Scheduler(Effects effects, ExecutorRegistry executors, int jobs, Journal journal, Listener listener) {
        this(effects, executors, jobs, journal, listener, null, null);
    }

    public Scheduler(Effects effects, ExecutorRegistry executors, int jobs, Journal journal, Listener listener,
                     TaskHasher hasher, Journal.History previous) {
        this(effects, executors, jobs, journal, listener, hasher, previous, null, false);
    }

    /**
     * @param hasher   computes the ingredients recorded with every finished task; null records none
     * @param previous what earlier runs of this compose did, to resume from; null runs every task
     * @param outputs  where each finished task's outputs are recorded, and checked before one is reused; null:
     *                 nowhere, and only their existence is checked
     * @param verifyFull whether that check hashes every recorded digest, not only those of files whose time changed
     */
    public Scheduler(Effects effects, ExecutorRegistry executors, int jobs, Journal journal, Listener listener,
                     TaskHasher hasher, Journal.History previous, OutputRecords outputs, boolean verifyFull) {
        this.effects = effects;
        this.executors = executors;
        this.jobs = Math.max(1, jobs);
        this.journal = journal;
        this.listener = listener;
        this.hasher = hasher;
        this.previous = previous;
        this.outputs = outputs;
        this.verifyFull = verifyFull;
    }

    /**
     * Which tasks take no slot: their work runs in a pool of relengine's own that bounds it (the sync engine's
     * connections), so they wait rather than work, and up to {@link #POOLED_AT_ONCE} of them run besides the
     * {@code jobs} others. The caller knows which they are; the scheduler only counts them apart.
     */
    public Scheduler pooled(java.util.function.Predicate<Task> which) {
        this.pooled = which;
        return this;
    }

    public Outcome run(Plan plan) {
        this.plan = plan;
        ReuseRule reuse = previous == null ? null : new ReuseRule(plan, previous,
                outputs == null ? null : new OutputVerification(plan, previous, outputs, verifyFull));
        Map<String, Task> tasks = new LinkedHashMap<>();
        plan.tasks().forEach(t -> tasks.put(t.id(), t));
        Map<String, TaskState> states = new LinkedHashMap<>();
        tasks.keySet().forEach(id -> states.put(id, TaskState.PENDING));
        Map<String, String> failures = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs + POOLED_AT_ONCE, runnable -> {
            Thread thread = new Thread(runnable, "relengine-task");
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<Result> done = new ExecutorCompletionService<>(pool);
        int running = 0;
        int runningPooled = 0;
        finished = 0;
        try {
            while (true) {
                for (Task task : tasks.values()) {
                    if (stopped.get() != null) {
                        break;
                    }
                    if (states.get(task.id()) != TaskState.PENDING) {
                        continue;
                    }
                    if (blocked(task, tasks, states)) {
                        states.put(task.id(), TaskState.SKIPPED);
                        finished++;
                        record(task, TaskState.SKIPPED, null, "a required dependency failed");
                        listener.changed(task, TaskState.SKIPPED, finished, tasks.size(), null);
                        continue;
                    }
                    boolean light = pooled.test(task);
                    if ((light ? runningPooled < POOLED_AT_ONCE : running - runningPooled < jobs)
                            && ready(task, states)) {
                        boolean reusable = previous != null && task.dependsOn().stream()
                                .allMatch(d -> states.get(d) == TaskState.REUSED);
                        states.put(task.id(), TaskState.RUNNING);
                        listener.changed(task, TaskState.RUNNING, finished, tasks.size(), null);
                        done.submit(() -> perform(task, reusable ? reuse : null));
                        running++;
                        runningPooled += light ? 1 : 0;
                    }
                }
                if (running == 0) {
                    break;
                }
                Result result = take(done, tasks);
                running--;
                runningPooled -= pooled.test(result.task) ? 1 : 0;
                finished++;
                TaskState state = result.state;
                states.put(result.task.id(), state);
                if (result.failure != null) {
                    failures.put(result.task.id(), result.failure);
                }
                if (journal != null && stopped.get() == null) {
                    try {
                        journal.record(result.task.id(), state, result.exit, null, result.failure,
                                state.finished() ? result.ingredients : null);
                    } catch (StateWriteFault e) {
                        stop(e);
                    }
                }
                listener.changed(result.task, state, finished, tasks.size(), result.failure);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(states, failures, stopped.get());
    }

    /**
     * Records a task's state. A journal that cannot be written stops the run: what a task did from then on could
     * not be told apart from what it did not do, so none starts, and the running ones are stopped, since their
     * ends could not be recorded either.
     */
    private void record(Task task, TaskState state, Integer exit, String reason) {
        if (journal != null && stopped.get() == null) {
            try {
                journal.record(task.id(), state, exit, null, reason);
            } catch (StateWriteFault e) {
                stop(e);
            }
        }
    }

    private void stop(StateWriteFault fault) {
        if (stopped.compareAndSet(null, fault)) {
            effects.stop("the run stopped: " + fault.getMessage());
        }
    }

    private static boolean ready(Task task, Map<String, TaskState> states) {
        return task.dependsOn().stream().allMatch(d -> states.get(d).finished() || states.get(d) == TaskState.FAILED);
    }

    /** A dependency that failed and was required, or that was itself skipped. */
    private static boolean blocked(Task task, Map<String, Task> tasks, Map<String, TaskState> states) {
        return task.dependsOn().stream().anyMatch(d -> states.get(d) == TaskState.SKIPPED
                || (states.get(d) == TaskState.FAILED && !tasks.get(d).failable()));
    }

    /**
     * The next task to end. While none does, what the running tasks wait for is passed on to the listener, as a
     * change to {@code RUNNING} with a detail, from this thread like every other change.
     */
    private Result take(CompletionService<Result> done, Map<String, Task> tasks) {
        try {
            Future<Result> future;
            while ((future = done.poll(NOTICE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
                tell(tasks);
            }
            tell(tasks);
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tasks were running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task crashed the scheduler", e.getCause());
        }
    }

    private void tell(Map<String, Task> tasks) {
        TaskWaits waits = effects.waits();
        if (waits == null) {
            return;
        }
        for (TaskWaits.Notice notice : waits.drain()) {
            Task task = tasks.get(notice.task());
            if (task != null) {
                listener.changed(task, TaskState.RUNNING, finished, tasks.size(), notice.detail());
            }
        }
    }

    private record Result(Task task, TaskState state, Integer exit, String failure, TaskIngredients ingredients) {
        static Result failed(Task task, Integer exit, String failure, TaskIngredients ingredients) {
            return new Result(task, TaskState.FAILED, exit, failure, ingredients);
        }
    }

    /** @param reuse the rule to reuse the task by, when every task it follows was reused; null runs it */
    private Result perform(Task task, ReuseRule reuse) {
        if (effects.waits() != null) {
            // the task's timeout counts from here: fetching what its ingredients name is waiting too
            effects.waits().start(task.id());
        }
        TaskIngredients ingredients;
        try {
            ingredients = hasher == null ? null : hasher.ingredients(task.id());
        } catch (RuntimeException e) {
            return Result.failed(task, null, "cannot compute the task's ingredients: " + e, null);
        }
        if (reuse != null && ingredients != null) {
            List<String> reasons = reuse.reasonsToRun(task, ingredients, d -> false);
            if (reasons.isEmpty()) {
                return new Result(task, TaskState.REUSED, null, null, ingredients);
            }
            // what `relengine explain` would say, kept with the run that acted on it
            reasons.forEach(reason -> effects.note(task.id(), "runs again: " + reason));
        }
        record(task, TaskState.RUNNING, null, null);
        if (stopped.get() != null) {
            // its start could not be recorded: it must not change anything a later run would trust
            return Result.failed(task, null, "not started: the run stopped: " + stopped.get().getMessage(), null);
        }
        try {
            listener.performing(task);
        } catch (StateWriteFault e) {
            stop(e);
            return Result.failed(task, null, "not started: the run stopped: " + e.getMessage(), null);
        }
        Result result = actions(task);
        if (result.state == TaskState.DONE && outputs != null) {
            try {
                outputs.save(task);
            } catch (StateWriteFault e) {
                stop(e);
                return Result.failed(task, null, "the run stopped: " + e.getMessage(), ingredients);
            } catch (IOException | RuntimeException e) {
                return Result.failed(task, null, "cannot record what it left at its outputs: " + e.getMessage(),
                        ingredients);
            }
        }
        return new Result(task, result.state, result.exit, result.failure, ingredients);
    }

    private Result actions(Task task) {
        try {
            return tries(task);
        } catch (RuntimeException e) {
            // a fault of relengine's own, not of the network or a tool: another attempt would fail the same way
            return Result.failed(task, null, e.toString(), null);
        }
    }

    /**
     * Every attempt the task's retry policy allows, each from its first action, until one succeeds; the
     * result of the last. A failed attempt before it is a line in the task's log and in the journal.
     */
    private Result tries(Task task) {
        Step.Retry retry = task.retry();
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1 && effects.waits() != null) {
                // each retry has the whole timeout again
                effects.waits().start(task.id());
            }
            Result result = attempt(task);
            if (result.state != TaskState.FAILED || attempt >= retry.attempts() || stopped.get() != null) {
                return result;
            }
            Duration wait = retry.waitAfter(attempt);
            effects.note(task.id(), "relengine: attempt " + attempt + " of " + retry.attempts() + " failed ("
                    + result.failure + "); trying again in " + whole(wait));
            record(task, TaskState.RETRYING, result.exit, result.failure);
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                // the run is ending: this attempt's failure is the last
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    /** {@code 30 s}, {@code 2 min}, {@code 1 min 30 s}: waits are whole seconds. */
    private static String whole(Duration wait) {
        long s = wait.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    private Result attempt(Task task) {
        // a dry run has no ingredients: the task as planned names its work elsewhere
        String hash = hasher != null ? hasher.ingredients(task.id()).hash() : TaskHasher.spec(task);
        TaskExecutor.Outcome outcome = executors.of(task).perform(
                new TaskExecutor.Placed(plan, task, hash.substring(hash.lastIndexOf(' ') + 1)), effects);
        return outcome.done() ? new Result(task, TaskState.DONE, null, null, null)
                : Result.failed(task, outcome.exit(), outcome.failure(), null);
    }
}
