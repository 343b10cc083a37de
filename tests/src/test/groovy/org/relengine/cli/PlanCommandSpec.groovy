package org.relengine.cli

import static org.relengine.cli.Cli.Result.diagnosticLines

import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.Path
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Document
import org.w3c.dom.Element
import org.xml.sax.InputSource
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** {@code relengine plan}, run as a process: the task graph of the shipped Rocky 9 recipe, its formats and selections. */
class PlanCommandSpec extends Specification {

    static final String RECIPE = 'recipes/rocky9.groovy'
    static final String STAMP = '20251111.154233'
    static final String PLACEHOLDER = '<YYYYMMDD.HHMMSS>'
    /** The id of a new compose whose date stamp is not chosen yet. */
    static final String NEW_ID = 'Rocky-9.7-<YYYYMMDD.HHMMSS>'

    static final List<String> ALL = ['x86_64', 'aarch64', 'ppc64le', 's390x']

    /**
     * Rocky Linux 9's repos in sync order and the arches each is synced on (sig-core-toolkit's el9 config):
     * devel also carries the i686 multilib tree of x86_64.
     */
    static final Map<String, List<String>> SYNC_ARCHES = [
            devel           : ALL + ['i686'],
            BaseOS          : ALL,
            AppStream       : ALL,
            CRB             : ALL,
            HighAvailability: ALL,
            ResilientStorage: ['x86_64', 'ppc64le', 's390x'],
            RT              : ['x86_64', 'aarch64'],
            NFV             : ['x86_64'],
            SAP             : ['x86_64', 'ppc64le', 's390x'],
            SAPHANA         : ['x86_64', 'ppc64le'],
            extras          : ALL,
            plus            : ALL,
    ]

    /** The reference repo × arch pairs of Rocky 9: one `os` tree each. */
    static final Set<List<String>> REFERENCE_PAIRS =
            SYNC_ARCHES.collectMany { repo, arches -> arches.collect { [repo, it] } } as Set

    /** The tasks per kind of a full plan of Rocky 9, in pipeline order. */
    static final Map<String, Integer> FULL_KINDS = [
            prepare: 1, extrafiles: 1, sync: 131, repoclosure: 31, lorax: 4, unpack: 4, treeinfo: 39, extras: 4,
            cloud  : 59, live: 12, finalize: 1, stage: 1, updateinfo: 27, signrepos: 1, promote: 1, filelists: 1, torrents: 8,
    ]

    static final String BASEURL = 'https://yumrepofs.build.resf.org/v1/projects/e285fe05-8c5f-417a-a4a3-caeca4011896/repo'

    @Shared
    Map<List<String>, Cli.Result> runs = [:]

    @TempDir
    Path dir

    /** {@code plan RECIPE ARGS…}, run once per argument list and shared by the features that read it. */
    Cli.Result planOf(List<String> args) {
        runs.computeIfAbsent(args) { Cli.run((['plan', RECIPE] + args) as String[]) }
    }

    Map json(List<String> args = []) {
        new JsonSlurper().parseText(planOf(['--format', 'json'] + args).stdout) as Map
    }

    // ---------------------------------------------------------------- json

    def "plan --format json exits 2 with schema relengine.plan/1 and nothing on stderr"() {
        given:
        def result = planOf(['--format', 'json'])

        expect:
        result.exitCode == 2
        result.stderr == ''
        json().schema == 'relengine.plan/1'
        json().recipe.file == RECIPE
        json().compose == [id  : "Rocky-9.7-$PLACEHOLDER".toString(), dir: "/mnt/compose/9/Rocky-9.7-$PLACEHOLDER".toString(),
                           full: true, scope: 'all']
        json().summary.tasks == json().tasks.size()
        json().summary.byKind == FULL_KINDS
    }

    def "plan --format json: every task has an id, a kind, a repo or null, an arch or null, dependsOn ids and argv lists"() {
        given:
        List<Map> tasks = json().tasks

        expect:
        tasks.size() == 326
        tasks.findAll { !wellFormed(it) }*.id == []
        tasks*.id.unique(false) == tasks*.id
    }

    def "plan --format json: the os trees synced are exactly Rocky 9's repo × arch pairs"() {
        given:
        List<Map> os = json().tasks.findAll { it.kind == 'sync' && it.id.endsWith(':os') }
        Set<List<String>> pairs = os.collect { [it.repo, it.arch] } as Set

        expect:
        pairs == REFERENCE_PAIRS
        os.size() == REFERENCE_PAIRS.size()
        os.size() == 40
        os.every { it.id == "sync:${it.repo}:${it.arch}:os".toString() }
        !pairs.contains(['RT', 's390x'])
        !pairs.contains(['SAPHANA', 'aarch64'])
        !pairs.contains(['NFV', 'aarch64'])
        pairs.contains(['devel', 'i686'])
        !pairs.contains(['BaseOS', 'i686'])
    }

    def "plan --format json: every sync task runs the native engine, on this machine"() {
        given:
        List<Map> syncs = json().tasks.findAll { it.kind == 'sync' }

        expect:
        syncs.size() == 131
        syncs.findAll { !it.commands.isEmpty() || it.actions*.operation != [null, 'native-sync'] || it.executor != 'local' }*.id == []
    }

    def "plan --format json: every dependency exists and comes earlier in the list, so the graph has no cycle"() {
        expect:
        graphProblems(json().tasks) == []
        json().tasks[0].id == 'prepare'
        json().tasks[0].dependsOn == []
    }

    def "plan --format #format: two runs print the same bytes"() {
        given:
        def first = planOf(['--format', format])
        def second = Cli.run('plan', RECIPE, '--format', format)

        expect:
        first.exitCode == 2
        second.exitCode == 2
        first.stdoutBytes.length > 0
        second.stdoutBytes == first.stdoutBytes

        where:
        format << ['json', 'text', 'dot', 'mermaid', 'markdown']
    }

    def "plan --date-stamp puts the stamp in the compose id and every path, and no placeholder is left"() {
        given:
        def result = planOf(['--format', 'json', '--date-stamp', STAMP])
        Map plan = json(['--date-stamp', STAMP])

        expect:
        result.exitCode == 2
        result.stderr == ''
        plan.compose.id == 'Rocky-9.7-20251111.154233'
        plan.compose.dir == '/mnt/compose/9/Rocky-9.7-20251111.154233'
        plan.targets.compose == '/mnt/compose/9/Rocky-9.7-20251111.154233'
        !result.stdout.contains(PLACEHOLDER)
        plan.tasks*.id == json().tasks*.id
    }

    // ---------------------------------------------------------------- other formats

    def "plan --format dot is a graph Graphviz renders: every task a node, every dependency an edge"() {
        given:
        String dotBinary = which('dot')
        if (dotBinary == null) {
            throw new AssertionError('Graphviz `dot` is not on PATH; this spec runs the real one. Install graphviz '
                    + '(`.ci/run` does: apt-get install graphviz, or dnf install graphviz).' as Object)
        }
        def result = planOf(['--format', 'dot'])
        Path input = dir.resolve('plan.dot')
        Files.writeString(input, result.stdout)
        List<Map> tasks = json().tasks

        when: 'the dot text is piped into dot -Tsvg'
        def svg = Cli.exec(['bash', '-c', 'dot -Tsvg < "$1"', 'bash', input.toString()], dir)
        def doc = svgTree(svg.stdout)

        then:
        result.exitCode == 2
        result.stderr == ''
        result.stdoutLines.first() == 'digraph plan {'
        svg.exitCode == 0
        svg.stderr == ''
        svg.stdout.contains('<svg')
        ['prepare', 'sync:BaseOS:x86_64:os', 'repoclosure:SAPHANA:ppc64le', 'lorax:s390x', 'finalize', 'promote',
         'torrents:dvd:aarch64'].every { svg.stdout.contains("<title>$it</title>") }
        nodeTitles(doc).size() == tasks.size()            // Graphviz writes nodes in its own order
        nodeTitles(doc) as Set == tasks*.id as Set
        edgeTitles(doc) as Set == tasks.collectMany { t -> t.dependsOn.collect { "$it->${t.id}".toString() } } as Set
        edgeTitles(doc).size() == tasks.sum { it.dependsOn.size() }
    }

    def "plan --format mermaid: a flowchart whose edges join declared nodes with plain ids"() {
        given:
        def result = planOf(['--format', 'mermaid'])
        List<String> lines = result.stdoutLines
        List<Map> tasks = json().tasks
        def nodes = lines.collect { it =~ /^  ([A-Za-z0-9_]+)\["([^"]+)"\]$/ }.findAll { it.matches() }
                .collect { [id: it.group(1), label: it.group(2)] }
        def edges = lines.collect { it =~ /^  ([A-Za-z0-9_]+) --> ([A-Za-z0-9_]+)$/ }.findAll { it.matches() }
                .collect { [it.group(1), it.group(2)] }
        Set<String> declared = nodes*.id as Set
        Map<String, String> labelOf = nodes.collectEntries { [it.id, it.label] }

        expect:
        result.exitCode == 2
        result.stderr == ''
        lines.first() == 'flowchart LR'
        lines.size() == 1 + nodes.size() + edges.size()     // nothing but the header, nodes and edges
        nodes*.label == tasks*.id
        declared.size() == nodes.size()                        // no two tasks share a node id
        declared.every { it ==~ /[A-Za-z0-9_]+/ }
        edges.findAll { !(it[0] in declared) || !(it[1] in declared) } == []
        edges.collect { "${labelOf[it[0]]}->${labelOf[it[1]]}".toString() } as Set ==
                tasks.collectMany { t -> t.dependsOn.collect { "$it->${t.id}".toString() } } as Set
        edges.size() == tasks.sum { it.dependsOn.size() }
    }

    def "plan --format markdown: the task count, the kinds table, the targets and every task"() {
        given:
        def result = planOf(['--format', 'markdown'])
        List<Map> tasks = json().tasks
        List<String> expected = ['### relengine plan: `recipes/rocky9.groovy`', '', '<count line>', '',
                                 '| kind | tasks |', '|---|---:|'] +
                FULL_KINDS.collect { kind, n -> "| $kind | $n |".toString() } +
                ['', '| target | path |', '|---|---|',
                 "| compose | `/mnt/compose/9/Rocky-9.7-$PLACEHOLDER` |".toString(),
                 '| latest | `/mnt/compose/9/latest-Rocky-9` |',
                 '| production | `/mnt/repos-production/mirror/pub/rocky/9.7` |',
                 '| staging | `/mnt/repos-staging/mirror/pub/rocky/9.7-RC2` |',
                 '', '<details><summary>Tasks</summary>', ''] +
                tasks.collect { "- `${it.id}`${it.failable ? ' (failable)' : ''}".toString() } +
                ['', '</details>']

        expect:
        result.exitCode == 2
        result.stderr == ''
        // the recipe's commit is named when the recipe is committed and unchanged
        result.stdoutLines[2] ==~ /\*\*326 tasks\*\* in a new compose, compose id `Rocky-9\.7-<YYYYMMDD\.HHMMSS>`(, recipe at `[0-9a-f]{12}`)?/
        result.stdoutLines.withIndex().collect { line, i -> i == 2 ? '<count line>' : line } == expected
    }

    def "plan (text): the compose id, the targets, the counts per kind, then every task by stage"() {
        given:
        def result = planOf([])
        List<Map> tasks = json().tasks
        List<String> expected = [
                'Plan for recipes/rocky9.groovy: 326 tasks to run (full run: a new compose)',
                "  compose id   Rocky-9.7-$PLACEHOLDER".toString(),
                "  compose      /mnt/compose/9/Rocky-9.7-$PLACEHOLDER".toString(),
                '  latest       /mnt/compose/9/latest-Rocky-9',
                '  staging      /mnt/repos-staging/mirror/pub/rocky/9.7-RC2',
                '  production   /mnt/repos-production/mirror/pub/rocky/9.7',
                '',
                '  ' + FULL_KINDS.collect { kind, n -> "$kind $n" }.join('  '),
        ]
        ['compose', 'images', 'publish'].each { stage ->
            List<Map> inStage = tasks.findAll { it.stage == stage }
            expected << '' << "$stage (${inStage.size()}):".toString()
            expected.addAll(inStage.collect { "  ${it.id}${it.failable ? '  (failable)' : ''}".toString() })
        }

        expect:
        result.exitCode == 2
        result.stderr == ''
        result.stdoutLines.take(8) == expected.take(8)
        result.stdoutLines == expected
        result.stdoutLines.findAll { it ==~ /(compose|images|publish) \(\d+\):/ } ==
                ['compose (204):', 'images (83):', 'publish (39):']
    }

    // ---------------------------------------------------------------- selections

    def "plan #args: the sync tasks, in recipe order"() {
        given:
        def result = planOf(['--format', 'json'] + args)

        expect:
        result.exitCode == 2
        result.stderr == ''
        json(args).tasks.findAll { it.kind == 'sync' }*.id == expected

        where:
        args                                        | expected
        []                                          | syncIds()
        ['--arch', 'x86_64']                        | syncIds(arches: ['x86_64'])
        ['--arch', 'x86_64,aarch64']                | syncIds(arches: ['x86_64', 'aarch64'])
        ['--arch', 'i686']                          | syncIds(arches: ['i686'])
        ['--update']                                | syncIds(kickstart: false)
        ['--update', '--repo', 'BaseOS']            | syncIds(repos: ['BaseOS'], kickstart: false)
        ['--update', '--repo', 'AppStream,BaseOS']  | syncIds(repos: ['BaseOS', 'AppStream'], kickstart: false)
        ['--update', '--arch', 's390x']             | syncIds(arches: ['s390x'], kickstart: false)
        ['--only', 'compose']                       | syncIds()
        ['--only', 'publish']                       | []
        ['--skip-debug']                            | syncIds(debug: false)
        ['--skip-source']                           | syncIds(source: false)
        ['--skip-debug', '--skip-source']           | syncIds(debug: false, source: false)
        ['--image', 'dvd']                          | syncIds()
    }

    def "plan #args: compose #composeId, scope #scope, and the tasks per kind"() {
        given:
        Map plan = json(args)
        List<Map> tasks = plan.tasks

        expect:
        planOf(['--format', 'json'] + args).exitCode == 2
        plan.compose == [id: composeId, dir: "/mnt/compose/9/$composeId".toString(), full: full, scope: scope]
        plan.targets.compose == plan.compose.dir
        tasks.countBy { it.kind } == kinds
        plan.summary.byKind == kinds
        tasks.collect { it.arch }.findAll() as Set == arches as Set
        graphProblems(tasks) == []

        where:
        args                             | composeId                        | full  | scope     | arches              | kinds
        []                               | NEW_ID                           | true  | 'all'     | ALL + ['i686']      | FULL_KINDS
        ['--arch', 'x86_64']             | NEW_ID                           | true  | 'all'     | ['x86_64']          | [prepare: 1, extrafiles: 1, sync: 36, repoclosure: 10, lorax: 1, unpack: 1, treeinfo: 12, extras: 1, cloud: 15, live: 6, finalize: 1, stage: 1, updateinfo: 9, signrepos: 1, promote: 1, filelists: 1, torrents: 2]
        ['--update']                     | 'latest-Rocky-9'                 | false | 'all'     | ALL + ['i686']      | [prepare: 1, sync: 92, repoclosure: 31, stage: 1, updateinfo: 27, signrepos: 1, promote: 1, filelists: 1]
        ['--update', '--repo', 'BaseOS'] | 'latest-Rocky-9'                 | false | 'all'     | ALL                 | [prepare: 1, sync: 9, repoclosure: 4, stage: 1, updateinfo: 4, signrepos: 1, promote: 1, filelists: 1]
        ['--only', 'compose']            | NEW_ID                           | true  | 'compose' | ALL + ['i686']      | FULL_KINDS.subMap(['prepare', 'extrafiles', 'sync', 'repoclosure', 'lorax', 'unpack', 'treeinfo', 'extras', 'cloud', 'live', 'finalize'])
        ['--only', 'publish']            | 'latest-Rocky-9'                 | false | 'publish' | ALL                 | [stage: 1, updateinfo: 27, signrepos: 1, promote: 1, filelists: 1, torrents: 8]
        ['--skip-debug']                 | NEW_ID                           | true  | 'all'     | ALL + ['i686']      | FULL_KINDS + [sync: 91]
        ['--skip-source']                | NEW_ID                           | true  | 'all'     | ALL + ['i686']      | FULL_KINDS + [sync: 119]
        ['--image', 'dvd']               | NEW_ID                           | true  | 'all'     | ALL + ['i686']      | FULL_KINDS + [torrents: 4]
    }

    def "plan --arch x86_64 plans x86_64 only: no other arch, not even multilib i686, and no source trees"() {
        given:
        List<Map> tasks = json(['--arch', 'x86_64']).tasks

        expect:
        json(['--arch', 'x86_64']).selection.arches == ['x86_64']
        tasks.findAll { it.arch != null && it.arch != 'x86_64' }*.id == []
        tasks.findAll { it.id.endsWith(':source') }*.id == []
        tasks.findAll { it.id.contains('i686') }*.id == []
        tasks.findAll { it.kind == 'lorax' }*.id == ['lorax:x86_64']
        tasks.findAll { it.kind == 'torrents' }*.id == ['torrents:boot:x86_64', 'torrents:dvd:x86_64']
    }

    def "plan --update re-syncs into the latest compose: no kickstart trees, no images, no finalize"() {
        given:
        Map plan = json(['--update'])
        List<Map> tasks = plan.tasks
        Map prepare = tasks.find { it.id == 'prepare' }

        expect:
        plan.compose.dir == '/mnt/compose/9/latest-Rocky-9'
        plan.targets == [compose   : '/mnt/compose/9/latest-Rocky-9', latest: '/mnt/compose/9/latest-Rocky-9',
                         production: '/mnt/repos-production/mirror/pub/rocky/9.7',
                         staging   : '/mnt/repos-staging/mirror/pub/rocky/9.7-RC2']
        tasks.findAll { it.id.endsWith(':kickstart') }*.id == []
        tasks.findAll { it.kind in ['lorax', 'unpack', 'extras', 'extrafiles', 'treeinfo', 'cloud', 'live', 'finalize',
                                    'torrents'] }*.id == []
        // an update run requires the latest compose and never makes a new compose directory
        prepare.actions[0] == [type       : 'internal',
                               operation  : 'require-compose',
                               description: 'require the latest compose /mnt/compose/9/latest-Rocky-9 (an update run writes into it)',
                               paths      : ['/mnt/compose/9/latest-Rocky-9'],
                               params     : [path: '/mnt/compose/9/latest-Rocky-9']]
        prepare.actions.findAll { it.type == 'mkdir' }*.path.every { it.startsWith('/mnt/compose/9/latest-Rocky-9/') }
        tasks.findAll { it.kind == 'sync' }.every { it.outputs.every { it.startsWith('/mnt/compose/9/latest-Rocky-9/compose/') } }
    }

    def "plan --update --repo BaseOS syncs and checks BaseOS only"() {
        given:
        Map plan = json(['--update', '--repo', 'BaseOS'])

        expect:
        plan.selection.repos == ['BaseOS']
        plan.tasks.findAll { it.repo != null }.collect { it.repo } as Set == ['BaseOS'] as Set
        plan.tasks.findAll { it.kind == 'repoclosure' }*.id ==
                ['repoclosure:BaseOS:x86_64', 'repoclosure:BaseOS:aarch64', 'repoclosure:BaseOS:ppc64le', 'repoclosure:BaseOS:s390x']
        plan.tasks*.id.findAll { !it.startsWith('sync:') && !it.startsWith('repoclosure:') } ==
                ['prepare', 'stage', 'updateinfo:BaseOS:x86_64', 'updateinfo:BaseOS:aarch64', 'updateinfo:BaseOS:ppc64le',
                 'updateinfo:BaseOS:s390x', 'signrepos', 'promote', 'filelists']
    }

    def "plan --only publish plans the publish steps only, from the latest compose"() {
        given:
        Map plan = json(['--only', 'publish'])

        expect:
        plan.tasks*.id.findAll { !it.startsWith('updateinfo:') } == ['stage', 'signrepos', 'promote', 'filelists',
                'torrents:boot:x86_64', 'torrents:dvd:x86_64', 'torrents:boot:aarch64', 'torrents:dvd:aarch64',
                'torrents:boot:ppc64le', 'torrents:dvd:ppc64le', 'torrents:boot:s390x', 'torrents:dvd:s390x']
        plan.tasks*.id.count { it.startsWith('updateinfo:') } == 27
        plan.tasks.every { it.stage == 'publish' }
        plan.tasks.find { it.id == 'stage' }.inputs == ['/mnt/compose/9/latest-Rocky-9/compose']
        graphProblems(plan.tasks) == []
    }

    def "plan #args drops the #tree trees and nothing else"() {
        given:
        List<String> ids = json(args).tasks*.id
        List<String> full = json().tasks*.id

        expect:
        ids.findAll { it.endsWith(":$tree") } == []
        ids == full.findAll { !it.endsWith(":$tree") }
        json(args).selection[flag] == false

        where:
        args              | tree     | flag
        ['--skip-debug']  | 'debug'  | 'debug'
        ['--skip-source'] | 'source' | 'source'
    }

    def "plan --image dvd builds the dvd and no other extra image"() {
        given:
        Map plan = json(['--image', 'dvd'])

        expect:
        plan.selection.image == 'dvd'
        plan.tasks.findAll { it.kind == 'extras' }*.id ==
                ['extras:dvd:x86_64', 'extras:dvd:aarch64', 'extras:dvd:ppc64le', 'extras:dvd:s390x']
        plan.tasks.findAll { it.kind == 'torrents' }*.id ==
                ['torrents:dvd:x86_64', 'torrents:dvd:aarch64', 'torrents:dvd:ppc64le', 'torrents:dvd:s390x']
    }

    // ---------------------------------------------------------------- mistakes

    def "plan #args: exit 1, no plan, and `#message`"() {
        when:
        def result = planOf(['--format', 'json'] + args)

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines == ["relengine: $message".toString(), "  hint: $hint".toString()]
        result.stackTraceMarkers == []

        where:
        args                                      | message                                                         | hint
        ['--repo', 'BaseOS']                      | '--repo selects repos of an update run, but this is a full run' | 'a full run composes every repo into a new compose; add --update to re-sync BaseOS into the latest compose'
        ['--repo', 'BaseOS', '--only', 'compose'] | '--repo selects repos of an update run, but this is a full run' | 'a full run composes every repo into a new compose; add --update to re-sync BaseOS into the latest compose'
        ['--update', '--repo', 'BaseOs']          | '--repo BaseOs: the recipe declares no repo `BaseOs`'           | 'did you mean `BaseOS`?'
        ['--update', '--repo', 'Nope']            | '--repo Nope: the recipe declares no repo `Nope`'               | 'repos: devel, BaseOS, AppStream, CRB, HighAvailability, ResilientStorage, RT, NFV, SAP, SAPHANA, extras, plus'
        ['--arch', 'x86-64']                      | '--arch x86-64: not an arch of the release'                     | 'did you mean `x86_64`?'
        ['--arch', 'aarch46']                     | '--arch aarch46: not an arch of the release'                    | 'did you mean `aarch64`?'
        ['--arch', 'riscv64']                     | '--arch riscv64: not an arch of the release'                    | 'arches: x86_64, aarch64, ppc64le, s390x'
    }

    def "plan --image dvdd: exit 1 with a did-you-mean, like an unknown repo or arch"() {
        when:
        def result = planOf(['--format', 'json', '--image', 'dvdd'])

        then:
        result.exitCode == 1
        result.stdout == ''
        result.stderrLines.first().startsWith('relengine: --image dvdd')
        result.stderrLines.contains('  hint: did you mean `dvd`?')
        result.stackTraceMarkers == []
    }

    def "plan #args: exit 64, `#message` and where to find help"() {
        when:
        def result = planOf(['--format', 'json'] + args)

        then:
        result.exitCode == 64
        result.stdout == ''
        result.stderrLines.first() == "relengine: $message".toString()
        result.stackTraceMarkers == []
        result.stderrLines.last() == "Try 'relengine plan --help' for more information."
        result.stderrLines.size() == 2

        where:
        args                               | message
        ['--only', 'foo']                  | '--only takes compose, publish or vault, not `foo`'
        ['--only', 'Publish']              | '--only takes compose, publish or vault, not `Publish`'
        ['--date-stamp', '2025-11-11']     | '--date-stamp takes YYYYMMDD.HHMMSS, not `2025-11-11`'
        ['--date-stamp', '20251111.1542']  | '--date-stamp takes YYYYMMDD.HHMMSS, not `20251111.1542`'
        ['--date-stamp', '20251111154233'] | '--date-stamp takes YYYYMMDD.HHMMSS, not `20251111154233`'
        ['--format', 'yaml']               | "Invalid value for option '--format': expected one of [text, json, dot, mermaid, markdown] (case-insensitive) but was 'yaml'"
    }

    def "plan of a broken recipe (#format): exit 1, the diagnostic on stderr, nothing on stdout"() {
        given:
        Path recipe = Cli.copyRecipe(dir, 'rocky9.groovy', ["arches: ['x86_64'], closure": "arches: ['x86_65'], closure"])
        List<String> lines = Files.readAllLines(recipe)
        int line = lines.findIndexOf { it.contains("'x86_65'") } + 1
        int column = lines[line - 1].indexOf("'x86_65'") + 1

        when:
        def result = Cli.run([dir: dir], (['plan', 'rocky9.groovy'] + format) as String[])

        then:
        result.exitCode == 1
        result.stdout == ''
        diagnosticLines(result.stderr) == ["rocky9.groovy:$line:$column: error: unknown arch `x86_65` [R305]".toString()]
        result.stderrLines.contains('  = hint: did you mean `x86_64`?')
        result.stderrLines.last() == 'rocky9.groovy: 1 error'
        result.stackTraceMarkers == []

        where:
        format << [[], ['--format', 'json'], ['--format', 'json', '--out', 'plan.json']]
    }

    def "plan of a broken recipe with --out writes no plan file"() {
        given:
        Cli.copyRecipe(dir, 'rocky9.groovy', ["arches: ['x86_64'], closure": "arches: ['x86_65'], closure"])

        when:
        def result = Cli.run([dir: dir], 'plan', 'rocky9.groovy', '--out', 'plan.json')

        then:
        result.exitCode == 1
        result.stdout == ''
        Files.list(dir).withCloseable { it.map { it.fileName.toString() }.toList() } == ['rocky9.groovy']
    }

    def "plan of a recipe that does not exist: exit 1 and R100, nothing on stdout"() {
        when:
        def result = Cli.run([dir: dir], 'plan', 'nothere.groovy', '--format', 'json')

        then:
        result.exitCode == 1
        result.stdout == ''
        diagnosticLines(result.stderr) == ['nothere.groovy:1:1: error: cannot read recipe `nothere.groovy`: no such file [R100]']
        result.stackTraceMarkers == []
    }

    // ---------------------------------------------------------------- --root and --source

    def "--root DIR relocates every path under DIR; --source URL becomes the base URL of every synced repo"() {
        given:
        Path root = dir.resolve('relocated')
        String url = 'https://mirror.example.org/rocky'
        String prefix = "$root/"
        String composeDir = "$root/compose/9/Rocky-9.7-$STAMP"

        when:
        def result = Cli.run('plan', RECIPE, '--format', 'json', '--root', root.toString(), '--source', url,
                '--date-stamp', STAMP)
        Map plan = new JsonSlurper().parseText(result.stdout) as Map
        Map write = plan.tasks.find { it.id == 'prepare' }.actions.find { it.operation == 'write-private-file' }.params
        List<String> config = (write.content as String).readLines()
        List<String> baseurls = config.findAll { it.startsWith('baseurl=') }

        then:
        result.exitCode == 2
        result.stderr == ''
        plan.compose.dir == composeDir
        plan.targets == [compose   : composeDir, latest: "$root/compose/9/latest-Rocky-9".toString(),
                         production: "$root/production/mirror/pub/rocky/9.7".toString(),
                         staging   : "$root/staging/mirror/pub/rocky/9.7-RC2".toString()]
        !result.stdout.contains('/mnt/')
        pathsOutside(plan.tasks, prefix) == []
        plan.tasks.collectMany { it.commands.flatten() }.findAll { it.startsWith('--repofrompath=') }
                .findAll { !(it ==~ /--repofrompath=[A-Za-z]+,file:\/\/${java.util.regex.Pattern.quote(prefix)}.+/) } == []

        and: 'the dnf configuration reposync reads points at URL for every repo, and nowhere else'
        write.path == "$composeDir/work/dnf/Rocky-9.7-${STAMP}.repo".toString()
        baseurls.size() == config.count { it ==~ /\[.+\]/ } - 1         // one per repo section, none in [main]
        baseurls.size() == 92
        baseurls.findAll { !it.startsWith("baseurl=$url/") } == []
        baseurls.contains("baseurl=$url/e285fe05-8c5f-417a-a4a3-caeca4011896/repo/hashed-BaseOS/x86_64".toString())
        !write.content.contains('yumrepofs.build.resf.org')
        config.contains("cachedir=$composeDir/work/dnf/cache".toString())
        plan.tasks.findAll { it.kind == 'sync' }.collectMany { it.inputs }.findAll { !it.startsWith("$url/") } == []
    }

    def "without --source the dnf configuration reads the recipe's source"() {
        given:
        Map write = json().tasks.find { it.id == 'prepare' }.actions.find { it.operation == 'write-private-file' }.params
        List<String> baseurls = (write.content as String).readLines().findAll { it.startsWith('baseurl=') }

        expect:
        baseurls.size() == 92
        baseurls.findAll { !it.startsWith("baseurl=$BASEURL/") } == []
        baseurls.contains("baseurl=$BASEURL/hashed-BaseOS/x86_64".toString())
    }

    def "a relative --root is taken from the working directory"() {
        given:
        Path base = dir.toRealPath()

        when:
        def result = Cli.run([dir: dir], 'plan', Cli.RECIPES.resolve('rocky9.groovy').toString(), '--format', 'json',
                '--root', 'relocated', '--date-stamp', STAMP)
        Map plan = new JsonSlurper().parseText(result.stdout) as Map

        then:
        result.exitCode == 2
        plan.compose.dir == "$base/relocated/compose/9/Rocky-9.7-$STAMP".toString()
        pathsOutside(plan.tasks, "$base/relocated/") == []
        plan.tasks.collectMany { it.commands.flatten() }.findAll { it.startsWith('--repofrompath=') }
                .every { it.contains(",file://$base/relocated/") }
    }

    // ---------------------------------------------------------------- helpers

    /** The ids of Rocky 9's sync tasks for a selection, in the order the planner adds them. */
    static List<String> syncIds(Map selection = [:]) {
        List<String> repos = (selection.repos ?: SYNC_ARCHES.keySet()) as List<String>
        List<String> arches = selection.arches as List<String>
        boolean debug = selection.get('debug', true)
        boolean kickstart = selection.get('kickstart', true)
        boolean source = selection.get('source', true)
        List<String> ids = []
        SYNC_ARCHES.keySet().findAll { it in repos }.each { repo ->
            SYNC_ARCHES[repo].findAll { arches == null || it in arches }.each { arch ->
                ids << "sync:$repo:$arch:os".toString()
                if (debug) {
                    ids << "sync:$repo:$arch:debug".toString()
                }
                if (kickstart && arch != 'i686') {      // multilib trees are not install trees
                    ids << "sync:$repo:$arch:kickstart".toString()
                }
            }
            if (source && arches == null) {             // --arch leaves the source trees out
                ids << "sync:$repo:source".toString()
            }
        }
        ids
    }

    static boolean wellFormed(Map task) {
        task.id instanceof String && task.kind instanceof String &&
                task.containsKey('repo') && (task.repo == null || task.repo instanceof String) &&
                task.containsKey('arch') && (task.arch == null || task.arch instanceof String) &&
                task.dependsOn instanceof List && task.dependsOn.every { it instanceof String } &&
                task.commands instanceof List &&
                task.commands.every { it instanceof List && !it.isEmpty() && it.every { w -> w instanceof String } }
    }

    /** Dependencies that are unknown or not earlier in the list; empty for a well-ordered acyclic graph. */
    static List<String> graphProblems(List<Map> tasks) {
        Map<String, Integer> position = [:]
        List<String> problems = []
        tasks.eachWithIndex { Map task, int i ->
            if (position.put(task.id as String, i) != null) {
                problems << "duplicate task ${task.id}".toString()
            }
        }
        tasks.eachWithIndex { Map task, int i ->
            task.dependsOn.each { String dep ->
                Integer at = position[dep]
                if (at == null) {
                    problems << "${task.id} depends on unknown $dep".toString()
                } else if (at >= i) {
                    problems << "${task.id} depends on $dep, which comes later".toString()
                }
            }
        }
        problems
    }

    /** Every file-system path a task makes, writes or links that is not under {@code prefix}. */
    static List<String> pathsOutside(List<Map> tasks, String prefix) {
        List<String> outside = []
        tasks.each { Map task ->
            List<String> paths = task.outputs.findAll { !(it ==~ /[a-z][a-z0-9+.-]*:\/\/.*/) } as List<String>
            task.actions.each { Map action ->
                switch (action.type) {
                    case 'mkdir': paths << (action.path as String); break
                    case 'write': paths << (action.path as String); break
                    case 'symlink': paths << (action.link as String); break
                    case 'internal': paths.addAll(action.paths.findAll { !(it ==~ /[a-z][a-z0-9+.-]*:\/\/.*/) } as List<String>); break
                }
            }
            outside.addAll(paths.findAll { !it.startsWith(prefix) }.collect { "${task.id}: $it".toString() })
        }
        outside
    }

    static String which(String tool) {
        System.getenv('PATH')?.split(':')?.findResult { String entry ->
            Path candidate = Path.of(entry ?: '.').resolve(tool)
            Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? candidate.toString() : null
        }
    }

    /** An SVG document, parsed without fetching its DTD. */
    static Document svgTree(String svg) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance()
        factory.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)))
    }

    /** The titles of the SVG groups of one class, in document order: Graphviz titles a node by its name. */
    static List<String> titles(Document svg, String groupClass) {
        def groups = svg.getElementsByTagName('g')
        (0..<groups.length).collect { groups.item(it) as Element }.findAll { it.getAttribute('class') == groupClass }
                .collect { it.getElementsByTagName('title').item(0).textContent }
    }

    static List<String> nodeTitles(Document svg) {
        titles(svg, 'node')
    }

    static List<String> edgeTitles(Document svg) {
        titles(svg, 'edge')
    }
}
