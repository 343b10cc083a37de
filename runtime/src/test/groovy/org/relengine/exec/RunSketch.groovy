package org.relengine.exec

import java.time.Duration
import java.time.Instant

/**
 * A run written as a spec's data table writes it: each task as {@code id: [start s, end s, dependencies…]},
 * a null start for a task that did not run (reused, or skipped with only an end), in plan order.
 */
class RunSketch {

    static final Instant T0 = Instant.parse('2025-03-01T10:00:00Z')

    final List<TaskRun> runs
    final Map<String, List<String>> dependencies

    RunSketch(Map<String, List> tasks) {
        runs = tasks.collect { id, spec ->
            def (start, end) = spec
            TaskState state = start != null ? TaskState.DONE : end != null ? TaskState.SKIPPED : TaskState.REUSED
            new TaskRun(id, 'compose', false, state, at(start), at(end), null, null, null)
        }
        dependencies = tasks.collectEntries { id, spec -> [id, spec.size() > 2 ? spec.subList(2, spec.size()) : []] }
    }

    CriticalPath path(long wall) {
        CriticalPath.of(runs, { String id -> dependencies[id] }, Duration.ofSeconds(wall))
    }

    Lanes lanes() {
        Lanes.of(runs)
    }

    static Instant at(Number seconds) {
        seconds == null ? null : T0.plusMillis((seconds * 1000) as long)
    }
}
