package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import org.relengine.exec.RunLock
import spock.lang.Specification
import spock.lang.TempDir

/** A run refused because another holds what it needs changes nothing: no compose, no new server port. */
class RefusedRunSpec extends Specification {

    @TempDir
    Path out

    def "a demo refused by a held staging target leaves no compose and keeps the port an earlier demo resumes on"() {
        given: 'an earlier demo recorded its port, and a live run holds the staging target'
        Files.writeString(out.resolve('.demo-server-port'), '4711\n')
        String staging = out.resolve('staging/mirror/pub/rocky/9.7-RC2').toString()
        RunLock held = RunLock.acquire(RunLock.forTarget(staging), 'the staging target ' + staging, 'relengine run other',
                false)

        when:
        def demo = Cli.run([env: DemoSpec.ENV, timeout: 600], 'demo', '--executor', 'local', '--out', out.toString())

        then:
        demo.exitCode == 1
        demo.stackTraceMarkers == []
        demo.stderr.contains("the staging target $staging".toString())
        Files.readString(out.resolve('.demo-server-port')) == '4711\n'
        !Files.exists(out.resolve('compose'))

        cleanup:
        held?.close()
    }
}
