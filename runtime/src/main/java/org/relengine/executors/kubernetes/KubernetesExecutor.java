package org.relengine.executors.kubernetes;

import org.relengine.executors.TaskExecutor;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.relengine.effects.Effects;
import org.relengine.model.Executor;
import org.relengine.model.ExecutorSettings;
import org.relengine.plan.Action;
import org.relengine.plan.Plan;
import org.relengine.plan.Task;
import org.relengine.plan.spi.TaskFailure;

/**
 * {@code on: kubernetes}: each task runs as one Job in the recipe's namespace and image, its commands a shell
 * script ({@code org.relengine.executors.kubernetes}). The cluster is the one of the usual kubeconfig, or the
 * service account of the pod relengine runs in; a dry run prints each Job's manifest and contacts nothing.
 */
public final class KubernetesExecutor implements TaskExecutor {

    private final Supplier<KubernetesClient> clients;
    private final Supplier<Optional<String>> access;
    private KubernetesClient client;

    /** The cluster fabric8's default configuration finds: {@code $KUBECONFIG}, {@code ~/.kube/config}, or the pod's. */
    public KubernetesExecutor() {
        this(() -> new KubernetesClientBuilder().build(),
                () -> ClusterAccess.unavailable(System.getenv(), System.getProperty("user.home")));
    }

    /**
     * @param clients makes the client when the first Job starts (never for a dry run)
     * @param access  why no cluster can be reached, or empty
     */
    public KubernetesExecutor(Supplier<KubernetesClient> clients, Supplier<Optional<String>> access) {
        this.clients = clients;
        this.access = access;
    }

    @Override
    public Executor name() {
        return Executor.KUBERNETES;
    }

    @Override
    public Optional<String> unavailable() {
        return access.get();
    }

    @Override
    public Optional<String> refusal(Plan plan, Task task) {
        if (plan.executors().kubernetes().image() == null) {
            return Optional.of("the recipe names no image for its Jobs (kubernetes image: '…')");
        }
        return JobScript.of(task).refusal();
    }

    /** The image and namespace the Job runs in: another image is other work, and another Job. */
    @Override
    public Map<String, String> ingredients(Plan plan, Task task) {
        ExecutorSettings.Kubernetes settings = plan.executors().kubernetes();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("kubernetes image", String.valueOf(settings.image()));
        parts.put("kubernetes namespace", settings.namespace());
        return parts;
    }

    @Override
    public Outcome perform(Placed placed, Effects effects) {
        Task task = placed.task();
        ExecutorSettings.Kubernetes settings = placed.plan().executors().kubernetes();
        Job job = JobManifest.of(settings, placed.plan().composeId(), task, placed.hash());
        List<Action> elsewhere = JobScript.of(task).refused();
        String description = "Kubernetes Job " + job.getMetadata().getName() + " in namespace "
                + settings.namespace() + (task.arch() == null ? "" : " on a node of " + task.arch())
                + (elsewhere.isEmpty() ? "" : "; a real run refuses the task, which also does "
                + elsewhere.stream().map(Action::describe).collect(Collectors.joining(", ")) + " on this machine");
        AtomicReference<PodFailure> failed = new AtomicReference<>();
        try {
            int exit = effects.remote(task.id(), description, JobManifest.yaml(job), log -> {
                try {
                    Optional<PodFailure> failure = new JobFollower(client(), settings.keep(), log).run(job);
                    if (failure.isEmpty()) {
                        return 0;
                    }
                    failed.set(failure.get());
                    log.println("relengine: " + failure.get().reason());
                    log.flush();
                    Integer status = failure.get().exit();
                    return status == null || status == 0 ? 1 : status;
                } catch (KubernetesClientException e) {
                    if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                        // the client's way of saying it was interrupted: the run stops, the Job goes on
                        InterruptedException interrupted = new InterruptedException(e.getMessage());
                        interrupted.initCause(e);
                        throw interrupted;
                    }
                    throw new TaskFailure("the Kubernetes API server refused or failed a request for Job "
                            + job.getMetadata().getName() + ": " + e.getMessage(), e);
                }
            });
            PodFailure failure = failed.get();
            if (failure != null) {
                return new Outcome(failure.reason(), failure.exit());
            }
            return exit == 0 ? Outcome.DONE : new Outcome("Job " + job.getMetadata().getName() + " failed", exit);
        } catch (TaskFailure e) {
            return new Outcome(e.getMessage(), null);
        }
    }

    private synchronized KubernetesClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }
}
