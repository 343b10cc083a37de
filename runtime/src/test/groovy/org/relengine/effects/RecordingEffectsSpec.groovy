package org.relengine.effects

import java.nio.file.Files
import java.nio.file.Path
import java.util.stream.Collectors
import org.relengine.exec.Scheduler
import org.relengine.exec.TaskState
import org.relengine.executors.ExecutorRegistry
import org.relengine.plan.Action
import org.relengine.plan.OperationKey
import org.relengine.plan.ProducerKey
import org.relengine.steps.StepRegistry

import static org.relengine.plan.TestTasks.plan
import static org.relengine.plan.TestTasks.task
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The dry run's effects: each action is printed as it would happen, shell-quoted, and recorded with its type;
 * a process "succeeds" without running; nothing on disk changes. Only a probe does its read-only work.
 */
class RecordingEffectsSpec extends Specification {

    @TempDir
    Path dir

    StringWriter printed = new StringWriter()
    RecordingEffects effects = new RecordingEffects(new PrintWriter(printed, true), StepRegistry.standard())

    def "a #type action is recorded as #type and printed, indented, as `#line`"() {
        when:
        perform(effects)

        then:
        effects.recorded() == [new RecordingEffects.Recorded(type, line)]
        printed.toString() == "    $line\n".toString()

        where:
        type       | line                                                          | perform
        'exec'     | "\$ createrepo_c --update '/srv/a b/os'"                     | { Effects e -> e.exec('t', ['createrepo_c', '--update', '/srv/a b/os'], null) }
        'mkdir'    | "mkdir -p '/mnt/compose/it'\\''s'"                            | { Effects e -> e.makeDirectory('t', "/mnt/compose/it's") }
        'write'    | 'write /c/COMPOSE_ID  (compose id, 1 lines)'                  | { Effects e -> e.writeFile('t', '/c/COMPOSE_ID', ProducerKey.described('compose id'), 'Rocky-9.7-20251111.0', [:]) }
        'write'    | 'write /c/.treeinfo  (.treeinfo, 3 lines)'                    | { Effects e -> e.writeFile('t', '/c/.treeinfo', new ProducerKey('treeinfo', '.treeinfo'), '[header]\ntype = x\nversion = 1.2\n', [:]) }
        'write'    | 'write /c/.treeinfo  (.treeinfo)'                             | { Effects e -> e.writeFile('t', '/c/.treeinfo', new ProducerKey('treeinfo', '.treeinfo'), null, [tree: '/c']) }
        'symlink'  | 'ln -sfn Rocky-9.7-20251111.0 /mnt/compose/latest-Rocky-9'    | { Effects e -> e.symlink('t', '/mnt/compose/latest-Rocky-9', 'Rocky-9.7-20251111.0') }
        'note'     | '# runs again: its recipe changed'                            | { Effects e -> e.note('t', 'runs again: its recipe changed') }
        'internal' | '# move the entries of work/a into compose/a'                 | { Effects e -> e.internal('t', Action.Internal.MOVE_DIRECTORY, 'move the entries of work/a into compose/a', ['/c/a'], [from: '/w/a', to: '/c/a']) }
    }

    def "a process is not run: its exit status is 0, and where its standard output would go is printed on a line of its own"() {
        given:
        Path marker = dir.resolve('ran')

        when:
        int exit = effects.exec('t', ['sh', '-c', "touch '$marker'; exit 3".toString()], '/c/out.txt')

        then:
        exit == 0
        !Files.exists(marker)
        effects.recorded() == [new RecordingEffects.Recorded('exec', "\$ sh -c 'touch '\\''$marker'\\''; exit 3'")]
        printed.toString() == "    \$ sh -c 'touch '\\''$marker'\\''; exit 3'\n      (standard output to /c/out.txt)\n"
    }

    def "a probe of a publish whose compose does not exist yet says so under its line, and keeps the preview"() {
        given:
        String compose = dir.resolve('compose').toString()
        String target = dir.resolve('mirror').toString()

        when:
        effects.probe('stage:BaseOS', new OperationKey('preview-publish'), 'what the sync would change in the mirror',
                [compose: compose, target: target, delete: 'true'])

        then:
        effects.recorded() == [new RecordingEffects.Recorded('probe', '? what the sync would change in the mirror')]
        printed.toString() == "    ? what the sync would change in the mirror\n" +
                "      preview of $target: nothing to compare, $compose does not exist yet\n"
        effects.previews().size() == 1
        with(effects.previews()[0]) {
            task() == 'stage:BaseOS'
            source() == compose
            !sourceExists()
            entries().isEmpty()
        }
    }

    def "a probe this version cannot perform is printed as having no preview, and fails nothing"() {
        when:
        effects.probe('t', new OperationKey('preview-teleport'), 'where it would go', [:])

        then:
        effects.recorded() == [new RecordingEffects.Recorded('probe', '? where it would go')]
        printed.toString() == '    ? where it would go\n      no preview: `preview-teleport` is not available in this version of relengine\n'
        effects.previews().isEmpty()
    }

    def "effects are counted by type, and what was recorded cannot be changed from outside"() {
        given:
        effects.makeDirectory('t', '/a')
        effects.makeDirectory('t', '/b')
        effects.exec('t', ['true'], null)

        when:
        effects.recorded().add(new RecordingEffects.Recorded('exec', 'forged'))

        then:
        thrown(UnsupportedOperationException)
        effects.count('mkdir') == 2
        effects.count('exec') == 1
        effects.count('symlink') == 0
        effects.recorded()*.line == ['mkdir -p /a', 'mkdir -p /b', '$ true']
    }

    def "a dry run of a plan records every action in task order and touches nothing on disk"() {
        given:
        Path compose = Files.createDirectories(dir.resolve('compose'))
        Files.writeString(compose.resolve('COMPOSE_ID'), 'old')
        Files.createSymbolicLink(dir.resolve('latest'), compose.fileName)
        Map<String, List<Object>> before = snapshot()
        String c = compose.toString()
        def threeTasks = plan(dir, [
                task('prepare', [], [
                        new Action.MakeDirectory("$c/BaseOS/x86_64/os"),
                        new Action.WriteFile("$c/COMPOSE_ID", 'compose id', 'Mini-9.1-20250301.0'),
                        new Action.Exec(['rm', '-rf', c])]),
                task('sync:BaseOS:x86_64:os', ['prepare'], [
                        new Action.Exec(['dnf', 'reposync', '--download-path', "$c/BaseOS/x86_64/os".toString()], "$c/sync.out"),
                        new Action.Internal(Action.Internal.MOVE_DIRECTORY, "move $c/work into $c/BaseOS", ["$c/BaseOS".toString()],
                                [from: "$c/work".toString(), to: "$c/BaseOS".toString()])]),
                task('finalize', ['sync:BaseOS:x86_64:os'], [
                        new Action.Symlink(dir.resolve('latest').toString(), '/elsewhere'),
                        new Action.WriteFile("$c/metadata/rpms.json", new ProducerKey('productmd-rpms.json', 'productmd 1.2 rpms.json'), null, [compose: c])])])

        when:
        def outcome = new Scheduler(effects, org.relengine.executors.standard.StandardExecutors.registry(), 4, null, { t, s, f, n, d -> }).run(threeTasks)

        then:
        outcome.states() == [prepare: TaskState.DONE, 'sync:BaseOS:x86_64:os': TaskState.DONE, finalize: TaskState.DONE]
        effects.recorded()*.type == ['mkdir', 'write', 'exec', 'exec', 'internal', 'symlink', 'write']
        effects.recorded()*.line == [
                "mkdir -p $c/BaseOS/x86_64/os",
                "write $c/COMPOSE_ID  (compose id, 1 lines)",
                "\$ rm -rf $c",
                "\$ dnf reposync --download-path $c/BaseOS/x86_64/os",
                "# move $c/work into $c/BaseOS",
                "ln -sfn /elsewhere ${dir.resolve('latest')}",
                "write $c/metadata/rpms.json  (productmd 1.2 rpms.json)"]*.toString()
        snapshot() == before
        Files.readString(compose.resolve('COMPOSE_ID')) == 'old'
        Files.readSymbolicLink(dir.resolve('latest')) == compose.fileName
    }

    def "a dry run waits for nothing and has no timeouts"() {
        expect:
        effects.waits() == null
    }

    /** Every path under the temp dir with its kind, size and modification time. */
    private Map<String, List<Object>> snapshot() {
        Files.walk(dir).withCloseable { walk ->
            walk.collect(Collectors.toList()).collectEntries { Path p ->
                [dir.relativize(p).toString(), [Files.isSymbolicLink(p), Files.isDirectory(p),
                                               Files.isSymbolicLink(p) ? 0 : Files.size(p),
                                               Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)]]
            }
        }
    }
}
