package org.relengine.effects;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.relengine.net.Wait;

/**
 * How long each task of a run may take, and what it waits for. A task has {@code --timeout} from its start
 * (and again from each retry): its commands and relengine's own reads from the network (a repository's
 * repomd.xml, a build result, a cloud image) all count against it. What a task waits for goes into its log
 * and, through the scheduler, to the run's progress.
 */
public final class TaskWaits {

    /** A line about what a running task waits for. */
    public record Notice(String task, String detail) {
    }

    /** A wait is logged when it starts and then at most this often; the progress display hears each. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private final Duration timeout;
    private final BiConsumer<String, String> log;
    private final Map<String, Instant> starts = new ConcurrentHashMap<>();
    private final Map<String, Instant> logged = new ConcurrentHashMap<>();
    private final Map<String, String> last = new ConcurrentHashMap<>();
    private final Queue<Notice> notices = new ConcurrentLinkedQueue<>();
    private volatile String stopped;

    /** @param log writes a line into a task's log */
    public TaskWaits(Duration timeout, BiConsumer<String, String> log) {
        this.timeout = timeout;
        this.log = log;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The task starts now, or starts again (a retry): its timeout counts from now. */
    public void start(String task) {
        starts.put(task, Instant.now());
        last.remove(task);
        logged.remove(task);
    }

    /** What is left of the task's timeout; zero or less when it ran out. */
    public Duration left(String task) {
        Instant start = starts.get(task);
        return start == null ? timeout : Duration.between(Instant.now(), start.plus(timeout));
    }

    /** What the task waited for last, or null: to say where its time went when it ran out. */
    public String last(String task) {
        return last.get(task);
    }

    /** The run is ending: every read still waiting gives up, saying {@code why}. */
    public void stop(String why) {
        stopped = why;
    }

    /** The notices since the last call, oldest first. */
    public List<Notice> drain() {
        List<Notice> drained = new ArrayList<>();
        for (Notice notice; (notice = notices.poll()) != null; ) {
            drained.add(notice);
        }
        return drained;
    }

    /** The wait of one task's reads. */
    public Wait of(String task) {
        return new Wait() {
            @Override
            public Instant deadline() {
                return starts.getOrDefault(task, Instant.now()).plus(timeout);
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public void tell(String detail) {
                last.put(task, detail);
                notices.add(new Notice(task, detail));
                Instant now = Instant.now();
                Instant before = logged.get(task);
                if (before == null || Duration.between(before, now).compareTo(LOG_EVERY) >= 0) {
                    logged.put(task, now);
                    log.accept(task, "relengine: " + detail);
                }
            }

            @Override
            public String last() {
                return last.get(task);
            }

            @Override
            public String stopped() {
                return stopped;
            }
        };
    }
}
