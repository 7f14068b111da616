package org.clueexchange.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
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
 * No single bad value gets past the discipline adapter's API: every endpoint that takes a body refuses every bad
 * request drawn from a valid one ({@link RequestShape}) with a 4xx problem naming the field, never a 5xx, and takes
 * its largest valid request.
 */
class BadInputIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;
    static JsonHttp client;
    static List<RequestShape> shapes;

    @BeforeAll
    static void start() throws Exception {
        adapter = AdapterUnderTest.start(DisciplineAdapter.class, "discipline_bad_input", infrastructure ->
                AdapterSettings.serving(AgencyType.DISCIPLINE, "530600", infrastructure)
                        .client("zhaotong-clue-system", TOKEN, "530600")
                        .asMap());
        client = new JsonHttp(adapter.uri(), TOKEN);
        RequestShape transfer = DisciplineRequestShapes.transfer();
        String sent = client.post(transfer.path(), transfer.validBody()).successfully().path("clueId").asText();
        shapes = DisciplineRequestShapes.all(received(), sent, DisciplineRequestShapes.gangCase(adapter, client));
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

            assertThat(answer.status()).as(shape.path() + ": " + answer.raw().body()).isIn(202, 409);
        }
    }

    @Test
    void theLargestTransferWithTheLongestInquiryNumberFitsTheClueSummary() throws Exception {
        ObjectNode largest = DisciplineRequestShapes.transfer().largest();

        JsonHttp.Response answer = client.post("/api/v1/clue-transfers", RequestShape.json(largest));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        ClueTransferred published = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS,
                answer.body().path("clueId").asText(), 1, PATIENCE).get(0);
        assertThat(published.getContent().getSummary()).hasSize(ContractLimits.CLUE_SUMMARY);
        assertThat(published.getContent().getSuspects()).hasSize(ContractLimits.SUSPECTS);
    }

    /** A police transfer that has reached the commission's inbox; its clue id. */
    private static String received() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(
                "POLICE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        await().atMost(PATIENCE).until(() -> client.get("/api/v1/inbox/" + clueId).status() == 200);
        return clueId;
    }
}
