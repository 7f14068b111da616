package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.AdapterRuntime;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.KafkaBroker;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * While Kafka is unreachable the adapter keeps accepting requests; once it is back, every accepted fact is published
 * exactly once, in order per clue.
 */
class OutboxNoLossIT {

    private static final String TOKEN = UUID.randomUUID().toString();
    private static final int CLUES = 5;

    static AdapterUnderTest adapter;
    static KafkaBroker kafka;

    @BeforeAll
    static void start() {
        kafka = ExchangeInfrastructure.shared().kafka();
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_no_loss", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .client("zhaotong-case-system", TOKEN, "530600")
                        .asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void requestsAcceptedWhileKafkaIsAwayArePublishedExactlyOnceInOrderPerClueWhenItReturns() {
        List<String> clueIds = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        kafka.pause();
        try {
            for (int i = 0; i < CLUES; i++) {
                JsonNode transfer = accepted(adapter.post("/api/v1/clue-transfers", TOKEN,
                        ClueTransferApiIT.transferRequest()));
                String clueId = transfer.path("clueId").asText();
                clueIds.add(clueId);
                eventIds.add(transfer.path("eventId").asText());
                JsonNode supervision = accepted(adapter.post("/api/v1/clues/" + clueId + "/supervision", TOKEN,
                        Map.of("recordId", "DB-" + i, "officerId", "GA-0042", "kind", "SUPERVISION",
                                "instructions", "请于三日内反馈核查进展")));
                eventIds.add(supervision.path("eventId").asText());
                assertThat(supervision.path("publication").asText()).isEqualTo("QUEUED");
            }
            assertThat(adapter.get("/api/v1/clue-transfers/" + clueIds.get(0), TOKEN).body().path("publication")
                    .asText()).isEqualTo("QUEUED");
            assertThat(backlog()).isEqualTo(2 * CLUES);
        } finally {
            kafka.resume();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> clueIds.stream().allMatch(clueId -> adapter.get(
                "/api/v1/clue-transfers/" + clueId, TOKEN).body().path("history").findValuesAsText("publication")
                .stream().allMatch("PUBLISHED"::equals)));
        List<String> published = new ArrayList<>();
        for (String clueId : clueIds) {
            List<SpecificRecord> events = adapter.topics().readEventsToEnd(ExchangeTopics.POLICE_EVENTS, clueId);
            assertThat(events).extracting(ClueEvents::typeOf).as(clueId)
                    .containsExactly("ClueTransferred", "SupervisionOrdered");
            events.forEach(event -> published.add(ClueEvents.envelopeOf(event).getEventId()));
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(backlog()).isZero();
    }

    /** The outbox backlog as an operator reads it from the actuator: accepted, not yet acknowledged by Kafka. */
    private static double backlog() {
        return adapter.get("/actuator/metrics/" + AdapterRuntime.OUTBOX_BACKLOG, null).body().path("measurements")
                .get(0).path("value").asDouble();
    }

    private static JsonNode accepted(JsonHttp.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(202);
        return response.body();
    }
}
