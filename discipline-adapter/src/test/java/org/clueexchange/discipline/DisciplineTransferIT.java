package org.clueexchange.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.AllegationCategory;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commission transfers a gang-crime clue to the police in its own terms, and closes the loop on feedback. */
class DisciplineTransferIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(DisciplineAdapter.class, "discipline_transfers", infrastructure ->
                AdapterSettings.serving(AgencyType.DISCIPLINE, "530600", infrastructure)
                        .client("zhaotong-clue-system", TOKEN, "530600")
                        .asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void aGangCrimeClueGoesToThePoliceAsAClueTransferredOfTheCommission() {
        JsonHttp.Response accepted = adapter.post("/api/v1/clue-transfers", TOKEN, transferRequest());

        assertThat(accepted.status()).isEqualTo(202);
        String clueId = accepted.body().path("clueId").asText();
        assertThat(clueId).startsWith("DISCIPLINE-530600-");
        ClueTransferred transfer = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 1,
                PATIENCE).get(0);
        assertThat(transfer.getEnvelope().getAssertedBy()).isEqualTo(new Agency(AgencyType.DISCIPLINE, "530600"));
        assertThat(transfer.getReceiver()).isEqualTo(new Agency(AgencyType.POLICE, "530602"));
        assertThat(transfer.getContent().getAllegation()).isEqualTo(AllegationCategory.GANG_CRIME);
        assertThat(transfer.getContent().getSource()).isEqualTo(ClueSource.INSPECTION_TOUR);
        assertThat(transfer.getContent().getSuspects()).containsExactly("刘某", "陈某");
        assertThat(transfer.getContent().getSubjects().get(0).getRank()).isEqualTo(OfficialRank.VILLAGE_CADRE);
        assertThat(transfer.getContent().getSummary()).endsWith("（审查调查案件 ZTJW-SC-2020-3）");
    }

    @Test
    void theCommissionAcknowledgesThePolicesFeedbackOnItsClue() throws Exception {
        String clueId = adapter.post("/api/v1/clue-transfers", TOKEN, transferRequest()).body().path("clueId")
                .asText();
        ClueTransferred transfer = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 1,
                PATIENCE).get(0);
        JsonHttp.Response early = adapter.post("/api/v1/clue-transfers/" + clueId + "/feedback-acknowledgement",
                TOKEN, Map.of("recordId", "QR-0", "officerId", "JW-007"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/not-yet-possible");
        assertThat(early.raw().headers().firstValue("Retry-After")).hasValue("60");

        Instant concluded = transfer.getEnvelope().getOccurredAt().plus(Duration.ofDays(20));
        FeedbackSent feedback = new FeedbackSent(ClueEventSamples.envelope(clueId,
                new Agency(AgencyType.POLICE, "530602"), concluded),
                List.of(new OutcomeCount(Outcome.CRIMINAL_CASE_OPENED, 2)), "已立案侦查二人");
        adapter.topics().publish(feedback);
        await().atMost(PATIENCE).until(() -> adapter.get("/api/v1/clue-transfers/" + clueId, TOKEN).body()
                .path("history").findValuesAsText("fact").contains("FeedbackSent"));

        JsonHttp.Response acknowledged = adapter.post("/api/v1/clue-transfers/" + clueId
                + "/feedback-acknowledgement", TOKEN, Map.of("recordId", "QR-1", "officerId", "JW-007"));

        assertThat(acknowledged.status()).isEqualTo(202);
        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 2, PATIENCE);
        assertThat(published.get(1)).isInstanceOfSatisfying(FeedbackAcknowledged.class, acknowledgement -> {
            assertThat(acknowledgement.getFeedbackEventId()).isEqualTo(feedback.getEnvelope().getEventId());
            assertThat(acknowledgement.getEnvelope().getAssertedBy())
                    .isEqualTo(new Agency(AgencyType.DISCIPLINE, "530600"));
        });
    }

    @Test
    void aTransferWithoutPersonsIsRefusedNamingTheField() {
        Map<String, Object> request = new HashMap<>(transferRequest());
        request.put("persons", List.of());

        JsonHttp.Response refused = adapter.post("/api/v1/clue-transfers", TOKEN, request);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("persons");
    }

    private static Map<String, Object> transferRequest() {
        return Map.of(
                "recordId", "ZTJW-YS-" + UUID.randomUUID().toString().substring(0, 8),
                "jurisdiction", "530600",
                "officerId", "JW-007",
                "occurredAt", "2020-06-10T10:00:00+08:00",
                "receiverJurisdiction", "530602",
                "source", "INSPECTION_TOUR",
                "inquiryNumber", "ZTJW-SC-2020-3",
                "persons", List.of("刘某", "陈某"),
                "officials", List.of(Map.of("name", "赵某", "unit", "某村 村委会主任", "rank", "VILLAGE_CADRE")),
                "summary", "巡察发现刘某团伙强揽工程");
    }

}
