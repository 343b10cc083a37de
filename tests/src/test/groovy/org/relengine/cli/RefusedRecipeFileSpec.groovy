package org.relengine.cli

import static org.relengine.cli.Cli.Result.diagnosticLines

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What relengine reads as a recipe, run as a process: only regular *.groovy files of bounded size, the recipe
 * named on the command line and every include alike. Anything else is one R100 error naming the file, at the
 * include statement that names it, with a hint and exit code 1; never a hang, never a stack trace, and nothing
 * of the refused file in the output. {@code apply} shows nothing of the file a plan names until the file's hash
 * is the one the plan recorded.
 */
class RefusedRecipeFileSpec extends Specification {

    static final String SECRET = 'hunter2-do-not-print'

    @TempDir
    Path dir

    Cli.Result relengine(String... args) {
        // a secret in the environment: /proc/self/environ would show it
        Cli.run([dir: dir, timeout: 30, env: [RELENGINE_SPEC_SECRET: SECRET]], args)
    }

    /** A site recipe including {@code base.groovy}, its include statement on line 2, the path at column 9. */
    Path site() {
        Cli.writeRecipe(dir, 'site.groovy', "// the site's release\ninclude 'base.groovy'\n")
    }

    /**
     * A FIFO no one writes to: a reader that opened it would wait for ever. After a few seconds the spec opens it
     * for reading and writing (which never blocks) and closes it, so that such a reader sees an empty file and
     * the spec fails on its expectations instead of on the process's timeout.
     */
    static Path fifo(Path path) {
        assert ['mkfifo', path.toString()].execute().waitFor() == 0
        Thread.startDaemon('unblock ' + path) {
            sleep(8000)
            try {
                new RandomAccessFile(path.toFile(), 'rw').close()
            } catch (IOException ignored) {
                // the spec is over and its directory gone
            }
        }
        path
    }

    def "an include that is a FIFO is refused at its include statement"() {
        given:
        site()
        fifo(dir.resolve('base.groovy'))

        when:
        def result = relengine('validate', 'site.groovy')

        then:
        result.exitCode == 1
        result.stdoutLines == [
                'site.groovy:2:9: error: cannot read recipe `base.groovy`: it is a FIFO (named pipe) [R100]',
                "1 | // the site's release",
                "2 | include 'base.groovy'",
                '  |         ^~~~~~~~~~~~~',
                '  = hint: a recipe is read from a regular file: save its text in one',
                '',
                'site.groovy: 1 error',
        ]
        result.stderr == ''
    }

    def "an include that is #what is refused at its include statement, nothing of it printed"() {
        given:
        site()
        make(dir.resolve('base.groovy'))

        when:
        def result = relengine('validate', 'site.groovy')

        then:
        result.exitCode == 1
        // the process id in a path of /proc is the process's own
        diagnosticLines(result.stdout)*.replaceAll(/\/proc\/\d+\//, '/proc/PID/') ==
                ["site.groovy:2:9: error: cannot read recipe `base.groovy`: $reason [R100]".toString()]
        result.stdoutLines.find { it.startsWith('  = hint: ') } == "  = hint: $hint".toString()
        result.stdoutLines.last() == 'site.groovy: 1 error'
        result.stderr == ''
        result.stackTraceMarkers == []
        !result.stdout.contains(SECRET)
        !result.stdout.contains('root:')

        where:
        what                         | make                                                              || reason                                                                     | hint
        'a link to /dev/zero'        | { Path p -> Files.createSymbolicLink(p, Path.of('/dev/zero')) }   || 'it is a link to /dev/zero, which is a character device'                   | 'a recipe is read from a regular file: save its text in one'
        'a link to /etc/passwd'      | { Path p -> Files.createSymbolicLink(p, Path.of('/etc/passwd')) } || 'it is a link to /etc/passwd, which is not a recipe (*.groovy)'            | 'a link read as a recipe must lead to a recipe file (*.groovy)'
        'a link to /proc/self/environ' | { Path p -> Files.createSymbolicLink(p, Path.of('/proc/self/environ')) } || 'it is a link to /proc/PID/environ, which is a file of /proc or /sys, which the kernel makes up as it is read' | 'a recipe is read from a regular file: save its text in one'
        'a directory'                | { Path p -> Files.createDirectory(p) }                            || 'it is a directory'                                                        | 'name a recipe file (*.groovy) in it'
        'larger than 1 MiB'          | { Path p -> Files.write(p, ('//' + 'x' * (1 << 20) + '\n').bytes) } || 'it is larger than 1 MiB, more than any recipe'                          | 'check that this is the recipe meant; a recipe is a few kilobytes of declarations'
    }

    def "#command of a recipe that is a FIFO: exit 1, refused at its line 1, column 1"() {
        given:
        fifo(dir.resolve('fifo.groovy'))

        when:
        def result = relengine(command, 'fifo.groovy')
        String report = command == 'validate' ? result.stdout : result.stderr

        then:
        result.exitCode == 1
        diagnosticLines(report) == ['fifo.groovy:1:1: error: cannot read recipe `fifo.groovy`: it is a FIFO (named pipe) [R100]']
        result.stackTraceMarkers == []

        where:
        command << ['validate', 'show', 'plan']
    }

    /** A plan made from a copy of rocky9.groovy, saved as plan.json, with {@code edit} applied to its JSON. */
    void tamperedPlan(Closure edit) {
        Cli.copyRecipe(dir, 'rocky9.groovy')
        assert relengine('plan', 'rocky9.groovy', '--date-stamp', '20251111.154233', '--out', 'plan.json').exitCode == 2
        Map plan = new JsonSlurper().parse(dir.resolve('plan.json').toFile(), 'UTF-8') as Map
        edit(plan)
        Files.writeString(dir.resolve('plan.json'), JsonOutput.prettyPrint(JsonOutput.toJson(plan)))
    }

    def "apply of a plan whose recipe is a .env file prints nothing of the file"() {
        given:
        Files.writeString(dir.resolve('.env'), "TOKEN=${SECRET}\n")
        tamperedPlan { Map plan -> plan.recipe.file = '.env' }

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == [
                '.env:1:1: error: cannot read recipe `.env`: it is not a recipe (*.groovy) [R100]',
                '  = hint: recipes are files named *.groovy',
                '',
                '.env: 1 error',
        ]
    }

    def "apply of a plan that names a recipe it was not made from refuses it as stale before showing any of it"() {
        given: 'a .groovy file that is no valid recipe: validated, each of its mistakes would be shown in a code frame'
        Cli.writeRecipe(dir, 'notes.groovy', "// ${SECRET}\nrelease '${SECRET}'\n")
        tamperedPlan { Map plan -> plan.recipe.file = 'notes.groovy' }
        String made = (new JsonSlurper().parse(dir.resolve('plan.json').toFile(), 'UTF-8') as Map).recipe.hash

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines.size() == 4
        result.stderrLines[0] == 'relengine: refusing a stale plan: notes.groovy changed since plan.json was made'
        result.stderrLines[1] == "  plan made from $made".toString()
        result.stderrLines[2] ==~ /  recipe is now  sha256:[0-9a-f]{64}/
        result.stderrLines[3] == '  hint: make a new plan: relengine plan notes.groovy --date-stamp 20251111.154233 --out plan.json'
        !result.stderr.contains(SECRET)
    }

    def "apply of a plan whose recipe now has errors refuses it as stale; making a new plan shows them"() {
        given:
        tamperedPlan { }
        Files.writeString(dir.resolve('rocky9.groovy'), "release '${SECRET}'\n")

        when:
        def applied = relengine('apply', 'plan.json', '--dry-run')
        def planned = relengine('plan', 'rocky9.groovy', '--date-stamp', '20251111.154233', '--out', 'plan.json')

        then:
        applied.exitCode == 1
        applied.stderrLines[0] == 'relengine: refusing a stale plan: rocky9.groovy changed since plan.json was made'
        !applied.stderr.contains(SECRET)
        planned.exitCode == 1
        planned.stderr.contains("1 | release '${SECRET}'")
    }
}
