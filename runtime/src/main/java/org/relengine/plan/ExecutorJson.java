package org.relengine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.relengine.model.Executor;
import org.relengine.model.ExecutorSettings;
import org.relengine.model.Origin;
import org.relengine.model.Position;

/**
 * The plan's {@code executors} object: the settings of each executor a task of the plan runs on, and of no other,
 * so that a plan of this machine alone reads as before.
 */
final class ExecutorJson {

    private ExecutorJson() {
    }

    static void write(Plan plan, ObjectNode root) {
        Set<Executor> used = EnumSet.noneOf(Executor.class);
        plan.tasks().forEach(t -> used.add(t.executor()));
        used.remove(Executor.LOCAL);
        if (used.isEmpty()) {
            return;
        }
        ObjectNode node = root.putObject("executors");
        ExecutorSettings settings = plan.executors();
        if (used.contains(Executor.PODMAN)) {
            node.putObject("podman").put("image", settings.podman().image());
        }
        if (used.contains(Executor.MOCK)) {
            node.putObject("mock").put("config", settings.mock().config()).put("isolation", settings.mock().isolation());
        }
        if (used.contains(Executor.KUBERNETES)) {
            ExecutorSettings.Kubernetes k = settings.kubernetes();
            ObjectNode kube = node.putObject("kubernetes").put("namespace", k.namespace()).put("image", k.image());
            if (k.serviceAccount() != null) {
                kube.put("serviceAccount", k.serviceAccount());
            }
            if (k.secret() != null) {
                kube.put("secret", k.secret());
            }
            kube.put("backoffLimit", k.backoffLimit()).put("deadlineSeconds", k.deadline().toSeconds())
                    .put("keepJobs", k.keep().word());
        }
    }

    static ExecutorSettings read(JsonNode node) {
        ExecutorSettings d = Plan.DEFAULT_EXECUTORS;
        Origin none = Origin.of(Position.NONE);
        JsonNode podman = node.path("podman");
        JsonNode mock = node.path("mock");
        JsonNode kube = node.path("kubernetes");
        ExecutorSettings.Kubernetes k = d.kubernetes();
        return new ExecutorSettings(
                new ExecutorSettings.Podman(podman.path("image").asText(d.podman().image()), none),
                new ExecutorSettings.Mock(mock.path("config").asText(d.mock().config()),
                        mock.path("isolation").asText(d.mock().isolation()), none),
                kube.isMissingNode() ? k : new ExecutorSettings.Kubernetes(kube.path("namespace").asText(k.namespace()),
                        text(kube, "image"), text(kube, "serviceAccount"), text(kube, "secret"),
                        kube.path("backoffLimit").asInt(k.backoffLimit()),
                        Duration.ofSeconds(kube.path("deadlineSeconds").asLong(k.deadline().toSeconds())),
                        kube.path("keepJobs").asText(k.keepJobs()), none));
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
