package org.clueexchange.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clueexchange.discipline.transfer.ClueTransferRequest;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.infrastructure.SharedRequestShapes;
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
                AdapterSettings.serving("530600", infrastructure).client("zhaotong-clue-system", TOKEN, "530600")
                        .asMap());
        client = new JsonHttp(adapter.uri(), TOKEN);
        RequestShape transfer = transfer();
        String sent = client.post(transfer.path(), transfer.validBody()).successfully().path("clueId").asText();
        String received = received();
        shapes = new ArrayList<>(List.of(transfer));
        shapes.addAll(SharedRequestShapes.all(received, sent));
        shapes.add(SharedRequestShapes.receivedOutside("POLICE-530600-PAPER-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        String inbox = "/api/v1/inbox/" + received;
        shapes.add(SharedRequestShapes.act(inbox + "/disposal", Map.of("method", "PRELIMINARY_VERIFICATION",
                "explanation", "反映问题具体，予以初步核实")).code("method").text("explanation", ContractLimits.NOTE));
        shapes.add(SharedRequestShapes.act(inbox + "/conclusion", Map.of("summary", "查实，给予党纪处分",
                "outcomes", List.of(Map.of("outcome", "PARTY_DISCIPLINE", "persons", 1))))
                .text("summary", ContractLimits.NOTE).list("outcomes", ContractLimits.OUTCOMES)
                .noRepeats("outcomes", "outcome").code("outcomes[].outcome"));
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
        ObjectNode largest = transfer().largest();

        JsonHttp.Response answer = client.post("/api/v1/clue-transfers", RequestShape.json(largest));

        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
        ClueTransferred published = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS,
                answer.body().path("clueId").asText(), 1, PATIENCE).get(0);
        assertThat(published.getContent().getSummary()).hasSize(ContractLimits.CLUE_SUMMARY);
        assertThat(published.getContent().getSuspects()).hasSize(ContractLimits.SUSPECTS);
    }

    private static RequestShape transfer() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("recordId", "ZTJW-YS-1");
        request.put("jurisdiction", "530600");
        request.put("officerId", "JW-007");
        request.put("occurredAt", "2020-06-10T10:00:00+08:00");
        request.put("receiverJurisdiction", "530602");
        request.put("source", "INSPECTION_TOUR");
        request.put("inquiryNumber", "ZTJW-SC-2020-3");
        request.put("urgent", true);
        request.put("persons", List.of("刘某", "陈某"));
        request.put("officials", List.of(Map.of("name", "赵某", "unit", "某村 村委会主任", "rank", "VILLAGE_CADRE",
                "role", "涉嫌包庇")));
        request.put("summary", "巡察发现刘某团伙强揽工程");
        request.put("attachments", List.of(Map.of("name", "巡察报告.pdf", "sha256", "e".repeat(64))));
        return RequestShape.post("/api/v1/clue-transfers", request)
                .text("officerId", ContractLimits.OFFICER_ID).time("occurredAt").code("source")
                .text("inquiryNumber", ContractLimits.CASE_NUMBER)
                .list("persons", ContractLimits.SUSPECTS).text("persons[]", ContractLimits.PERSON_NAME)
                .list("officials", ContractLimits.SUBJECTS)
                .text("officials[].name", ContractLimits.PERSON_NAME)
                .text("officials[].unit", ContractLimits.WORK_UNIT)
                .text("officials[].role", ContractLimits.ROLE).code("officials[].rank")
                .text("summary", ClueTransferRequest.SUMMARY)
                .list("attachments", ContractLimits.ATTACHMENTS)
                .text("attachments[].name", ContractLimits.DOCUMENT_NAME).noRepeats("attachments", "name");
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
