// Against fabric8's mock API server (CRUD mode): no Kubernetes API server can run here. A stand-in for the kubelet
// (KubeletStandIn) runs each Job's container command as a real local `sh -ec` and sets the statuses a cluster would.
package org.relengine.executors.kubernetes

import io.fabric8.kubernetes.api.model.batch.v1.Job
import io.fabric8.kubernetes.client.KubernetesClient
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer
import org.relengine.effects.LocalEffects
import org.relengine.exec.ComposeRun
import org.relengine.exec.Journal
import org.relengine.exec.Scheduler
import org.relengine.exec.TaskState
import org.relengine.executors.ExecutorRegistry
import org.relengine.executors.LocalExecutor
import org.relengine.executors.TaskExecutor
import org.relengine.model.Executor
import org.relengine.model.ExecutorSettings
import org.relengine.model.Origin
import org.relengine.model.Position
import org.relengine.plan.Action
import org.relengine.plan.Plan
import org.relengine.plan.PlanJson
import org.relengine.plan.PlanSource
import org.relengine.plan.Scope
import org.relengine.plan.Task
import org.relengine.plan.TaskKind
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * Against fabric8's mock API server (CRUD mode), over HTTP: tasks on kubernetes run as Jobs, are followed to their
 * end through watches, bring their pods' logs home, fail with the reason a cluster gives, are taken up again by a
 * resumed run, and are deleted or kept as keepJobs says.
 */
@Timeout(60)
class KubernetesExecutorSpec extends Specification {

    static final String NAMESPACE = 'empanadas'
    static final String KEY_ID = 'AKIARELENGINEEXAMPLE'
    static final String KEY = 's3cr3t/Relengine+Example'

    @TempDir
    Path dir

    MockCluster cluster
    KubernetesMockServer server
    KubernetesClient client
    KubeletStandIn kubelet

    def setup() {
        cluster = new MockCluster(NAMESPACE, 'empanadas-s3', KEY_ID, KEY, dir.resolve('nodes')).start()
        server = cluster.server
        client = cluster.client
        kubelet = cluster.kubelet
    }

    def cleanup() {
        cluster?.close()
    }

    ExecutorSettings.Kubernetes settings(String keep = 'failed') {
        new ExecutorSettings.Kubernetes(NAMESPACE, 'ghcr.io/rocky-linux/sig-core-toolkit:latest', 'lorax-builder',
                'empanadas-s3', 0, Duration.ofHours(1), keep, Origin.of(Position.NONE))
    }

    Plan plan(List<Task> tasks, String keep = 'failed') {
        new Plan('recipe.groovy', ['recipe.groovy'], 'Rocky-9.7-20261205.0', dir.resolve('compose').toString(), true,
                Scope.COMPOSE, org.relengine.plan.PlanOptions.fullRun(), [:], tasks, [], new ExecutorSettings(Plan.DEFAULT_EXECUTORS.podman(),
                Plan.DEFAULT_EXECUTORS.mock(), settings(keep)))
    }

    static Task task(String id, String arch, List<Action> actions) {
        new Task(id, new TaskKind('lorax', 'images'), null, arch, [], [], [], Executor.KUBERNETES, false, actions)
    }

    /** What lorax and tar do in Rocky's Job, in miniature: a tree in /builddir, packed; the credentials checked. */
    static Task lorax(String arch) {
        task("lorax:$arch", arch, [new Action.MakeDirectory('/builddir/lorax'),
                                   new Action.Exec(['sh', '-c', 'echo "lorax --buildarch=$1 with a key of ${#AWS_SECRET_ACCESS_KEY} characters"', 'lorax', arch]),
                                   new Action.Exec(['echo', "boot image of $arch".toString()], '/builddir/lorax/.treeinfo'),
                                   new Action.Exec(['tar', '-C', '/builddir', '-czf', "/builddir/lorax-9.7-${arch}.tar.gz".toString(), 'lorax'])])
    }

    static Task script(String id, String text) {
        task(id, 'x86_64', [new Action.Exec(['sh', '-c', text])])
    }

    LocalEffects effects() {
        new LocalEffects(dir.resolve('logs'), Duration.ofMinutes(1), StepRegistry.standard(), ComposeRun.producing(),
                dir.resolve('tmp'))
    }

    KubernetesExecutor executor() {
        new KubernetesExecutor({ cluster.newClient() }, { Optional.empty() })
    }

    String log(String task) {
        Files.readString(dir.resolve('logs').resolve(LocalEffects.logName(task)))
    }

    List<Job> jobs() {
        client.batch().v1().jobs().inNamespace(NAMESPACE).list().items
    }

    TaskExecutor.Outcome perform(Plan plan, Task task, LocalEffects effects = effects(), KubernetesExecutor executor = executor()) {
        executor.perform(new TaskExecutor.Placed(plan, task, 'a1b2c3d4e5f6a7b8c9d0'), effects)
    }

    static void eventually(Closure<Boolean> condition) {
        long until = System.currentTimeMillis() + 20_000
        while (!condition()) {
            assert System.currentTimeMillis() < until: 'waited 20 s in vain'
            Thread.sleep(50)
        }
    }

    def "a lorax-like task per arch runs as one Job on a node of its arch, privileged, the Secret only referenced, and no credential reaches the plan, the logs or the journal"() {
        given:
        def tasks = [lorax('x86_64'), lorax('aarch64')]
        def plan = plan(tasks, 'all')
        def local = new LocalExecutor()
        def registry = new ExecutorRegistry([local, new KubernetesExecutor({ cluster.newClient() }, { Optional.empty() }),
                                             new org.relengine.executors.podman.PodmanExecutor(),
                                             new org.relengine.executors.mock.MockExecutor()])
        def journal = new Journal(dir.resolve('journal'))

        when:
        def outcome = new Scheduler(effects(), registry, 2, journal, { t, s, f, n, d -> }).run(plan)

        then:
        outcome.states() == ['lorax:x86_64': TaskState.DONE, 'lorax:aarch64': TaskState.DONE]
        kubelet.started.size() == 2
        kubelet.started.toSorted() == jobs()*.metadata*.name.toSorted()

        and: 'each Job as Rocky runs lorax: its arch, privileged, restartPolicy Never, /builddir, the Secret by reference'
        def byTask = jobs().collectEntries { [it.metadata.annotations['relengine.org/task'], it] }
        byTask.keySet() == ['lorax:x86_64', 'lorax:aarch64'] as Set
        with(byTask['lorax:aarch64'] as Job) {
            metadata.labels == ['app.kubernetes.io/managed-by': 'relengine', 'relengine.org/compose': 'Rocky-9.7-20261205.0',
                                'relengine.org/task'          : 'lorax-aarch64', 'relengine.org/hash': metadata.labels['relengine.org/hash']]
            spec.backoffLimit == 0
            spec.activeDeadlineSeconds == 3600
            spec.template.spec.nodeSelector == ['kubernetes.io/arch': 'arm64']
            spec.template.spec.restartPolicy == 'Never'
            spec.template.spec.serviceAccountName == 'lorax-builder'
            spec.template.spec.volumes*.name == ['builddir']
            spec.template.spec.volumes[0].emptyDir != null
            with(spec.template.spec.containers[0]) {
                image == 'ghcr.io/rocky-linux/sig-core-toolkit:latest'
                securityContext.privileged
                volumeMounts*.mountPath == ['/builddir']
                command == ['sh', '-ec', 'mkdir -p /builddir/lorax\n'
                        + 'sh -c \'echo "lorax --buildarch=$1 with a key of ${#AWS_SECRET_ACCESS_KEY} characters"\' lorax aarch64\n'
                        + 'echo \'boot image of aarch64\' > /builddir/lorax/.treeinfo\n'
                        + 'tar -C /builddir -czf /builddir/lorax-9.7-aarch64.tar.gz lorax\n']
                env.collect { [it.name, it.value, it.valueFrom.secretKeyRef.name, it.valueFrom.secretKeyRef.key] } == [
                        ['AWS_ACCESS_KEY_ID', null, 'empanadas-s3', 'ID'], ['AWS_SECRET_ACCESS_KEY', null, 'empanadas-s3', 'SECRET']]
            }
        }
        jobs().find { it.metadata.annotations['relengine.org/task'] == 'lorax:x86_64' }.spec.template.spec.nodeSelector ==
                ['kubernetes.io/arch': 'amd64']

        and: 'the pod had the credentials; its script ran for real, and its log is the task log'
        kubelet.environments.values().every { it == [AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: KEY] }
        log('lorax:aarch64').contains('lorax --buildarch=aarch64 with a key of 24 characters\n')
        Files.readString(dir.resolve('nodes').resolve(kubelet.logs.keySet().find { it.contains('aarch64') })
                .resolve('lorax/.treeinfo')) == 'boot image of aarch64\n'
        log('lorax:aarch64').readLines().findAll { it.startsWith('relengine: ') && !it.contains(': pod ') } == [
                "relengine: Kubernetes Job ${byTask['lorax:aarch64'].metadata.name} in namespace empanadas on a node of aarch64",
                "relengine: started Job ${byTask['lorax:aarch64'].metadata.name} in namespace empanadas",
                "relengine: log of pod ${kubelet.logs.keySet().find { it.contains('aarch64') }}:",
                "relengine: Job ${byTask['lorax:aarch64'].metadata.name} succeeded",
                "relengine: Job ${byTask['lorax:aarch64'].metadata.name} is kept (keepJobs: all)"]*.toString()

        and: 'no credential anywhere relengine writes'
        def written = [PlanJson.render(plan, new PlanSource('h', null)), log('lorax:x86_64'), log('lorax:aarch64'),
                       Files.readString(journal.file())] + jobs().collect { JobManifest.yaml(it) }
        written.every { !it.contains(KEY) && !it.contains(KEY_ID) }
    }

    def "a pod that fails gives the task its reason: #why"() {
        given:
        kubelet.next = scenario
        def task = script('lorax:x86_64', 'echo starting; exit 3')
        def plan = plan([task])

        when:
        def outcome = perform(plan, task)
        String name = JobName.of(plan.composeId(), 'lorax:x86_64', 'a1b2c3d4e5f6a7b8c9d0')

        then:
        outcome.failure() == reason.replace('NAME', name)
        outcome.exit() == exit
        log('lorax:x86_64').contains('relengine: ' + reason.replace('NAME', name) + '\n')
        log('lorax:x86_64').contains(logged.replace('NAME', name))

        where:
        why                    | scenario   | exit | logged         | reason
        'its exit status'      | 'run'      | 3    | 'starting\n'   | 'Job NAME failed: its pod failed and the backoffLimit is 0 (BackoffLimitExceeded); the container of pod NAME-00001 exited with status 3'
        'OOMKilled'            | 'oom'      | 137  | 'starting\n'   | 'Job NAME failed: its pod failed and the backoffLimit is 0 (BackoffLimitExceeded); the container of pod NAME-00001 was killed for using more memory than it may (OOMKilled, exit status 137)'
        'an image pull error'  | 'pull'     | null | 'relengine: pod NAME-00001: Pending' | 'the image ghcr.io/rocky-linux/sig-core-toolkit:latest cannot be pulled (ErrImagePull: manifest unknown)'
        'its deadline'         | 'deadline' | null | 'relengine: pod NAME-00001: ' | 'Job NAME ran longer than its deadline of 1 h and was stopped (DeadlineExceeded)'
    }

    def "a relengine killed while its Job runs leaves the Job running, and the resumed run follows that Job instead of starting another"() {
        given:
        Path gate = dir.resolve('gate')
        def task = script('lorax:x86_64', "while [ ! -e '$gate' ]; do sleep 0.05; done; echo built after the restart")
        def plan = plan([task])
        def first = effects()
        TaskExecutor.Outcome killed = null
        def running = Thread.start { killed = perform(plan, task, first) }
        eventually { kubelet.started.size() == 1 }
        eventually { log('lorax:x86_64').contains('relengine: started Job ') }

        when: 'relengine is killed: its run stops and the thread following the Job is interrupted'
        first.stop('relengine was stopped')
        running.join(10_000)

        then:
        killed.failure() == 'relengine was stopped'
        jobs()*.metadata*.name == kubelet.started

        when: 'a new relengine, with a new executor, runs the task again'
        TaskExecutor.Outcome resumed = null
        def again = Thread.start { resumed = perform(plan, task, effects(), executor()) }
        eventually { log('lorax:x86_64').contains('following it instead of starting another') }
        int jobsWhileFollowing = jobs().size()
        Files.createFile(gate)
        again.join(20_000)

        then:
        resumed == TaskExecutor.Outcome.DONE
        jobsWhileFollowing == 1
        kubelet.started.size() == 1
        log('lorax:x86_64').contains('built after the restart\n')
        jobs().isEmpty()
    }

    def "a Job that succeeded is reused, not run again, and the task log says so"() {
        given:
        def task = script('lorax:x86_64', 'echo built once')
        def plan = plan([task], 'all')
        perform(plan, task)
        String name = kubelet.started[0]

        when:
        def outcome = perform(plan, task, effects(), executor())

        then:
        outcome == TaskExecutor.Outcome.DONE
        kubelet.started == [name]
        log('lorax:x86_64').contains("relengine: Job $name in namespace empanadas succeeded already (at 2026-12-05T12:00:00Z): its work is reused, not run again\n")
        log('lorax:x86_64').count('built once') == 1
    }

    def "a failed Job of the same name is deleted and replaced when the task runs again"() {
        given:
        Path fixed = dir.resolve('fixed')
        def task = script('lorax:x86_64', "test -e '$fixed' && echo fixed")
        def plan = plan([task])
        def failed = perform(plan, task)
        String name = kubelet.started[0]
        Files.createFile(fixed)

        when:
        def outcome = perform(plan, task, effects(), executor())

        then:
        failed.exit() == 1
        outcome == TaskExecutor.Outcome.DONE
        kubelet.started == [name, name]
        log('lorax:x86_64').contains("relengine: Job $name in namespace empanadas failed before (Job $name failed: its pod failed and the backoffLimit is 0 (BackoffLimitExceeded)): it is deleted and started again\n")
        log('lorax:x86_64').contains('fixed\n')
        jobs().isEmpty()
    }

    def "keepJobs #keep leaves #left of a succeeded and a failed Job"() {
        given:
        def good = script('lorax:x86_64', 'true')
        def bad = script('lorax:aarch64', 'false')
        def plan = plan([good, bad], keep)

        when:
        def outcomes = [perform(plan, good), perform(plan, bad)]

        then:
        outcomes*.done() == [true, false]
        jobs().collect { it.metadata.annotations['relengine.org/task'] }.sort() == left
        log('lorax:aarch64').contains("is ${left.contains('lorax:aarch64') ? 'kept' : 'deleted'} (keepJobs: $keep)")

        where:
        keep     | left
        'none'   | []
        'failed' | ['lorax:aarch64']
        'all'    | ['lorax:aarch64', 'lorax:x86_64']
    }
}
