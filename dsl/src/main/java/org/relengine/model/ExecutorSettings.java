package org.relengine.model;

import java.time.Duration;

/**
 * How the executors a recipe names take tasks off this machine: the container image of {@code on: podman}, the
 * mock configuration of {@code on: mock}, the namespace, image and policies of {@code on: kubernetes}. Every
 * recipe has all three, with defaults where it declares none.
 */
public record ExecutorSettings(Podman podman, Mock mock, Kubernetes kubernetes) {

    /** Where the rest of the defaults come from. */
    public static ExecutorSettings defaults(Release release) {
        return new ExecutorSettings(Podman.defaults(release), Mock.defaults(release), Kubernetes.DEFAULTS);
    }

    /** @param image the image tasks run in: Rocky's shape {@code docker.io/rockylinux/rockylinux:<major>} by default */
    public record Podman(String image, Origin origin) {
        static Podman defaults(Release release) {
            return new Podman("docker.io/rockylinux/rockylinux:" + release.major(), Origin.of(Position.NONE));
        }
    }

    /**
     * @param config    the {@code mock -r} configuration; {@code {arch}} stands for the task's arch
     * @param isolation {@code mock --isolation}
     */
    public record Mock(String config, String isolation, Origin origin) {
        public static final String ARCH = "{arch}";

        static Mock defaults(Release release) {
            String family = release.shortName() == null || release.shortName().isBlank() ? "rocky"
                    : release.shortName().toLowerCase(java.util.Locale.ROOT);
            return new Mock(family + "-" + release.major() + "-" + ARCH, "simple", Origin.of(Position.NONE));
        }

        public String config(String arch) {
            return config.replace(ARCH, arch);
        }
    }

    /**
     * @param image          the image of each Job's pod; none by default: a recipe that runs on Kubernetes names it
     * @param serviceAccount the pod's service account, or null for the namespace's default
     * @param secret         the Secret holding S3 credentials (keys {@code ID} and {@code SECRET}), or null
     * @param deadline       the Job's {@code activeDeadlineSeconds}
     * @param keepJobs       which finished Jobs stay in the cluster, as written ({@link #keep()})
     */
    public record Kubernetes(String namespace, String image, String serviceAccount, String secret, int backoffLimit,
                             Duration deadline, String keepJobs, Origin origin) {

        public static final Kubernetes DEFAULTS = new Kubernetes("default", null, null, null, 4, Duration.ofHours(6),
                KeepJobs.FAILED.word(), Origin.of(Position.NONE));

        /** The policy; a word the validator refused counts as the default. */
        public KeepJobs keep() {
            return KeepJobs.of(keepJobs).orElse(KeepJobs.FAILED);
        }
    }

    /** Which finished Jobs relengine leaves in the cluster: failed ones by default, to read their pods. */
    public enum KeepJobs {
        NONE, FAILED, ALL;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<KeepJobs> of(String word) {
            return java.util.Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
        }
    }
}
