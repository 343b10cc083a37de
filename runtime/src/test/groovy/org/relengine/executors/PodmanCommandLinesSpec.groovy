package org.relengine.executors

import java.io.PrintWriter
import java.io.StringWriter
import org.relengine.effects.RecordingEffects
import org.relengine.executors.mock.MockExecutor
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
import org.relengine.steps.StepRegistry
import spock.lang.Specification

/** What a dry run prints for tasks on podman and mock: the exact command lines a real run executes. */
class PodmanCommandLinesSpec extends Specification {

    static final String COMPOSE = '/mnt/compose/9/Rocky-9.7-20251111.154233'
    static final Origin NONE = Origin.of(Position.NONE)
    static final ExecutorSettings SETTINGS = new ExecutorSettings(
            new ExecutorSettings.Podman('docker.io/rockylinux/rockylinux:9', NONE),
            new ExecutorSettings.Mock('rocky-9-{arch}', 'simple', NONE), ExecutorSettings.Kubernetes.DEFAULTS)

    static Task task(String id, Executor on, List<String> inputs, List<Action> actions) {
        new Task(id, new TaskKind('sync', 'compose'), 'BaseOS', 'x86_64', [], inputs, [], on, false, actions,
                Step.Retry.NONE)
    }

    static Plan plan(String composeId, Task task) {
        new Plan('rocky9.groovy', ['rocky9.groovy'], composeId, COMPOSE, true, Scope.ALL, null, [:], [task], [],
                SETTINGS)
    }

    static List<String> printed(TaskExecutor executor, Plan plan) {
        def text = new StringWriter()
        def effects = new RecordingEffects(new PrintWriter(text, true), StepRegistry.standard())
        assert executor.perform(new TaskExecutor.Placed(plan, plan.tasks()[0], 'abc'), effects).done()
        text.toString().readLines()
    }

    def "a sync on podman runs dnf in a container of the recipe's image, the compose mounted at its own path, on the host's network and PIDs"() {
        given:
        def sync = task('sync:BaseOS:x86_64:os', Executor.PODMAN, ['https://example.org/repo/BaseOS/x86_64'], [
                new Action.MakeDirectory("$COMPOSE/compose/BaseOS/x86_64/os".toString()),
                new Action.Exec(['dnf', 'reposync', '-p', "$COMPOSE/compose/BaseOS/x86_64/os".toString()])])

        expect:
        printed(new PodmanExecutor(), plan('Rocky-9.7-20251111.154233', sync)) == [
                "    mkdir -p $COMPOSE/compose/BaseOS/x86_64/os",
                "    \$ podman run --rm --replace --name relengine-rocky-9.7-20251111.154233-sync.baseos.x86_64.os-0 " +
                        "--security-opt label=disable --network host --pid host --volume $COMPOSE:$COMPOSE " +
                        "docker.io/rockylinux/rockylinux:9 dnf reposync -p $COMPOSE/compose/BaseOS/x86_64/os"]
                .collect { it.toString() }
    }

    def "a task that reads no URL gets no network, and a local input outside the compose is mounted too"() {
        given:
        def extras = task('extras:dvd:x86_64', Executor.PODMAN, ["$COMPOSE/work/lorax/x86_64".toString(),
                                                                 'file:///srv/keys/RPM-GPG-KEY'],
                [new Action.Exec(['xorriso', '-version'])])

        when:
        List<String> argv = ContainerRun.argv(plan('X-1', extras), extras, 0, ['xorriso', '-version'])

        then:
        argv.subList(argv.indexOf('--network'), argv.indexOf('--network') + 2) == ['--network', 'none']
        argv.findIndexValues { it == '--volume' }.collect { argv[(int) it + 1] } ==
                ["$COMPOSE:$COMPOSE".toString(), '/srv/keys/RPM-GPG-KEY:/srv/keys/RPM-GPG-KEY']
    }

    def "containers are named for compose, task and command, so two composes side by side never share one"() {
        expect:
        ContainerRun.name(compose, taskId, index) == name

        where:
        compose                     | taskId                    | index | name
        'Rocky-9.7-20251111.154233' | 'sync:BaseOS:x86_64:os'   | 0     | 'relengine-rocky-9.7-20251111.154233-sync.baseos.x86_64.os-0'
        'Rocky-9.7-20251112.090000' | 'sync:BaseOS:x86_64:os'   | 0     | 'relengine-rocky-9.7-20251112.090000-sync.baseos.x86_64.os-0'
        'Rocky-9.7-20251111.154233' | 'extras:dvd:s390x'        | 2     | 'relengine-rocky-9.7-20251111.154233-extras.dvd.s390x-2'
    }

    def "a task on mock makes a chroot of its own once, then runs each command in it with the compose bind-mounted"() {
        given:
        def lorax = new Task('lorax:aarch64', new TaskKind('lorax', 'images'), null, 'aarch64', [], [], [],
                Executor.MOCK, false, [new Action.Exec(['lorax', '--buildarch=aarch64', "$COMPOSE/work/lorax-build/aarch64/lorax".toString()]),
                                       new Action.Exec(['tar', '-czf', 'x.tar.gz', 'lorax'])], Step.Retry.NONE)
        String base = "mock -r rocky-9-aarch64 --isolation=simple --enable-network " +
                "'--plugin-option=bind_mount:dirs=[(\"$COMPOSE\", \"$COMPOSE\")]' --uniqueext=lorax-aarch64"

        expect:
        printed(new MockExecutor(), plan('Rocky-9.7-20251111.154233', lorax)) == [
                "    \$ $base --init",
                "    \$ $base --chroot -- lorax --buildarch=aarch64 $COMPOSE/work/lorax-build/aarch64/lorax",
                "    \$ $base --chroot -- tar -czf x.tar.gz lorax"].collect { it.toString() }
    }
}
