package org.relengine.executors.standard;

import java.util.List;
import org.relengine.executors.ExecutorRegistry;
import org.relengine.executors.LocalExecutor;
import org.relengine.executors.kubernetes.KubernetesExecutor;
import org.relengine.executors.mock.MockExecutor;
import org.relengine.executors.podman.PodmanExecutor;

/** The executors relengine ships, one per name the recipe language knows: the one list to add an executor to. */
public final class StandardExecutors {

    private StandardExecutors() {
    }

    public static ExecutorRegistry registry() {
        return new ExecutorRegistry(List.of(new LocalExecutor(), new PodmanExecutor(), new MockExecutor(),
                new KubernetesExecutor()));
    }
}
