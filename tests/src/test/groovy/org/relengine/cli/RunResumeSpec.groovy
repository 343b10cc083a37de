package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** What `run --resume` continues, and what it says when there is nothing to continue. */
class RunResumeSpec extends Specification {

    @TempDir
    Path root

    def "with no earlier compose of the release there is nothing to resume: exit 1, where it looked, nothing written"() {
        when:
        def run = Cli.run('run', Cli.RECIPES.resolve('rocky9.groovy').toString(), '--root', root.toString(),
                '--executor', 'local', '--resume')

        then:
        run.exitCode == 1
        run.stderr == "relengine: nothing to resume: there is no compose $root/compose/9/Rocky-9.7-YYYYMMDD.HHMMSS " +
                'with a journal\n  hint: run without --resume to start one\n'
        Files.list(root).toList() == []
    }

    def "a full run into a compose that exists is refused, with the hint to resume it"() {
        given:
        Files.createDirectories(root.resolve('compose/9/Rocky-9.7-20261126.010203'))

        when:
        def run = Cli.run('run', Cli.RECIPES.resolve('rocky9.groovy').toString(), '--root', root.toString(),
                '--executor', 'local', '--only', 'compose', '--date-stamp', '20261126.010203')

        then:
        run.exitCode == 1
        run.stderr == "relengine: $root/compose/9/Rocky-9.7-20261126.010203 exists already; a full run makes a new " +
                'compose\n  hint: give --resume to continue it\n'
    }

    def "--timeout takes minutes or a duration, and says what it takes otherwise"() {
        when:
        def run = Cli.run('run', Cli.RECIPES.resolve('rocky9.groovy').toString(), '--timeout', '30x', '--dry-run')

        then:
        run.exitCode == 64
        run.stderr == "relengine: Invalid value for option '--timeout': `30x` is not a duration: give minutes (120) " +
                "or a number with s, m or h (90s, 30m, 2h)\nTry 'relengine run --help' for more information.\n"
    }

    def "--jobs #jobs is refused on #command before anything runs, saying what it takes"() {
        when:
        def run = Cli.run(command, *(command == 'run' ? [Cli.RECIPES.resolve('rocky9.groovy').toString(), '--dry-run'] : []),
                '--jobs', jobs)

        then:
        run.exitCode == 64
        run.stderr == "relengine: Invalid value for option '--jobs': `$jobs` is not a number of tasks: give 1 to 1024\n" +
                "Try 'relengine $command --help' for more information.\n"

        where:
        command | jobs
        'run'   | '0'
        'run'   | '-2'
        'run'   | 'many'
        'demo'  | '0'
        'demo'  | '10000'
    }
}
