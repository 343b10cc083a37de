package org.relengine.exec

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A lock names its holder; a live holder is never overridden; a holder that is gone leaves a stale lock that
 * is reported and broken only when asked; a holder on another host cannot be checked from here.
 */
class RunLockSpec extends Specification {

    @TempDir
    Path dir

    def "a lock names its holder, refuses a second taker while the holder lives, and is gone once released"() {
        given:
        Path file = dir.resolve('work/lock')
        Process holder = new ProcessBuilder('sleep', '60').start()
        Files.createDirectories(file.parent)
        Files.writeString(file, """{"pid":${holder.pid()},"host":"${RunLock.host()}","started":"2026-11-26T05:00:00Z",""" +
                """"processStart":"${holder.info().startInstant().get()}","command":"relengine run rocky9.groovy"}""")

        when:
        RunLock.acquire(file, 'the compose /c', 'relengine run again', true)

        then: 'even --break-lock leaves a live holder alone'
        def e = thrown(RunLock.Locked)
        e.message == "the compose /c is locked by pid ${holder.pid()} on ${RunLock.host()} since 2026-11-26T05:00:00Z " +
                '(relengine run rocky9.groovy)'
        e.hint() == 'wait for that run to finish, or stop it; nothing was changed'
        !e.stale()
        RunLock.read(file).pid() == holder.pid()

        cleanup:
        holder.destroy()
    }

    def "a lock whose holder died is stale: reported with its holder, and taken over only with breakStale"() {
        given:
        Path file = dir.resolve('lock')
        Process gone = new ProcessBuilder('true').start()
        gone.waitFor()
        Files.writeString(file, """{"pid":${gone.pid()},"host":"${RunLock.host()}","started":"2026-11-26T05:00:00Z"}""")

        when:
        RunLock.acquire(file, 'the compose /c', null, false)

        then:
        def e = thrown(RunLock.Locked)
        e.message == "the compose /c has a stale lock: pid ${gone.pid()} on ${RunLock.host()} since 2026-11-26T05:00:00Z, " +
                'which no longer runs'
        e.hint() == "give --break-lock to take it over ($file)"
        e.stale()

        when:
        RunLock lock = RunLock.acquire(file, 'the compose /c', 'relengine demo', true)

        then:
        lock.broken().get().pid() == gone.pid()
        RunLock.read(file).pid() == ProcessHandle.current().pid()
        RunLock.read(file).command() == 'relengine demo'

        when:
        lock.close()

        then:
        !Files.exists(file)
        Files.list(dir).toList() == []
    }

    def "a lock held on another host cannot be checked: refused, with the way to take it over"() {
        given:
        Path file = dir.resolve('lock')
        Files.writeString(file, '{"pid":4242,"host":"build-07.example.org","started":"2026-11-26T05:00:00Z"}')

        when:
        RunLock.acquire(file, 'the production target /p', null, false)

        then:
        def e = thrown(RunLock.Locked)
        e.message == 'the production target /p is locked by pid 4242 on build-07.example.org since ' +
                '2026-11-26T05:00:00Z; relengine cannot tell from here whether it still runs'
        e.hint() == "if it does not, give --break-lock to take the lock over ($file)"
    }

    def "a lock file left empty by a crash is stale"() {
        given:
        Path file = dir.resolve('lock')
        Files.writeString(file, '')

        when:
        RunLock.acquire(file, 'the compose /c', null, false)

        then:
        def e = thrown(RunLock.Locked)
        e.message == 'the compose /c has a stale lock: a lock file without a readable holder'
        e.stale()
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
}
