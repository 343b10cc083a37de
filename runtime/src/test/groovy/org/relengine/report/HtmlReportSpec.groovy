package org.relengine.report

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import javax.xml.parsers.DocumentBuilderFactory
import org.relengine.exec.TaskState
import org.relengine.exec.TinyRun
import org.w3c.dom.Document
import org.w3c.dom.Element
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The HTML report of a run: one file that needs nothing else, every text escaped, a row and a graph node per
 * task, and each log linked relative to the report.
 */
class HtmlReportSpec extends Specification {

    @TempDir
    Path dir

    TinyRun run
    Path report
    String html
    Document document

    def setup() {
        run = new TinyRun(Files.createDirectories(dir.resolve('Tiny 9/work/logs')))
        Files.writeString(run.log('prepare'), 'made the compose\n')
        Files.writeString(run.log('repoclosure:BaseOS:x86_64'), 'Error: nothing provides\n')
        run.start()
        run.event('prepare', TaskState.RUNNING, 0)
        run.at(2)
        run.event('prepare', TaskState.DONE, 1)
        run.event('sync:BaseOS:x86_64:os', TaskState.RUNNING, 1)
        run.event('extras:dvd:x86_64', TaskState.RUNNING, 1)
        run.at(12)
        run.event('sync:BaseOS:x86_64:os', TaskState.DONE, 2)
        run.event('repoclosure:BaseOS:x86_64', TaskState.RUNNING, 2)
        run.secondHalf()
        report = dir.resolve('reports/run.html')
        HtmlReport.write(report, [new PlanRun(run.plan, run.record, 3, Duration.ofSeconds(25), 'DOOMED')])
        html = Files.readString(report)
        document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
    }

    List<Element> elements(String name) {
        def list = document.getElementsByTagName(name)
        (0..<list.length).collect { list.item(it) as Element }
    }

    def "it is one well-formed file with no script and nothing to fetch: styles, timeline and graph inline"() {
        expect:
        html.startsWith('<!DOCTYPE html>\n<html lang="en">')
        elements('script').empty
        elements('link').empty
        !html.contains('src=')
        !(html =~ /(?i)(https?:|url\()/)
        elements('style').size() == 1
        elements('svg').size() == 2
    }

    def "the timeline comes first, before the stages and the graph"() {
        expect:
        elements('h2')*.textContent == ['Timeline', 'Stages', 'Task graph', 'Tasks']
        elements('svg')*.getAttribute('aria-label') == ['the timeline: 4 tasks in 2 lanes over 25.0 s',
                                                        'the task graph: 5 tasks']
    }

    def "the timeline has a bar per task that ran, on the lowest lane free at its start, coloured by state, the critical path outlined"() {
        when:
        def bars = elements('g').findAll { it.getAttribute('class').startsWith('bar ') }

        then:
        bars*.getAttribute('class') == ['bar done critical', 'bar done', 'bar failed', 'bar failable critical']
        bars*.getAttribute('data-lane') == ['0', '0', '0', '1']
        bars.collect { it.getElementsByTagName('title').item(0).textContent } == [
                'prepare: done, 2.0 s (+0.0 s to +2.0 s), on the critical path',
                'sync:BaseOS:x86_64:os: done, 10.0 s (+2.0 s to +12.0 s)',
                'repoclosure:BaseOS:x86_64: failed, 8.0 s (+12.0 s to +20.0 s)',
                'extras:dvd:x86_64: failed (failable), 23.0 s (+2.0 s to +25.0 s), on the critical path']
        bars.collect { bar -> (bar.getElementsByTagName('rect').item(0) as Element).with {
            [getAttribute('x'), getAttribute('y'), getAttribute('width')] } } == [
                ['52.0', '6', '96.0'], ['148.0', '6', '480.0'], ['628.0', '6', '384.0'], ['148.0', '24', '1104.0']]
        bars.collect { it.getElementsByTagName('text').item(0)?.textContent } == [
                'prepare', 'sync:BaseOS:x86_64:os', 'repoclosure:BaseOS:x86_64', 'extras:dvd:x86_64']
    }

    def "the timeline has a lane label per slot and a time axis in steps that keep it readable"() {
        when:
        def timeline = elements('svg')[0]
        def axis = children(timeline, 'g').find { it.getAttribute('class') == 'axis' }
        def lanes = children(timeline, 'g').find { it.getAttribute('class') == 'lanes' }

        then:
        children(lanes, 'text')*.textContent == ['slot 1', 'slot 2']
        children(axis, 'text')*.textContent == ['0:00', '0:05', '0:10', '0:15', '0:20', '0:25']
        children(axis, 'line').size() == 6
    }

    def "under the timeline: the critical path against the wall time, the idle slots, and the path task by task"() {
        when:
        def where = elements('p').find { it.getAttribute('class') == 'where' }
        def path = elements('ol').find { it.getAttribute('class') == 'critical' }

        then:
        where.textContent == 'Critical path 25.0 s of 25.0 s wall (100 %); slots idle 14 % of 2 slots × 25.0 s. ' +
                '1 task took no slot (reused, skipped or not run) and has no bar.'
        children(path, 'li')*.textContent == ['prepare — done, 2.0 s from +0.0 s',
                                              'extras:dvd:x86_64 — failed (failable), 23.0 s from +2.0 s']
    }

    def "a run in which no task ran says so instead of drawing an empty timeline"() {
        given:
        def text = new StringWriter()
        run = new TinyRun(dir.resolve('other/work/logs'))
        run.start()
        run.plan.tasks().each { run.event(it.id(), TaskState.REUSED, 0) }
        run.record.finished()

        when:
        HtmlReport.write(text, [new PlanRun(run.plan, run.record, 0, Duration.ZERO, 'FINISHED')], dir)

        then:
        text.toString().contains('<h2>Timeline</h2><p>No task ran in this run: every task was reused, skipped or not started.</p>')
        !text.toString().contains('class="timeline"')
    }

    def "the header says which compose, from which recipe, how it ended, when, how long, and the counts"() {
        when:
        Map<String, String> facts = elements('table').find { it.getAttribute('class') == 'facts' }
                .getElementsByTagName('tr').with { rows -> (0..<rows.length).collectEntries { i ->
                    def row = rows.item(i) as Element
                    [row.getElementsByTagName('th').item(0).textContent, row.getElementsByTagName('td').item(0).textContent]
                } }

        then:
        facts == [compose: 'Tiny-9.1-20250301.100000', recipe: 'recipes/tiny.groovy', status: 'DOOMED',
                  started: '2025-03-01 10:00:00 UTC', took: '25.0 s',
                  tasks  : '5: 2 done, 2 failed (1 failable), 1 skipped']
    }

    def "the stage table has each stage's tasks counted and its wall time"() {
        when:
        def rows = rows('stages')

        then:
        rows == [['compose', '4', '2', '1', '1', '20.0 s'], ['images', '1', '0', '1', '0', '23.0 s']]
    }

    def "the task table has a row per task, in plan order, with state, start, duration, exit, reason and log link"() {
        when:
        def rows = rows('tasks')

        then:
        rows == [
                ['prepare', 'compose', 'done', '+0.0 s', '2.0 s', '', '', '../Tiny 9/work/logs/prepare.log'],
                ['sync:BaseOS:x86_64:os', 'compose', 'done', '+2.0 s', '10.0 s', '0', '', ''],
                ['repoclosure:BaseOS:x86_64', 'compose', 'failed', '+12.0 s', '8.0 s', '1', 'dnf exited with status 1',
                 '../Tiny 9/work/logs/repoclosure_BaseOS_x86_64.log'],
                ['extras:dvd:x86_64', 'images', 'failed (failable)', '+2.0 s', '23.0 s', '5',
                 'xorriso exited with status 5', ''],
                ['finalize', 'compose', 'skipped', '', '', '', 'a required dependency failed', '']]
    }

    def "log links are relative to the report's directory and percent-encoded, and they lead to the log"() {
        when:
        def links = elements('a')*.getAttribute('href')

        then:
        links == ['../Tiny%209/work/logs/prepare.log', '../Tiny%209/work/logs/repoclosure_BaseOS_x86_64.log']
        links.every { Files.isRegularFile(report.parent.toUri().resolve(it).with { Path.of(it) }) }
    }

    def "the graph has a node per task coloured by its state, its title the id, state and duration, and a line per dependency"() {
        when:
        def nodes = elements('g').findAll { it.getAttribute('class').startsWith('node ') }

        then:
        nodes*.getAttribute('class') == ['node done', 'node done', 'node failed', 'node failable', 'node skipped']
        nodes.collect { it.getElementsByTagName('title').item(0).textContent } == [
                'prepare: done, 2.0 s', 'sync:BaseOS:x86_64:os: done, 10.0 s', 'repoclosure:BaseOS:x86_64: failed, 8.0 s',
                'extras:dvd:x86_64: failed (failable), 23.0 s', 'finalize: skipped']
        elements('g').find { it.getAttribute('class') == 'edges' }.getElementsByTagName('line').length == 5
    }

    def "text from tools is escaped, never markup"() {
        given:
        def text = new StringWriter()
        run = new TinyRun(dir.resolve('other/work/logs'))
        run.start()
        run.event('prepare', TaskState.RUNNING, 0)
        run.event('prepare', TaskState.FAILED, 1, '<script>alert("x")</script> & more')

        when:
        HtmlReport.write(text, [new PlanRun(run.plan, run.record, 3, Duration.ZERO, 'DOOMED')], dir)

        then:
        text.toString().contains('&lt;script&gt;alert("x")&lt;/script&gt; &amp; more')
        !text.toString().contains('<script')
    }

    static List<Element> children(Element parent, String name) {
        def list = parent.getElementsByTagName(name)
        (0..<list.length).collect { list.item(it) as Element }
    }

    List<List<String>> rows(String table) {
        def body = elements('table').find { it.getAttribute('class') == table }.getElementsByTagName('tbody').item(0) as Element
        def trs = body.getElementsByTagName('tr')
        (0..<trs.length).collect { i ->
            def cells = (trs.item(i) as Element).getElementsByTagName('td')
            (0..<cells.length).collect { cells.item(it).textContent }
        }
    }
}
