package org.relengine.cli

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDateTime
import java.time.format.DateTimeFormatter
import java.time.temporal.ChronoUnit
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code relengine plan --out} and {@code relengine apply}, run as processes in a directory of their own: a saved
 * plan is applied exactly, and refused once its recipe changed.
 */
class ApplyCommandSpec extends Specification {

    static final String STAMP = '20251111.154233'


    /** The working directory: a copy of the shipped Rocky 9 recipe, and the plans made from it. */
    @TempDir
    Path dir

    Path recipe

    def setup() {
        recipe = Cli.copyRecipe(dir, 'rocky9.groovy')
    }

    Cli.Result relengine(String... args) {
        Cli.run([dir: dir], args)
    }

    Map read(String file) {
        new JsonSlurper().parse(dir.resolve(file).toFile(), 'UTF-8') as Map
    }

    /** The task ids a dry run prints, from its {@code [n/N] id} lines. */
    static List<String> printedTasks(Cli.Result result) {
        result.stdoutLines.collect { it =~ /^\[\d+\/\d+\] (.+)$/ }.findAll { it.matches() }.collect { it.group(1) }
    }

    static List<String> files(Path dir) {
        Files.list(dir).withCloseable { it.map { it.fileName.toString() }.sorted().toList() }
    }

    def "plan COPY --out PLAN: exit 2, the plan on stdout, and PLAN saved with the recipe's hash and the options"() {
        when:
        def result = relengine('plan', 'rocky9.groovy', '--out', 'plan.json')
        def json = relengine('plan', 'rocky9.groovy', '--format', 'json')
        Map saved = read('plan.json')
        Map planned = new JsonSlurper().parseText(json.stdout) as Map

        then:
        result.exitCode == 2
        result.stdoutLines.first() == 'Plan for rocky9.groovy: 326 tasks to run (full run: a new compose)'
        result.stderrLines == ['relengine: plan saved to plan.json; run it with: relengine apply plan.json']
        files(dir) == ['plan.json', 'rocky9.groovy']           // no temporary file left behind

        and:
        saved.schema == 'relengine.plan/1'
        saved.recipe.file == 'rocky9.groovy'
        saved.recipe.files == ['rocky9.groovy']
        saved.recipe.hash ==~ /sha256:[0-9a-f]{64}/
        saved.recipe.hash == planned.recipe.hash
        saved.recipe.commit == null                             // not in a git repository
        saved.planning == [update    : false, repos: [], arches: [], only: null, skipDebug: false, skipSource: false,
                           image     : null, root: null, source: null, dateStamp: null, allowDeletions: null, executor: null]
        saved.tasks == planned.tasks
        saved.summary == planned.summary
    }

    def "plan --out saves the options it was made with"() {
        given:
        Path root = dir.resolve('root')

        when:
        def result = relengine('plan', 'rocky9.groovy', '--out', 'plan.json', '--update', '--repo', 'BaseOS,AppStream',
                '--arch', 'x86_64', '--skip-debug', '--root', root.toString(), '--source', 'https://mirror.example.org/rocky',
                '--date-stamp', STAMP)

        then:
        result.exitCode == 2
        read('plan.json').planning == [update    : true, repos: ['BaseOS', 'AppStream'], arches: ['x86_64'], only: null,
                                       skipDebug : true, skipSource: false, image: null, root: root.toString(),
                                       source    : 'https://mirror.example.org/rocky', dateStamp: STAMP, allowDeletions: null, executor: null]
    }

    def "apply PLAN --dry-run: exit 0, the plan's tasks in the plan's order, nothing changed"() {
        given:
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json')
        List<String> ids = read('plan.json').tasks*.id

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')

        then:
        result.exitCode == 0
        result.stderr == ''
        result.stdoutLines.first().startsWith('Dry run of rocky9.groovy: compose Rocky-9.7-')
        ids.size() == 326
        printedTasks(result) == ids
        result.stdoutLines.findAll { it ==~ /^\[\d+\/\d+\] .+$/ } ==
                ids.withIndex().collect { id, i -> "[${i + 1}/326] $id".toString() }
        result.stdoutLines.last().startsWith('Dry run: 326 tasks; ')
        result.stdoutLines.last().endsWith('Nothing was changed.')
        files(dir) == ['plan.json', 'rocky9.groovy']
    }

    def "apply --dry-run of a plan made without --date-stamp: the compose is stamped with the time of the run"() {
        given:
        Path root = Files.createDirectory(dir.resolve('root'))
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json', '--root', root.toString())
        LocalDateTime before = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')
        LocalDateTime after = LocalDateTime.now()
        def header = result.stdoutLines[0] =~ /^Dry run of rocky9\.groovy: compose Rocky-9\.7-(\S+) in (.+)$/
        assert header.matches()
        String stamp = header.group(1)

        then:
        result.exitCode == 0
        !result.stdout.contains('<YYYYMMDD.HHMMSS>')
        stamp ==~ /\d{8}\.\d{6}/
        header.group(2) == "$root/compose/9/Rocky-9.7-$stamp".toString()
        !stamped(stamp).isBefore(before)
        !stamped(stamp).isAfter(after)
        Files.list(root).withCloseable { it.count() } == 0
    }

    def "apply --dry-run runs the plan with the options it was made with"() {
        given:
        Path root = Files.createDirectory(dir.resolve('root'))
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json', '--arch', 'x86_64', '--skip-debug', '--root',
                root.toString(), '--date-stamp', STAMP)
        List<String> ids = read('plan.json').tasks*.id

        when: 'applied with no option at all'
        def result = relengine('apply', 'plan.json', '--dry-run')

        then:
        result.exitCode == 0
        result.stderr == ''
        result.stdoutLines.first() == "Dry run of rocky9.groovy: compose Rocky-9.7-$STAMP in $root/compose/9/Rocky-9.7-$STAMP".toString()
        ids.size() == 88  // with the 6 live images of x86_64
        printedTasks(result) == ids
        ids.every { !it.contains(':debug') && !it.contains(':aarch64') && !it.contains(':source') }
        !result.stdout.contains('/mnt/')
        Files.list(root).withCloseable { it.count() } == 0
    }

    def "apply --dry-run after the recipe changed: exit 1, a stale plan is refused, no task printed"() {
        given:
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json')
        String made = read('plan.json').recipe.hash
        Files.writeString(recipe, edited(recipe, "version: '9.7'", "version: '9.8'"))
        String now = (new JsonSlurper().parseText(relengine('plan', 'rocky9.groovy', '--format', 'json').stdout) as Map)
                .recipe.hash

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')

        then:
        made != now
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == [
                'relengine: refusing a stale plan: rocky9.groovy changed since plan.json was made',
                "  plan made from $made".toString(),
                "  recipe is now  $now".toString(),
                '  hint: make a new plan: relengine plan rocky9.groovy --out plan.json',
        ]
        result.stackTraceMarkers == []
    }

    def "a stale plan made with #options: the hint remakes the same plan"() {
        given:
        relengine((['plan', 'rocky9.groovy', '--out', 'plan.json'] + options) as String[])
        Files.writeString(recipe, edited(recipe, "version: '9.7'", "version: '9.8'"))

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')
        String hint = result.stderrLines.find { it.startsWith('  hint: make a new plan: ') }
        List<String> words = hint?.substring('  hint: make a new plan: '.length())?.split(' ') as List<String>

        then:
        result.exitCode == 1
        result.stdout == ''
        words.take(3) == ['relengine', 'plan', 'rocky9.groovy']
        words.takeRight(2) == ['--out', 'plan.json']
        words.size() == 5 + options.size()
        options.collate(2).every { pair -> Collections.indexOfSubList(words, pair) >= 0 }      // each option with its value

        where:
        options << [
                [],
                ['--arch', 'x86_64'],
                ['--root', '/srv/relengine-test', '--date-stamp', STAMP],
                ['--repo', 'BaseOS', '--update'],
        ]
    }

    def "apply --dry-run of a plan whose tasks were edited: exit 1, refused"() {
        given:
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json')
        Map saved = read('plan.json')
        saved.tasks = saved.tasks.findAll { it.id != 'sync:BaseOS:x86_64:debug' }
        Files.writeString(dir.resolve('plan.json'), JsonOutput.prettyPrint(JsonOutput.toJson(saved)))

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == [
                'relengine: refusing a stale plan: the same recipe now plans different tasks than plan.json holds '
                        + '(relengine or its inputs changed)',
                '  hint: make a new plan: relengine plan rocky9.groovy --out plan.json',
        ]
    }

    def "apply --dry-run from another directory: exit 1, the plan's recipe is not there"() {
        given:
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json')
        Path elsewhere = Files.createDirectory(dir.resolve('elsewhere'))

        when:
        def result = Cli.run([dir: elsewhere], 'apply', dir.resolve('plan.json').toString(), '--dry-run')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == ['relengine: the plan\'s recipe rocky9.groovy does not exist (run apply from the '
                                       + 'directory the plan was made in)']
    }

    def "apply #file (#what): exit 1 and `#message`"() {
        given:
        if (content != null) {
            Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8)
        } else if (what == 'a directory') {
            Files.createDirectory(dir.resolve(file))
        }

        when:
        def result = relengine('apply', file, '--dry-run')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == ["relengine: cannot use $file: $message".toString()]
        result.stackTraceMarkers == []

        where:
        file             | what                  | content                             | message
        'model.json'     | 'another JSON schema' | '{"schema": "relengine.model/1"}\n' | 'it is not a relengine plan (schema relengine.plan/1)'
        'array.json'     | 'a JSON array'        | '[1, 2]\n'                          | 'it is not a relengine plan (schema relengine.plan/1)'
        'empty.json'     | 'an empty file'       | ''                                  | 'it is not a relengine plan (schema relengine.plan/1)'
    }

    static final String REGULAR = 'a plan is read from a regular file: save its text in one'

    def "a plan file that is a FIFO is refused at once, naming it"() {
        given: 'a FIFO no one writes to; a reader that opened it would wait until the spec opens it, 8 s on'
        RefusedRecipeFileSpec.fifo(dir.resolve('plan.json'))

        when:
        long start = System.nanoTime()
        def result = Cli.run([dir: dir, timeout: 30], 'apply', 'plan.json', '--dry-run')
        long seconds = (System.nanoTime() - start).intdiv(1_000_000_000L)

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == ['relengine: cannot use plan.json: it is a FIFO (named pipe)', "  hint: $REGULAR".toString()]
        result.stackTraceMarkers == []
        seconds < 8
    }

    def "apply #file (#what): exit 1, refused before anything of it is read, with a hint"() {
        given:
        make(dir.resolve(file))

        when:
        def result = Cli.run([dir: dir, timeout: 60], 'apply', file, '--dry-run')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == ["relengine: cannot use $file: $reason".toString(), "  hint: $hint".toString()]
        result.stackTraceMarkers == []

        where:
        file        | what                     | make                                                                         || reason                                                    | hint
        '/dev/zero' | 'a device that never ends' | { Path p -> }                                                              || 'it is a character device'                                | REGULAR
        'zero.json' | 'a link to /dev/zero'    | { Path p -> Files.createSymbolicLink(p, Path.of('/dev/zero')) }             || 'it is a link to /dev/zero, which is a character device'  | REGULAR
        'plans'     | 'a directory'            | { Path p -> Files.createDirectory(p) }                                      || 'it is a directory'                                       | 'name the plan file in it, as written by `relengine plan --out`'
        'huge.json' | 'a file over 64 MiB'     | { Path p -> new RandomAccessFile(p.toFile(), 'rw').withCloseable { it.setLength((64L << 20) + 1) } } || 'it is larger than 64 MiB, more than any plan' | 'check that this is the plan meant; the plan of a whole distribution is about a megabyte'
    }

    def "a plan file of 64 MiB is read: the limit is past any plan, not at it"() {
        given: 'a plan, padded with spaces to the limit'
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json')
        Path plan = dir.resolve('plan.json')
        long size = Files.size(plan)
        Files.newOutputStream(plan, java.nio.file.StandardOpenOption.APPEND).withCloseable { out ->
            byte[] spaces = (' ' * (1 << 20)).bytes
            long left = (64L << 20) - size
            while (left > 0) {
                int n = (int) Math.min(left, spaces.length)
                out.write(spaces, 0, n)
                left -= n
            }
        }

        when:
        def result = relengine('apply', 'plan.json', '--dry-run')

        then:
        Files.size(plan) == 64L << 20
        result.exitCode == 0
        result.stderr == ''
    }

    def "apply #file (#what): exit 1, one clear line naming the plan, no library internals"() {
        given:
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json')
        String whole = Files.readString(dir.resolve('plan.json'))
        String text = content == 'TRUNCATED' ? whole.substring(0, whole.length().intdiv(2)) : content
        if (text != null) {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8)
        }

        when:
        def result = relengine('apply', file, '--dry-run')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stackTraceMarkers == []
        result.stderrLines.size() == 1
        result.stderrLines[0].startsWith('relengine: ')
        result.stderrLines[0].contains(file)
        result.stderrLines[0] ==~ expected
        !(result.stderr =~ /StreamReadFeature|REDACTED|\[Source:/)

        where:
        file             | what                     | content                           | expected
        'half.json'      | 'a truncated plan'       | 'TRUNCATED'                       | /.*(?i)(JSON|end of (the )?(input|file)|truncated).*/
        'notes.txt'      | 'not JSON'               | 'hello\n'                         | /.*(?i)(JSON).*/
        'missing.json'   | 'no such file'           | null                              | /.*(?i)(no such file|does not exist|not found|there is no plan).*/
        'bare.json'      | 'a plan with no recipe'  | '{"schema": "relengine.plan/1"}'  | /.*(?i)recipe.*/
    }

    def "apply PLAN without --dry-run of a plan whose steps run on podman and kubernetes: refused, nothing written"() {
        given:
        Path root = Files.createDirectory(dir.resolve('root'))
        relengine('plan', 'rocky9.groovy', '--out', 'plan.json', '--root', root.toString(), '--date-stamp', STAMP)

        when: 'guarded like a real run would need to be: no tool on PATH, a root of its own'
        def result = Cli.run([dir: dir, env: [PATH: Files.createDirectory(dir.resolve('empty-path')).toString()]],
                'apply', 'plan.json')

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines.size() == 2
        result.stderrLines[0] ==~ /relengine: \d+ tasks run where they cannot go from this machine now \(e\.g\. repoclosure:devel:x86_64\): .*/
        result.stderrLines[0].contains('podman is not installed')
        result.stderrLines[1] == '  hint: run them on this machine with --executor local'
        Files.list(root).withCloseable { it.count() } == 0
    }

    static LocalDateTime stamped(String stamp) {
        LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern('yyyyMMdd.HHmmss'))
    }

    /** The text of {@code file} with {@code from}, which must occur exactly once, replaced. */
    static String edited(Path file, String from, String to) {
        String text = Files.readString(file, StandardCharsets.UTF_8)
        assert text.count(from) == 1
        text.replace(from, to)
    }
}
