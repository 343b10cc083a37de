package org.relengine.steps.dnf

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A dnf task first removes the cache locks of dnf processes that no longer run: dnf itself waits for ever on a
 * lock whose pid still shows in /proc, as a killed dnf that nothing reaped does.
 */
class DnfLocksSpec extends Specification {

    @TempDir
    Path cache

    static <T> T waitFor(Closure<T> condition) {
        long deadline = System.currentTimeMillis() + 10_000
        T found
        while (!(found = condition())) {
            assert System.currentTimeMillis() < deadline
            Thread.sleep(10)
        }
        found
    }

    String release() {
        StringWriter text = new StringWriter()
        new PrintWriter(text).withCloseable { DnfLocks.releaseDead(cache, it) }
        text.toString()
    }

    def "a lock of a dnf that is gone is removed, and says so in the task's log"() {
        given:
        Process gone = new ProcessBuilder('true').start()
        gone.waitFor()
        Files.writeString(cache.resolve('metadata_lock.pid'), "${gone.pid()}")

        when:
        String log = release()

        then:
        !Files.exists(cache.resolve('metadata_lock.pid'))
        log == "removed ${cache.resolve('metadata_lock.pid')}: dnf process ${gone.pid()} no longer runs\n".toString()
    }

    def "a lock of a dnf that was killed and never reaped (a zombie) is removed"() {
        given: 'a sleep whose parent became another sleep, which never waits for it'
        Process parent = new ProcessBuilder('sh', '-c', 'sleep 0.2 & exec sleep 60').start()
        ProcessHandle zombie = waitFor { parent.descendants().findFirst().orElse(null) }
        waitFor { Files.readString(Path.of("/proc/${zombie.pid()}/stat")).contains(') Z ') }
        Files.writeString(cache.resolve('download_lock.pid'), "${zombie.pid()}")

        when:
        release()

        then:
        !Files.exists(cache.resolve('download_lock.pid'))

        cleanup:
        parent?.destroyForcibly()
    }

    def "a lock of a dnf that runs, an empty lock being taken, and other files are left alone"() {
        given:
        Files.writeString(cache.resolve('metadata_lock.pid'), "${ProcessHandle.current().pid()}")
        Files.writeString(cache.resolve('download_lock.pid'), '')
        Files.writeString(cache.resolve('BaseOS-x86_64.solv'), 'x')

        when:
        String log = release()

        then:
        Files.list(cache).map { it.fileName.toString() }.sorted().toList() ==
                ['BaseOS-x86_64.solv', 'download_lock.pid', 'metadata_lock.pid']
        log == ''
    }

    def "a cache that does not exist yet has nothing to release"() {
        when:
        StringWriter text = new StringWriter()
        DnfLocks.releaseDead(cache.resolve('none'), new PrintWriter(text))

        then:
        text.toString() == ''
        !Files.exists(cache.resolve('none'))
    }
}
