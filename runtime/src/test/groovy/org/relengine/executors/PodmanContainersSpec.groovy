package org.relengine.executors

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import org.relengine.demo.ToolsImage
import org.relengine.effects.LocalEffects
import org.relengine.executors.podman.ContainerRun
import org.relengine.executors.podman.PodmanExecutor
import org.relengine.model.Executor
import org.relengine.model.ExecutorSettings
import org.relengine.model.Origin
import org.relengine.model.Position
import org.relengine.model.Step
import org.relengine.plan.Action
import org.relengine.plan.Plan
import org.relengine.plan.Scope
import org.relengine.plan.Task
import org.relengine.plan.TaskKind
import org.relengine.plan.spi.ProducerContext
import org.relengine.steps.StepRegistry
import org.relengine.tools.PodmanCheck
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Tasks on podman, in real containers of the demo's tools image (made once per machine if it is missing). Skipped,
 * with podman's reason, only where podman cannot start a container at all (inside another container, say).
 */
@IgnoreIf(value = { !PodmanCheck.run().usable() }, reason = 'podman cannot start a container on this machine')
class PodmanContainersSpec extends Specification {

    static final ProducerContext PRODUCING = new ProducerContext() {
        long timestamp() { 0L }

        String finishedStatus(Path journal) { 'FINISHED' }
    }

    @Shared
    String image

    @TempDir
    Path dir

    def setupSpec() {
        def made = ToolsImage.ensure(Path.of(System.getProperty('java.io.tmpdir')),
                new PrintWriter(System.out, true))
        assert made.image() != null: made.reason()
        image = made.image()
    }

    Plan plan(String composeId, Task task) {
        def none = Origin.of(Position.NONE)
        new Plan('r.groovy', ['r.groovy'], composeId, dir.resolve('compose').toString(), true, Scope.ALL, null, [:],
                [task], [], new ExecutorSettings(new ExecutorSettings.Podman(image, none),
                new ExecutorSettings.Mock('x-{arch}', 'simple', none), ExecutorSettings.Kubernetes.DEFAULTS))
    }

    static Task shell(String id, String script) {
        new Task(id, new TaskKind('extras', 'images'), null, 'x86_64', [], [], [], Executor.PODMAN, false,
                [new Action.Exec(['sh', '-c', script])], Step.Retry.NONE)
    }

    LocalEffects effects(Duration timeout) {
        new LocalEffects(dir.resolve('logs'), timeout, StepRegistry.standard(), PRODUCING, dir.resolve('tmp'))
    }

    static List<String> containersNamed(String name) {
        def ps = ['podman', 'ps', '--all', '--filter', "name=^${name}\$", '--format', '{{.Names}}'].execute()
        ps.waitFor()
        ps.text.readLines()
    }

    def "a command's exit status is the task's, its output is in the task's log, and its container is gone afterwards"() {
        given:
        Files.createDirectories(dir.resolve('compose'))
        def task = shell('extras:dvd:x86_64', 'echo to-stdout; echo to-stderr >&2; exit 3')
        def placed = new TaskExecutor.Placed(plan('Mini-9.1-20251111.000000', task), task, 'abc')
        def local = effects(Duration.ofMinutes(2))

        when:
        def outcome = new PodmanExecutor().perform(placed, local)

        then:
        outcome.exit() == 3
        outcome.failure() == 'sh exited with status 3 in its container'
        def log = Files.readString(local.log(task.id()))
        log.contains('$ podman run --rm --replace --name relengine-mini-9.1-20251111.000000-extras.dvd.x86_64-0 ')
        log.contains('to-stdout')
        log.contains('to-stderr')
        containersNamed('relengine-mini-9.1-20251111.000000-extras.dvd.x86_64-0') == []
    }

    def "what a command writes into the compose is there at the same path on this machine"() {
        given:
        Path compose = Files.createDirectories(dir.resolve('compose'))
        def task = shell('extras:dvd:aarch64', "mkdir -p $compose/work && echo written > $compose/work/out.txt")
        def placed = new TaskExecutor.Placed(plan('Mini-9.1-20251111.000001', task), task, 'abc')

        when:
        def outcome = new PodmanExecutor().perform(placed, effects(Duration.ofMinutes(2)))

        then:
        outcome.done()
        Files.readString(compose.resolve('work/out.txt')) == 'written\n'
    }

    def "a command that outruns the task's timeout is stopped, and so is its container"() {
        given:
        Files.createDirectories(dir.resolve('compose'))
        def task = shell('extras:dvd:ppc64le', 'sleep 120')
        def placed = new TaskExecutor.Placed(plan('Mini-9.1-20251111.000002', task), task, 'abc')
        String name = ContainerRun.name('Mini-9.1-20251111.000002', task.id(), 0)

        when:
        long start = System.nanoTime()
        def outcome = new PodmanExecutor().perform(placed, effects(Duration.ofSeconds(4)))

        then:
        !outcome.done()
        outcome.failure() == "podman ran longer than its timeout (4.0 s) and was killed; its container $name was removed"
        Duration.ofNanos(System.nanoTime() - start) < Duration.ofSeconds(60)
        containersNamed(name) == []
    }

    def "the image's digest is one of the task's ingredients, so that --resume runs a task again on a new image"() {
        given:
        def task = shell('extras:dvd:s390x', 'true')

        when:
        Map<String, String> ingredients = new PodmanExecutor().ingredients(plan('Mini-9.1', task), task)

        then:
        ingredients.keySet() == ["image $image".toString()] as Set
        ingredients.values()[0] ==~ /sha256:[0-9a-f]{64}/
    }
}
