package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clueexchange.api.RequestBodyLimit;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ContractLimits;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * No single bad value gets past the police adapter's API: every endpoint that takes a body refuses every bad request
 * drawn from a valid one ({@link RequestShape}) with a 4xx problem naming the field, never a 5xx, and takes its
 * largest valid request.
 */
class BadInputIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;
    static JsonHttp client;
    static List<RequestShape> shapes;

    @BeforeAll
    static void start() throws Exception {
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_bad_input", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .client("zhaotong-case-system", TOKEN, "530600")
                        .asMap());
        client = new JsonHttp(adapter.uri(), TOKEN);
        RequestShape transfer = PoliceRequestShapes.transfer();
        String sent = client.post(transfer.path(), transfer.validBody()).successfully().path("clueId").asText();
        String gangCase = "刑事-2020-" + UUID.randomUUID().toString().substring(0, 8);
        client.post("/api/v1/gang-cases", PoliceRequestShapes.registration(gangCase).validBody()).successfully();
        shapes = PoliceRequestShapes.all(received(), sent, gangCase);
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesEveryBadRequestWithAProblemNamingTheField() {
        return shapes.stream().flatMap(shape -> shape.badRequests().stream()).map(bad ->
                DynamicTest.dynamicTest(bad.description(), () -> {
                    JsonHttp.Response answer = bad.sendTo(client);
                    assertThat(answer.status()).as(bad + ": " + answer.raw().body()).isEqualTo(bad.status());
                    assertThat(bad.namesItsField(answer)).as(bad + " names " + bad.field() + ": "
                            + answer.raw().body()).isTrue();
                }));
    }

    @Test
    void everyEndpointTakesItsLargestValidRequest() {
        for (RequestShape shape : shapes) {
            JsonHttp.Response answer = client.post(shape.path(), shape.largest());

            assertThat(answer.status()).as(shape.path() + ": " + answer.raw().body())
                    .isIn(202, 409);
        }
    }

    @Test
    void theLargestTransferIsTakenWithEveryCharacterEscapedAndFitsAKafkaRecord() throws Exception {
        ObjectNode largest = PoliceRequestShapes.transfer().largest();
        String escaped = RequestShape.json(largest);

        JsonHttp.Response answer = client.post("/api/v1/clue-transfers", escaped);

        assertThat(escaped.length()).isBetween(650_000, (int) RequestBodyLimit.MAX_BYTES);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        String clueId = answer.body().path("clueId").asText();
        ClueTransferred published = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS,
                clueId, 1, PATIENCE).get(0);
        assertThat(published.getContent().getSubjects()).hasSize(ContractLimits.SUBJECTS);
        assertThat(published.getContent().getSummary()).isEqualTo(largest.path("summary").asText());
    }

    @Test
    void freeTextRunsOverLinesAndTabs() {
        ObjectNode request = (ObjectNode) new ObjectMapper().valueToTree(PoliceRequestShapes.transferRequest());
        request.put("summary", "王某多次为涉黑组织通风报信：\r\n\t一、2019年3月……\n\t二、2019年8月……");

        assertThat(client.post("/api/v1/clue-transfers", request).status()).isEqualTo(202);
    }

    @Test
    void aClueIdNoDatabaseCanStoreIsRefusedNotFailed() {
        for (String clueId : List.of("%00", "POLICE-530600-%00", "%01", "%ED%A0%80", "X".repeat(5_000))) {
            assertThat(client.get("/api/v1/inbox/" + clueId).status()).as(clueId).isBetween(400, 499);
            assertThat(client.post("/api/v1/inbox/" + clueId + "/receipt", Map.of("recordId", "QS-1",
                    "officerId", "GA-0042")).status()).as(clueId).isBetween(400, 499);
        }
    }

    /** A discipline commission's transfer that has reached the police inbox; its clue id. */
    private static String received() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transferToPolice(
                "DISCIPLINE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        await().atMost(PATIENCE).until(() -> client.get("/api/v1/inbox/" + clueId).status() == 200);
        return clueId;
    }
}
