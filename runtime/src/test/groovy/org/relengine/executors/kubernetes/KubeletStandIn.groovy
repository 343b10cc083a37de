package org.relengine.executors.kubernetes

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder
import io.fabric8.kubernetes.api.model.Pod
import io.fabric8.kubernetes.api.model.PodBuilder
import io.fabric8.kubernetes.api.model.batch.v1.Job
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder
import io.fabric8.kubernetes.client.KubernetesClient
import io.fabric8.kubernetes.client.informers.ResourceEventHandler
import io.fabric8.kubernetes.client.informers.SharedIndexInformer

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList

/**
 * What a cluster's Job controller and kubelet do, for fabric8's mock API server (which only stores objects): for
 * each Job created it creates the Job's pod, runs the container's command as a local process (a real {@code sh -ec}
 * running the real script, the {@code emptyDir} at {@code /builddir} a directory of its own, the Secret's keys in
 * its environment), keeps its output for the pod's {@code /log}, and then sets the pod's and the Job's status as a
 * cluster would. {@link #next} says how the next Job ends: {@code run} (as its script does), {@code oom}, {@code
 * pull} (the image cannot be pulled) or {@code deadline}. {@link #image} stands in for the image's own programs.
 *
 * <p>It needs nothing of the process that follows the Jobs: the end-to-end specs run it in their JVM beside the mock
 * API server while relengine, a process of its own, reaches both through a kubeconfig; each pod's process is a child
 * of that JVM, so a relengine killed mid-Job leaves it running, as a cluster would.
 */
class KubeletStandIn implements Closeable {

    final KubernetesClient client
    final String namespace
    final Path root
    volatile String next = 'run'
    /**
     * A directory of stand-ins for the programs the image has and this machine may not (lorax, aws), first on the
     * {@code PATH} of each pod's process; null for the PATH of this JVM alone.
     */
    volatile Path image
    /** The name of every Job it started a pod for, in order. */
    final List<String> started = new CopyOnWriteArrayList<>()
    /** The environment each pod's process had, by pod. */
    final Map<String, Map<String, String>> environments = new ConcurrentHashMap<>()
    final Map<String, String> logs = new ConcurrentHashMap<>()
    final List<Thread> threads = new CopyOnWriteArrayList<>()
    private SharedIndexInformer<Job> informer
    private int pods

    KubeletStandIn(KubernetesClient client, String namespace, Path root) {
        this.client = client
        this.namespace = namespace
        this.root = root
    }

    KubeletStandIn start() {
        informer = client.batch().v1().jobs().inNamespace(namespace).inform(new ResourceEventHandler<Job>() {
            void onAdd(Job job) {
                if (job.status?.conditions == null || job.status.conditions.isEmpty()) {
                    launch(job)
                }
            }

            void onUpdate(Job before, Job now) {}

            void onDelete(Job job, boolean unknown) {}
        })
        this
    }

    /** The log of a pod, for the mock server's {@code GET …/pods/NAME/log}; null for any other path. */
    String logFor(String path) {
        def match = path =~ '^/api/v1/namespaces/[^/]+/pods/([^/?]+)/log'
        match.find() ? logs[match.group(1)] : null
    }

    private synchronized void launch(Job job) {
        String name = job.metadata.name
        started << name
        def template = job.spec.template
        Pod pod = new PodBuilder().withNewMetadata().withName("$name-${String.format('%05d', ++pods)}")
                .withNamespace(namespace).withLabels(template.metadata.labels + ['job-name': name]).endMetadata()
                .withSpec(template.spec).withNewStatus().withPhase('Pending').endStatus().build()
        pod = client.pods().inNamespace(namespace).resource(pod).create()
        String scenario = next
        Thread thread = Thread.start { run(job, pod, scenario) }
        threads << thread
    }

    private void run(Job job, Pod pod, String scenario) {
        def container = pod.spec.containers[0]
        if (scenario == 'pull') {
            status(pod, 'Pending', new ContainerStatusBuilder().withName(container.name).withImage(container.image)
                    .withNewState().withNewWaiting().withReason('ErrImagePull')
                    .withMessage('manifest unknown').endWaiting().endState().build())
            return
        }
        if (scenario == 'deadline') {
            status(pod, 'Failed', null)
            finish(job, 'Failed', 'DeadlineExceeded')
            return
        }
        // the emptyDir: a directory of the pod's own where the container has /builddir
        Path builddir = Files.createDirectories(root.resolve(pod.metadata.name))
        List<String> command = container.command.collect { it.replace(JobManifest.BUILD_ROOT, builddir.toString()) }
        def process = new ProcessBuilder(command).directory(builddir.toFile()).redirectErrorStream(true)
        Map<String, String> env = [:]
        container.env.each { variable ->
            def ref = variable.valueFrom?.secretKeyRef
            if (ref != null) {
                def secret = client.secrets().inNamespace(namespace).withName(ref.name).get()
                env[variable.name] = new String(Base64.decoder.decode(secret.data[ref.key]), 'UTF-8')
            } else {
                env[variable.name] = variable.value
            }
        }
        if (image != null) {
            process.environment().put('PATH', image.toString() + File.pathSeparator + System.getenv('PATH'))
        }
        process.environment().putAll(env)
        environments[pod.metadata.name] = env
        Process started = process.start()
        String output = started.inputStream.getText('UTF-8')
        int exit = started.waitFor()
        if (scenario == 'oom') {
            exit = 137
        }
        logs[pod.metadata.name] = output
        status(pod, exit == 0 ? 'Succeeded' : 'Failed', new ContainerStatusBuilder().withName(container.name)
                .withImage(container.image).withNewState().withNewTerminated().withExitCode(exit)
                .withReason(exit == 0 ? 'Completed' : scenario == 'oom' ? 'OOMKilled' : 'Error').endTerminated()
                .endState().build())
        finish(job, exit == 0 ? 'Complete' : 'Failed', exit == 0 ? null : 'BackoffLimitExceeded')
    }

    private void status(Pod pod, String phase, def containerStatus) {
        Pod now = client.pods().inNamespace(namespace).withName(pod.metadata.name).get()
        now.status.phase = phase
        now.status.containerStatuses = containerStatus == null ? [] : [containerStatus]
        client.pods().inNamespace(namespace).resource(now).updateStatus()
    }

    private void finish(Job job, String condition, String reason) {
        Job now = client.batch().v1().jobs().inNamespace(namespace).withName(job.metadata.name).get()
        if (now == null) {
            return
        }
        now.status = now.status ?: new io.fabric8.kubernetes.api.model.batch.v1.JobStatus()
        now.status.conditions = [new JobConditionBuilder().withType(condition).withStatus('True').withReason(reason)
                                         .build()]
        if (condition == 'Complete') {
            now.status.succeeded = 1
            now.status.completionTime = '2026-12-05T12:00:00Z'
        } else {
            now.status.failed = 1
        }
        client.batch().v1().jobs().inNamespace(namespace).resource(now).updateStatus()
    }

    /** Waits for every pod's process to end. */
    void settle() {
        threads.each { it.join(30_000) }
    }

    void close() {
        informer?.close()
    }
}
