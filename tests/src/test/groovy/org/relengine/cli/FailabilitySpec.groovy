package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A failing tool on a failable arch leaves the compose FINISHED_INCOMPLETE with exit 0 and the failure listed;
 * on a required task the compose is DOOMED with exit 3. The tool is the real implantisomd5 behind a wrapper on
 * PATH that fails (or hangs) for one arch; the compose is the small recipe of the end-to-end specs, with its
 * DVD failable on aarch64. Two runs against one compose: the second refuses at once, naming the first.
 */
class FailabilitySpec extends Specification {

    static final Path MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes/mini9.groovy')

    @TempDir
    Path dir

    def "#behaviour on #arch: STATUS #status, exit #exit, the failure listed"() {
        given:
        Path recipe = failableRecipe()
        Path bin = wrapper(arch, action)

        when:
        def run = Cli.run([env: DemoSpec.ENV + [PATH: "$bin:${System.getenv('PATH')}".toString()], timeout: 600],
                'demo', '--out', dir.resolve('out').toString(), '--recipe', recipe.toString(), '--timeout', '20s')
        Path compose = composeDir()

        then:
        run.exitCode == exit
        Files.readString(compose.resolve('STATUS')) == status + '\n'
        run.stdout.contains("\nFAILED extras:dvd:$arch$label: $reason\n")
        run.stdout.contains("  log: ${compose.resolve("work/logs/extras_dvd_${arch}.log")}\n")
        run.stdout.contains("relengine: compose ${compose.fileName} is $status\n")
        lastState("extras:dvd:$arch") == 'failed'
        lastState('finalize') == finalize

        where:
        behaviour  | arch      | action          | exit | status                | label         | finalize  | reason
        'exits 1'  | 'aarch64' | 'exit 1'        | 0    | 'FINISHED_INCOMPLETE' | ' (failable)' | 'done'    | 'implantisomd5 exited with status 1'
        'hangs'    | 'aarch64' | 'exec sleep 600' | 0   | 'FINISHED_INCOMPLETE' | ' (failable)' | 'done'    | 'implantisomd5 ran longer than its timeout (20.0 s) and was killed'
        'exits 1'  | 'x86_64'  | 'exit 1'        | 3    | 'DOOMED'              | ''            | 'skipped' | 'implantisomd5 exited with status 1'
    }

    def "a second run against a compose a run holds refuses at once, naming the holder's pid, and changes nothing"() {
        given: 'a first run held up in its DVD build'
        Path recipe = failableRecipe()
        Path bin = wrapper('x86_64', 'exec sleep 600')
        Map env = DemoSpec.ENV + [PATH: "$bin:${System.getenv('PATH')}".toString()]
        Path out = dir.resolve('out')
        Process first = Cli.start([env: env], dir.resolve('first.log'), 'demo', '--out', out.toString(),
                '--recipe', recipe.toString())
        waitUntil(first) { composeDir() != null && lastState('extras:dvd:x86_64') == 'running' }

        when:
        def second = Cli.run([env: env, timeout: 300], 'demo', '--out', out.toString(), '--recipe', recipe.toString(),
                '--resume')

        then:
        second.exitCode == 1
        second.stderr.startsWith("relengine demo: the compose ${composeDir()} is locked by pid ${first.pid()} on ")
        second.stderr.contains("(relengine demo --out $out)\n")
        second.stderr.contains('  hint: wait for that run to finish, or stop it; nothing was changed\n')
        runsInJournal() == [first.pid()]
        new JsonSlurper().parse(composeDir().resolve('work/lock').toFile(), 'UTF-8').pid == first.pid()
        first.alive

        when: 'the holder is told to break the lock'
        def breaking = Cli.run([env: env, timeout: 300], 'demo', '--out', out.toString(), '--recipe',
                recipe.toString(), '--resume', '--break-lock')

        then: 'a live holder is never broken'
        breaking.exitCode == 1
        breaking.stderr.contains("is locked by pid ${first.pid()} on ")
        runsInJournal() == [first.pid()]

        cleanup:
        Cli.killGroup(first)
    }

    // ------------------------------------------------------------------ helpers

    private Path failableRecipe() {
        String text = Files.readString(MINI).replace("    extras 'dvd'\n", "    extras 'dvd', failable: ['aarch64']\n")
        assert text.contains("failable: ['aarch64']")
        Cli.writeRecipe(dir, 'mini9-failable.groovy', text)
    }

    /** implantisomd5 that runs {@code action} for discs of {@code arch}, and is the real one otherwise. */
    private Path wrapper(String arch, String action) {
        Path bin = Files.createDirectories(dir.resolve('bin'))
        Path tool = bin.resolve('implantisomd5')
        Files.writeString(tool, "#!/bin/sh\ncase \"\$*\" in *-$arch-*) $action;; esac\nexec /usr/bin/implantisomd5 \"\$@\"\n")
        tool.toFile().setExecutable(true)
        bin
    }

    private Path composeDir() {
        Path parent = dir.resolve('out/compose/9')
        Files.isDirectory(parent) ? parent.toFile().listFiles().find { it.name.startsWith('Mini-9.1-') }?.toPath() : null
    }

    private String lastState(String task) {
        Path journal = composeDir()?.resolve('work/journal')
        if (journal == null || !Files.exists(journal)) {
            return null
        }
        Files.readAllLines(journal).findResults { String line ->
            try {
                new JsonSlurper().parseText(line) as Map
            } catch (ignored) {
                null
            }
        }.findAll { it.task == task }.collect { it.state }.with { it ? it.last() : null }
    }

    /** The pid of every run that wrote into the compose's journal. */
    private List<Long> runsInJournal() {
        Files.readAllLines(composeDir().resolve('work/journal')).findAll { it.contains('"event":"run"') }
                .collect { (new JsonSlurper().parseText(it) as Map).pid as Long }
    }

    private static void waitUntil(Process process, Closure<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 300_000
        while (!condition()) {
            assert process.alive: 'the first run ended early'
            assert System.currentTimeMillis() < deadline: 'the first run did not get there within 5 minutes'
            Thread.sleep(50)
        }
    }
}
