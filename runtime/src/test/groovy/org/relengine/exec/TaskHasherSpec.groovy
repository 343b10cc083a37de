package org.relengine.exec

import org.relengine.steps.unpack.UnpackStep
import org.relengine.steps.prepare.PrepareStep
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import org.relengine.model.Executor
import org.relengine.plan.Action
import org.relengine.plan.Plan
import org.relengine.plan.PlanOptions
import org.relengine.plan.Scope
import org.relengine.plan.Task
import org.relengine.plan.TaskKind
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A task's ingredients: the task as planned, its tools, and fingerprints of what it reads from outside the
 * compose, by size and time, or by content where the recipe asks.
 */
class TaskHasherSpec extends Specification {

    @TempDir
    Path dir

    Path store
    Path compose

    def setup() {
        store = Files.createDirectories(dir.resolve('artifacts'))
        Files.writeString(store.resolve('lorax-9.7-x86_64.tar.gz'), 'tarball one')
        compose = Files.createDirectories(dir.resolve('compose/Tiny-9.1'))
    }

    def "what a task reads from outside the compose is an ingredient; what another task makes is not"() {
        when:
        def ingredients = hasher(false).ingredients('unpack:x86_64').parts()

        then:
        ingredients.keySet() == ['input ' + store, 'spec', 'tool sh'] as Set
        ingredients['input ' + store] ==~ /1 files, 11 bytes, newest \S+, listing [0-9a-f]{16}/
        ingredients['tool sh'] != 'not installed'
        ingredients['spec'] ==~ /sha256 [0-9a-f]{16}/
    }

    def "a task on podman counts its executor's ingredients, the image's digest, instead of this machine's programs"() {
        given: 'an executor whose image has a digest, as podman reports it'
        def podman = new org.relengine.executors.TaskExecutor() {
            Executor name() { Executor.PODMAN }

            Optional<String> unavailable() { Optional.empty() }

            Map<String, String> ingredients(Plan plan, Task task) { ['image docker.io/rockylinux/rockylinux:9': 'sha256:' + 'a' * 64] }

            org.relengine.executors.TaskExecutor.Outcome perform(org.relengine.executors.TaskExecutor.Placed placed,
                                                               org.relengine.effects.Effects effects) { null }
        }
        def registry = new org.relengine.executors.ExecutorRegistry([new org.relengine.executors.LocalExecutor(), podman,
                new org.relengine.executors.mock.MockExecutor(), new org.relengine.executors.kubernetes.KubernetesExecutor()])
        Task sync = new Task('sync:BaseOS:x86_64:os', new TaskKind('sync', 'compose'), 'BaseOS', 'x86_64', [], [], [],
                Executor.PODMAN, false, [new Action.Exec(['dnf', 'reposync'])] as List<Action>)
        Plan plan = new Plan('tiny.groovy', ['tiny.groovy'], 'Tiny-9.1', compose.toString(), true, Scope.ALL,
                PlanOptions.fullRun(), [:], [sync], [], Plan.DEFAULT_EXECUTORS)

        when:
        def ingredients = new TaskHasher(plan, new ToolVersions(), new InputFingerprints(), 'relengine test', registry)
                .ingredients(sync.id()).parts()

        then:
        ingredients.keySet() == ['spec', 'image docker.io/rockylinux/rockylinux:9'] as Set
        ingredients['image docker.io/rockylinux/rockylinux:9'] == 'sha256:' + 'a' * 64
    }

    def "a file rewritten with the same content changes a time fingerprint, not a content fingerprint"() {
        given:
        def byTime = hasher(false).ingredients('unpack:x86_64').hash()
        def byContent = hasher(true).ingredients('unpack:x86_64').hash()

        when:
        Files.setLastModifiedTime(store.resolve('lorax-9.7-x86_64.tar.gz'), FileTime.fromMillis(1_000_000))

        then:
        hasher(false).ingredients('unpack:x86_64').hash() != byTime
        hasher(true).ingredients('unpack:x86_64').hash() == byContent
    }

    def "a file changed in place with its size and time kept changes a content fingerprint, not a time fingerprint"() {
        given:
        Path file = store.resolve('lorax-9.7-x86_64.tar.gz')
        FileTime time = Files.getLastModifiedTime(file)
        def byTime = hasher(false).ingredients('unpack:x86_64')
        def byContent = hasher(true).ingredients('unpack:x86_64')

        when:
        Files.writeString(file, 'tarball two')
        Files.setLastModifiedTime(file, time)
        def laterByContent = hasher(true).ingredients('unpack:x86_64')

        then:
        hasher(false).ingredients('unpack:x86_64').hash() == byTime.hash()
        laterByContent.hash() != byContent.hash()
        laterByContent.changedSince(byContent.parts()).size() == 1
        laterByContent.changedSince(byContent.parts())[0] ==~
                /input \S+: was 1 files, content sha256 [0-9a-f]{64}, now 1 files, content sha256 [0-9a-f]{64}/
    }

    private TaskHasher hasher(boolean content) {
        Task prepare = new Task('prepare', PrepareStep.KIND, null, null, [], [], [compose.toString()], Executor.LOCAL,
                false, [new Action.MakeDirectory(compose.toString())] as List<Action>)
        Task unpack = new Task('unpack:x86_64', UnpackStep.KIND, null, 'x86_64', ['prepare'],
                [store.toString(), compose.resolve('work/lorax').toString()], [compose.resolve('work/lorax').toString()],
                Executor.LOCAL, false, [new Action.Exec(['sh', '-c', 'true'])] as List<Action>)
        Plan plan = new Plan('tiny.groovy', ['tiny.groovy'], 'Tiny-9.1', compose.toString(), true, Scope.ALL,
                PlanOptions.fullRun(), [:], [prepare, unpack], content ? [store.toString()] : [], Plan.DEFAULT_EXECUTORS)
        new TaskHasher(plan, new ToolVersions(), new InputFingerprints(), 'relengine test')
    }
}
