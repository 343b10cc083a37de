package org.relengine.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slots a run's tasks ran in, as a timeline draws them: each task that ran, taken in the order they
 * started, goes to the lowest lane free at its start. The scheduler runs at most {@code --jobs} tasks at once,
 * so there are never more slot lanes than slots; fewer when the plan never kept them all busy. Tasks that took
 * no slot (their work ran in a pool of relengine's own, such as the sync engine's) have lanes of their own,
 * below the slots, and count neither as busy nor as idle slots.
 *
 * @param lanes  the lane of each task that ran, from 0, in the order they started; pool lanes follow the slots'
 * @param count  how many slot lanes the tasks took
 * @param busy   the time the tasks that took a slot ran, added up: what the slots spent working
 * @param pooled how many lanes the tasks that took no slot needed, drawn after the slot lanes
 */
public record Lanes(Map<String, Integer> lanes, int count, Duration busy, int pooled) {

    public Lanes {
        lanes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lanes));
    }

    public Lanes(Map<String, Integer> lanes, int count, Duration busy) {
        this(lanes, count, busy, 0);
    }

    /** @param runs every task of the run, in plan order, which breaks ties between equal start times */
    public static Lanes of(List<TaskRun> runs) {
        return of(runs, Set.of());
    }

    /** @param pooled the ids of the tasks that took no slot */
    public static Lanes of(List<TaskRun> runs, Set<String> pooled) {
        Map<String, Integer> order = new HashMap<>();
        runs.forEach(run -> order.put(run.id(), order.size()));
        List<TaskRun> ran = runs.stream().filter(run -> run.took() != null)
                .sorted(Comparator.comparing(TaskRun::start).thenComparing(run -> order.get(run.id()))).toList();
        Map<String, Integer> slotLanes = new LinkedHashMap<>();
        Map<String, Integer> poolLanes = new LinkedHashMap<>();
        List<Instant> slotsFree = new ArrayList<>();
        List<Instant> poolFree = new ArrayList<>();
        Duration busy = Duration.ZERO;
        for (TaskRun run : ran) {
            boolean inPool = pooled.contains(run.id());
            (inPool ? poolLanes : slotLanes).put(run.id(), lane(inPool ? poolFree : slotsFree, run));
            busy = inPool ? busy : busy.plus(run.took());
        }
        Map<String, Integer> lanes = new LinkedHashMap<>();
        for (TaskRun run : ran) {
            Integer slot = slotLanes.get(run.id());
            lanes.put(run.id(), slot != null ? slot : slotsFree.size() + poolLanes.get(run.id()));
        }
        return new Lanes(lanes, slotsFree.size(), busy, poolFree.size());
    }

    /** The lowest lane free at the run's start, now taken until its end. */
    private static int lane(List<Instant> freeAt, TaskRun run) {
        int lane = 0;
        while (lane < freeAt.size() && freeAt.get(lane).isAfter(run.start())) {
            lane++;
        }
        if (lane == freeAt.size()) {
            freeAt.add(run.end());
        } else {
            freeAt.set(lane, run.end());
        }
        return lane;
    }

    /** Every lane a timeline draws: the slots', then the pool's. */
    public int drawn() {
        return count + pooled;
    }

    /**
     * The share of {@code slots × wall} no task ran in, in whole percent; 0 for a run that took no time. Slots
     * the run was given but never used count as idle: that is what a smaller {@code --jobs} would have saved.
     */
    public long idle(int slots, Duration wall) {
        long capacity = Math.max(slots, count) * wall.toMillis();
        return capacity == 0 ? 0 : Math.round(100.0 * (capacity - busy.toMillis()) / capacity);
    }
}
