package org.relengine.exec

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.Future
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A lock names its holder; a live holder is never overridden; a holder that no longer runs on this host (its
 * pid is gone, or now belongs to a process that started at another time) is taken over, and the run says so in
 * one line; a holder on another host cannot be checked from here, and is taken over only with --break-lock. Of
 * runs racing to take over one stale lock, one wins and the others are refused naming it. The holders are real
 * processes: `sleep` killed for one that is gone, `sleep` running or this JVM for one that runs.
 */
class RunLockSpec extends Specification {

    static final String STARTED = '2026-11-26T05:00:00Z'

    @TempDir
    Path dir

    Path file

    def setup() {
        file = dir.resolve('work/lock')
        Files.createDirectories(file.parent)
    }

    def "a lock names its holder, refuses a second taker while the holder lives, and is gone once released"() {
        given:
        Process holder = new ProcessBuilder('sleep', '60').start()
        lockedBy(holder.pid(), RunLock.host(), holder.info().startInstant().get(), 'relengine run rocky9.groovy')

        when:
        RunLock.acquire(file, 'the compose /c', 'relengine run again', true)

        then: 'even --break-lock leaves a live holder alone'
        def e = thrown(RunLock.Locked)
        e.message == "the compose /c is locked by pid ${holder.pid()} on ${RunLock.host()} since $STARTED " +
                '(relengine run rocky9.groovy)'
        e.hint() == 'wait for that run to finish, or stop it; nothing was changed'
        !e.stale()
        RunLock.read(file).pid() == holder.pid()

        when:
        Files.delete(file)
        RunLock lock = RunLock.acquire(file, 'the compose /c', 'relengine demo', false)

        then:
        lock.takeover().empty
        RunLock.read(file) == new RunLock.Holder(ProcessHandle.current().pid(), RunLock.host(),
                RunLock.read(file).started(), ProcessHandle.current().info().startInstant().get(), 'relengine demo')

        when:
        lock.close()

        then:
        files() == []

        cleanup:
        holder.destroy()
    }

    def "a lock whose holder no longer runs on this host is taken over without being asked, and the run says so"() {
        given:
        def (long pid, Instant start) = deadProcess()
        lockedBy(pid, RunLock.host(), start, 'relengine demo --out /tmp/d')

        when:
        RunLock lock = RunLock.acquire(file, 'the compose /c', 'relengine demo --out /tmp/d --resume', false)

        then:
        lock.takeover().get().notice([lock.what()]) == "took over the lock of pid $pid on ${RunLock.host()}, " +
                "which no longer runs (started $STARTED, relengine demo --out /tmp/d): the compose /c"
        RunLock.read(file).pid() == ProcessHandle.current().pid()
        RunLock.read(file).command() == 'relengine demo --out /tmp/d --resume'

        when:
        lock.close()

        then: 'neither the takeover guard nor a temporary file is left'
        files() == []
    }

    def "a holder killed before its parent reaped it (a zombie, which the JDK counts alive) no longer runs"() {
        given: 'a sleep whose parent became another sleep, which never waits for it'
        Process parent = new ProcessBuilder('sh', '-c', 'sleep 0.2 & exec sleep 60').start()
        ProcessHandle zombie = waitFor { parent.descendants().findFirst().orElse(null) }
        Instant start = zombie.info().startInstant().get()
        waitFor { Files.readString(Path.of("/proc/${zombie.pid()}/stat")).contains(') Z ') }
        lockedBy(zombie.pid(), RunLock.host(), start, 'relengine demo')

        when:
        RunLock lock = RunLock.acquire(file, 'the compose /c', 'relengine demo --resume', false)

        then:
        zombie.alive
        lock.takeover().get().why() == 'which no longer runs'

        cleanup:
        lock?.close()
        parent.destroy()
    }

    def "a live process that started at another time has reused the holder's pid: the lock is taken over (#who)"() {
        given:
        Process sleeping = new ProcessBuilder('sleep', '60').start()
        ProcessHandle process = who == 'a sleep' ? sleeping.toHandle() : ProcessHandle.current()
        lockedBy(process.pid(), RunLock.host(), process.info().startInstant().get() - earlier, 'relengine demo')

        when:
        RunLock lock = RunLock.acquire(file, 'the compose /c', 'relengine demo --resume', false)

        then:
        lock.takeover().get().notice([lock.what()]) == "took over the lock of pid ${process.pid()} on " +
                "${RunLock.host()}, which no longer runs (its pid is another process's now) (started $STARTED, " +
                'relengine demo): the compose /c'
        RunLock.read(file).command() == 'relengine demo --resume'
        process.alive

        cleanup:
        lock?.close()
        sleeping.destroy()

        where:
        who          | earlier
        'a sleep'    | Duration.ofMillis(90_500)
        'this JVM'   | Duration.ofMillis(1_250)
        'a sleep'    | Duration.ofMillis(10)
    }

    def "the holder's start read whole seconds off is the same process (JVMs read the boot time to the second): #off s"() {
        given:
        Process holder = new ProcessBuilder('sleep', '60').start()
        lockedBy(holder.pid(), RunLock.host(), holder.info().startInstant().get() + Duration.ofSeconds(off), null)

        when:
        RunLock.acquire(file, 'the compose /c', null, true)

        then:
        def e = thrown(RunLock.Locked)
        e.message == "the compose /c is locked by pid ${holder.pid()} on ${RunLock.host()} since $STARTED"

        cleanup:
        holder.destroy()

        where:
        off << [1, -1, 3600]
    }

    def "a start time compares to the millisecond within the second, whatever the seconds: #recorded vs #observed"() {
        expect:
        Liveness.sameStart(Instant.parse(recorded), Instant.parse(observed)) == same

        where:
        recorded                   | observed                   || same
        '2026-11-26T05:00:00.230Z' | '2026-11-26T05:00:00.230Z' || true
        '2026-11-26T05:00:00.230Z' | '2026-11-26T05:00:01.230Z' || true
        '2026-11-26T05:00:01.230Z' | '2026-11-26T05:00:00.230Z' || true
        '2026-11-26T05:00:00.230Z' | '2026-11-26T07:13:20.230Z' || true
        '2026-11-26T05:00:00.230Z' | '2026-11-26T05:00:00.230999Z' || true
        '2026-11-26T05:00:00.230Z' | '2026-11-26T05:00:00.240Z' || false
        '2026-11-26T05:00:00.230Z' | '2026-11-26T05:00:00.220Z' || false
        '2026-11-26T05:00:00.990Z' | '2026-11-26T05:00:01.000Z' || false
        '2026-11-26T05:00:00.000Z' | '2026-11-26T04:59:59.990Z' || false
    }

    def "without a recorded start, a live pid is taken for the holder"() {
        given:
        Process holder = new ProcessBuilder('sleep', '60').start()
        Files.writeString(file, """{"pid":${holder.pid()},"host":"${RunLock.host()}","started":"$STARTED"}""")

        when:
        RunLock.acquire(file, 'the compose /c', null, false)

        then:
        def e = thrown(RunLock.Locked)
        e.message == "the compose /c is locked by pid ${holder.pid()} on ${RunLock.host()} since $STARTED"

        cleanup:
        holder.destroy()
    }

    def "a lock held on another host cannot be checked: refused, and taken over only with --break-lock"() {
        given:
        Files.writeString(file, """{"pid":4242,"host":"build-07.example.org","started":"$STARTED"}""")

        when:
        RunLock.acquire(file, 'the production target /p', null, false)

        then:
        def e = thrown(RunLock.Locked)
        e.message == "the production target /p is locked by pid 4242 on build-07.example.org since $STARTED; " +
                'relengine cannot tell from here whether it still runs'
        e.hint() == "if it does not, give --break-lock to take the lock over ($file)"
        !e.stale()
        RunLock.read(file).host() == 'build-07.example.org'

        when:
        RunLock lock = RunLock.acquire(file, 'the production target /p', 'relengine run r.groovy', true)

        then:
        lock.takeover().get().notice([lock.what()]) == 'took over the lock of pid 4242 on build-07.example.org, ' +
                "which relengine cannot check from this host, as --break-lock asks (started $STARTED): " +
                'the production target /p'
        RunLock.read(file).host() == RunLock.host()

        cleanup:
        lock?.close()
    }

    def "a lock file left empty by a crash is stale: refused, and taken over only with --break-lock"() {
        given:
        Files.writeString(file, '')

        when:
        RunLock.acquire(file, 'the compose /c', null, false)

        then:
        def e = thrown(RunLock.Locked)
        e.message == 'the compose /c has a stale lock: a lock file without a readable holder'
        e.hint() == "give --break-lock to take it over ($file)"
        e.stale()

        when:
        RunLock lock = RunLock.acquire(file, 'the compose /c', null, true)

        then:
        lock.takeover().get().notice([lock.what()]) ==
                'took over a lock file without a readable holder, as --break-lock asks: the compose /c'

        cleanup:
        lock?.close()
    }

    def "one line names everything a run held, whenever it took each lock"() {
        given:
        def holder = new RunLock.Holder(20674, 'vm', Instant.parse(STARTED), null, 'relengine demo --out /tmp/d')
        def later = new RunLock.Holder(20674, 'vm', Instant.parse(STARTED) + Duration.ofMillis(30), null,
                'relengine demo --out /tmp/d')

        expect:
        new RunLock.Takeover(holder, 'which no longer runs').notice(['the compose /c', 'the staging target /s']) ==
                "took over the locks of pid 20674 on vm, which no longer runs (started $STARTED, " +
                'relengine demo --out /tmp/d): the compose /c, the staging target /s'
        new RunLock.Takeover(holder, 'which no longer runs').ofRun() ==
                new RunLock.Takeover(later, 'which no longer runs').ofRun()
    }

    def "runs racing to take over one stale lock: one wins, the others are refused naming it (round #round)"() {
        given:
        def (long pid, Instant start) = deadProcess()
        lockedBy(pid, RunLock.host(), start, 'relengine demo')
        int runs = 4
        CountDownLatch go = new CountDownLatch(1)
        def pool = Executors.newFixedThreadPool(runs)

        when:
        List<Future> results = (1..runs).collect { int run ->
            pool.submit({
                go.await()
                try {
                    RunLock.acquire(file, 'the compose /c', "relengine demo --resume #$run", false)
                } catch (RunLock.Locked e) {
                    e
                }
            } as Callable)
        }
        go.countDown()
        List outcomes = results*.get()
        List<RunLock> won = outcomes.findAll { it instanceof RunLock }
        List<RunLock.Locked> refused = outcomes.findAll { it instanceof RunLock.Locked }
        RunLock.Holder winner = RunLock.read(file)

        then:
        won.size() == 1
        won[0].takeover().get().from().pid() == pid
        winner.command() == "relengine demo --resume #${(1..runs).find { outcomes[it - 1] instanceof RunLock }}"
        refused.size() == runs - 1
        refused*.message.unique() == ["the compose /c is already locked by this process: ${winner.describe()}"]
        files() == [file]

        when:
        won[0].close()

        then:
        files() == []

        cleanup:
        pool.shutdownNow()

        where:
        round << (1..50)
    }

    def "a run that read the stale holder before another run took the lock over leaves that run's lock"() {
        given: 'the stale holder, read; then another run takes the lock over'
        def (long pid, Instant start) = deadProcess()
        lockedBy(pid, RunLock.host(), start, 'relengine demo')
        RunLock.Holder stale = RunLock.read(file)
        RunLock other = RunLock.acquire(file, 'the compose /c', 'relengine demo --resume', false)
        Path mine = partial('relengine demo --resume too')

        when:
        def replacement = RunLock.replaceStale(file, stale, mine)

        then:
        replacement == RunLock.Replacement.CHANGED
        RunLock.read(file).command() == 'relengine demo --resume'
        Files.exists(mine)

        when: 'the next look finds the new holder'
        RunLock.acquire(file, 'the compose /c', 'relengine demo --resume too', false)

        then:
        def e = thrown(RunLock.Locked)
        e.message == "the compose /c is already locked by this process: ${RunLock.read(file).describe()}"

        cleanup:
        other.close()
    }

    def "while another run holds the takeover guard the stale lock is left to it; a guard left by a killed run is taken over"() {
        given:
        def (long pid, Instant start) = deadProcess()
        lockedBy(pid, RunLock.host(), start, 'relengine demo')
        RunLock.Holder stale = RunLock.read(file)
        Path guard = dir.resolve('work/lock.takeover')
        Process taker = new ProcessBuilder('sleep', '60').start()
        Files.writeString(guard, """{"pid":${taker.pid()},"host":"${RunLock.host()}","started":"$STARTED",""" +
                """"processStart":"${taker.info().startInstant().get()}"}""")
        Path mine = partial('relengine demo --resume')

        expect:
        RunLock.replaceStale(file, stale, mine) == RunLock.Replacement.BUSY
        RunLock.read(file) == stale

        when: 'the run taking it over is killed in the middle'
        taker.destroy()
        taker.waitFor()

        then:
        RunLock.replaceStale(file, stale, mine) == RunLock.Replacement.REPLACED
        RunLock.read(file).command() == 'relengine demo --resume'
        files() == [file]

        cleanup:
        taker.destroy()
    }

    def "publish targets are locked outside what mirrors copy: #target"() {
        expect:
        RunLock.forTarget(target) == Path.of(lock)

        where:
        target                                        || lock
        '/mnt/repos-production/mirror/pub/rocky/9.7'  || '/mnt/repos-production/.relengine/locks/mirror_pub_rocky_9.7.lock'
        '/mnt/repos-staging/mirror/pub/rocky/9.7-RC2' || '/mnt/repos-staging/.relengine/locks/mirror_pub_rocky_9.7-RC2.lock'
        '/srv/elsewhere/9.7'                          || '/srv/elsewhere/.relengine/locks/9.7.lock'
    }

    // ------------------------------------------------------------------ helpers

    private void lockedBy(long pid, String host, Instant processStart, String command) {
        Files.writeString(file, """{"pid":$pid,"host":"$host","started":"$STARTED",""" +
                """"processStart":"$processStart",""" + (command == null ? '"command":null}' : """"command":"$command"}"""))
    }

    /** A lock file as a run writes it before it links it into place, naming this process. */
    private Path partial(String command) {
        Path partial = dir.resolve("work/lock.${command.hashCode()}.part")
        Files.writeString(partial, """{"pid":${ProcessHandle.current().pid()},"host":"${RunLock.host()}",""" +
                """"started":"${Instant.now()}","command":"$command"}""")
        partial
    }

    /** The pid and start of a process that ran and was killed. */
    private static List deadProcess() {
        Process process = new ProcessBuilder('sleep', '60').start()
        Instant start = process.info().startInstant().get()
        process.destroyForcibly()
        process.waitFor()
        [process.pid(), start]
    }

    private static <T> T waitFor(Closure<T> condition) {
        long deadline = System.currentTimeMillis() + 10_000
        T found
        while (!(found = condition())) {
            assert System.currentTimeMillis() < deadline
            Thread.sleep(10)
        }
        found
    }

    private List<Path> files() {
        Files.list(file.parent).withCloseable { it.sorted().toList() }
    }
}
