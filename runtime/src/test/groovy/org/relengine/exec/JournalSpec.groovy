package org.relengine.exec

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** What a journal says a task did, including after a crash cut its last line short. */
class JournalSpec extends Specification {

    @TempDir
    Path dir

    def "a task counts as finished only by a done (or reused) line; a later failure takes that back"() {
        given:
        Journal journal = new Journal(dir.resolve('journal'))
        def ingredients = new TaskIngredients([spec: 'sha256 0123456789abcdef', 'tool dnf': '4.14.0'])

        when:
        journal.start(1, false)
        journal.record('a', TaskState.RUNNING, null, null, null)
        journal.record('a', TaskState.DONE, null, null, null, ingredients)
        journal.record('b', TaskState.RUNNING, null, null, null)
        journal.record('c', TaskState.RUNNING, null, null, null)
        journal.record('c', TaskState.DONE, null, null, null, ingredients)
        journal.start(2, true)
        journal.record('c', TaskState.RUNNING, null, null, null)
        journal.record('c', TaskState.FAILED, 1, null, 'dnf exited with status 1')
        def history = Journal.read(journal.file())

        then:
        history.runs() == 2
        history.finished('a').hash() == ingredients.hash()
        history.finished('a').ingredients() == [spec: 'sha256 0123456789abcdef', 'tool dnf': '4.14.0']
        history.finished('b') == null
        history.finished('c') == null
        history.states() == [a: 'done', b: 'running', c: 'failed']
        history.finishedStatus() == 'FINISHED_INCOMPLETE'
    }

    def "a last line cut short by a crash is ignored"() {
        given:
        Path file = dir.resolve('journal')
        Files.writeString(file, '{"time":"2026-11-26T05:00:00Z","task":"a","state":"running"}\n' +
                '{"time":"2026-11-26T05:00:01Z","task":"a","state":"do')

        expect:
        Journal.read(file).states() == [a: 'running']
        Journal.read(file).finished('a') == null
    }

    def "ingredients name what changed, was and now"() {
        given:
        def now = new TaskIngredients(['spec': 'sha256 1', 'tool xorriso': 'xorriso 1.5.6', 'input /srv/lorax': 'ab'])
        def before = ['spec': 'sha256 1', 'tool xorriso': 'xorriso 1.5.4', 'input /srv/extra': 'absent']

        expect:
        now.changedSince(before) == ['input /srv/lorax: new (ab)', 'tool xorriso: was xorriso 1.5.4, now xorriso 1.5.6',
                                     'input /srv/extra: gone (was absent)']
        now.hash() == new TaskIngredients(['input /srv/lorax': 'ab', 'tool xorriso': 'xorriso 1.5.6', 'spec': 'sha256 1']).hash()
        now.hash() != new TaskIngredients(['spec': 'sha256 1', 'tool xorriso': 'xorriso 1.5.4', 'input /srv/lorax': 'ab']).hash()
    }

    static final String DONE_A = '{"time":"2026-12-03T10:00:00Z","task":"a","state":"done"}'
    static final String DONE_C = '{"time":"2026-12-03T10:00:02Z","task":"c","state":"done"}'

    def "a damaged line (#damage) is skipped and named, and the lines around it still count"() {
        given:
        Path file = dir.resolve('journal')
        def bytes = new ByteArrayOutputStream()
        bytes.write((DONE_A + '\n').getBytes('UTF-8'))
        bytes.write(line as byte[])
        bytes.write(('\n' + DONE_C + '\n').getBytes('UTF-8'))
        Files.write(file, bytes.toByteArray())

        when:
        def history = Journal.read(file)

        then:
        history.states() == [a: 'done', c: 'done']
        history.damaged() == [reported]

        where:
        damage                | line                                                                              || reported
        'a byte not UTF-8'    | [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]                                              || 'line 2: not UTF-8 text'
        'a time that is none' | '{"time":"yesterday","task":"b","state":"done"}'.getBytes('UTF-8') as List                    || 'line 2: its time `yesterday` is not a time'
        'not JSON'            | 'garbage{'.getBytes('UTF-8') as List                                                          || 'line 2: not a JSON object'
    }

    def "a last line a crash cut short is ignored without a word, and the next run's first line starts fresh"() {
        given:
        Path file = dir.resolve('journal')
        Files.writeString(file, DONE_A + '\n{"time":"2026-12-03T10:00:01Z","task":"b","sta')

        when:
        def before = Journal.read(file)
        Journal journal = new Journal(file)
        journal.record('c', TaskState.DONE, null, null, null)
        def after = Journal.read(file)

        then:
        before.states() == [a: 'done']
        before.damaged() == []
        after.states() == [a: 'done', c: 'done']
        after.damaged() == ['line 2: not a JSON object']
    }
}
