package org.relengine.steps.extrafiles

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.util.concurrent.CopyOnWriteArrayList
import org.relengine.plan.spi.TaskFailure
import org.relengine.net.Wait
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The clone of the extra files' git repository is bounded by its task's timeout, as every wait of a run is: a
 * server on loopback that accepts connections and never says a byte fails the fetch within the timeout, naming
 * the URL and what the clone waited for, and the task's log hears what it waits for while it lasts.
 */
class ExtraFilesFetchSpec extends Specification {

    @TempDir
    Path dir

    /** Accepts every connection and says nothing, until the spec ends. */
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
    List<Socket> held = Collections.synchronizedList([])

    /** What the fetch told its task's log it waits for. */
    List<String> told = new CopyOnWriteArrayList<>()

    def setup() {
        Thread.startDaemon('silent-git-server') {
            while (!silent.closed) {
                try {
                    held << silent.accept()
                } catch (SocketException ignored) {
                    return
                }
            }
        }
    }

    def cleanup() {
        silent.close()
        held.each { it.close() }
    }

    /** The wait of a task whose timeout is {@code timeout}, started now. */
    Wait task(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout)
        new Wait() {
            Instant deadline() { deadline }

            Duration timeout() { timeout }

            void tell(String detail) { told << detail }
        }
    }

    def "a git server that accepts and never answers fails the fetch within the task's timeout of #seconds s, naming the URL and what it waited for"() {
        given:
        String url = "http://127.0.0.1:${silent.localPort}/mini-release.git"

        when:
        long start = System.nanoTime()
        ExtraFilesFetch.fetch(url, 'm9', ['EULA'], dir.resolve('into'), dir.resolve('metadata'),
                dir.resolve('record.json'), dir.resolve('scratch'), task(Duration.ofSeconds(seconds)))

        then:
        TaskFailure failure = thrown()
        double took = (System.nanoTime() - start) / 1e9
        failure.message == "cannot fetch the extra files from $url at m9: the task's timeout (${seconds}.0 s) ran out " +
                "while cloning it (connecting: waiting for the server's answer)"
        took >= seconds - 0.5
        took < seconds + 5
        !Files.exists(dir.resolve('scratch'))
        !Files.exists(dir.resolve('record.json'))

        and: 'while it waited, the log heard what for, every few seconds'
        told.size() >= 1
        told.every { it == "cloning $url (connecting)".toString() }

        where:
        seconds << [6]
    }
}
