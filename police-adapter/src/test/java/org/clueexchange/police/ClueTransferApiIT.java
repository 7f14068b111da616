package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Priority;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The police case system transfers clues through the adapter's API onto a real broker. */
class ClueTransferApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_transfer_api", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                .client("zhaotong-case-system", TOKEN, "530600")
                        .asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void aTransferIsAcceptedAndPublishedAsAClueTransferredOfThePolice() {
        Map<String, Object> request = transferRequest();

        JsonHttp.Response response = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(response.status()).isEqualTo(202);
        String clueId = response.body().path("clueId").asText();
        assertThat(clueId).isEqualTo("POLICE-530600-" + request.get("recordId"));
        assertThat(response.raw().headers().firstValue("Location")).hasValue("/api/v1/clue-transfers/" + clueId);
        assertThat(response.body().path("publication").asText()).isEqualTo("QUEUED");
        assertThat(response.body().path("history")).singleElement().satisfies(fact -> {
            assertThat(fact.path("eventId")).isEqualTo(response.body().path("eventId"));
            assertThat(fact.path("side").asText() + " " + fact.path("fact").asText() + " "
                    + fact.path("publication").asText()).isEqualTo("OURS ClueTransferred QUEUED");
            assertThat(fact.path("details").path("content").path("summary").asText())
                    .isEqualTo(request.get("summary"));
        });
        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 1, PATIENCE);
        assertThat(published).singleElement().isInstanceOfSatisfying(ClueTransferred.class, transfer -> {
            EventEnvelope envelope = transfer.getEnvelope();
            assertThat(envelope.getEventId()).isEqualTo(response.body().path("eventId").asText());
            assertThat(envelope.getAssertedBy()).isEqualTo(new Agency(AgencyType.POLICE, "530600"));
            assertThat(envelope.getActor()).isEqualTo("GA-0042");
            assertThat(envelope.getOccurredAt()).hasToString("2020-06-10T02:00:00Z");
            assertThat(transfer.getReceiver()).isEqualTo(new Agency(AgencyType.DISCIPLINE, "530600"));
            assertThat(transfer.getContent().getLinkedGangCase().getCaseType())
                    .isEqualTo(GangCaseType.MAFIA_TYPE_ORGANISATION);
            assertThat(transfer.getContent().getSubjects().get(0).getRank()).isEqualTo(OfficialRank.COUNTY_DIVISION);
            assertThat(transfer.getContent().getPriority()).isEqualTo(Priority.URGENT);
            assertThat(transfer.getContent().getSuspects()).containsExactly("刘某", "陈某");
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(adapter.get("/api/v1/clue-transfers/" + clueId,
                TOKEN).body().path("publication").asText()).isEqualTo("PUBLISHED"));
    }

    @Test
    void aRetriedTransferReturnsTheFirstAnswerAndPublishesOnce() {
        Map<String, Object> request = transferRequest();

        JsonHttp.Response first = adapter.post("/api/v1/clue-transfers", TOKEN, request);
        JsonHttp.Response retry = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(first.raw().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(first.body().path("replay").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body().path("replay").asBoolean()).isTrue();
        assertThat(retry.body().path("eventId")).isEqualTo(first.body().path("eventId"));
        assertThat(retry.raw().headers().firstValue("Location"))
                .isEqualTo(first.raw().headers().firstValue("Location"));
        assertThat(adapter.get("/api/v1/clue-transfers/" + first.body().path("clueId").asText(), TOKEN).body()
                .has("replay")).as("a lookup answers no request to transfer").isFalse();
        String clueId = first.body().path("clueId").asText();
        assertThat(adapter.topics().read(ExchangeTopics.POLICE_EVENTS, clueId, 2, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void aTransferWithAChineseRecordIdAndCaseNumberIsPublishedUnderItsClueIdAndServedAtItsEncodedPath() {
        Map<String, Object> request = transferRequest();
        request.put("recordId", "刑事-2020-123-" + UUID.randomUUID().toString().substring(0, 8));
        request.put("caseNumber", "昭公（刑）立字〔2020〕123号");

        JsonHttp.Response response = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(response.status()).as(response.raw().body()).isEqualTo(202);
        String clueId = response.body().path("clueId").asText();
        assertThat(clueId).isEqualTo("POLICE-530600-" + request.get("recordId"));
        String location = response.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).as("percent-encoded").matches("[\\x21-\\x7e]+");
        assertThat(URI.create(location).getPath()).isEqualTo("/api/v1/clue-transfers/" + clueId);
        JsonNode found = adapter.get(location, TOKEN).successfully();
        assertThat(found.path("recordId").asText()).isEqualTo(request.get("recordId"));
        ClueTransferred published = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS,
                clueId, 1, PATIENCE).get(0);
        assertThat(published.getEnvelope().getClueId()).isEqualTo(clueId);
        assertThat(published.getContent().getLinkedGangCase().getCaseNumber()).isEqualTo("昭公（刑）立字〔2020〕123号");
        JsonHttp.Response early = adapter.post(location + "/feedback-acknowledgement", TOKEN,
                Map.of("recordId", "确认-1", "officerId", "GA-0042"));
        assertThat(early.body().path("type").asText()).as("the clue is found at its encoded path")
                .isEqualTo("https://clue-exchange.org/problems/not-yet-possible");
    }

    @Test
    void aRecordIdThatWouldBreakAUrlPathOrItsClueIdIsRefusedNamingIt() {
        for (String recordId : List.of("XS/1", "XS\\1", "XS 1", "XS%201", "XS;1", "XS?1", "XS#1", "XS:1", "XS\"1",
                "XS,1", "-XS1", "（XS1", "刑事\u30001", "X".repeat(65))) {
            Map<String, Object> request = transferRequest();
            request.put("recordId", recordId);

            JsonHttp.Response refused = adapter.post("/api/v1/clue-transfers", TOKEN, request);

            assertThat(refused.status()).as(recordId).isEqualTo(400);
            assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("recordId");
        }
    }

    @Test
    void aRecordIdReusedForADifferentTransferIsRefused() {
        Map<String, Object> request = transferRequest();
        adapter.post("/api/v1/clue-transfers", TOKEN, request);
        request.put("summary", "另一条线索");

        JsonHttp.Response reused = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/record-id-reused");
        assertThat(reused.body().path("errors").get(0).path("field").asText()).isEqualTo("recordId");
    }

    @Test
    void anInvalidRequestIsRefusedNamingEachFieldAndNothingIsPublished() {
        Map<String, Object> request = transferRequest();
        request.put("receiverJurisdiction", "5306");
        request.put("officials", List.of(Map.of("name", "", "unit", "某县公安局", "rank", "COUNTY_DIVISION")));

        JsonHttp.Response refused = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/invalid-request");
        assertThat(refused.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactlyInAnyOrder("receiverJurisdiction", "officials[0].name");
        assertThat(adapter.topics().read(ExchangeTopics.POLICE_EVENTS, "POLICE-530600-" + request.get("recordId"), 1,
                Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingItsField() {
        Map<String, Object> request = transferRequest();
        request.put("caseType", "黑社会");

        JsonHttp.Response refused = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("caseType");
        assertThat(refused.body().path("detail").asText()).contains("is not one of [MAFIA_TYPE_ORGANISATION");
    }

    @Test
    void withoutAValidTokenNothingIsAccepted() {
        assertThat(adapter.post("/api/v1/clue-transfers", null, transferRequest()).status()).isEqualTo(401);
        JsonHttp.Response wrongToken = adapter.post("/api/v1/clue-transfers", "guess", transferRequest());
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/unauthenticated");
        assertThat(wrongToken.body().path("errors").get(0).path("field").asText()).isEqualTo("Authorization");
    }

    @Test
    void aClientCannotTransferAsAnotherJurisdictionAndNothingIsPublished() {
        Map<String, Object> request = transferRequest();
        request.put("jurisdiction", "330800");

        JsonHttp.Response refused = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/not-entitled");
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("jurisdiction");
        assertThat(adapter.topics().read(ExchangeTopics.POLICE_EVENTS, "POLICE-330800-" + request.get("recordId"), 1,
                Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void theDisciplineCommissionsReceiptShowsOnTheTransfer() throws Exception {
        JsonNode transfer = adapter.post("/api/v1/clue-transfers", TOKEN, transferRequest()).body();
        String clueId = transfer.path("clueId").asText();
        ClueTransferred published = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 1,
                PATIENCE).get(0);

        ClueReceived receipt = ClueEventSamples.receipt(published, published.getEnvelope().getOccurredAt()
                .plusSeconds(600));
        adapter.topics().publish(receipt);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode view = adapter.get("/api/v1/clue-transfers/" + clueId, TOKEN).body();
            assertThat(view.path("history")).extracting(fact -> fact.path("side").asText() + " "
                    + fact.path("fact").asText() + " " + fact.path("assertedBy").asText())
                    .containsExactly("OURS ClueTransferred POLICE@530600", "THEIRS ClueReceived DISCIPLINE@530600");
            assertThat(view.path("receiverHoldsSameContent").asBoolean()).isTrue();
        });
    }

    @Test
    void aReceiptFromAJurisdictionTheTransferDoesNotNameIsDeadLetteredAndNeverDelivered() throws Exception {
        String clueId = adapter.post("/api/v1/clue-transfers", TOKEN, transferRequest()).body().path("clueId")
                .asText();
        ClueTransferred published = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 1,
                PATIENCE).get(0);
        ClueReceived forged = ClueEventSamples.receipt(published, published.getEnvelope().getOccurredAt()
                .plusSeconds(60));
        forged.getEnvelope().setAssertedBy(new Agency(AgencyType.DISCIPLINE, "530100"));
        ClueReceived genuine = ClueEventSamples.receipt(published, published.getEnvelope().getOccurredAt()
                .plusSeconds(600));
        adapter.topics().publishAll(List.of(forged, genuine));

        assertThat(adapter.topics().read(ExchangeTopics.DEAD_LETTER, clueId, 1, PATIENCE)).singleElement()
                .satisfies(letter -> {
                    assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo("police-adapter-530600");
                    assertThat(header(letter, DeadLetters.REASON)).isEqualTo(OriginVerifier.SECURITY
                            + "ClueReceived asserted by DISCIPLINE@530100, but the transfer names DISCIPLINE@530600");
                });
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(adapter.get("/api/v1/clue-transfers/" + clueId,
                TOKEN).body().path("history")).extracting(fact -> fact.path("side").asText() + " "
                + fact.path("fact").asText() + " " + fact.path("assertedBy").asText())
                .containsExactly("OURS ClueTransferred POLICE@530600", "THEIRS ClueReceived DISCIPLINE@530600"));
        assertThat(adapter.get("/api/v1/feed?after=0&limit=1000", TOKEN).body().path("items"))
                .filteredOn(item -> item.path("clueId").asText().equals(clueId))
                .extracting(item -> item.path("fact").path("envelope").path("eventId").asText())
                .containsExactly(genuine.getEnvelope().getEventId());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void theListPagesWithACursor() {
        String first = adapter.post("/api/v1/clue-transfers", TOKEN, transferRequest()).body().path("clueId").asText();
        String second = adapter.post("/api/v1/clue-transfers", TOKEN, transferRequest()).body().path("clueId")
                .asText();

        JsonNode page = adapter.get("/api/v1/clue-transfers?limit=500", TOKEN).body();
        assertThat(page.path("items")).extracting(item -> item.path("clueId").asText()).contains(first, second);
        long next = page.path("next").asLong();
        assertThat(adapter.get("/api/v1/clue-transfers?after=" + next, TOKEN).body().path("items")).isEmpty();
    }

    static Map<String, Object> transferRequest() {
        Map<String, Object> request = new HashMap<>();
        request.put("recordId", "XS-" + UUID.randomUUID().toString().substring(0, 8));
        request.put("jurisdiction", "530600");
        request.put("officerId", "GA-0042");
        request.put("occurredAt", "2020-06-10T10:00:00+08:00");
        request.put("receiverJurisdiction", "530600");
        request.put("caseNumber", "ZT-2020-017");
        request.put("caseType", "MAFIA_TYPE_ORGANISATION");
        request.put("allegation", "PROTECTIVE_UMBRELLA");
        request.put("urgent", true);
        request.put("officials", List.of(Map.of("name", "王某", "unit", "某县公安局 副局长", "rank", "COUNTY_DIVISION",
                "role", "保护伞")));
        request.put("suspects", List.of("刘某", "陈某"));
        request.put("summary", "王某多次为涉黑组织通风报信");
        request.put("attachments", List.of(Map.of("name", "询问笔录.pdf", "sha256", "b".repeat(64))));
        return request;
    }
}
