package org.relengine.cli

import java.nio.file.Files
import java.nio.file.Path
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Document
import org.w3c.dom.Element
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.lang.TempDir

/**
 * What a real run shows as it goes and leaves behind: plain progress lines and a table of stages, a JUnit XML
 * report and a self-contained HTML report. The compose is the small mini9 recipe with a package whose
 * dependency nothing provides, so that the reports have done, failed and skipped tasks; it runs once.
 */
@Stepwise
class RunReportSpec extends Specification {

    static final Path MINI = Cli.ROOT.resolve('tests/src/test/resources/recipes')

    /** The tasks a plain line reports as over: {@code [n/N] done    id}, FAILED, skipped. */
    static final String EVENT = /^\[(\d+)\/(\d+)\] (done   |FAILED |skipped) (\S+?)(: | \(|$).*/

    @Shared Path out = Files.createTempDirectory('relengine-reports')
    @Shared Cli.Result demo
    @Shared Map<String, String> states
    @Shared Document junit
    @Shared Document html

    @TempDir
    Path dir

    def cleanupSpec() {
        out.toFile().deleteDir()
    }

    def "a failing compose run with --progress plain prints a line per task, a table of stages and where its reports are"() {
        when:
        demo = Cli.run([env: DemoSpec.ENV + [NO_COLOR: '1'], timeout: 600], 'demo', '--executor', 'local', '--broken-dependency',
                '--out', out.toString(), '--recipe', MINI.resolve('mini9.groovy').toString(), '--progress', 'plain',
                '--junit', out.resolve('reports/junit.xml').toString(), '--report', out.resolve('reports/run.html').toString())
        def events = demo.stdoutLines.collect { it =~ EVENT }.findAll { it.matches() }
        states = events.collectEntries { [it.group(4), it.group(3).strip()] }
        int total = events[0].group(2) as int
        int tableAt = demo.stdoutLines.indexOf('stage      tasks   done  failed  skipped  wall time')

        then:
        demo.exitCode == 3
        demo.stackTraceMarkers == []
        !demo.stdout.contains('\u001b[')
        events*.group(1)*.toInteger() == (1..total).toList()
        states.size() == total
        states['repoclosure:AppStream:x86_64'] == 'FAILED'
        states['finalize'] == 'skipped'

        and: 'the table follows the last task and comes before the failures are told'
        tableAt == demo.stdoutLines.findLastIndexOf { it ==~ EVENT } + 2
        demo.stdoutLines[tableAt + 1] ==~ /compose +\d+ +\d+ +2 +\d+  .+ s/
        demo.stdoutLines.subList(tableAt, demo.stdoutLines.size()).any { it.startsWith('relengine: ') && it.contains(' failed (2 required)') }
        demo.stdoutLines.takeRight(2) == ["relengine: JUnit report ${out.resolve('reports/junit.xml')}".toString(),
                                          "relengine: HTML report ${out.resolve('reports/run.html')}".toString()]
        Files.list(out.resolve('reports')).toList()*.fileName*.toString().sort() == ['junit.xml', 'run.html']
    }

    def "the JUnit report has one test case per task of the run, in a suite per stage, counted right"() {
        when:
        junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve('reports/junit.xml').toFile())
        def suites = elements(junit, 'testsuite')
        def cases = elements(junit, 'testcase')

        then:
        junit.documentElement.tagName == 'testsuites'
        junit.documentElement.getAttribute('tests') == states.size() as String
        cases*.getAttribute('name').sort() == states.keySet().sort()
        suites*.getAttribute('name') == ['compose', 'images', 'publish']
        suites.every { suite ->
            def own = elements(suite, 'testcase')
            suite.getAttribute('tests') == own.size() as String &&
                    suite.getAttribute('failures') == elements(suite, 'failure').size() as String &&
                    suite.getAttribute('skipped') == elements(suite, 'skipped').size() as String &&
                    suite.getAttribute('errors') == '0' &&
                    suite.getAttribute('time') ==~ /\d+\.\d{3}/ &&
                    suite.getAttribute('timestamp') ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/ &&
                    own.every { it.getAttribute('classname') == "relengine.${suite.getAttribute('name')}" }
        }
    }

    def "a failed task is a failure with the scheduler's reason and the end of its log; a skipped one says why"() {
        when:
        Map<String, Element> cases = elements(junit, 'testcase').collectEntries { [it.getAttribute('name'), it] }
        def failed = cases.findAll { id, c -> elements(c, 'failure') }.keySet()
        def skipped = cases.findAll { id, c -> elements(c, 'skipped') }.keySet()
        Element closure = elements(cases['repoclosure:AppStream:x86_64'], 'failure')[0]

        then:
        failed == states.findAll { it.value == 'FAILED' }.keySet()
        skipped == states.findAll { it.value == 'skipped' }.keySet()
        closure.getAttribute('message') == 'dnf exited with status 1'
        closure.getAttribute('type') == 'failed'
        closure.textContent.contains('demo-missing-capability')
        elements(cases['finalize'], 'skipped')[0].getAttribute('message') == 'a required dependency failed'
        elements(cases['prepare'], 'failure').empty && elements(cases['prepare'], 'skipped').empty
    }

    @Requires({ PlanCommandSpec.which('xmllint') })
    def "xmllint reads the JUnit report as well-formed XML"() {
        when:
        def lint = Cli.exec(['xmllint', '--noout', out.resolve('reports/junit.xml').toString()])

        then:
        lint.exitCode == 0
        lint.stderr == ''
    }

    def "the HTML report is well-formed, fetches nothing and runs no script"() {
        when:
        String text = Files.readString(out.resolve('reports/run.html'))
        html = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve('reports/run.html').toFile())
        def all = elements(html, '*')
        def attributes = all.collectMany { e -> (0..<e.attributes.length).collect { e.attributes.item(it) } }

        then:
        text.startsWith('<!DOCTYPE html>')
        !text.contains('<script')
        !text.contains('<link')
        !text.contains('url(')
        attributes.findAll { it.nodeName in ['src', 'srcset', 'data', 'action'] } == []
        attributes.findAll { it.nodeValue ==~ /(?i)\s*(https?:|\/\/|javascript:).*/ } == []
        elements(html, 'style').size() == 1
    }

    def "the HTML report has a row and a graph node per task, each state as the run printed it, and links to the logs"() {
        when:
        Element table = elements(html, 'table').find { it.getAttribute('class') == 'tasks' }
        List<Element> rows = elements(elements(table, 'tbody')[0], 'tr')
        Map<String, String> shown = rows.collectEntries { row ->
            def cells = elements(row, 'td')
            [cells[0].textContent, cells[2].textContent]
        }
        def nodes = elements(html, 'g').findAll { it.getAttribute('class').startsWith('node ') }
        def links = elements(table, 'a')*.getAttribute('href')
        Path reports = out.resolve('reports')
        Path logs = compose().resolve('work/logs')
        String prefix = '../compose/9/' + compose().fileName + '/work/logs/'
        List<String> written = []
        for (String id : states.keySet()) {
            if (Files.isRegularFile(logs.resolve(logName(id)))) {
                written << prefix + logName(id)
            }
        }

        then:
        rows.size() == states.size()
        shown == states.collectEntries { id, state -> [id, state.toLowerCase()] }
        nodes.size() == states.size()
        nodes.collect { elements(it, 'title')[0].textContent.takeWhile { it != ' ' } }.sort() ==
                states.keySet().collect { "$it:".toString() }.sort()
        links.sort() == written.sort()
        links.contains(prefix + 'repoclosure_AppStream_x86_64.log')
        links.every { Files.isRegularFile(Path.of(reports.toUri().resolve(it))) }
    }

    @Requires({ RunReportSpec.browser() })
    def "a headless browser opens the HTML report without a console error"() {
        when:
        def browser = Cli.exec([browser(), '--headless', '--disable-gpu', '--no-sandbox', '--enable-logging=stderr',
                                '--v=0', '--dump-dom', out.resolve('reports/run.html').toUri().toString()], Cli.ROOT, [:], 120)

        then:
        browser.exitCode == 0
        browser.stdout.contains('class="tasks"')
        browser.stderrLines.findAll { it.contains('CONSOLE') || it.contains('Uncaught') } == []
    }

    def "a run of a source that cannot be reached, with --progress live, redraws its stages in place and writes both reports"() {
        when: 'nothing listens on port 9 of loopback'
        def run = Cli.run([timeout: 300, env: [COLUMNS: '60']], 'run', MINI.resolve('mini9.groovy').toString(),
                '--executor', 'local', '--only', 'compose', '--arch', 'x86_64', '--skip-debug', '--root', dir.toString(),
                '--source', 'http://127.0.0.1:9/v1/projects', '--progress', 'live',
                '--junit', 'junit.xml', '--report', 'report.html')
        def lines = (run.stdout.split('\n') as List<String>).collect { it.replaceAll(/\r|\u001b\[\d*[AJ]/, '') }
        def frames = lines.findAll { it ==~ /^(compose|images) +\d+\/\d+ .*/ }

        then:
        run.exitCode == 3
        run.stackTraceMarkers == []
        run.stdout.contains('\r\u001b[2A\u001b[J')
        !lines.any { it ==~ /^\[\d+\/\d+\] done .*/ }
        lines.any { it ==~ /^\[\d+\/\d+\] FAILED  sync:BaseOS:x86_64:os: GET http:\/\/127\.0\.0\.1:9\/.*\/repodata\/repomd\.xml: cannot connect to 127\.0\.0\.1:9 \(Connection refused\) \(tried 5 times\)$/ }
        frames.size() >= 2
        frames.every { it.length() < 60 }
        lines.contains('stage      tasks   done  failed  skipped  wall time')
        run.stdout.contains('FAILED sync:BaseOS:x86_64:os: GET http://127.0.0.1:9/v1/projects/mini9/repo/hashed-BaseOS/x86_64/repodata/repomd.xml: cannot connect to 127.0.0.1:9 (Connection refused) (tried 5 times)')

        and: 'relative report paths are the working directory\'s'
        Files.isRegularFile(Cli.ROOT.resolve('junit.xml'))
        Files.isRegularFile(Cli.ROOT.resolve('report.html'))

        cleanup:
        Files.deleteIfExists(Cli.ROOT.resolve('junit.xml'))
        Files.deleteIfExists(Cli.ROOT.resolve('report.html'))
    }

    def "#option naming #what is refused before anything runs, in one line with a hint"() {
        when:
        Path target = dir.resolve(path)
        Files.createDirectories(dir.resolve('a-directory'))
        Files.writeString(dir.resolve('a-file'), 'x')
        def run = Cli.run('run', MINI.resolve('mini9.groovy').toString(), '--executor', 'local', '--root',
                dir.resolve('root').toString(), option, target.toString())

        then:
        run.exitCode == 1
        run.stackTraceMarkers == []
        run.stdout == ''
        run.stderrLines == [message.replace('DIR', dir.toString()), hint.replace('DIR', dir.toString())]
        !Files.exists(dir.resolve('root'))

        where:
        option     | what                        | path                 | message                                                                   | hint
        '--junit'  | 'a directory'               | 'a-directory'        | 'relengine: --junit DIR/a-directory is a directory'                       | '  hint: name a file in it, e.g. --junit DIR/a-directory/junit.xml'
        '--report' | 'a directory'               | 'a-directory'        | 'relengine: --report DIR/a-directory is a directory'                      | '  hint: name a file in it, e.g. --report DIR/a-directory/report.html'
        '--report' | 'a file below a file'       | 'a-file/report.html' | 'relengine: --report DIR/a-file/report.html cannot be written: DIR/a-file is not a directory' | '  hint: name a file in a directory'
        '--trace'  | 'a directory'               | 'a-directory'        | 'relengine: --trace DIR/a-directory is a directory'                       | '  hint: name a file in it, e.g. --trace DIR/a-directory/trace.json'
    }

    def "an unknown progress mode is a command-line error that names the modes"() {
        when:
        def run = Cli.run('run', MINI.resolve('mini9.groovy').toString(), '--progress', 'fancy')

        then:
        run.exitCode == 64
        run.stderrLines == ["relengine: Invalid value for option '--progress': expected auto, live or plain, not `fancy`",
                            "Try 'relengine run --help' for more information."]
    }

    static String logName(String id) {
        id.replace(':', '_') + '.log'
    }

    /** A Chromium or Chrome binary on PATH, or null. */
    static String browser() {
        ['chromium', 'chromium-browser', 'google-chrome'].findResult { PlanCommandSpec.which(it) }
    }

    Path compose() {
        Files.list(out.resolve('compose/9')).toList().find { it.fileName.toString().startsWith('Mini-9.1-') }
    }

    static List<Element> elements(Document document, String name) {
        def list = document.getElementsByTagName(name)
        (0..<list.length).collect { list.item(it) as Element }
    }

    static List<Element> elements(Element parent, String name) {
        def list = parent.getElementsByTagName(name)
        (0..<list.length).collect { list.item(it) as Element }
    }
}
