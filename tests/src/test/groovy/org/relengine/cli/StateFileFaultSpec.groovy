package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A state file of the compose that cannot be written (its {@code work/plan.json}, its {@code STATUS}, its journal), run as
 * processes: a directory stands in the way, as it would whatever user runs the specs (root included). The run
 * stops with exit 3, one line naming the file and a hint, never a stack trace or an internal error; the directory
 * is left as it was, and once it is removed, {@code --resume} runs the compose to its end.
 *
 * <p>The compose is of the small recipe, its source a port nothing listens on: its syncs fail at once (there is
 * no package server, and no dnf need be installed), so every run ends with exit 3 and the compose DOOMED; what
 * the spec looks at is how far each run gets and what it says.
 */
class StateFileFaultSpec extends Specification {

    static final Path MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')
    static final String STAMP = '20261205.101010'

    @TempDir
    Path root

    Path compose

    def setup() {
        compose = root.resolve("compose/9/Mini-9.1-$STAMP")
    }

    Cli.Result run(String... more) {
        Cli.run([dir: root, timeout: 300], *(['run', MINI.toString(), '--executor', 'local', '--only', 'compose',
                '--arch', 'x86_64', '--skip-debug', '--root', root.toString(), '--source',
                'http://127.0.0.1:9/v1/projects', '--date-stamp', STAMP] + (more as List<String>)))
    }

    def "a directory standing at the compose's #file: exit 3, the file named with a hint, and a resume once it is gone runs to the end"() {
        given: 'a first run that made the compose, and then a directory (not empty) at the state file'
        def first = run()
        assert first.exitCode == 3 && Files.readString(compose.resolve('STATUS')) == 'DOOMED\n'
        Path path = compose.resolve(file)
        Files.delete(path)
        Files.createDirectories(path.resolve('kept'))

        when:
        def stopped = run('--resume')
        List<String> said = (stopped.stdoutLines + stopped.stderrLines).findAll {
            it.startsWith('relengine: ') || it.startsWith('  hint: ')
        }

        then:
        stopped.exitCode == 3
        stopped.stackTraceMarkers == []
        !stopped.stdout.contains('internal error') && !stopped.stderr.contains('internal error')
        said.any { it ==~ /relengine: (the run stopped: )?cannot write \Q$path\E: Is a directory(; \d+ tasks? (was|were) not started)?/ }
        said.contains(("  hint: remove the directory that stands at $path, then continue the compose with --resume " +
                '(the tasks whose end could not be recorded run again)').toString())
        Files.isDirectory(path.resolve('kept'))

        when: 'the directory is removed'
        Files.delete(path.resolve('kept'))
        Files.delete(path)
        def resumed = run('--resume')

        then: 'the run goes on to its end: the tasks that cannot run fail, and both state files are written'
        resumed.exitCode == 3
        resumed.stackTraceMarkers == []
        !resumed.stdout.contains('the run stopped')
        resumed.stdoutLines.contains("relengine: compose Mini-9.1-$STAMP is DOOMED".toString())
        Files.readString(compose.resolve('STATUS')) == 'DOOMED\n'
        new JsonSlurper().parse(compose.resolve('work/plan.json').toFile()).schema == 'relengine.plan/1'

        where:
        file << ['work/plan.json', 'STATUS', 'work/journal']
    }
}
