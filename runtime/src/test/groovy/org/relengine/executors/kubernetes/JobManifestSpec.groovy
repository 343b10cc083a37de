package org.relengine.executors.kubernetes

import io.fabric8.kubernetes.api.model.PodBuilder
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder
import org.relengine.effects.RecordingEffects
import org.relengine.executors.TaskExecutor
import org.relengine.model.Executor
import org.relengine.model.ExecutorSettings
import org.relengine.model.Origin
import org.relengine.model.Position
import org.relengine.plan.Action
import org.relengine.plan.OperationKey
import org.relengine.plan.Plan
import org.relengine.plan.PlanOptions
import org.relengine.plan.Scope
import org.relengine.plan.Task
import org.relengine.plan.TaskKind
import org.relengine.steps.StepRegistry
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/** The Job a task becomes, its name, its script, what refuses it, and why a pod failed: no cluster, milliseconds. */
class JobManifestSpec extends Specification {

    @TempDir
    Path dir

    static final ExecutorSettings.Kubernetes SETTINGS = new ExecutorSettings.Kubernetes('empanadas',
            'ghcr.io/rocky-linux/sig-core-toolkit:latest', null, 'empanadas-s3', 4, Duration.ofHours(6), 'failed',
            Origin.of(Position.NONE))

    static Task task(String id, String arch, List<Action> actions) {
        new Task(id, new TaskKind('lorax', 'images'), null, arch, [], [], [], Executor.KUBERNETES, false, actions)
    }

    static Plan plan(Task task, ExecutorSettings.Kubernetes settings = SETTINGS) {
        new Plan('r.groovy', ['r.groovy'], 'Rocky-9.7-20261205.0', '/mnt/compose', true, Scope.COMPOSE,
                PlanOptions.fullRun(), [:], [task], [], new ExecutorSettings(Plan.DEFAULT_EXECUTORS.podman(),
                Plan.DEFAULT_EXECUTORS.mock(), settings))
    }

    def "a Job's name is stable, a DNS-1123 label of at most 63 characters, and changes with the compose, the task and the hash"() {
        expect:
        JobName.of('Rocky-9.7-20261205.0', 'lorax:x86_64', 'abc') == JobName.of('Rocky-9.7-20261205.0', 'lorax:x86_64', 'abc')
        JobName.of('Rocky-9.7-20261205.0', 'lorax:x86_64', 'abc') ==~ /relengine-lorax-x86-64-[0-9a-f]{10}/
        JobName.of('Rocky-9.7-20261205.1', 'lorax:x86_64', 'abc') != JobName.of('Rocky-9.7-20261205.0', 'lorax:x86_64', 'abc')
        JobName.of('Rocky-9.7-20261205.0', 'lorax:aarch64', 'abc') != JobName.of('Rocky-9.7-20261205.0', 'lorax:x86_64', 'abc')
        JobName.of('Rocky-9.7-20261205.0', 'lorax:x86_64', 'abd') != JobName.of('Rocky-9.7-20261205.0', 'lorax:x86_64', 'abc')

        and:
        String long_ = JobName.of('C', 'cloud:GenericCloud-Base:x86_64:' + 'very_long.name' * 10 + ':', 'h')
        long_.length() == 63
        long_ ==~ /[a-z0-9]([-a-z0-9]*[a-z0-9])?/
    }

    def "the script runs every command shell-quoted, a standard output as a redirect, a directory as mkdir -p"() {
        given:
        def t = task('lorax:x86_64', 'x86_64', [new Action.MakeDirectory('/builddir/a dir'),
                                              new Action.Exec(['lorax', '--product=Rocky Linux', "it's"]),
                                              new Action.Exec(['uname', '-m'], '/builddir/arch')])

        expect:
        JobScript.of(t).text() == "mkdir -p '/builddir/a dir'\nlorax '--product=Rocky Linux' 'it'\\''s'\nuname -m > /builddir/arch\n"
        JobScript.of(t).refusal().isEmpty()
        ['sh', '-ec', JobScript.of(t).text().replace('/builddir', dir.toString()).replace('lorax', 'echo')].execute()
                .with { waitFor(); it.exitValue() } == 0
        Files.readString(dir.resolve('arch')) == 'uname -m'.execute().text
    }

    def "a task with work relengine does in Java on this machine is refused before a run starts: #kind"() {
        given:
        def t = task('lorax:x86_64', 'x86_64', [new Action.Exec(['true']), action])

        expect:
        new KubernetesExecutor().refusal(plan(t), t) == Optional.of(reason)

        where:
        kind       | action                                                                          | reason
        'internal' | new Action.Internal(new OperationKey('upload-artifact'), 'upload x to s3', [], [:]) | 'a Kubernetes Job runs only commands and `mkdir -p`, and `upload x to s3` is work relengine does on this machine'
        'a file'   | new Action.WriteFile('/x', 'a note', 'text')                                    | 'a Kubernetes Job runs only commands and `mkdir -p`, and `write /x (a note)` is a file relengine does on this machine'
        'a link'   | new Action.Symlink('/l', 't')                                                   | 'a Kubernetes Job runs only commands and `mkdir -p`, and `ln -sfn t /l` is a link relengine does on this machine'
        'a probe'  | new Action.Probe(new OperationKey('preview'), 'preview the sync', [:])          | 'a Kubernetes Job runs only commands and `mkdir -p`, and `preview the sync` is a read-only look relengine does on this machine'
    }

    def "a recipe that names no image is refused; commands alone are not"() {
        given:
        def t = task('lorax:x86_64', 'x86_64', [new Action.Exec(['true'])])
        def noImage = new ExecutorSettings.Kubernetes('default', null, null, null, 4, Duration.ofHours(6), 'failed',
                Origin.of(Position.NONE))

        expect:
        new KubernetesExecutor().refusal(plan(t, noImage), t) == Optional.of("the recipe names no image for its Jobs (kubernetes image: '…')")
        new KubernetesExecutor().refusal(plan(t), t) == Optional.empty()
    }

    def "no cluster is reachable without a kubeconfig and outside a pod; a kubeconfig file is enough"() {
        given:
        Path config = Files.writeString(dir.resolve('config'), 'apiVersion: v1\n')

        expect:
        ClusterAccess.unavailable([:], dir.toString()) == Optional.of("no Kubernetes cluster is configured: no kubeconfig (${dir}/.kube/config; or set KUBECONFIG) and not running in a pod".toString())
        ClusterAccess.unavailable([KUBECONFIG: '/nowhere'], dir.toString()) == Optional.of('no Kubernetes cluster is configured: no kubeconfig (/nowhere) and not running in a pod')
        ClusterAccess.unavailable([KUBECONFIG: config.toString()], '/nowhere') == Optional.empty()
    }

    def "a pod's failure in the user's words: #why"() {
        expect:
        PodFailure.ended(pod('Failed', terminated)).orElse(null) == expected

        where:
        why                 | terminated                         | expected
        'exit status'       | [2, 'Error']                       | new PodFailure('the container of pod p-1 exited with status 2', 2)
        'OOMKilled'         | [137, 'OOMKilled']                 | new PodFailure('the container of pod p-1 was killed for using more memory than it may (OOMKilled, exit status 137)', 137)
        'success'           | [0, 'Completed']                   | null
    }

    def "a Job's failure: #reason"() {
        given:
        def job = new JobBuilder().withNewMetadata().withName('relengine-x').endMetadata().withNewSpec()
                .withBackoffLimit(4).withActiveDeadlineSeconds(deadline).endSpec().withNewStatus().addNewCondition()
                .withType('Failed').withStatus('True').withReason(reason).endCondition().endStatus().build()

        expect:
        PodFailure.job(job, Optional.of(new PodFailure('the container of pod p exited with status 1', 1))).get() == new PodFailure(text, 1)

        where:
        reason                 | deadline | text
        'BackoffLimitExceeded' | 21600    | 'Job relengine-x failed: its pod failed 5 times (backoffLimit 4) (BackoffLimitExceeded); the container of pod p exited with status 1'
        'DeadlineExceeded'     | 21600    | 'Job relengine-x ran longer than its deadline of 6 h and was stopped (DeadlineExceeded); the container of pod p exited with status 1'
        'DeadlineExceeded'     | 5400     | 'Job relengine-x ran longer than its deadline of 90 min and was stopped (DeadlineExceeded); the container of pod p exited with status 1'
    }

    static pod(String phase, List terminated) {
        new PodBuilder().withNewMetadata().withName('p-1').endMetadata().withNewStatus().withPhase(phase)
                .addNewContainerStatus().withName('task').withNewState().withNewTerminated().withExitCode(terminated[0])
                .withReason(terminated[1]).endTerminated().endState().endContainerStatus().endStatus().build()
    }

    def "a dry run prints the Job's manifest as YAML, with its node selector and the Secret by reference, and contacts no cluster"() {
        given:
        def t = task('lorax:aarch64', 'aarch64', [new Action.Exec(['lorax', '--buildarch=aarch64', '/builddir/lorax'])])
        def out = new StringWriter()
        def executor = new KubernetesExecutor({ throw new AssertionError('a dry run contacted a cluster') },
                { Optional.of('no cluster here') })

        when:
        def outcome = executor.perform(new TaskExecutor.Placed(plan(t), t, '0123456789abcdef'),
                new RecordingEffects(new PrintWriter(out, true), StepRegistry.standard()))
        String name = JobName.of('Rocky-9.7-20261205.0', 'lorax:aarch64', '0123456789abcdef')

        then:
        outcome == TaskExecutor.Outcome.DONE
        out.toString().contains("# Kubernetes Job $name in namespace empanadas on a node of aarch64\n")
        String yaml = out.toString().readLines().findAll { it.startsWith('      ') }*.substring(6).join('\n')
        yaml.contains('''
      nodeSelector:
        kubernetes.io/arch: "arm64"
''')
        yaml.contains('''
        - name: "AWS_SECRET_ACCESS_KEY"
          valueFrom:
            secretKeyRef:
              key: "SECRET"
              name: "empanadas-s3"
''')
        yaml.contains('''
      - command:
        - "sh"
        - "-ec"
        - |
          lorax --buildarch=aarch64 /builddir/lorax
''')
        yaml.contains('''
        securityContext:
          privileged: true
''')
        out.toString().contains('      apiVersion: "batch/v1"\n      kind: "Job"\n')
    }
}
