package org.relengine.executors.kubernetes;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relengine.model.Arches;
import org.relengine.model.ExecutorSettings;
import org.relengine.plan.Task;

/**
 * The {@code batch/v1} Job that runs one task, in the shape Rocky's launch-builds gives its per-arch lorax Jobs:
 * the recipe's image and namespace, a privileged root container on a node of the task's arch, {@code sh -ec} with
 * the task's script, an {@code emptyDir} at {@code /builddir} as the build root, and the S3 credentials only as
 * references to the recipe's Secret (keys {@code ID} and {@code SECRET}): their values never pass relengine.
 */
public final class JobManifest {

    /** Labels of the Job and its pods. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String COMPOSE = "relengine.org/compose";
    public static final String TASK = "relengine.org/task";
    public static final String HASH = "relengine.org/hash";
    /** The label by which relengine finds a Job's pods, whatever labels the cluster adds. */
    public static final String JOB = "relengine.org/job";

    /** Where the task builds: lorax's build root, as Rocky's build-iso has it. */
    public static final String BUILD_ROOT = "/builddir";
    public static final String CONTAINER = "task";

    private JobManifest() {
    }

    /**
     * @param composeId the compose the task belongs to
     * @param hash      the hash of the task's ingredients
     */
    public static Job of(ExecutorSettings.Kubernetes settings, String composeId, Task task, String hash) {
        String name = JobName.of(composeId, task.id(), hash);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, "relengine");
        labels.put(COMPOSE, JobName.label(composeId, 63));
        labels.put(TASK, JobName.label(task.id(), 63));
        labels.put(HASH, JobName.label(hash, 12));
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put(JOB, name);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(COMPOSE, composeId);
        annotations.put(TASK, task.id());
        annotations.put(HASH, hash);
        Map<String, String> nodeSelector = task.arch() == null ? null
                : Map.of("kubernetes.io/arch", Arches.kubernetes(task.arch()));
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace(settings.namespace()).withLabels(labels)
                .withAnnotations(annotations).endMetadata()
                .withNewSpec()
                .withBackoffLimit(settings.backoffLimit())
                .withActiveDeadlineSeconds(settings.deadline().toSeconds())
                .withNewTemplate()
                .withNewMetadata().withLabels(podLabels).withAnnotations(annotations).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withServiceAccountName(settings.serviceAccount())
                .withNodeSelector(nodeSelector)
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(settings.image())
                .withCommand("sh", "-ec", JobScript.of(task).text())
                .withWorkingDir(BUILD_ROOT)
                .withEnv(env(settings))
                .withNewSecurityContext().withPrivileged(true).withRunAsUser(0L).endSecurityContext()
                .addNewVolumeMount().withName("builddir").withMountPath(BUILD_ROOT).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("builddir").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /** The S3 credentials as references to the Secret, when the recipe names one; never their values. */
    private static List<EnvVar> env(ExecutorSettings.Kubernetes settings) {
        List<EnvVar> env = new ArrayList<>();
        if (settings.secret() != null) {
            env.add(fromSecret("AWS_ACCESS_KEY_ID", settings.secret(), "ID"));
            env.add(fromSecret("AWS_SECRET_ACCESS_KEY", settings.secret(), "SECRET"));
        }
        return env;
    }

    private static EnvVar fromSecret(String variable, String secret, String key) {
        return new EnvVarBuilder().withName(variable).withNewValueFrom().withNewSecretKeyRef()
                .withName(secret).withKey(key).endSecretKeyRef().endValueFrom().build();
    }

    /** The manifest as {@code kubectl apply -f} reads it. */
    public static String yaml(Job job) {
        return Serialization.asYaml(job);
    }
}
