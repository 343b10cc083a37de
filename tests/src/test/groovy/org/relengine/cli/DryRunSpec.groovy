package org.relengine.cli

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDateTime
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code relengine run --dry-run}, run as a process: every command and file change of the Rocky 9 plan is
 * printed, copy-pasteable, and nothing is run, written or fetched — also with no tool on PATH and no network.
 */
class DryRunSpec extends Specification {

    static final String RECIPE = 'recipes/rocky9.groovy'
    static final String STAMP = '20251111.154233'
    /** Why each executor cannot take tasks from a machine with nothing on PATH and no cluster configured. */
    static final Map<String, String> REASONS = [podman: 'podman is not installed', kubernetes: 'no Kubernetes cluster is configured']

    /** How each effect is printed, after four spaces of indentation. */
    static final Map<String, String> PREFIX = [exec: '$ ', mkdir: 'mkdir -p ', write: 'write ', symlink: 'ln -sfn ',
                                               internal: '# ', probe: '? ']

    @Shared
    @TempDir
    Path shared

    /** The root of the reference dry run: created empty, and must stay so. */
    @Shared
    Path referenceRoot

    /** {@code run RECIPE --dry-run --root REF --date-stamp STAMP}, from the repository. */
    @Shared
    Cli.Result reference

    /** {@code plan RECIPE --format json} with the same root and stamp: what the dry run must print. */
    @Shared
    Map plan

    @TempDir
    Path dir

    def setupSpec() {
        referenceRoot = Files.createDirectory(shared.resolve('reference-root'))
        reference = Cli.run('run', RECIPE, '--dry-run', '--executor', 'local', '--root', referenceRoot.toString(), '--date-stamp', STAMP)
        Cli.Result planned = Cli.run('plan', RECIPE, '--executor', 'local', '--format', 'json', '--root', referenceRoot.toString(),
                '--date-stamp', STAMP)
        assert planned.exitCode == 2
        plan = new JsonSlurper().parseText(planned.stdout) as Map
    }

    def "run --dry-run --root DIR: exit 0, the plan's commands, the summary, and nothing written"() {
        given: 'an empty root, and a working directory holding only the recipe'
        Path root = Files.createDirectory(dir.resolve('root'))
        Path cwd = dir.resolve('cwd')
        Cli.copyRecipe(cwd, 'rocky9.groovy', [:], RECIPE)
        LocalDateTime before = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)

        when:
        def result = Cli.run([dir: cwd], 'run', RECIPE, '--dry-run', '--executor', 'local', '--root', root.toString())
        LocalDateTime after = LocalDateTime.now()
        def header = result.stdoutLines[0] =~ /^Dry run of recipes\/rocky9\.groovy: compose Rocky-9\.7-(\d{8}\.\d{6}) in (.+)$/
        assert header.matches()
        String stamp = header.group(1)
        LocalDateTime stamped = LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern('yyyyMMdd.HHmmss'))

        then:
        result.exitCode == 0
        result.stderr == ''
        header.group(2) == "$root/compose/9/Rocky-9.7-$stamp".toString()
        !stamped.isBefore(before) && !stamped.isAfter(after)      // a run's stamp is the time it starts
        result.stdoutLines[1] == 'Nothing below is executed or written.'
        ['dnf repoclosure', 'xorriso', 'rsync'].every { tool ->
            result.stdoutLines.any { it.startsWith("    \$ $tool ") }
        }
        result.stdoutLines.any { it ==~ /    # sync .* into .*\/compose\/BaseOS\/x86_64\/os with relengine's sync engine, deleting packages it no longer names, checking signatures with rpmkeys/ }
        result.stdoutLines.last() == summary()
        result.stdoutLines.last().startsWith('Dry run: 326 tasks; ')
        result.stdoutLines.last().endsWith(' would be run or made; 2 read-only previews were made. Nothing was changed.')

        and: 'the same output as the reference run, but for the root and the stamp'
        normalized(result.stdout, root, stamp) == normalized(reference.stdout, referenceRoot, STAMP)

        and: 'nothing was written under the root or in the working directory'
        contents(root) == []
        contents(cwd) == ['recipes', 'recipes/rocky9.groovy']
    }

    def "run --dry-run prints every task of the plan, numbered, in plan order"() {
        given:
        List<String> headers = reference.stdoutLines.findAll { it ==~ /\[\d+\/\d+\] .+/ }
        int n = plan.tasks.size()

        expect:
        reference.exitCode == 0
        reference.stderr == ''
        headers == plan.tasks.withIndex().collect { task, i -> "[${i + 1}/$n] ${task.id}".toString() }
        contents(referenceRoot) == []
    }

    def "run --dry-run prints each task's effects: its actions, in order"() {
        given:
        Map<String, List<String>> printed = effectsByTask(reference.stdoutLines)

        expect:
        printed.keySet() as List == plan.tasks*.id
        plan.tasks.findAll { printed[it.id].size() != it.actions.size() }*.id == []
        plan.tasks.collectMany { task ->
            [task.actions, printed[task.id]].transpose().findAll { action, line -> !printedAs(action, line) }
                    .collect { action, line -> "${task.id}: ${action.type} printed as `$line`".toString() }
        } == []
    }

    def "the printed `#tool` command is copy-pasteable: bash reads it back as the plan's argv"() {
        given:
        List<String> printed = commandLines(reference.stdoutLines)
        List<List<String>> argvs = plan.tasks.collectMany { it.commands }
        // the first such command that needs quoting, else the first one
        int i = [printed.findIndexOf { it.startsWith("$tool ") && it.contains("'") },
                 printed.findIndexOf { it.startsWith("$tool ") }].find { it >= 0 }

        when:
        def bash = Cli.exec(['bash', '-c', 'printf "%s\\n" ' + printed[i]], dir)

        then:
        printed.size() == argvs.size()
        bash.exitCode == 0
        bash.stderr == ''
        bash.stdout.readLines() == argvs[i]
        argvs[i].take(tool.split(' ').length) == tool.split(' ') as List

        where:
        tool << ['dnf repoclosure', 'xorriso', 'rsync', 'lorax', 'mktorrent', 'tar']
    }

    def "every printed command, directory and link, read by bash, is exactly the plan's"() {
        given: 'one bash script: each line of the dry run as a word list, NUL-separated after its word count'
        List<List<String>> expected = []
        List<String> script = []
        Map<String, List<String>> printed = effectsByTask(reference.stdoutLines)
        plan.tasks.each { task ->
            [task.actions, printed[task.id]].transpose().each { Map action, String line ->
                List<String> argv = switch (action.type) {
                    case 'exec' -> action.argv as List<String>
                    case 'mkdir' -> ['mkdir', '-p', action.path as String]
                    case 'symlink' -> ['ln', '-sfn', action.target as String, action.link as String]
                    default -> null
                }
                if (argv != null) {
                    expected << argv
                    script << 'words=(' + line.substring(PREFIX[action.type as String] == '$ ' ? 2 : 0) + ')'
                    script << 'printf "%s\\0" "${#words[@]}" "${words[@]}"'
                }
            }
        }
        Path file = dir.resolve('effects.bash')
        Files.writeString(file, script.join('\n') + '\n')

        when:
        def bash = Cli.exec(['bash', file.toString()], dir)
        List<List<String>> read = []
        List<String> words = new String(bash.stdoutBytes, 'UTF-8').split('\0', -1).toList().dropRight(1)
        while (words) {
            int count = words.remove(0) as int
            read << words.take(count)
            words = words.drop(count)
        }

        then:
        bash.exitCode == 0
        bash.stderr == ''
        def counts = (reference.stdoutLines.last() =~ /(\d+) commands, (\d+) directories, \d+ files, (\d+) links/)[0]
        expected.size() == (counts[1] as int) + (counts[2] as int) + (counts[3] as int)
        read.size() == expected.size()
        [read, expected].transpose().findAll { it[0] != it[1] } == []
        contents(dir) == ['effects.bash']                 // bash only read the words: no glob, no expansion ran
    }

    def "without --executor local, repoclosure and extras print as podman run lines, lorax as a Job per arch, and the S3 uploads and downloads are shown"() {
        given:
        Path root = Files.createDirectory(dir.resolve('root'))

        when:
        def result = Cli.run('run', RECIPE, '--dry-run', '--root', root.toString(), '--date-stamp', STAMP)
        Map placed = new JsonSlurper().parseText(Cli.run('plan', RECIPE, '--format', 'json', '--root', root.toString(),
                '--date-stamp', STAMP).stdout) as Map
        Map<String, List<String>> printed = effectsByTask(result.stdoutLines)
        String compose = "$root/compose/9/Rocky-9.7-$STAMP"

        then:
        result.exitCode == 0
        result.stdoutLines.last().contains(', 4 Kubernetes Jobs')
        contents(root) == []

        and: 'each command of a podman task, read back by bash, is podman run of the plan\'s argv in the recipe\'s default image'
        def podman = placed.tasks.findAll { it.executor == 'podman' }
        podman*.kind.toSet() == ['repoclosure', 'extras'] as Set
        podman.every { task ->
            List<String> lines = commandLines(printed[task.id].collect { '    ' + it })
            List<List<String>> argvs = task.actions.findAll { it.type == 'exec' }*.argv
            lines.size() == argvs.size() && [lines, argvs].transpose().withIndex().every { pair, int i ->
                List<String> words = bashWords(pair[0] as String)
                String name = "relengine-rocky-9.7-$STAMP-${(task.id as String).replace(':', '.').toLowerCase()}-$i"
                words.take(5) == ['podman', 'run', '--rm', '--replace', '--name'] && words[5] == name &&
                        words.contains("$compose:$compose".toString()) &&
                        words.indexOf('docker.io/rockylinux/rockylinux:9') == words.size() - pair[1].size() - 1 &&
                        words.takeRight(pair[1].size()) == pair[1]
            }
        }

        and: 'a Job per lorax arch, on a node of its arch, the credentials by reference, the upload from the pod'
        ['x86_64': 'amd64', 'aarch64': 'arm64', 'ppc64le': 'ppc64le', 's390x': 's390x'].every { arch, node ->
            String job = result.stdout.substring(result.stdout.indexOf("] lorax:$arch\n"))
            job = job.substring(0, job.indexOf('\n[', 1))
            job.contains("# Kubernetes Job relengine-lorax-${arch.replace('_', '-')}-") &&
                    job.contains("kubernetes.io/arch: \"$node\"") && job.contains('privileged: true') &&
                    job.contains('name: "empanadas-s3"') &&
                    job.contains("aws s3 cp \"\$file\" \"s3://\$bucket/\$key\" --checksum-algorithm SHA256") &&
                    job.contains("resf-empanadas buildiso-9-$node/ lorax-9.7-${arch}.tar.gz --region us-east-2")
        }

        and: 'unpack downloads the newest result of its arch from the bucket'
        printed['unpack:aarch64'].contains('# download the newest s3://resf-empanadas/buildiso-9-arm64/<epoch>/' +
                "lorax-9.7-aarch64.tar.gz (highest epoch), verify it and unpack it into $compose/work/lorax/aarch64 " +
                '(no path may escape it)')
    }

    /** The words bash reads from a printed command line. */
    List<String> bashWords(String line) {
        Path file = dir.resolve('line.bash')
        Files.writeString(file, 'words=(' + line + ')\nprintf "%s\\0" "${words[@]}"\n')
        new String(Cli.exec(['bash', file.toString()], dir).stdoutBytes, 'UTF-8').split('\0', -1).toList().dropRight(1)
    }

    def "run --dry-run with no tool on PATH: the same output, exit 0, nothing written"() {
        given:
        Path emptyPath = Files.createDirectory(dir.resolve('empty-path'))
        Path root = Files.createDirectory(dir.resolve('root'))

        when: 'java is started by its absolute path, with PATH an empty directory'
        def result = Cli.run([env: [PATH: emptyPath.toString()]], 'run', RECIPE, '--dry-run', '--executor', 'local', '--root', root.toString(),
                '--date-stamp', STAMP)

        then:
        result.exitCode == 0
        result.stderr == ''
        normalized(result.stdout, root, STAMP) == normalized(reference.stdout, referenceRoot, STAMP)
        result.stdoutLines.last() == summary()
        contents(root) == []
        contents(emptyPath) == []
    }

    @Requires(value = { DryRunSpec.unshareWorks() },
            reason = '`unshare -rn` (a new user and network namespace) is not permitted on this machine')
    def "run --dry-run with no network (unshare -rn): the same output, exit 0, nothing written"() {
        given: 'the namespace has no interface but its loopback, and no route: no address outside is reachable'
        Path root = Files.createDirectory(dir.resolve('root'))
        def devices = Cli.exec(['unshare', '-rn', 'cat', '/proc/net/dev'], dir)
        def routes = Cli.exec(['unshare', '-rn', 'cat', '/proc/net/route'], dir)
        assert devices.stdout.readLines().drop(2).collect { it.trim().split(':')[0] } == ['lo']
        assert routes.stdout.readLines().drop(1) == []

        when:
        def result = Cli.run([under: ['unshare', '-rn']], 'run', RECIPE, '--dry-run', '--executor', 'local', '--root', root.toString(),
                '--date-stamp', STAMP)

        then:
        result.exitCode == 0
        result.stderr == ''
        normalized(result.stdout, root, STAMP) == normalized(reference.stdout, referenceRoot, STAMP)
        result.stdoutLines.last() == summary()
        contents(root) == []
    }

    def "run #args without --dry-run of a recipe whose steps run on podman and kubernetes is refused before anything is written"() {
        // guarded all the same: a root of its own, no tool on PATH and (where possible) no network
        given:
        Path root = Files.createDirectory(dir.resolve('root'))
        Path emptyPath = Files.createDirectory(dir.resolve('empty-path'))
        Map options = [env: [PATH: emptyPath.toString()]] + (unshareWorks() ? [under: ['unshare', '-rn']] : [:])

        when:
        def result = Cli.run(options, (['run', RECIPE, '--root', root.toString()] + args) as String[])

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines.size() == 2
        result.stderrLines[0] ==~ /relengine: \d+ tasks run where they cannot go from this machine now \(e\.g\. repoclosure:devel:x86_64\): .*/
        executors.split(', ').every { result.stderrLines[0].contains(REASONS[it]) }
        result.stderrLines[1] == '  hint: run them on this machine with --executor local'
        contents(root) == []

        where:
        args                          | executors
        []                            | 'kubernetes, podman'
        ['--update']                  | 'podman'
        ['--date-stamp', STAMP]       | 'kubernetes, podman'
    }

    def "several releases published in one run: the file lists are written once, after the last release's syncs"() {
        given:
        Path mini = Cli.ROOT.resolve('tests/src/test/resources/recipes')

        when:
        def run = Cli.run('run', mini.resolve('mini8.groovy').toString(), mini.resolve('mini9.groovy').toString(),
                '--only', 'publish', '--dry-run', '--root', dir.resolve('root').toString())
        List<String> tasks = run.stdoutLines.findAll { it ==~ /^\[\d+\/\d+\] .+/ }.collect { it.replaceFirst(/^\S+ /, '') }

        then:
        run.exitCode == 0
        tasks == ['stage', 'promote', 'stage', 'promote', 'filelists']
        run.stdoutLines.last().endsWith('Nothing was changed.')
    }

    // ---------------------------------------------------------------- helpers

    /** The last line of a dry run of the plan: its counts of tasks and effects. */
    String summary() {
        List<Map> actions = plan.tasks.collectMany { it.actions }
        Closure<Integer> count = { String type -> actions.count { it.type == type } }
        "Dry run: ${plan.tasks.size()} tasks; ${count('exec')} commands, ${count('mkdir')} directories, " +
                "${count('write')} files, ${count('symlink')} links, ${count('internal')} internal steps would be run " +
                "or made; ${count('probe')} read-only previews were made. Nothing was changed."
    }

    /** A dry run's output with its root and date stamp replaced, to compare runs made in different places and times. */
    /** The output with its root and date stamp written as placeholders, and the stamp's date in live ISO names. */
    static String normalized(String out, Path root, String stamp) {
        out.replace(root.toString(), '<ROOT>').replace(stamp, '<STAMP>')
                .replace('-' + stamp.substring(0, 8) + '.0.iso', '-<DATE>.0.iso')
    }

    /** The printed effect lines of each task, without their indentation, by task id in printed order. */
    static Map<String, List<String>> effectsByTask(List<String> lines) {
        Map<String, List<String>> byTask = [:]
        List<String> current = null
        lines.each { String line ->
            def header = line =~ /^\[\d+\/\d+\] (.+)$/
            if (header.matches()) {
                current = []
                byTask[header.group(1)] = current
            } else if (line.startsWith('      ')) {
                // a note under an effect: where a command's output goes, what a preview found
            } else if (current != null && line.startsWith('    ')) {
                current << line.substring(4)
            } else if (line.isEmpty()) {
                current = null
            }
        }
        byTask
    }

    /** The printed commands, without indentation and `$ `. */
    static List<String> commandLines(List<String> lines) {
        lines.findAll { it.startsWith('    $ ') }.collect { it.substring(6) }
    }

    /** Whether a line is how the action prints; commands, directories and links are checked word by word elsewhere. */
    static boolean printedAs(Map action, String line) {
        switch (action.type) {
            case 'write':
                String size = action.content == null ? '' : ", ${(action.content as String).readLines().size()} lines"
                return line.startsWith(PREFIX.write) && line.endsWith("  (${action.producer}$size)")
            case 'internal':
            case 'probe':
                return line == PREFIX[action.type as String] + action.description
            default:
                return line.startsWith(PREFIX[action.type as String])
        }
    }

    /** Every path under {@code root}, relative and sorted; empty when nothing was made there. */
    static List<String> contents(Path root) {
        Files.walk(root).withCloseable { stream ->
            stream.filter { it != root }.map { root.relativize(it).toString() }.sorted().toList()
        }
    }

    static boolean unshareWorks() {
        try {
            Cli.exec(['unshare', '-rn', 'true']).exitCode == 0
        } catch (IOException ignored) {
            false
        }
    }
}
