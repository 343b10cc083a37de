package org.relengine.executors.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.relengine.model.ExecutorSettings.KeepJobs;

/**
 * Runs a task's Job to its end: starts it, or takes up the one of the same name — following it while it runs,
 * reusing it when it succeeded, replacing it when it failed; waits on watches of the Job and its pods (informers,
 * no polling), streams each pod's log into the task's log, and says why it failed. Finished Jobs are deleted or
 * kept as {@code keepJobs} says. When the thread is interrupted (the run stops, relengine is killed), the Job is
 * left running for the next run to follow.
 */
public final class JobFollower {

    /** How long a deleted failed Job may take to go before its replacement is created. */
    private static final long GONE_MINUTES = 2;
    /** How long the end of a pod's log may take to arrive once its container ended. */
    private static final long LOG_SECONDS = 30;

    private final KubernetesClient client;
    private final KeepJobs keep;
    private final PrintWriter log;

    public JobFollower(KubernetesClient client, KeepJobs keep, PrintWriter log) {
        this.client = client;
        this.keep = keep;
        this.log = log;
    }

    /** @return why the Job failed, or empty when it succeeded */
    public Optional<PodFailure> run(Job job) throws InterruptedException {
        String name = job.getMetadata().getName();
        String namespace = job.getMetadata().getNamespace();
        Resource<Job> resource = client.batch().v1().jobs().inNamespace(namespace).withName(name);
        Job existing = resource.get();
        if (existing != null && PodFailure.succeeded(existing)) {
            say("Job " + name + " in namespace " + namespace + " succeeded already"
                    + when(existing.getStatus().getCompletionTime()) + ": its work is reused, not run again");
            finish(resource, name, Optional.empty());
            return Optional.empty();
        }
        if (existing != null && PodFailure.failed(existing)) {
            say("Job " + name + " in namespace " + namespace + " failed before ("
                    + PodFailure.job(existing, Optional.empty()).map(PodFailure::reason).orElse("") + "): it is deleted "
                    + "and started again");
            resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            resource.waitUntilCondition(Objects::isNull, GONE_MINUTES, TimeUnit.MINUTES);
            existing = null;
        }
        if (existing == null) {
            try {
                client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
                say("started Job " + name + " in namespace " + namespace);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                say("Job " + name + " in namespace " + namespace + " was started at the same time: following it");
            }
        } else {
            say("Job " + name + " in namespace " + namespace + " is running already"
                    + when(existing.getStatus() == null ? null : existing.getStatus().getStartTime())
                    + ": following it instead of starting another");
        }
        Optional<PodFailure> failure = follow(resource, namespace, name);
        finish(resource, name, failure);
        return failure;
    }

    private Optional<PodFailure> follow(Resource<Job> resource, String namespace, String name)
            throws InterruptedException {
        BlockingQueue<Boolean> changes = new LinkedBlockingQueue<>();
        Map<String, LogWatch> logs = new LinkedHashMap<>();
        Map<String, String> phases = new LinkedHashMap<>();
        var pods = client.pods().inNamespace(namespace).withLabel(JobManifest.JOB, name);
        try (SharedIndexInformer<Job> jobs = resource.inform(wake(changes));
             SharedIndexInformer<Pod> podInformer = pods.inform(wake(changes))) {
            changes.add(true);
            while (true) {
                changes.take();
                for (Pod pod : podInformer.getStore().list()) {
                    String podName = pod.getMetadata().getName();
                    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
                    if (phase != null && !phase.equals(phases.put(podName, phase))) {
                        say("pod " + podName + ": " + phase);
                    }
                    if (started(pod)) {
                        logs.computeIfAbsent(podName, p -> streamLog(namespace, p));
                    }
                    Optional<PodFailure> pull = PodFailure.imagePull(pod);
                    if (pull.isPresent()) {
                        endLogs(logs);
                        return pull;
                    }
                }
                Job now = jobs.getStore().getByKey(namespace + "/" + name);
                if (now == null) {
                    endLogs(logs);
                    return Optional.of(new PodFailure("Job " + name + " was deleted while relengine followed it",
                            null));
                }
                boolean succeeded = PodFailure.succeeded(now);
                if (succeeded || PodFailure.failed(now)) {
                    // the pods as the API server has them now: the watch of pods may lag the Job's
                    List<Pod> all = pods.list().getItems().stream()
                            .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata()
                                    .getCreationTimestamp())).thenComparing(p -> p.getMetadata().getName())).toList();
                    for (Pod pod : all) {
                        if (started(pod)) {
                            logs.computeIfAbsent(pod.getMetadata().getName(), p -> streamLog(namespace, p));
                        }
                    }
                    endLogs(logs);
                    if (succeeded) {
                        say("Job " + name + " succeeded");
                        return Optional.empty();
                    }
                    Optional<PodFailure> lastPod = Optional.empty();
                    for (Pod pod : all) {
                        Optional<PodFailure> ended = PodFailure.ended(pod).or(() -> PodFailure.imagePull(pod));
                        if (ended.isPresent()) {
                            lastPod = ended;
                        }
                    }
                    return PodFailure.job(now, lastPod);
                }
            }
        } finally {
            logs.values().forEach(LogWatch::close);
        }
    }

    /** Whether the pod's container has started (or ended): its log can be read. */
    private static boolean started(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            if (status.getState() != null
                    && (status.getState().getRunning() != null || status.getState().getTerminated() != null)) {
                return true;
            }
        }
        return false;
    }

    private LogWatch streamLog(String namespace, String pod) {
        say("log of pod " + pod + ":");
        return client.pods().inNamespace(namespace).withName(pod).inContainer(JobManifest.CONTAINER)
                .watchLog(new LogLines(log));
    }

    /** Waits for each pod's log to reach its end, which a container that ended has. */
    private void endLogs(Map<String, LogWatch> logs) throws InterruptedException {
        for (Map.Entry<String, LogWatch> entry : logs.entrySet()) {
            try {
                entry.getValue().onClose().toCompletableFuture().get(LOG_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                say("the log of pod " + entry.getKey() + " ended early: " + e);
            }
        }
    }

    private void finish(Resource<Job> resource, String name, Optional<PodFailure> failure) {
        boolean kept = keep == KeepJobs.ALL || keep == KeepJobs.FAILED && failure.isPresent();
        if (kept) {
            say("Job " + name + " is kept (keepJobs: " + keep.word() + ")");
        } else {
            resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            say("Job " + name + " is deleted (keepJobs: " + keep.word() + ")");
        }
    }

    private static String when(String time) {
        return time == null ? "" : " (at " + time + ")";
    }

    private void say(String line) {
        log.println("relengine: " + line);
        log.flush();
    }

    private static <T> ResourceEventHandler<T> wake(BlockingQueue<Boolean> changes) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                changes.add(true);
            }

            @Override
            public void onUpdate(T before, T now) {
                changes.add(true);
            }

            @Override
            public void onDelete(T obj, boolean finalStateUnknown) {
                changes.add(true);
            }
        };
    }
}
