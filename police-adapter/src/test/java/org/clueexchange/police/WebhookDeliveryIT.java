package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.clueexchange.adapter.AdapterRuntime;
import org.clueexchange.adapter.delivery.WebhookDispatcher;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The other agency's facts are pushed to the agency systems' webhooks, signed, retried with backoff until answered,
 * or marked FAILED for an operator to retry; each push's state is visible per fact.
 */
class WebhookDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE_SYSTEM = UUID.randomUUID().toString();
    private static final String CASE_SYSTEM_SECRET = UUID.randomUUID().toString();
    private static final String DUTY_DESK = UUID.randomUUID().toString();

    static HttpServer agencySystem;
    static final List<Received> caseSystemCalls = new CopyOnWriteArrayList<>();
    static final AtomicInteger refusalsLeft = new AtomicInteger();
    static AdapterUnderTest adapter;

    /** A call the case system's webhook got, and whether it answered 200. */
    record Received(JsonNode body, String signature, boolean valid, boolean accepted) {
    }

    @BeforeAll
    static void start() throws IOException {
        agencySystem = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agencySystem.createContext("/case-system/facts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst(WebhookDispatcher.SIGNATURE);
            boolean accepted = refusalsLeft.getAndDecrement() <= 0;
            caseSystemCalls.add(new Received(JSON.readTree(body), signature, signature.equals("sha256="
                    + WebhookDispatcher.signature(CASE_SYSTEM_SECRET, body)), accepted));
            exchange.sendResponseHeaders(accepted ? 200 : 503, -1);
            exchange.close();
        });
        agencySystem.createContext("/duty-desk/facts", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        agencySystem.start();
        String webhooks = "http://127.0.0.1:" + agencySystem.getAddress().getPort();
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_webhooks", infrastructure -> {
            Map<String, String> settings = new HashMap<>(AdapterSettings
                    .serving(AgencyType.POLICE, "530600", infrastructure)
                    .client("zhaotong-case-system", CASE_SYSTEM, "530600")
                    .client("zhaotong-duty-desk", DUTY_DESK, "530600").asMap());
            settings.put("adapter.clients[0].webhook.url", webhooks + "/case-system/facts");
            settings.put("adapter.clients[0].webhook.secret", CASE_SYSTEM_SECRET);
            settings.put("adapter.clients[1].webhook.url", webhooks + "/duty-desk/facts");
            settings.put("adapter.clients[1].webhook.secret", UUID.randomUUID().toString());
            settings.put("adapter.delivery.first-retry", "100ms");
            settings.put("adapter.delivery.max-attempts", "3");
            return settings;
        });
    }

    @AfterAll
    static void stop() {
        adapter.close();
        agencySystem.stop(0);
    }

    @Test
    void aFactIsRetriedUntilTheWebhookTakesItThenTheNextFactOfTheClueFollows() throws Exception {
        refusalsLeft.set(2);
        ClueTransferred transfer = ClueEventSamples.transferToPolice(clueId(), AT);
        adapter.topics().publish(transfer);
        adapter.topics().publish(ClueEventSamples.supervision(transfer, AT.plusSeconds(600)));
        String clueId = transfer.getEnvelope().getClueId();

        await().atMost(PATIENCE).until(() -> callsFor(clueId).stream().filter(Received::accepted).count() == 2);
        List<Received> calls = callsFor(clueId);
        assertThat(calls).extracting(call -> call.body().path("fact").path("type").asText() + " "
                        + call.accepted())
                .containsExactly("ClueTransferred false", "ClueTransferred false", "ClueTransferred true",
                        "SupervisionOrdered true");
        assertThat(calls).allSatisfy(call -> assertThat(call.valid()).as("signature").isTrue());

        JsonNode transferItem = feedItem(CASE_SYSTEM, clueId, "ClueTransferred");
        assertThat(transferItem.path("delivery").path("state").asText()).isEqualTo("DELIVERED");
        assertThat(transferItem.path("delivery").path("attempts").asInt()).isEqualTo(3);
        assertThat(transferItem.path("delivery").has("deliveredAt")).isTrue();
    }

    @Test
    void aWebhookThatKeepsRefusingEndsFailedVisiblyAndAnOperatorCanRetryIt() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transferToPolice(clueId(), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();

        JsonNode failed = await().atMost(PATIENCE).until(() -> feedItem(DUTY_DESK, clueId, "ClueTransferred"),
                item -> item != null && item.path("delivery").path("state").asText().equals("FAILED"));
        assertThat(failed.path("delivery").path("attempts").asInt()).isEqualTo(3);
        assertThat(failed.path("delivery").path("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(deliveries("FAILED")).as("failed pushes an operator sees").isGreaterThanOrEqualTo(1);
        long cursor = failed.path("cursor").asLong();
        assertThat(new JsonHttp(adapter.uri(), DUTY_DESK).get("/api/v1/deliveries?state=FAILED").body()
                .path("items")).extracting(delivery -> delivery.path("cursor").asLong()).contains(cursor);

        JsonHttp.Response retried = new JsonHttp(adapter.uri(), DUTY_DESK)
                .post("/api/v1/deliveries/" + cursor + "/retry", "");
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.body().path("attempts").asInt()).isZero();
        await().atMost(PATIENCE).until(() -> feedItem(DUTY_DESK, clueId, "ClueTransferred").path("delivery")
                .path("state").asText().equals("FAILED"));
        assertThat(new JsonHttp(adapter.uri(), CASE_SYSTEM).post("/api/v1/deliveries/" + cursor + "/retry", "")
                .status()).as("another client's delivery").isEqualTo(404);
    }

    /** The pushes in {@code state} as the actuator shows them. */
    private static double deliveries(String state) {
        return adapter.get("/actuator/metrics/" + AdapterRuntime.DELIVERIES + "?tag=state:" + state, null).body()
                .path("measurements").get(0).path("value").asDouble();
    }

    private static List<Received> callsFor(String clueId) {
        return caseSystemCalls.stream().filter(call -> call.body().path("clueId").asText().equals(clueId)).toList();
    }

    private static JsonNode feedItem(String token, String clueId, String type) {
        long after = 0;
        JsonHttp feed = new JsonHttp(adapter.uri(), token);
        while (true) {
            JsonNode page = feed.get("/api/v1/feed?limit=1000&after=" + after).body();
            for (JsonNode item : page.path("items")) {
                if (item.path("clueId").asText().equals(clueId) && item.path("fact").path("type").asText().equals(type)) {
                    return item;
                }
            }
            if (page.path("next").asLong() == after) {
                return null;
            }
            after = page.path("next").asLong();
        }
    }

    private static String clueId() {
        return "DISCIPLINE-530600-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
