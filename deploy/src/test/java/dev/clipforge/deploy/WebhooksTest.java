package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import com.sun.net.httpserver.HttpServer;
import dev.clipforge.activities.media.Fixtures;
import dev.clipforge.common.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end: a receiver on loopback gets signed events for an organisation's assets and clip runs,
 * refused deliveries are retried, each attempt is listed, and targets on private addresses are refused.
 */
class WebhooksTest {
    static Stack stack;
    static Receiver receiver;
    @TempDir
    static Path media;

    /** What a webhook endpoint received. */
    record Received(String path, Map<String, String> headers, String body, Instant at) {
        JsonNode json() {
            return Json.read(body, JsonNode.class);
        }
    }

    /** An HTTP endpoint that records every request and answers 503 to the first {@code refuse} of each path. */
    static final class Receiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> refusals = new java.util.concurrent.ConcurrentHashMap<>();
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                String path = exchange.getRequestURI().getPath();
                received.add(new Received(path, headers, body, Instant.now()));
                AtomicInteger left = refusals.get(path);
                int status = left != null && left.getAndDecrement() > 0 ? 503 : 204;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        /** A URL the SSRF guard lets through in tests: loopback, by the name the tests' allow-list opens. */
        String url(String path) {
            return "http://localhost:" + server.getAddress().getPort() + path;
        }

        Received await(Predicate<Received> condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                for (Received r : received) {
                    if (condition.test(r)) {
                        return r;
                    }
                }
                Stack.sleep(100);
            }
            throw new AssertionError("no webhook request matched; received " + received.stream().map(Received::body).toList());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        stack = SharedStack.get();
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    /** The receiver's side of the signature, written here from the README's description with Guava, not ClipForge. */
    static boolean signedWith(String secret, Received r) {
        String header = r.headers().get("ClipForge-Signature");
        String t = header.replaceAll(".*t=(\\d+).*", "$1");
        String v1 = header.replaceAll(".*v1=([0-9a-f]+).*", "$1");
        String expected = Hashing.hmacSha256(secret.getBytes(StandardCharsets.UTF_8))
                .hashString(t + "." + r.body(), StandardCharsets.UTF_8).toString();
        return expected.equals(v1) && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300;
    }

    @Test
    void signedEventsReachTheOrganisationsEndpointAndNoOtherOne() throws Exception {
        Tenants.Tenant a = Tenants.create(stack, "webhooks A");
        Tenants.Tenant b = Tenants.create(stack, "webhooks B");
        JsonNode hook = a.api().postJson("/v1/webhooks", Map.of("url", receiver.url("/a"),
                "events", List.of("asset.ready", "clip.status_changed", "clip.ready"), "description", "A's receiver"), 201);
        String secret = hook.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(a.api().get("/v1/webhooks/" + hook.path("webhook_id").asText(), 200).path("secret").isNull()).isTrue();
        b.api().postJson("/v1/webhooks", Map.of("url", receiver.url("/b")), 201);

        String project = a.api().createProject("hooked");
        String asset = a.api().upload(project, Fixtures.countingVideo(media, 3, 25)).path("asset_id").asText();
        Received ready = receiver.await(r -> r.path().equals("/a") && r.body().contains("\"asset.ready\""));
        assertThat(signedWith(secret, ready)).as("signature of %s", ready.headers()).isTrue();
        assertThat(signedWith("whsec_wrong", ready)).isFalse();
        JsonNode event = ready.json();
        assertThat(event.path("type").asText()).isEqualTo("asset.ready");
        assertThat(event.path("organisation_id").asText()).isEqualTo(a.organisationId());
        assertThat(event.path("data").path("asset_id").asText()).isEqualTo(asset);
        assertThat(event.path("data").path("duration_seconds").asDouble()).isBetween(2.9, 3.1);
        assertThat(ready.headers().get("ClipForge-Event")).isEqualTo("asset.ready");
        assertThat(ready.headers().get("ClipForge-Delivery")).startsWith("whd_");
        assertThat(ready.headers().get("Content-Type")).isEqualTo("application/json");

        String clip = a.api().postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "selection", Map.of("selection_mode", "time_range", "start_seconds", 0.5, "end_seconds", 2.5),
                "target", Map.of("min_duration_seconds", 1, "max_duration_seconds", 5)), 201).path("clip_id").asText();
        Received clipReady = receiver.await(r -> r.path().equals("/a") && r.body().contains("\"clip.ready\""));
        assertThat(signedWith(secret, clipReady)).isTrue();
        assertThat(clipReady.json().path("data").path("clip_id").asText()).isEqualTo(clip);
        assertThat(clipReady.json().path("data").path("next_action").asText()).isEqualTo("export");
        List<String> statuses = receiver.received.stream().filter(r -> r.path().equals("/a"))
                .map(Received::json).filter(j -> j.path("type").asText().equals("clip.status_changed"))
                .sorted(java.util.Comparator.comparingLong(j -> j.path("data").path("state_version").asLong()))
                .map(j -> j.path("data").path("status").asText()).toList();
        assertThat(statuses).containsSubsequence("rendering", "qa", "ready");
        // each change of status is sent once, and no event of A went to B's endpoint
        assertThat(statuses).doesNotHaveDuplicates();
        assertThat(receiver.received).filteredOn(r -> r.path().equals("/b")).isEmpty();

        JsonNode deliveries = a.api().get("/v1/webhooks/deliveries?limit=100", 200);
        assertThat(deliveries.path("items")).allSatisfy(d -> {
            assertThat(d.path("status").asText()).isIn("delivered", "pending");
            assertThat(d.path("webhook_id").asText()).isEqualTo(hook.path("webhook_id").asText());
        });
        assertThat(b.api().get("/v1/webhooks/deliveries", 200).path("items")).isEmpty();
    }

    @Test
    void aRefusedDeliveryIsRetriedWithBackoffAndItsAttemptsAreListed() throws Exception {
        Tenants.Tenant c = Tenants.create(stack, "webhooks C");
        receiver.refusals.put("/flaky", new AtomicInteger(2));
        String flaky = c.api().postJson("/v1/webhooks", Map.of("url", receiver.url("/flaky"), "events", List.of("asset.ready")),
                201).path("webhook_id").asText();
        // nothing listens here: every attempt fails to connect
        String dead = c.api().postJson("/v1/webhooks", Map.of("url", "http://localhost:" + UnreachableServiceTest.closedPort()
                + "/gone", "events", List.of("asset.ready")), 201).path("webhook_id").asText();
        String project = c.api().createProject("retries");
        c.api().upload(project, Fixtures.countingVideo(media, 2, 25));

        JsonNode delivered = awaitDelivery(c, flaky, "delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivered.path("attempt_log").findValuesAsText("status_code")).containsExactly("503", "503", "204");
        List<Received> tries = receiver.received.stream().filter(r -> r.path().equals("/flaky")).toList();
        assertThat(tries).hasSize(3);
        // the same delivery each time, backing off: 300 ms, then 600 ms
        assertThat(tries.stream().map(r -> r.headers().get("ClipForge-Delivery")).distinct()).hasSize(1);
        assertThat(Duration.between(tries.get(1).at(), tries.get(2).at()))
                .isGreaterThan(Duration.between(tries.get(0).at(), tries.get(1).at()));

        JsonNode failed = awaitDelivery(c, dead, "failed");
        assertThat(failed.path("attempts").asInt()).isEqualTo(4);
        assertThat(failed.path("attempt_log")).hasSize(4).allSatisfy(a -> {
            assertThat(a.path("status_code").isNull()).isTrue();
            assertThat(a.path("error").asText()).isNotBlank();
        });
        assertThat(failed.path("completed_at").asText()).isNotBlank();
        assertThat(failed.path("payload").path("type").asText()).isEqualTo("asset.ready");
    }

    @Test
    void webhooksOnPrivateAddressesAndBadEventsAreRefused() {
        Tenants.Tenant d = Tenants.create(stack, "webhooks D");
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://192.168.0.10/hook", "ftp://example.com/hook", "not a url")) {
            JsonNode refused = d.api().postJson("/v1/webhooks", Map.of("url", url), 422);
            assertThat(refused.path("code").asText()).as(url).isEqualTo("unprocessable");
            assertThat(refused.path("reason").asText()).as(url).startsWith("url_");
        }
        JsonNode event = d.api().postJson("/v1/webhooks", Map.of("url", receiver.url("/d"), "events", List.of("clip.nope")), 422);
        assertThat(event.path("error").asText()).contains("clip.nope");
        assertThat(d.api().get("/v1/webhooks", 200).path("items")).isEmpty();
    }

    private static JsonNode awaitDelivery(Tenants.Tenant t, String webhook, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = t.api().get("/v1/webhooks/deliveries?webhook_id=" + webhook, 200);
            for (JsonNode d : last.path("items")) {
                if (d.path("status").asText().equals(status)) {
                    return d;
                }
            }
            Stack.sleep(200);
        }
        throw new AssertionError("no " + status + " delivery for " + webhook + ": " + last);
    }
}
