package org.relengine.cli

import spock.lang.Specification

class QuietThreadsSpec extends Specification {

    def "what JGit's upload-pack thread prints is dropped; every other thread's output passes"() {
        given:
        def bytes = new ByteArrayOutputStream()
        def err = new PrintStream(new QuietThreads(bytes), true, 'UTF-8')

        when:
        def jgit = Thread.start('JGit-Upload-Pack') { new IOException('Pipe closed').printStackTrace(err) }
        jgit.join()
        def other = Thread.start('relengine-task') { err.println('WARN some.library: a warning') }
        other.join()

        then:
        bytes.toString('UTF-8') == 'WARN some.library: a warning\n'
    }
}
