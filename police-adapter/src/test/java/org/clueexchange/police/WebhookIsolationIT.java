package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.clueexchange.adapter.AdapterRuntime;
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
 * Each agency system's pushes go on their own: neither a client removed from the configuration while facts were
 * pending for it nor a webhook that answers only after a long pause delays another client's pushes. The removed
 * client's pushes are held, for operators to see.
 */
class WebhookIsolationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long the adapter waits for a webhook's answer: the slow one's, which never answers sooner. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Far below the timeout: a push to the fast client that waited for the slow one would take the whole of it. */
    private static final Duration ISOLATED = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CASE_SYSTEM = UUID.randomUUID().toString();
    private static final String DUTY_DESK = UUID.randomUUID().toString();
    private static final String ARCHIVE = UUID.randomUUID().toString();
    private static final String OPERATOR = UUID.randomUUID().toString();

    static HttpServer webhooks;
    static final List<String> caseSystemClues = new CopyOnWriteArrayList<>();
    static final List<String> dutyDeskClues = new CopyOnWriteArrayList<>();
    static final List<String> archiveClues = new CopyOnWriteArrayList<>();
    static final CountDownLatch archiveAnswers = new CountDownLatch(1);
    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() throws IOException {
        webhooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Every webhook answers on its own thread, as separate agency systems would.
        webhooks.setExecutor(Executors.newCachedThreadPool());
        webhooks.createContext("/case-system/facts", exchange -> {
            caseSystemClues.add(JSON.readTree(exchange.getRequestBody().readAllBytes()).path("clueId").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhooks.createContext("/duty-desk/facts", exchange -> {
            dutyDeskClues.add(JSON.readTree(exchange.getRequestBody().readAllBytes()).path("clueId").asText());
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        webhooks.createContext("/archive/facts", exchange -> {
            archiveClues.add(JSON.readTree(exchange.getRequestBody().readAllBytes()).path("clueId").asText());
            try {
                archiveAnswers.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhooks.start();
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_webhook_isolation", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .client("zhaotong-case-system", CASE_SYSTEM, "530600")
                        .webhook(webhook("/case-system/facts"), UUID.randomUUID().toString())
                        .client("zhaotong-duty-desk", DUTY_DESK, "530600")
                        .webhook(webhook("/duty-desk/facts"), UUID.randomUUID().toString())
                        .asMap());
    }

    @AfterAll
    static void stop() {
        archiveAnswers.countDown();
        adapter.close();
        webhooks.stop(0);
    }

    @Test
    void aClientRemovedWithPushesPendingAndASlowWebhookDelayNoOtherClientsPushes() throws Exception {
        String pendingClue = publishTransfer();
        await().atMost(PATIENCE).until(() -> caseSystemClues.contains(pendingClue)
                && dutyDeskClues.contains(pendingClue));

        // The duty desk leaves the configuration with its push still retrying; an archive with a slow webhook joins.
        adapter = adapter.restart(infrastructure -> AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                .client("zhaotong-case-system", CASE_SYSTEM, "530600")
                .webhook(webhook("/case-system/facts"), UUID.randomUUID().toString())
                .client("zhaotong-archive", ARCHIVE, "530600")
                .webhook(webhook("/archive/facts"), UUID.randomUUID().toString())
                .operator("zhaotong-operator", OPERATOR)
                .set("adapter.delivery.timeout", TIMEOUT.toSeconds() + "s")
                .asMap());

        JsonHttp operator = new JsonHttp(adapter.uri(), OPERATOR);
        JsonNode held = await().atMost(PATIENCE).until(() -> operator.get(
                "/operator/v1/deliveries?client=zhaotong-duty-desk&state=HELD").successfully().path("items"),
                items -> items.size() == 1);
        assertThat(held.get(0).path("clueId").asText()).isEqualTo(pendingClue);
        assertThat(held.get(0).path("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(deliveries("HELD")).isEqualTo(1);

        String slowClue = publishTransfer();
        await().atMost(PATIENCE).until(() -> archiveClues.contains(slowClue));
        String nextClue = publishTransfer();
        await().atMost(ISOLATED).until(() -> caseSystemClues.contains(nextClue));
        assertThat(caseSystemClues).contains(slowClue);
        assertThat(archiveClues).as("the archive is still answering its first push").containsExactly(slowClue);
    }

    @Test
    void anAdapterWithAWebhookWithoutASecretDoesNotStartAndSaysWhichClient() {
        assertThatThrownBy(() -> AdapterUnderTest.start(PoliceAdapter.class, "police_webhook_unsigned",
                infrastructure -> AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .client("zhaotong-case-system", CASE_SYSTEM, "530600")
                        .client("zhaotong-duty-desk", DUTY_DESK, "530600")
                        .set("adapter.clients[1].webhook.url", webhook("/duty-desk/facts").toString())
                        .asMap()))
                .rootCause().hasMessage("adapter.clients[1].webhook.secret: client zhaotong-duty-desk has a webhook "
                        + "without a secret to sign its deliveries with");
    }

    private static String publishTransfer() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transferToPolice(
                "DISCIPLINE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        adapter.topics().publish(transfer);
        return transfer.getEnvelope().getClueId();
    }

    /** The pushes in {@code state} as the actuator shows them. */
    private static double deliveries(String state) {
        return adapter.get("/actuator/metrics/" + AdapterRuntime.DELIVERIES + "?tag=state:" + state, null).body()
                .path("measurements").get(0).path("value").asDouble();
    }

    private static URI webhook(String path) {
        return URI.create("http://127.0.0.1:" + webhooks.getAddress().getPort() + path);
    }
}
