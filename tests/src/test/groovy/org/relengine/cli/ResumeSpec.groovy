package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.security.MessageDigest
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

/**
 * A compose survives being killed: the real demo compose is killed with SIGKILL (relengine and every tool it
 * runs, as a crash would) while it syncs, while it builds a DVD, while it finalizes, while it stages and while
 * it promotes; each time it is resumed with --resume alone, as a CI job retries, taking over the lock the killed
 * run left, and the tree it ends with is the tree of an uninterrupted run; a compose it finished stays FINISHED
 * whatever happens to its publication. Resuming a finished compose runs nothing; `explain` says what
 * a task's hash is made of and which ingredient changed.
 */
@Stepwise
class ResumeSpec extends Specification {

    @Shared
    @TempDir
    Path base

    @Shared
    Path straight

    @Shared
    Path killed

    @Shared
    Map killedLock

    def setupSpec() {
        straight = base.resolve('straight')
        killed = base.resolve('killed')
    }

    def "an uninterrupted demo compose, to compare with"() {
        when:
        def run = Cli.run([env: DemoSpec.ENV, timeout: 900], 'demo', '--executor', 'local', '--out', straight.toString())

        then:
        run.exitCode == 0
        Files.readString(composeDir(straight).resolve('STATUS')) == 'FINISHED\n'
    }

    def "killed while it syncs: the journal shows the sync it was in, STATUS stays STARTED, the lock names the dead run"() {
        when:
        Process process = Cli.start([env: DemoSpec.ENV], base.resolve('run1.log'), 'demo', '--executor', 'local', '--out', killed.toString())
        def running = killWhen(process, 0) { List<Map> lines ->
            lines.count { it.state == 'done' && it.task.startsWith('sync:') } < 20 ? null
                    : lines.find { it.state == 'running' && it.task.startsWith('sync:') && !finished(lines, it.task) }
        }
        killedLock = lock()

        then:
        running.task.startsWith('sync:')
        // native syncs end within milliseconds, up to 16 at once: the one seen running may have ended before the
        // kill landed, so the journal is asked for the syncs it was in when it died
        journal().findAll { it.task?.startsWith('sync:') }.groupBy { it.task }.any { task, lines -> lines.last().state == 'running' }
        Files.readString(composeDir(killed).resolve('STATUS')) == 'STARTED\n'
        killedLock.pid == process.pid()
    }

    def "status shows the interrupted tasks and the stale lock"() {
        when:
        def status = Cli.run('status', composeDir(killed).toString())

        then:
        status.exitCode == 0
        status.stdout.contains("STATUS   STARTED\n")
        status.stdout.contains("held by pid $killedLock.pid on $killedLock.host since $killedLock.started ")
        status.stdout.contains(': no longer runs\n')
        status.stdout.readLines().any { it.startsWith('interrupted sync:') }
        status.stdout.readLines().any { it.startsWith('pending  finalize ') }
    }

    def "resumed with --resume alone, it takes over the dead run's lock and says so; killed while it builds a DVD, it leaves no disc half-written under its final name"() {
        given:
        int from = journal().size()

        when:
        Process process = Cli.start([env: DemoSpec.ENV], base.resolve('run2.log'), 'demo', '--executor', 'local', '--out', killed.toString(),
                '--resume')
        def running = killWhen(process, from) { List<Map> lines ->
            lines.find { it.state == 'running' && it.task.startsWith('extras:') && !finished(lines, it.task) }
        }
        String arch = running.task.split(':')[2]
        Map previous = killedLock
        killedLock = lock()

        then:
        Files.readAllLines(base.resolve('run2.log')).findAll { it.contains('took over') } == [takeover(previous)]
        killedLock.pid == process.pid()
        journal().subList(from, journal().size()).any { it.task?.startsWith('sync:') && it.state == 'reused' }
        lastState(running.task) == 'running'
        !Files.exists(composeDir(killed).resolve("work/isos/$arch/Rocky-9.7-$arch-dvd.iso"))
    }

    def "resumed, then killed while it finalizes"() {
        given:
        int from = journal().size()

        when:
        Process process = Cli.start([env: DemoSpec.ENV], base.resolve('run3.log'), 'demo', '--executor', 'local', '--out', killed.toString(),
                '--resume')
        def running = killWhen(process, from) { List<Map> lines ->
            lines.find { it.state == 'running' && it.task == 'finalize' }
        }
        Map previous = killedLock
        killedLock = lock()

        then:
        Files.readAllLines(base.resolve('run3.log')).findAll { it.contains('took over') } == [takeover(previous)]
        killedLock.pid == process.pid()
        running.task == 'finalize'
        lastState('finalize') == 'running'
        !Files.exists(composeDir(killed).resolve('compose/metadata/composeinfo.json')) ||
                Files.readString(composeDir(killed).resolve('STATUS')) == 'STARTED\n'
    }

    def "resumed, then killed while it stages: the compose it finished stays FINISHED"() {
        when: 'an rsync that hangs on its way into staging, so that the kill lands inside stage'
        def running = resumeAndKillIn('stage', 'staging', 'run4.log')

        then:
        running.task == 'stage'
        lastState('finalize') == 'done'
        lastState('stage') == 'running'
        Files.readString(composeDir(killed).resolve('STATUS')) == 'FINISHED\n'
    }

    def "resumed, the stage guard lets the finished compose through; a promote that fails exits 3 and leaves it FINISHED, not DOOMED"() {
        given:
        Map env = DemoSpec.ENV + [PATH: slowRsync('production', 'exit 23').toString() + ':' + System.getenv('PATH')]

        when:
        def run = Cli.run([env: env, timeout: 300], 'demo', '--executor', 'local', '--out', killed.toString(), '--resume')

        then:
        run.exitCode == 3
        run.stdout.contains('FAILED promote: ')
        run.stdout.contains("relengine: compose ${composeDir(killed).fileName} is FINISHED")
        Files.readString(composeDir(killed).resolve('STATUS')) == 'FINISHED\n'
        lastState('stage') == 'done'
        lastState('promote') == 'failed'
    }

    def "resumed, then killed while it promotes: the compose stays FINISHED"() {
        given:
        int from = journal().size()

        when:
        def running = resumeAndKillIn('promote', 'production', 'run5.log')

        then:
        running.task == 'promote'
        journal().subList(from, journal().size()).findAll { it.task == 'finalize' }*.state == ['reused']
        lastState('stage') == 'reused'
        lastState('promote') == 'running'
        Files.readString(composeDir(killed).resolve('STATUS')) == 'FINISHED\n'
    }

    def "the last resume finishes the compose: the same tree as the uninterrupted run, payload byte for byte"() {
        when:
        def run = Cli.run([env: DemoSpec.ENV, timeout: 900], 'demo', '--executor', 'local', '--out', killed.toString(), '--resume')

        then:
        run.exitCode == 0
        run.stdout.readLines().findAll { it.contains('took over') } == [takeover(killedLock)]
        run.stdout.readLines().any { it ==~ /relengine: \d+ done, \d+ reused, 0 failed \(0 required\), 0 skipped in .*/ }
        Files.readString(composeDir(killed).resolve('STATUS')) == 'FINISHED\n'
        !Files.exists(composeDir(killed).resolve('work/lock'))

        and: 'paths, types and sizes of every file of the compose, staging and production; checksums of the payload'
        def expected = tree(straight)
        def actual = tree(killed)
        actual.keySet() == expected.keySet()
        actual.findAll { path, entry -> entry != expected[path] } == [:]
        actual.count { path, entry -> path.endsWith('.rpm') } > 100
    }

    def "resuming a finished compose runs no task and says so"() {
        when:
        def run = Cli.run([env: DemoSpec.ENV, timeout: 300], 'demo', '--executor', 'local', '--out', killed.toString(), '--resume')

        then:
        run.exitCode == 0
        run.stdout.contains('relengine: nothing to do: all 310 tasks finished in an earlier run with the same ingredients')
        run.stdout.contains('relengine: 0 done, 310 reused, 0 failed (0 required), 0 skipped in ')
        !run.stdout.readLines().any { it ==~ /\[\d+\/\d+\] done .*/ }
        Files.readString(composeDir(killed).resolve('STATUS')) == 'FINISHED\n'
    }

    def "explain lists what a task's hash is made of, and says when --resume reuses it"() {
        when:
        def run = Cli.run([timeout: 120], 'explain', 'extrafiles', '--compose', composeDir(killed).toString())

        then:
        run.exitCode == 0
        run.stdout.startsWith("task     extrafiles  (extrafiles, compose ${composeDir(killed).fileName})\n")
        run.stdout.readLines().any { it ==~ /hash     [0-9a-f]{64}  \(now\)/ }
        run.stdout.readLines().any { it ==~ /  spec +sha256 [0-9a-f]{16}/ }
        run.stdout.readLines().any { it ==~ /  tool relengine +relengine .+/ }
        run.stdout.readLines().any { it ==~ /  input .+ +not fingerprinted \(a git ref\)/ }
        run.stdout.endsWith('--resume reuses it: it finished with the same ingredients, and nothing it follows runs again.\n')
    }

    def "explain names every ingredient that changed: a new version of a tool, a source that cannot be reached"() {
        given: 'an xorriso that says it is another version; the demo package server is gone with its run'
        Path bin = Files.createDirectories(base.resolve('bin'))
        Path wrapper = bin.resolve('xorriso')
        Files.writeString(wrapper, '#!/bin/sh\n[ "$1" = --version ] && { echo "xorriso 9.9.9"; exit 0; }\n' +
                'exec /usr/bin/xorriso "$@"\n')
        wrapper.toFile().setExecutable(true)
        String dir = composeDir(killed).toString()
        Map env = [PATH: "$bin:${System.getenv('PATH')}".toString()]

        when:
        def dvd = Cli.run([timeout: 120, env: env], 'explain', 'extras:dvd:x86_64', '--compose', dir)
        def sync = Cli.run([timeout: 120], 'explain', 'sync:BaseOS:x86_64:os', '--compose', dir)

        then:
        dvd.exitCode == 0
        dvd.stdout.contains('--resume runs it again:\n')
        dvd.stdout.readLines().any { it ==~ /  - tool xorriso: was xorriso 1\.5\.\d+, now xorriso 9\.9\.9/ }
        dvd.stdout.readLines().contains('  - after sync:BaseOS:x86_64:os: it runs again')

        sync.exitCode == 0
        sync.stdout.readLines().any {
            it ==~ /  - input http:\/\/127\.0\.0\.1:\d+\/.+\/hashed-BaseOS\/x86_64: was repomd\.xml sha256 [0-9a-f]{64}, now repomd\.xml unavailable \(ConnectException\)/
        }
    }

    def "explain of a task the compose does not have suggests the nearest"() {
        when:
        def run = Cli.run([timeout: 120], 'explain', 'extras:dvd:x86_46', '--compose', composeDir(killed).toString())

        then:
        run.exitCode == 1
        run.stderr == "relengine: compose ${composeDir(killed).fileName} has no task `extras:dvd:x86_46`\n" +
                '  hint: did you mean `extras:dvd:x86_64`?\n'
    }

    // ------------------------------------------------------------------ helpers

    /** Resumes the demo with an rsync that hangs on its way into {@code target}, and kills it once {@code task} runs. */
    private Map resumeAndKillIn(String task, String target, String log) {
        int from = journal().size()
        Map env = DemoSpec.ENV + [PATH: slowRsync(target).toString() + ':' + System.getenv('PATH')]
        Process process = Cli.start([env: env], base.resolve(log), 'demo', '--executor', 'local', '--out', killed.toString(), '--resume')
        Map running = killWhen(process, from) { List<Map> lines ->
            lines.find { it.state == 'running' && it.task == task }
        }
        killedLock = lock()
        running
    }

    /**
     * A directory with an {@code rsync} that first runs {@code then} (by default: sleeps for a minute) when its
     * arguments name {@code target} (staging or production), and runs at once otherwise, so that a kill or a
     * failure lands in the one task that writes there.
     */
    private Path slowRsync(String target, String then = 'sleep 60') {
        Path dir = Files.createDirectories(base.resolve("slow-rsync-$target-${then.replace(' ', '-')}"))
        String real = Cli.exec(['sh', '-c', 'command -v rsync']).stdout.strip()
        Path shim = dir.resolve('rsync')
        Files.writeString(shim, "#!/bin/sh\ncase \"\$*\" in *\"/$target/\"*) $then;; esac\nexec $real \"\$@\"\n")
        shim.toFile().setExecutable(true)
        dir
    }

    private static Path composeDir(Path out) {
        out.resolve('compose/9').toFile().listFiles().find { it.name.startsWith('Rocky-9.7-') }?.toPath()
    }

    private List<Map> journal() {
        Path file = composeDir(killed)?.resolve('work/journal')
        if (file == null || !Files.exists(file)) {
            return []
        }
        Files.readAllLines(file).findResults { String line ->
            try {
                line.isBlank() ? null : new JsonSlurper().parseText(line) as Map
            } catch (ignored) {
                null    // a line being written
            }
        }
    }

    private Map lock() {
        new JsonSlurper().parse(composeDir(killed).resolve('work/lock').toFile(), 'UTF-8') as Map
    }

    /** The one line a resume says it took over the locks of a killed demo with: its compose and both targets. */
    private String takeover(Map lock) {
        "relengine: took over the locks of pid $lock.pid on $lock.host, which no longer runs (started $lock.started, " +
                "relengine demo --out $killed): the compose ${composeDir(killed)}, " +
                "the staging target $killed/staging/mirror/pub/rocky/9.7-RC2, " +
                "the production target $killed/production/mirror/pub/rocky/9.7"
    }

    private String lastState(String task) {
        journal().findAll { it.task == task }.last().state
    }

    private static boolean finished(List<Map> lines, String task) {
        lines.any { it.task == task && it.state in ['done', 'failed', 'reused'] }
    }

    /** Polls the journal (from line {@code from}) until {@code condition} finds a line, then kills the run. */
    private Map killWhen(Process process, int from, Closure condition) {
        long deadline = System.currentTimeMillis() + 600_000
        while (System.currentTimeMillis() < deadline) {
            if (composeDir0() != null) {
                List<Map> all = journal()
                List<Map> lines = all.size() > from ? all.subList(from, all.size()).findAll { it.task } : []
                def found = condition(lines)
                if (found) {
                    Cli.killGroup(process)
                    return found as Map
                }
            }
            if (!process.alive) {
                throw new AssertionError("the run ended (exit ${process.exitValue()}) before the point to kill it at" as Object)
            }
            Thread.sleep(10)
        }
        Cli.killGroup(process)
        throw new AssertionError('the run did not reach the point to kill it at within 10 minutes' as Object)
    }

    private Path composeDir0() {
        Path dir = killed.resolve('compose/9')
        Files.isDirectory(dir) ? composeDir(killed) : null
    }

    /**
     * Relative path → type, size, link target and, for RPMs, SHA-256; locks and the demo's own state left out. A
     * detached signature's length varies with the number it holds: it is listed as one, without its size.
     */
    private static Map<String, String> tree(Path out) {
        Map<String, String> entries = new TreeMap<>()
        Map<String, Path> roots = [compose: composeDir(out).resolve('compose'), staging: out.resolve('staging'),
                                   production: out.resolve('production')]
        roots.each { String name, Path root ->
            Files.walk(root).withCloseable { stream ->
                stream.filter { it != root }.each { Path p ->
                    String rel = name + '/' + root.relativize(p)
                    if (Files.isSymbolicLink(p)) {
                        entries[rel] = 'link ' + Files.readSymbolicLink(p)
                    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        entries[rel] = 'dir'
                    } else if (rel.endsWith('.asc')) {
                        entries[rel] = 'signature'
                    } else {
                        entries[rel] = 'file ' + Files.size(p) + (rel.endsWith('.rpm') ? ' ' + sha256(p) : '')
                    }
                }
            }
        }
        entries
    }

    private static String sha256(Path file) {
        MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(file)).encodeHex().toString()
    }
}
