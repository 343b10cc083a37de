package org.relengine.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slots a run's tasks ran in, as a timeline draws them: each task that ran, taken in the order they
 * started, goes to the lowest lane free at its start. The scheduler runs at most {@code --jobs} tasks at once,
 * so there are never more lanes than slots; fewer when the plan never kept them all busy.
 *
 * @param lanes the lane of each task that ran, from 0, in the order they started
 * @param count how many lanes the tasks took
 * @param busy  the time the tasks ran, added up: what the slots spent working
 */
public record Lanes(Map<String, Integer> lanes, int count, Duration busy) {

    public Lanes {
        lanes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lanes));
    }

    /** @param runs every task of the run, in plan order, which breaks ties between equal start times */
    public static Lanes of(List<TaskRun> runs) {
        Map<String, Integer> order = new HashMap<>();
        runs.forEach(run -> order.put(run.id(), order.size()));
        List<TaskRun> ran = runs.stream().filter(run -> run.took() != null)
                .sorted(Comparator.comparing(TaskRun::start).thenComparing(run -> order.get(run.id()))).toList();
        List<Instant> freeAt = new ArrayList<>();
        Map<String, Integer> lanes = new LinkedHashMap<>();
        Duration busy = Duration.ZERO;
        for (TaskRun run : ran) {
            int lane = 0;
            while (lane < freeAt.size() && freeAt.get(lane).isAfter(run.start())) {
                lane++;
            }
            if (lane == freeAt.size()) {
                freeAt.add(run.end());
            } else {
                freeAt.set(lane, run.end());
            }
            lanes.put(run.id(), lane);
            busy = busy.plus(run.took());
        }
        return new Lanes(lanes, freeAt.size(), busy);
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
