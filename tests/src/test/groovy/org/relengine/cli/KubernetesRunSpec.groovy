// Against fabric8's mock API server: no Kubernetes API server can run here. It runs in this JVM (CRUD mode, with the
// pods' logs served), with the runtime's kubelet stand-in (KubeletStandIn) beside it; relengine reaches it as a user's
// relengine reaches a cluster, through the kubeconfig KUBECONFIG names.
package org.relengine.cli

import groovy.json.JsonSlurper
import io.fabric8.kubernetes.api.model.Pod
import io.fabric8.kubernetes.api.model.batch.v1.Job
import io.fabric8.kubernetes.client.KubernetesClient
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer
import org.relengine.executors.kubernetes.MockCluster
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.relengine.executors.kubernetes.KubeletStandIn
import org.relengine.store.LoopbackS3
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * `relengine run` of a recipe whose boot images are built by Kubernetes Jobs (`iso arches: all, on: kubernetes`),
 * as a process of its own. The Jobs' pods run the real script of each Job as local processes of this JVM, with
 * stand-ins for the programs of the toolkit image: a lorax that writes a tiny tree and an aws that puts the result
 * into the bucket of an S3 server on loopback (S3Proxy). The packages come from empty local repos; the credentials
 * are fake, in the Secret the kubelet stand-in reads.
 */
@Timeout(90)
class KubernetesRunSpec extends Specification {

    static final String NAMESPACE = 'builds'
    static final String SECRET = 'mini-s3'
    static final String BUCKET = 'mini-artifacts'
    static final String IMAGE = 'ghcr.io/rocky-linux/sig-core-toolkit:latest'
    static final String STAMP = '20261205.120000'
    static final String COMPOSE_ID = "Mini-9.1-$STAMP"
    /** Fake credentials, in the Secret only: no file relengine writes may hold them. */
    static final String KEY_ID = 'AKIAMINISPECEXAMPLE7'
    static final String KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYspecKEY42'
    static final List<String> ARCHES = ['x86_64', 'aarch64']

    @TempDir
    Path dir

    MockCluster cluster
    KubernetesMockServer server
    KubernetesClient client
    KubeletStandIn kubelet
    LoopbackS3 s3
    Path recipe
    Path kubeconfig
    /** The stand-ins' controls: `hold` keeps lorax waiting, `fail-ARCH` makes it fail; what they did is kept here. */
    Path control

    def setup() {
        cluster = new MockCluster(NAMESPACE, SECRET, KEY_ID, KEY, dir.resolve('nodes'))
        server = cluster.server
        client = cluster.client
        kubelet = cluster.kubelet
        control = Files.createDirectories(dir.resolve('control'))
        s3 = LoopbackS3.start(dir.resolve('s3'), BUCKET, 0)
        kubelet.image = image()
        cluster.start()
        kubeconfig = writeKubeconfig()
        recipe = writeRecipe()
    }

    def cleanup() {
        if (control != null) {
            Files.deleteIfExists(control.resolve('hold'))
        }
        cluster?.close()
        s3?.close()
    }

    def "a run whose Jobs succeed exits 0: a Job per arch on a node of its arch, privileged, the Secret only referenced, and no credential in the plan, the logs, the journal or the reports"() {
        when:
        def run = Cli.run([env: env()], 'run', recipe.toString(), *options(), '--report', dir.resolve('report.html').toString(),
                '--junit', dir.resolve('junit.xml').toString())

        then:
        run.exitCode == 0
        run.stackTraceMarkers == []
        ARCHES.every { run.stdoutLines.any { line -> line ==~ /\[\d+\/11\] done    lorax:$it/ } }
        Files.readString(compose().resolve('STATUS')) == 'FINISHED\n'

        and: 'a Job per arch, started once each, kept (keepJobs: all)'
        kubelet.started.size() == 2
        jobs().keySet() == ARCHES.collect { "lorax:$it".toString() } as Set

        and: 'each on a node of its arch in Kubernetes spelling, privileged, the credentials references to the Secret'
        ARCHES.every { arch ->
            Job job = jobs()["lorax:$arch"]
            def pod = job.spec.template.spec
            def container = pod.containers[0]
            pod.nodeSelector == ['kubernetes.io/arch': [x86_64: 'amd64', aarch64: 'arm64'][arch]] &&
                    container.securityContext.privileged && container.image == IMAGE &&
                    job.metadata.namespace == NAMESPACE && job.spec.backoffLimit == 0 &&
                    container.env.collect { [it.name, it.value, it.valueFrom?.secretKeyRef?.name, it.valueFrom?.secretKeyRef?.key] } ==
                    [['AWS_ACCESS_KEY_ID', null, SECRET, 'ID'], ['AWS_SECRET_ACCESS_KEY', null, SECRET, 'SECRET']]
        }

        and: 'the pods had the credentials, built with lorax and uploaded with aws s3 cp into the bucket'
        kubelet.environments.values().every { it.AWS_ACCESS_KEY_ID == KEY_ID && it.AWS_SECRET_ACCESS_KEY == KEY }
        awsCalls().size() == 2
        awsCalls().every { it.startsWith("key $KEY_ID of ${KEY.length()} characters: s3 cp ") && it.contains("--endpoint-url ${s3.endpoint()}") }
        ARCHES.every { arch ->
            String kube = [x86_64: 'amd64', aarch64: 'arm64'][arch]
            List<Path> uploaded = Files.walk(s3.bucketDirectory(BUCKET)).withCloseable { it.filter { Files.isRegularFile(it) }.toList() }
                    .findAll { it.fileName.toString() == "lorax-9.1-${arch}.tar.gz" }
            uploaded.size() == 1 && s3.bucketDirectory(BUCKET).relativize(uploaded[0]).toString() ==~ /buildiso-9-$kube\/\d+\/lorax-9\.1-$arch\.tar\.gz/ &&
                    Cli.exec(['tar', '-tzf', uploaded[0].toString()]).stdoutLines.containsAll(['lorax/.treeinfo', "lorax-${arch}.log".toString()])
        }

        and: 'the pods\' logs are the tasks\' logs'
        ARCHES.every { taskLog("lorax:$it").contains("lorax stand-in: the boot image of $it in ") }
        ARCHES.every { taskLog("lorax:$it").contains('upload: ') }

        and: 'no credential in anything relengine wrote: the plan, the task logs, the journal, the reports, its output'
        Files.isRegularFile(compose().resolve('work/plan.json'))
        Files.isRegularFile(compose().resolve('work/journal'))
        Files.isRegularFile(dir.resolve('report.html'))
        Files.isRegularFile(dir.resolve('junit.xml'))
        List<Path> written = Files.walk(compose()).withCloseable { it.filter { Files.isRegularFile(it) }.toList() } +
                [dir.resolve('report.html'), dir.resolve('junit.xml')]
        List<Path> leaking = written.findAll { leaks(new String(Files.readAllBytes(it), 'ISO-8859-1')) }
        written.size() > 10
        leaking == []
        !leaks(run.stdout) && !leaks(run.stderr)
    }

    def "a run whose pod fails exits 3, and its FAILED line gives the pod's reason"() {
        given: 'lorax fails on x86_64'
        Files.createFile(control.resolve('fail-x86_64'))

        when:
        def run = Cli.run([env: env()], 'run', recipe.toString(), *options())
        Job job = jobs()['lorax:x86_64']
        String name = job.metadata.name
        String pod = pods(name)*.metadata*.name.with { assert it.size() == 1; it[0] }

        then:
        run.exitCode == 3
        run.stackTraceMarkers == []
        run.stdout.contains("\nFAILED lorax:x86_64: Job $name failed: its pod failed and the backoffLimit is 0 " +
                "(BackoffLimitExceeded); the container of pod $pod exited with status 3\n")
        run.stdout.contains("  log: ${compose().resolve('work/logs/lorax_x86_64.log')}\n")
        run.stdoutLines.any { it ==~ /\[\d+\/11\] done    lorax:aarch64/ }
        taskLog('lorax:x86_64').contains('lorax stand-in: failing, as the spec asked\n')
        lastState('lorax:x86_64') == 'failed'
        Files.readString(compose().resolve('STATUS')) == 'DOOMED\n'

        and: 'the failed Job is kept to read its pod'
        job.status.conditions*.type == ['Failed']
    }

    def "a relengine killed while its Jobs run, then resumed with the same recipe and date stamp: the resumed run follows the same Jobs, one per task, and exits 0"() {
        given: 'lorax waits until the spec lets it finish'
        Files.createFile(control.resolve('hold'))

        when: 'relengine is killed, process group and all, while both Jobs run'
        Process first = Cli.start([env: env()], dir.resolve('first.log'), 'run', recipe.toString(), *options())
        waitFor(first) {
            ARCHES.every { Files.exists(control.resolve("started-$it")) } &&
                    ARCHES.every { Files.exists(logFile("lorax:$it")) && taskLog("lorax:$it").contains('relengine: started Job ') }
        }
        Map<String, String> names = jobs().collectEntries { task, job -> [task, job.metadata.name] }
        Cli.killGroup(first)

        then: 'the Jobs go on without it'
        !first.alive
        names.keySet() == ARCHES.collect { "lorax:$it".toString() } as Set
        kubelet.started.size() == 2
        jobs().values().every { it.status?.conditions == null || it.status.conditions.isEmpty() }

        when: 'the run is resumed; once it follows both Jobs, lorax may finish'
        Process resumed = Cli.start([env: env()], dir.resolve('resumed.log'), 'run', recipe.toString(), *options(), '--resume')
        waitFor(resumed) {
            ARCHES.every { taskLog("lorax:$it").contains("relengine: Job ${names["lorax:$it"]} in namespace $NAMESPACE is running already") }
        }
        Map<String, String> whileFollowing = jobs().collectEntries { task, job -> [task, job.metadata.name] }
        int jobsWhileFollowing = client.batch().v1().jobs().inNamespace(NAMESPACE).list().items.size()
        Files.delete(control.resolve('hold'))
        boolean ended = resumed.waitFor(45, TimeUnit.SECONDS)
        String output = Files.readString(dir.resolve('resumed.log'))

        then:
        ended
        resumed.exitValue() == 0
        output.contains("relengine: resuming $COMPOSE_ID from its journal")
        ARCHES.every { output =~ /\[\d+\/11\] done    lorax:$it\n/ }

        and: 'one Job per task, the one the killed run started; each pod ran lorax once'
        whileFollowing == names
        jobsWhileFollowing == 2
        client.batch().v1().jobs().inNamespace(NAMESPACE).list().items.size() == 2
        jobs().collectEntries { task, job -> [task, job.metadata.name] } == names
        kubelet.started.toSorted() == names.values().toSorted()
        ARCHES.every { taskLog("lorax:$it").contains(': following it instead of starting another') }
        Files.readAllLines(control.resolve('lorax-runs')).toSorted() == ARCHES.toSorted()
        awsCalls().size() == 2
        lastState('lorax:x86_64') == 'done'
    }

    def "a dry run prints each Job's manifest as YAML, and needs no cluster"() {
        given: 'no kubeconfig anywhere (a home of its own, whatever this machine\'s ~/.kube holds), and not in a pod'
        Path home = Files.createDirectories(dir.resolve('home'))
        Map noCluster = [env : [KUBECONFIG: null, HOME: home.toString(), KUBERNETES_SERVICE_HOST: null],
                         main: ["-Duser.home=$home".toString()] + Cli.MAIN]

        when:
        def dry = Cli.run(noCluster, 'run', recipe.toString(), *options(), '--dry-run')
        Map<String, Job> manifests = manifests(dry.stdout)

        then:
        dry.exitCode == 0
        dry.stackTraceMarkers == []
        dry.stdout.contains('2 Kubernetes Jobs. Nothing was changed.')
        manifests.keySet() == ARCHES.collect { "lorax:$it".toString() } as Set
        ARCHES.every { arch ->
            Job job = manifests["lorax:$arch"]
            def container = job.spec.template.spec.containers[0]
            dry.stdout.contains("# Kubernetes Job ${job.metadata.name} in namespace $NAMESPACE on a node of $arch\n") &&
                    job.apiVersion == 'batch/v1' && job.kind == 'Job' &&
                    job.spec.template.spec.nodeSelector == ['kubernetes.io/arch': [x86_64: 'amd64', aarch64: 'arm64'][arch]] &&
                    container.securityContext.privileged && container.command[0..1] == ['sh', '-ec'] &&
                    container.command[2].contains("--buildarch=$arch") && container.command[2].contains('aws s3 cp') &&
                    container.env*.valueFrom*.secretKeyRef*.name == [SECRET, SECRET]
        }
        !leaks(dry.stdout)

        and: 'nothing reached the API server, nothing was written'
        kubelet.started.isEmpty()
        client.batch().v1().jobs().inNamespace(NAMESPACE).list().items.isEmpty()
        !Files.exists(dir.resolve('root'))

        when: 'the same run for real, without a cluster'
        def real = Cli.run(noCluster, 'run', recipe.toString(), *options())

        then: 'is refused before it starts'
        real.exitCode == 1
        real.stderr == 'relengine: 2 tasks run where they cannot go from this machine now (e.g. lorax:x86_64): ' +
                "no Kubernetes cluster is configured: no kubeconfig (${home.resolve('.kube/config')}; or set KUBECONFIG) " +
                'and not running in a pod\n  hint: run them on this machine with --executor local\n'
        !Files.exists(dir.resolve('root/compose'))
    }

    // ------------------------------------------------------------------ helpers

    List<String> options() {
        ['--skip-debug', '--skip-source', '--root', dir.resolve('root').toString(), '--date-stamp', STAMP,
         '--progress', 'plain']
    }

    /** relengine's environment: the cluster of the kubeconfig, no other. */
    Map<String, String> env() {
        [KUBECONFIG: kubeconfig.toString(), KUBERNETES_SERVICE_HOST: null]
    }

    static boolean leaks(String text) {
        text.contains(KEY) || text.contains(KEY_ID)
    }

    Path writeKubeconfig() {
        String url = server.url('/').replaceAll('/$', '')
        Path file = dir.resolve('kubeconfig')
        Files.writeString(file, """\
            apiVersion: v1
            kind: Config
            clusters:
            - name: mock
              cluster:
                server: $url
            contexts:
            - name: mock
              context:
                cluster: mock
                namespace: $NAMESPACE
                user: spec
            current-context: mock
            users:
            - name: spec
              user: {}
            """.stripIndent())
        file
    }

    /** Mini 9 in small: BaseOS synced from empty local repos, its boot images built by Jobs, results in the bucket. */
    Path writeRecipe() {
        String source = Cli.emptyPeridot(dir.resolve('source'), 'mini9', 'BaseOS', ARCHES)
        Cli.writeRecipe(dir, 'mini9-kubernetes.groovy', """\
            // Mini 9's boot images built as Kubernetes Jobs, as Rocky's build-iso runs them: a Job per arch, the
            // results uploaded by the pod into the artifacts bucket.
            release 'Mini Linux', short: 'Mini', version: '9.1', rc: 'RC1', final: true, code: 'Spec'
            arches 'x86_64', 'aarch64'

            source peridot, url: '$source', project: 'mini9', hashed: true

            artifacts url: '${s3.endpoint()}/$BUCKET', bucket: '$BUCKET', endpoint: '${s3.endpoint()}', pathStyle: true
            kubernetes namespace: '$NAMESPACE', image: '$IMAGE', secret: '$SECRET', backoffLimit: 0, keepJobs: 'all'

            repos {
                repo 'BaseOS', closure: true, comps: true
            }

            images {
                lorax repos: ['BaseOS'], variant: 'BaseOS'
            }

            compose {
                sync from: peridot
                iso arches: all, on: kubernetes
            }
            """.stripIndent())
    }

    /**
     * The image's programs, as stand-ins (no lorax, and no cluster with the toolkit image, here): a lorax that writes
     * a tiny tree and its log where the real one writes them, waiting while {@code control/hold} exists and failing
     * (exit 3) for an arch with {@code control/fail-ARCH}; an aws that refuses to run without credentials and puts
     * the file of {@code s3 cp} into the bucket's directory of the S3 server, recording what it was asked.
     */
    Path image() {
        Path bin = Files.createDirectories(dir.resolve('image-bin'))
        Path lorax = bin.resolve('lorax')
        Files.writeString(lorax, """\
            #!/bin/sh
            # A stand-in for lorax (the toolkit image's): writes a tiny tree; no boot image is built here.
            set -e
            control='$control'
            arch= log= out=
            for a; do
              case \$a in --buildarch=*) arch=\${a#--buildarch=};; --logfile=*) log=\${a#--logfile=};; esac
              out=\$a
            done
            echo "lorax stand-in: the boot image of \$arch in \$out"
            touch "\$control/started-\$arch"
            while [ -e "\$control/hold" ]; do sleep 0.05; done
            if [ -e "\$control/fail-\$arch" ]; then echo 'lorax stand-in: failing, as the spec asked'; exit 3; fi
            mkdir -p "\$out/images"
            printf '[general]\\narch = %s\\n' "\$arch" > "\$out/.treeinfo"
            echo "boot image of \$arch" > "\$out/images/boot.iso"
            echo "lorax stand-in for \$arch" > "\$log"
            echo "\$arch" >> "\$control/lorax-runs"
            """.stripIndent())
        Path aws = bin.resolve('aws')
        Files.writeString(aws, """\
            #!/bin/sh
            # A stand-in for the AWS CLI (the toolkit image's): s3 cp into the bucket's directory of the S3 server.
            set -e
            control='$control'
            buckets='${s3.bucketDirectory(BUCKET).parent}'
            if [ "\$1 \$2" = 'configure set' ]; then exit 0; fi
            [ "\$1 \$2" = 's3 cp' ] || { echo "aws stand-in: unexpected command: \$*" >&2; exit 2; }
            [ -n "\$AWS_ACCESS_KEY_ID" ] && [ -n "\$AWS_SECRET_ACCESS_KEY" ] || { echo 'aws stand-in: no credentials' >&2; exit 255; }
            echo "key \$AWS_ACCESS_KEY_ID of \${#AWS_SECRET_ACCESS_KEY} characters: \$*" >> "\$control/aws-calls"
            file=\$3 key=\${4#s3://}
            mkdir -p "\$buckets/\$(dirname "\$key")"
            cp "\$file" "\$buckets/\$key"
            echo "upload: \$file to \$4"
            """.stripIndent())
        [lorax, aws].each { it.toFile().setExecutable(true) }
        bin
    }

    Path compose() {
        dir.resolve("root/compose/9/$COMPOSE_ID")
    }

    Path logFile(String task) {
        compose().resolve("work/logs/${task.replace(':', '_')}.log")
    }

    String taskLog(String task) {
        Path file = logFile(task)
        Files.exists(file) ? Files.readString(file) : ''
    }

    List<String> awsCalls() {
        Path file = control.resolve('aws-calls')
        Files.exists(file) ? Files.readAllLines(file) : []
    }

    /** The Jobs in the API server, by task. */
    Map<String, Job> jobs() {
        client.batch().v1().jobs().inNamespace(NAMESPACE).list().items.collectEntries {
            [it.metadata.annotations['relengine.org/task'], it]
        }
    }

    List<Pod> pods(String job) {
        client.pods().inNamespace(NAMESPACE).withLabel('relengine.org/job', job).list().items
    }

    String lastState(String task) {
        Files.readAllLines(compose().resolve('work/journal')).findResults { String line ->
            try {
                line.isBlank() ? null : new JsonSlurper().parseText(line) as Map
            } catch (ignored) {
                null
            }
        }.findAll { it.task == task }.collect { it.state }.with { it ? it.last() : null }
    }

    /** The manifests of a dry run, by task: the YAML under each `# Kubernetes Job …` line. */
    Map<String, Job> manifests(String stdout) {
        List<String> lines = stdout.readLines()
        Map<String, Job> found = [:]
        lines.eachWithIndex { String line, int i ->
            if (line.startsWith('    # Kubernetes Job ')) {
                List<String> yaml = lines.drop(i + 1).takeWhile { it.startsWith('      ') }*.substring(6)
                Job job = client.kubernetesSerialization.unmarshal(yaml.join('\n'), Job)
                found[job.metadata.annotations['relengine.org/task']] = job
            }
        }
        found
    }

    /** Polls until {@code condition} holds, failing when the process ends first or after 30 s. */
    static void waitFor(Process process, Closure<Boolean> condition) {
        long until = System.currentTimeMillis() + 30_000
        while (!condition()) {
            if (!process.alive) {
                throw new AssertionError("relengine ended (exit ${process.exitValue()}) before the spec's point" as Object)
            }
            if (System.currentTimeMillis() > until) {
                Cli.killGroup(process)
                throw new AssertionError('waited 30 s in vain' as Object)
            }
            Thread.sleep(50)
        }
    }
}
