package org.clueexchange.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.DescribedApi;
import org.clueexchange.infrastructure.DescribedApi.Call;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.infrastructure.SharedRequestShapes;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The discipline adapter's API description, read back over HTTP, says what the adapter answers: for every
 * operation the status of its success, a retry's included, and, as problems, every refusal it makes (see
 * {@link DescribedApi}); each operation called by the clue management system of Zhaotong, and probed as one of
 * Gansu, which may act for none of it.
 */
class ApiDescriptionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String OUTSIDER = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;
    static DescribedApi description;
    static List<Call> calls;

    @BeforeAll
    static void start() throws Exception {
        // Nothing listens on the discard port, so every push to the clue system fails and waits to be retried.
        adapter = AdapterUnderTest.start(DisciplineAdapter.class, "discipline_api_description", infrastructure ->
                AdapterSettings.serving(AgencyType.DISCIPLINE, "530600,620000", infrastructure)
                        .client("zhaotong-clue-system", TOKEN, "530600")
                        .webhook(URI.create("http://127.0.0.1:9/facts"), UUID.randomUUID().toString())
                        .client("gansu-clue-system", OUTSIDER, "620000").asMap());
        JsonHttp client = new JsonHttp(adapter.uri(), TOKEN);
        String sent = client.post("/api/v1/clue-transfers", DisciplineRequestShapes.transfer().validBody())
                .successfully().path("clueId").asText();
        ClueTransferred transfer = (ClueTransferred) adapter.topics()
                .readEvents(ExchangeTopics.DISCIPLINE_EVENTS, sent, 1, PATIENCE).get(0);
        adapter.topics().publish(ClueEventSamples.feedback(transfer, AT.plus(Duration.ofDays(20))));
        ClueTransferred incoming = ClueEventSamples.transfer(
                "POLICE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        adapter.topics().publish(incoming);
        String received = incoming.getEnvelope().getClueId();
        await().atMost(PATIENCE).until(() -> client.get("/api/v1/inbox/" + received).status() == 200);
        client.post(DisciplineRequestShapes.conclusion(received).path(), DisciplineRequestShapes.conclusion(received)
                .validBody()).successfully();
        await().atMost(PATIENCE).until(() -> client.get("/api/v1/clue-transfers/" + sent).successfully()
                .path("history").findValuesAsText("fact").contains("FeedbackSent"));
        JsonNode retrying = await().atMost(PATIENCE).until(() -> client.get("/api/v1/deliveries?state=RETRYING")
                .successfully().path("items"), items -> !items.isEmpty());

        String gangCase = DisciplineRequestShapes.gangCase(adapter, client);

        calls = new ArrayList<>();
        for (RequestShape shape : DisciplineRequestShapes.all(received, sent, gangCase)) {
            calls.add(Call.post(shape.path(), shape.validBody(), TOKEN));
        }
        SharedRequestShapes.reads(received, sent).forEach(path -> calls.add(Call.get(path, TOKEN)));
        calls.add(Call.post("/api/v1/deliveries/" + retrying.get(0).path("cursor").asLong() + "/retry", null,
                TOKEN));
        description = DescribedApi.of(adapter.uri(), List.of(TOKEN, OUTSIDER));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void everyOperationTheAdapterServesIsDescribedAndCalledHere() {
        assertThat(description.coverage(adapter.apiOperations(), calls)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationIsDescribedWithTheStatusItAnswersAndTheProblemsItRefusesWith() {
        return calls.stream().map(call -> DynamicTest.dynamicTest(description.operationOf(call), () ->
                assertThat(description.mismatches(call)).isEmpty()));
    }
}
