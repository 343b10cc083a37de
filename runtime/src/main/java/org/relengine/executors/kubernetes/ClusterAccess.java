package org.relengine.executors.kubernetes;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this machine can reach a cluster the way the Kubernetes client finds one: a kubeconfig ({@code
 * $KUBECONFIG}, else {@code ~/.kube/config}), or the service account of the pod relengine runs in.
 */
public final class ClusterAccess {

    static final String TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    private ClusterAccess() {
    }

    /** Why no cluster can be reached from here, or empty when a kubeconfig or a pod's service account is there. */
    public static Optional<String> unavailable(Map<String, String> env, String home) {
        String kubeconfig = env.get("KUBECONFIG");
        String[] files = kubeconfig != null && !kubeconfig.isBlank() ? kubeconfig.split(File.pathSeparator)
                : new String[]{Path.of(home, ".kube", "config").toString()};
        if (Arrays.stream(files).anyMatch(f -> !f.isBlank() && Files.isRegularFile(Path.of(f)))) {
            return Optional.empty();
        }
        if (env.get("KUBERNETES_SERVICE_HOST") != null && Files.isRegularFile(Path.of(TOKEN))) {
            return Optional.empty();
        }
        return Optional.of("no Kubernetes cluster is configured: no kubeconfig (" + String.join(File.pathSeparator,
                files) + (kubeconfig == null ? "; or set KUBECONFIG" : "") + ") and not running in a pod");
    }
}
