package org.relengine.executors.kubernetes

import io.fabric8.kubernetes.api.model.SecretBuilder
import io.fabric8.kubernetes.client.KubernetesClient
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer
import io.fabric8.mockwebserver.Context
import io.fabric8.mockwebserver.MockWebServer
import io.fabric8.mockwebserver.http.Dispatcher
import io.fabric8.mockwebserver.http.MockResponse
import io.fabric8.mockwebserver.http.RecordedRequest
import java.nio.file.Files
import java.nio.file.Path

/**
 * No Kubernetes API server can run here: fabric8's mock API server in CRUD mode, which also serves each pod's log
 * as the kubelet stand-in wrote it, with a Secret of S3 credentials (keys ID and SECRET) in one namespace. The
 * kubelet stand-in is made and started by {@link #start}, after the caller has set it up.
 */
final class MockCluster implements AutoCloseable {

    final KubernetesMockServer server
    final KubernetesClient client
    final KubeletStandIn kubelet
    private final List<KubernetesClient> handedOut = []

    MockCluster(String namespace, String secret, String keyId, String key, Path nodes) {
        def crud = new KubernetesMixedDispatcher([:])
        KubeletStandIn[] standIn = [null]
        def dispatcher = new Dispatcher() {
            @Override
            MockResponse dispatch(RecordedRequest request) {
                String log = standIn[0]?.logFor(request.path)
                log != null ? new MockResponse().setResponseCode(200).setBody(log) : crud.dispatch(request)
            }
        }
        server = new KubernetesMockServer(new Context(), new MockWebServer(), [:], dispatcher, false)
        server.init()
        client = server.createClient()
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(secret)
                .endMetadata().addToData('ID', b64(keyId)).addToData('SECRET', b64(key)).build()).create()
        kubelet = new KubeletStandIn(client, namespace, Files.createDirectories(nodes))
        standIn[0] = kubelet
    }

    /** A client of the cluster for the code under test, closed with the cluster: an open client keeps the server up. */
    KubernetesClient newClient() {
        KubernetesClient made = server.createClient()
        synchronized (handedOut) {
            handedOut << made
        }
        made
    }

    MockCluster start() {
        kubelet.start()
        this
    }

    /**
     * Vert.x 5 ends the mock server only once each WebSocket (a watch) has answered its Close frame, and waits 10 s
     * for a straggler: a known fault of fabric8's mock server (fabric8io/kubernetes-client#8131). The spec has run
     * to its end by then, so a server that does not end in time is reported here, not counted as the spec's failure.
     */
    @Override
    void close() {
        kubelet.settle()
        kubelet.close()
        synchronized (handedOut) {
            handedOut*.close()
        }
        client.close()
        try {
            server.destroy()
        } catch (IllegalStateException e) {
            System.err.println("mock API server: ${e.message} (${e.cause}); a WebSocket did not answer its Close frame")
        }
    }

    private static String b64(String text) {
        Base64.encoder.encodeToString(text.getBytes('UTF-8'))
    }
}
