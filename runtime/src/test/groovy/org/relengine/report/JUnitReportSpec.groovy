package org.relengine.report

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import javax.xml.parsers.DocumentBuilderFactory
import org.relengine.exec.TinyRun
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The JUnit XML report of a run: a test suite per stage and a test case per task, in the Ant/Surefire format
 * CI servers read; a failure carries the end of the task's log, escaped whatever the log holds.
 */
class JUnitReportSpec extends Specification {

    @TempDir
    Path dir

    TinyRun finished() {
        def run = new TinyRun(Files.createDirectories(dir.resolve('compose/work/logs')))
        Files.writeString(run.log('repoclosure:BaseOS:x86_64'), (1..45).collect { "line $it" }.join('\n') +
                '\n\u001b[31mError:\u001b[0m <demo-broken> needs "a & b" ]]> nothing\n')
        run.firstHalf()
        run.secondHalf()
        run
    }

    def "a tiny run gives exactly this XML: a suite per stage, a case per task, failures with the log's end, skips"() {
        given:
        def run = finished()
        def text = new StringWriter()

        when:
        JUnitReport.write(text, [new PlanRun(run.plan, run.record, 3, Duration.ofSeconds(25), 'DOOMED')])

        then:
        text.toString() == '''<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="relengine" tests="5" failures="2" errors="0" skipped="1" time="25.000">
  <testsuite name="compose" tests="4" failures="1" errors="0" skipped="1" time="20.000" timestamp="2025-03-01T10:00:00">
    <testcase classname="relengine.compose" name="prepare" time="2.000"/>
    <testcase classname="relengine.compose" name="sync:BaseOS:x86_64:os" time="10.000"/>
    <testcase classname="relengine.compose" name="repoclosure:BaseOS:x86_64" time="8.000">
      <failure message="dnf exited with status 1" type="failed">
''' + (7..45).collect { "line $it\n" }.join('') + '''\uFFFD[31mError:\uFFFD[0m &lt;demo-broken&gt; needs "a &amp; b" ]]&gt; nothing
</failure>
    </testcase>
    <testcase classname="relengine.compose" name="finalize" time="0.000">
      <skipped message="a required dependency failed"/>
    </testcase>
  </testsuite>
  <testsuite name="images" tests="1" failures="1" errors="0" skipped="0" time="23.000" timestamp="2025-03-01T10:00:02">
    <testcase classname="relengine.images" name="extras:dvd:x86_64" time="23.000">
      <failure message="xorriso exited with status 5" type="failable">(no log)</failure>
    </testcase>
  </testsuite>
</testsuites>
'''
    }

    def "the report is written atomically and parses as XML, one test case per task, by stage"() {
        given:
        def run = finished()
        Path file = dir.resolve('reports/junit.xml')

        when:
        JUnitReport.write(file, [new PlanRun(run.plan, run.record, 3, Duration.ofSeconds(25), 'DOOMED')])
        def document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
        def cases = document.getElementsByTagName('testcase')

        then:
        Files.list(file.parent).toList()*.fileName*.toString() == ['junit.xml']
        (0..<cases.length).collect { cases.item(it).getAttribute('name') } ==
                ['prepare', 'sync:BaseOS:x86_64:os', 'repoclosure:BaseOS:x86_64', 'finalize', 'extras:dvd:x86_64']
        document.getElementsByTagName('failure').length == 2
    }
}
