package org.relengine.executors.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relengine.formats.Durations;

/**
 * Why a Job's pod, or the Job, failed, in the user's words: the container's exit status, a container killed for its
 * memory (OOMKilled), an image that cannot be pulled, a Job past its deadline or out of retries.
 *
 * @param reason what happened
 * @param exit   the exit status of the task's container, when it ended with one
 */
public record PodFailure(String reason, Integer exit) {

    /** Waiting reasons that mean the pod will not start until the image is fixed. */
    static final Set<String> IMAGE_PULL = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull");

    /** Why the pod's task container ended in failure, or empty while it runs or when it succeeded. */
    public static Optional<PodFailure> ended(Pod pod) {
        for (ContainerStatus status : containers(pod)) {
            ContainerStateTerminated ended = status.getState() == null ? null : status.getState().getTerminated();
            if (ended != null && ended.getExitCode() != null && ended.getExitCode() != 0) {
                String how = "OOMKilled".equals(ended.getReason())
                        ? "was killed for using more memory than it may (OOMKilled, exit status " + ended.getExitCode()
                        + ")"
                        : "exited with status " + ended.getExitCode()
                        + (ended.getReason() == null || ended.getReason().equals("Error") ? ""
                        : " (" + ended.getReason() + ")");
                return Optional.of(new PodFailure("the container of pod " + pod.getMetadata().getName() + " " + how,
                        ended.getExitCode()));
            }
        }
        return Optional.empty();
    }

    /** The pod cannot start because its image cannot be pulled: it would wait for it until the Job's deadline. */
    public static Optional<PodFailure> imagePull(Pod pod) {
        for (ContainerStatus status : containers(pod)) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && IMAGE_PULL.contains(waiting.getReason())) {
                return Optional.of(new PodFailure("the image " + status.getImage() + " cannot be pulled ("
                        + waiting.getReason() + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage())
                        + ")", null));
            }
        }
        return Optional.empty();
    }

    /**
     * Why the Job failed, from its {@code Failed} condition, with what its last failed pod said, or empty while it
     * has not failed.
     */
    public static Optional<PodFailure> job(Job job, Optional<PodFailure> lastPod) {
        Optional<JobCondition> failed = condition(job, "Failed");
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        String name = job.getMetadata().getName();
        String reason = failed.get().getReason();
        String why;
        if ("DeadlineExceeded".equals(reason)) {
            Long deadline = job.getSpec() == null ? null : job.getSpec().getActiveDeadlineSeconds();
            why = "Job " + name + " ran longer than its deadline"
                    + (deadline == null ? "" : " of " + human(deadline))
                    + " and was stopped (DeadlineExceeded)";
        } else if ("BackoffLimitExceeded".equals(reason)) {
            Integer limit = job.getSpec() == null ? null : job.getSpec().getBackoffLimit();
            why = "Job " + name + " failed: its pod failed " + (limit == null ? "more often than its backoffLimit"
                    : limit == 0 ? "and the backoffLimit is 0" : limit + 1 + " times (backoffLimit " + limit + ")")
                    + " (BackoffLimitExceeded)";
        } else {
            why = "Job " + name + " failed" + (reason == null ? "" : " (" + reason + ")")
                    + (failed.get().getMessage() == null ? "" : ": " + failed.get().getMessage());
        }
        return Optional.of(lastPod.map(pod -> new PodFailure(why + "; " + pod.reason(), pod.exit()))
                .orElse(new PodFailure(why, null)));
    }

    /** {@code 6 h}, {@code 90 min}, {@code 45 s}: a deadline as a recipe writes it. */
    static String human(long seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : Durations.human(java.time.Duration.ofSeconds(seconds));
    }

    public static boolean succeeded(Job job) {
        return condition(job, "Complete").isPresent();
    }

    public static boolean failed(Job job) {
        return condition(job, "Failed").isPresent();
    }

    static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus())).findFirst();
    }

    private static List<ContainerStatus> containers(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        return pod.getStatus().getContainerStatuses();
    }
}
