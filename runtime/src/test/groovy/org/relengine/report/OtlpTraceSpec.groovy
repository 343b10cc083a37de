package org.relengine.report

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Path
import java.time.Duration
import org.relengine.exec.TinyRun
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A run as OpenTelemetry spans in the OTLP file format: a JSON line per run, a root span for the run and a
 * child span for each task that ran, with the times and attributes a trace viewer shows.
 */
class OtlpTraceSpec extends Specification {

    @TempDir
    Path dir

    TinyRun run
    String text
    List<JsonNode> spans

    def setup() {
        run = new TinyRun(dir.resolve('work/logs'))
        run.firstHalf()
        run.secondHalf()
        def out = new StringWriter()
        OtlpTrace.write(out, [new PlanRun(run.plan, run.record, 3, Duration.ofSeconds(25), 'DOOMED')])
        text = out.toString()
        spans = new ObjectMapper().readTree(text).path('resourceSpans')[0].path('scopeSpans')[0].path('spans').toList()
    }

    def "a run is one line holding one JSON object of resource spans, relengine the service"() {
        when:
        def json = new ObjectMapper().readTree(text)
        def resource = json.path('resourceSpans')[0]

        then:
        text.count('\n') == 1
        text.endsWith('}\n')
        json.fieldNames().toList() == ['resourceSpans']
        resource.path('resource').path('attributes')[0].toString() == '{"key":"service.name","value":{"stringValue":"relengine"}}'
        resource.path('scopeSpans')[0].path('scope').path('name').asText() == 'org.relengine'
    }

    def "the root span is the run; a child span per task that ran, none for the skipped one"() {
        when:
        def root = spans[0]

        then:
        spans*.path('name')*.asText() == ['relengine run Tiny-9.1-20250301.100000', 'prepare', 'sync:BaseOS:x86_64:os',
                                          'repoclosure:BaseOS:x86_64', 'extras:dvd:x86_64']
        spans.every { it.path('traceId').asText() ==~ /[0-9a-f]{32}/ && it.path('traceId') == root.path('traceId') }
        spans.every { it.path('spanId').asText() ==~ /[0-9a-f]{16}/ }
        spans*.path('spanId')*.asText().unique().size() == 5
        !root.has('parentSpanId')
        spans.drop(1).every { it.path('parentSpanId') == root.path('spanId') }
        spans.every { it.path('kind').asInt() == 1 }
    }

    def "times are nanoseconds since the epoch, written as strings"() {
        expect:
        spans.collect { [it.path('startTimeUnixNano').textual, it.path('startTimeUnixNano').asText(), it.path('endTimeUnixNano').asText()] } == [
                [true, '1740823200000000000', '1740823225000000000'],
                [true, '1740823200000000000', '1740823202000000000'],
                [true, '1740823202000000000', '1740823212000000000'],
                [true, '1740823212000000000', '1740823220000000000'],
                [true, '1740823202000000000', '1740823225000000000']]
    }

    def "a task's span says its id, kind, stage, state and exit status; a failed one is an error with the scheduler's reason"() {
        when:
        def closure = spans.find { it.path('name').asText() == 'repoclosure:BaseOS:x86_64' }
        def prepare = spans.find { it.path('name').asText() == 'prepare' }

        then:
        attributes(closure) == ['relengine.task.id': 'repoclosure:BaseOS:x86_64', 'relengine.task.kind': 'repoclosure',
                                'relengine.task.stage': 'compose', 'relengine.task.state': 'failed',
                                'relengine.task.failable': false, 'relengine.task.exit_code': '1']
        closure.path('status').toString() == '{"code":2,"message":"dnf exited with status 1"}'
        attributes(prepare) == ['relengine.task.id': 'prepare', 'relengine.task.kind': 'prepare',
                                'relengine.task.stage': 'compose', 'relengine.task.state': 'done',
                                'relengine.task.failable': false]
        prepare.path('status').toString() == '{"code":1}'
    }

    def "the root span says which compose, its status and the slots, and is an error when the run failed"() {
        expect:
        attributes(spans[0]) == ['relengine.compose.id': 'Tiny-9.1-20250301.100000', 'relengine.recipe': 'recipes/tiny.groovy',
                                 'relengine.status': 'DOOMED', 'relengine.slots': '2', 'relengine.exit_code': '3']
        spans[0].path('status').toString() == '{"code":2,"message":"the run ended DOOMED"}'
    }

    static Map<String, Object> attributes(JsonNode span) {
        span.path('attributes').toList().collectEntries { a ->
            def value = a.path('value')
            [a.path('key').asText(), value.has('boolValue') ? value.path('boolValue').asBoolean()
                    : value.has('intValue') ? value.path('intValue').asText() : value.path('stringValue').asText()]
        }
    }
}
