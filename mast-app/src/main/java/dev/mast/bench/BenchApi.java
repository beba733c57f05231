package dev.mast.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API server side of the pod benchmark, on fabric8's mock web server: one namespace's pod
 * list (serialised to bytes once: a real API server is another program, whose CPU is not Mast's)
 * and its watch, over which the benchmark pushes change events as fast as the client takes them.
 * The mock's CRUD store would itself be the bottleneck (every write scans every object), which is
 * not what is measured.
 */
final class BenchApi extends Dispatcher {
    private final String namespace;
    private final byte[] list;
    private final AtomicLong listSent = new AtomicLong();
    private final CompletableFuture<WebSocket> watch = new CompletableFuture<>();

    BenchApi(String namespace, List<Pod> pods) {
        this.namespace = namespace;
        this.list = Serialization.asJson(new PodListBuilder().withNewMetadata().withResourceVersion("1").endMetadata()
                .withItems(pods).build()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        if (!"GET".equals(request.getMethod())) {
            return new MockResponse().setResponseCode(405);
        }
        if (path.startsWith("/api/v1/namespaces/" + namespace + "/pods?") && path.contains("watch=true")) {
            return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                @Override
                public void onOpen(WebSocket socket, Response response) {
                    watch.complete(socket);
                }
            });
        }
        if (path.startsWith("/api/v1/namespaces/" + namespace + "/pods")) {
            listSent.compareAndSet(0, System.nanoTime());
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(list);
        }
        if (path.startsWith("/api/v1/namespaces")) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody("{\"kind\":\"NamespaceList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[{\"metadata\":{\"name\":\""
                            + namespace + "\"}}]}");
        }
        return new MockResponse().setResponseCode(404);
    }

    /** When the list was sent (System.nanoTime), 0 before. */
    long listSent() {
        return listSent.get();
    }

    /** The watch's socket, once the informer opened it. */
    CompletableFuture<WebSocket> watch() {
        return watch;
    }

    /** A watch event as the API server sends it. */
    static String modified(Pod pod) {
        return "{\"type\":\"MODIFIED\",\"object\":" + Serialization.asJson(pod) + "}";
    }
}
