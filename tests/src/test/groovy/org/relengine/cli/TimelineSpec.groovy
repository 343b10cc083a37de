package org.relengine.cli

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Document
import org.w3c.dom.Element
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * Where a run's time went: the lines a run ends with (its critical path against the wall time, and how much
 * of it the slots sat idle) and the timeline that opens its HTML report, a bar per task that ran in a lane per
 * slot. The compose is the mini9 recipe with a package whose dependency nothing provides, run once with two
 * slots, so that there are done, failed and skipped tasks and two of them at once. The report and its picture
 * stay in tests/target/timeline for people to look at.
 */
@Stepwise
class TimelineSpec extends Specification {

    static final Path KEPT = Cli.ROOT.resolve('tests/target/timeline')

    @Shared Path out = Files.createTempDirectory('relengine-timeline')
    @Shared Path report = KEPT.resolve('report.html')
    @Shared Path trace = KEPT.resolve('trace.json')
    @Shared Cli.Result demo
    @Shared Map<String, String> states
    @Shared Document html

    def setupSpec() {
        KEPT.toFile().deleteDir()
        Files.createDirectories(KEPT)
    }

    def cleanupSpec() {
        out.toFile().deleteDir()
    }

    def "a run with --jobs 2 ends its table of stages with its critical path against the wall time and the idle slots"() {
        when:
        demo = Cli.run([env: DemoSpec.ENV + [NO_COLOR: '1'], timeout: 600], 'demo', '--executor', 'local',
                '--broken-dependency', '--out', out.toString(), '--recipe',
                RunReportSpec.MINI.resolve('mini9.groovy').toString(), '--progress', 'plain', '--jobs', '2',
                '--report', report.toString(), '--trace', trace.toString())
        states = demo.stdoutLines.collect { it =~ RunReportSpec.EVENT }.findAll { it.matches() }
                .collectEntries { [it.group(4), it.group(3).strip()] }
        int tableAt = demo.stdoutLines.indexOf('stage      tasks   done  failed  skipped  wall time')
        int stages = demo.stdoutLines.subList(tableAt + 1, demo.stdoutLines.size()).findIndexOf { it.empty }
        List<String> where = demo.stdoutLines.subList(tableAt + stages + 2, tableAt + stages + 4)
        def critical = where[0] =~ /^critical path  (.+ s) of (.+ s) wall \((\d+) %\): (.+)$/
        def idle = where[1] =~ /^slots idle     (\d+) % of 2 slots × (.+ s)$/

        then:
        demo.exitCode == 3
        demo.stackTraceMarkers == []
        states['repoclosure:AppStream:x86_64'] == 'FAILED'
        stages == 3
        critical.matches()
        idle.matches()
        critical.group(2) == idle.group(2)
        (critical.group(3) as int) in 1..100
        (idle.group(1) as int) in 0..99

        and: 'the path names tasks that ran, each after the last, the first two and last two of a long one'
        List<String> path = critical.group(4).split(' → ').findAll { !(it ==~ /… \(\d+ more\)/) }
        path.size() in 1..5
        path.every { states[it] in ['done', 'FAILED'] }
        path.collect { id -> states.keySet().toList().indexOf(id) } == path.collect { id -> states.keySet().toList().indexOf(id) }.sort()

        and: 'the run\'s closing summary and where its report and trace are come after them'
        demo.stdoutLines[tableAt + stages + 4] == ''
        demo.stdoutLines[tableAt + stages + 5] ==~ /relengine: \d+ done, \d+ failed \(\d+ required\), \d+ skipped in .+/
        demo.stdoutLines.takeRight(2) == ["relengine: HTML report ${report}".toString(),
                                          "relengine: OpenTelemetry trace ${trace}".toString()]
    }

    def "the report's timeline has a bar for every task that ran and none other, in two slot lanes and the pool's"() {
        when:
        html = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
        def timeline = elements(html.documentElement, 'svg').find { it.getAttribute('class') == 'timeline' }
        def bars = elements(timeline, 'g').findAll { it.getAttribute('class').startsWith('bar ') }
        Map<String, String> barStates = bars.collectEntries { bar ->
            [title(bar).substring(0, title(bar).indexOf(': ')), bar.getAttribute('class').split(' ')[1]]
        }
        def ran = states.findAll { id, state -> state != 'skipped' }
        Element table = elements(html.documentElement, 'table').find { it.getAttribute('class') == 'tasks' }
        Map<String, String> tableStates = elements(table, 'tr').drop(1).collectEntries { row ->
            def cells = elements(row, 'td')
            [cells[0].textContent, cells[2].getAttribute('class')]
        }

        then:
        elements(html.documentElement, 'h2')*.textContent.take(2) == ['Timeline', 'Stages']
        barStates.keySet().sort() == ran.keySet().sort()
        barStates == tableStates.subMap(ran.keySet())
        barStates.values().toSet() - ['done', 'failed', 'failable'] == [] as Set
        barStates.values().containsAll(['done', 'failed'])
        and: 'the tasks that took a slot in the two slots\' lanes, the native syncs in pool lanes below them'
        def slotBars = bars.findAll { !title(it).startsWith('sync:') }
        def poolBars = bars.findAll { title(it).startsWith('sync:') }
        slotBars*.getAttribute('data-lane').unique().sort() == ['0', '1']
        !poolBars.isEmpty() && poolBars.every { (it.getAttribute('data-lane') as int) >= 2 }
        int poolLanes = (poolBars*.getAttribute('data-lane')*.toInteger().max()) - 1
        timeline.getAttribute('aria-label') ==~ /the timeline: ${ran.size()} tasks in 2 lanes and $poolLanes pool lanes? over .+ s/
        elements(elements(timeline, 'g').find { it.getAttribute('class') == 'lanes' }, 'text')*.textContent ==
                ['slot 1', 'slot 2'] + (1..poolLanes).collect { "pool $it".toString() }
        bars.every { title(it) ==~ /\S+: (done|failed|failed \(failable\)), .+ s \(\+.+ s to \+.+ s\)(, on the critical path)?/ }
    }

    def "the critical path is outlined on the timeline and listed under it, the same path the run printed"() {
        when:
        def timeline = elements(html.documentElement, 'svg').find { it.getAttribute('class') == 'timeline' }
        def outlined = elements(timeline, 'g').findAll { it.getAttribute('class').endsWith(' critical') }
                .collect { title(it).substring(0, title(it).indexOf(': ')) }
        def listed = elements(elements(html.documentElement, 'ol').find { it.getAttribute('class') == 'critical' }, 'li')
                .collect { it.textContent.substring(0, it.textContent.indexOf(' — ')) }
        String printed = demo.stdoutLines.find { it.startsWith('critical path  ') }
        String where = elements(html.documentElement, 'p').find { it.getAttribute('class') == 'where' }.textContent

        then:
        listed.size() >= 1
        outlined.sort() == listed.clone().sort()
        printed.endsWith(listed.size() <= 5 ? ': ' + listed.join(' → ')
                : ": ${listed[0]} → ${listed[1]} → … (${listed.size() - 4} more) → ${listed[-2]} → ${listed[-1]}")
        where.startsWith('Critical path ' + printed.substring('critical path  '.length(), printed.indexOf(': ')) + '; slots idle ')
    }

    def "--trace writes the run as an OTLP JSON line: a root span and a span per task that ran, as the timeline's bars"() {
        when:
        List<String> lines = Files.readAllLines(trace)
        def json = new ObjectMapper().readTree(lines[0])
        List<JsonNode> spans = json.path('resourceSpans')[0].path('scopeSpans')[0].path('spans').toList()
        Map<String, JsonNode> tasks = spans.drop(1).collectEntries { [it.path('name').asText(), it] }
        Map<String, String> sync = tasks['sync:BaseOS:x86_64:os'].path('attributes').toList()
                .collectEntries { [it.path('key').asText(), it.path('value').fields().next().value.asText()] }

        then:
        lines.size() == 1
        spans[0].path('name').asText() ==~ /relengine run Mini-9\.1-\d{8}\.\d{6}/
        tasks.keySet().sort() == states.findAll { id, state -> state != 'skipped' }.keySet().sort()
        spans.every { it.path('traceId').asText() ==~ /[0-9a-f]{32}/ && it.path('spanId').asText() ==~ /[0-9a-f]{16}/ }
        tasks.values().every { it.path('parentSpanId') == spans[0].path('spanId') }
        spans.every { it.path('startTimeUnixNano').textual && it.path('startTimeUnixNano').asText() ==~ /\d{19}/ &&
                it.path('endTimeUnixNano').asText().toLong() >= it.path('startTimeUnixNano').asText().toLong() }
        sync.subMap(['relengine.task.id', 'relengine.task.kind', 'relengine.task.arch', 'relengine.task.state']) ==
                ['relengine.task.id': 'sync:BaseOS:x86_64:os', 'relengine.task.kind': 'sync',
                 'relengine.task.arch': 'x86_64', 'relengine.task.state': 'done']
        tasks['repoclosure:AppStream:x86_64'].path('status').path('code').asInt() == 2
    }

    @IgnoreIf({ !PlanCommandSpec.which('chromium') })
    def "headless Chromium renders the report to a picture"() {
        given:
        Path png = KEPT.resolve('report.png')

        when:
        def chromium = Cli.exec(['chromium', '--headless', '--disable-gpu', '--no-sandbox', "--screenshot=$png".toString(),
                                 '--window-size=1600,2000', report.toUri().toString()], Cli.ROOT, [:], 120)
        byte[] bytes = Files.readAllBytes(png)

        then:
        chromium.exitCode == 0
        bytes.length > 10_000
        bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]*.byteValue()
    }

    static String title(Element bar) {
        elements(bar, 'title')[0].textContent
    }

    static List<Element> elements(Element parent, String name) {
        def list = parent.getElementsByTagName(name)
        (0..<list.length).collect { list.item(it) as Element }
    }
}
