package org.clueexchange.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same facts, delivered in order for one clue and in reverse for a twin clue, leave the same ledger entry:
 * state, both records, anomalies, time limits and timelines.
 */
class LedgerOrderIndependenceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static RunningCore core;
    static AgencyTopics topics;

    @BeforeAll
    static void start() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        core = RunningCore.start(infrastructure.postgres().createDatabase("ledger_order"),
                infrastructure.kafka().bootstrapServers(), "ledger-order");
        topics = new AgencyTopics(infrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void factsDeliveredOutOfOrderLeaveTheSameLedgerAsInOrder() throws Exception {
        List<SpecificRecord> inOrder = wholeLifecycle(LedgerIntakeIT.newClueId());
        Map<String, String> twinIds = new HashMap<>();
        List<SpecificRecord> twin = twinOf(inOrder, LedgerIntakeIT.newClueId(), twinIds);
        List<SpecificRecord> reversed = new ArrayList<>(twin);
        Collections.reverse(reversed);

        for (SpecificRecord event : inOrder) {
            topics.publish(event);
        }
        for (SpecificRecord event : reversed) {
            topics.publish(event);
        }

        JsonNode ordered = awaitAllFacts(clueIdOf(inOrder), inOrder.size());
        JsonNode shuffled = awaitAllFacts(clueIdOf(twin), twin.size());
        assertThat(ordered.path("state").asText()).isEqualTo("CLOSED");
        assertThat(ordered.path("anomalies")).extracting(anomaly -> anomaly.path("kind").asText())
                .containsExactlyInAnyOrder("REPEATED_TRANSFER", "OUT_OF_SEQUENCE");
        assertThat(rename(shuffled.toString(), twinIds)).isEqualTo(ordered.toString());
    }

    @Test
    void aReceiptOnPaperNamingAnotherCaseNumberLeavesTheSameLedgerInEitherOrder() throws Exception {
        String clueId = LedgerIntakeIT.newClueId();
        ClueTransferred transfer = ClueEventSamples.transfer(clueId, AT);
        List<SpecificRecord> inOrder = List.of(
                ClueEventSamples.receiptOutside(transfer, "昭公（刑）立字〔2020〕999号", AT.minus(Duration.ofDays(2))),
                transfer, ClueEventSamples.acceptance(transfer, AT.plus(Duration.ofMinutes(20))));
        Map<String, String> twinIds = new HashMap<>();
        List<SpecificRecord> reversed = new ArrayList<>(twinOf(inOrder, LedgerIntakeIT.newClueId(), twinIds));
        Collections.reverse(reversed);

        for (SpecificRecord event : inOrder) {
            topics.publish(event);
        }
        for (SpecificRecord event : reversed) {
            topics.publish(event);
        }

        JsonNode ordered = awaitAllFacts(clueId, inOrder.size());
        JsonNode shuffled = awaitAllFacts(clueIdOf(reversed), reversed.size());
        assertThat(ordered.path("anomalies")).extracting(anomaly -> anomaly.path("kind").asText())
                .containsExactlyInAnyOrder("SENDER_CASE_NUMBER_MISMATCH", "OUT_OF_SEQUENCE");
        assertThat(ordered.path("receiverRecord").path("receiptChannel").asText()).isEqualTo("OUTSIDE");
        assertThat(rename(shuffled.toString(), twinIds)).isEqualTo(ordered.toString());
    }

    /**
     * A clue from transfer to the closing acknowledgement, with a repeated transfer and a progress report dated
     * before the acceptance.
     */
    private static List<SpecificRecord> wholeLifecycle(String clueId) {
        ClueTransferred transfer = ClueEventSamples.transfer(clueId, AT);
        ClueTransferred repeated = ClueTransferred.newBuilder(transfer)
                .setEnvelope(ClueEventSamples.envelope(clueId, transfer.getEnvelope().getAssertedBy(),
                        AT.plusSeconds(30)))
                .build();
        FeedbackSent feedback = ClueEventSamples.feedback(transfer, AT.plus(Duration.ofDays(20)));
        FeedbackAcknowledged acknowledgement =
                ClueEventSamples.acknowledgement(feedback, transfer, AT.plus(Duration.ofDays(21)));
        return List.of(transfer, repeated,
                ClueEventSamples.receipt(transfer, AT.plus(Duration.ofMinutes(10))),
                ClueEventSamples.progress(transfer, AT.plus(Duration.ofMinutes(15))),
                ClueEventSamples.acceptance(transfer, AT.plus(Duration.ofMinutes(20))),
                ClueEventSamples.disposal(transfer, AT.plus(Duration.ofHours(1))),
                ClueEventSamples.conclusion(transfer, AT.plus(Duration.ofDays(19))),
                feedback, acknowledgement,
                ClueEventSamples.supervision(transfer, AT.plus(Duration.ofDays(3))));
    }

    /**
     * The same facts for another clue, with new event ids in the same sort order as the originals (the ledger
     * breaks ties of time by event id); {@code renames} maps each new id back to its original.
     */
    private static List<SpecificRecord> twinOf(List<SpecificRecord> events, String clueId,
                                               Map<String, String> renames) {
        List<String> originalIds = events.stream().map(event -> ClueEvents.envelopeOf(event).getEventId()).sorted()
                .toList();
        List<String> twinIds = originalIds.stream().map(id -> UUID.randomUUID().toString()).sorted().toList();
        Map<String, String> twinOfOriginal = new HashMap<>();
        for (int i = 0; i < originalIds.size(); i++) {
            twinOfOriginal.put(originalIds.get(i), twinIds.get(i));
            renames.put(twinIds.get(i), originalIds.get(i));
        }
        renames.put(clueId, clueIdOf(events));
        List<SpecificRecord> twin = new ArrayList<>();
        for (SpecificRecord event : events) {
            SpecificRecord copy = SpecificData.getForClass(event.getClass()).deepCopy(event.getSchema(), event);
            EventEnvelope envelope = ClueEvents.envelopeOf(copy);
            envelope.setEventId(twinOfOriginal.get(envelope.getEventId()));
            envelope.setClueId(clueId);
            if (copy instanceof FeedbackAcknowledged acknowledgement) {
                acknowledgement.setFeedbackEventId(twinOfOriginal.get(acknowledgement.getFeedbackEventId()));
            }
            twin.add(copy);
        }
        return twin;
    }

    private static String rename(String json, Map<String, String> renames) {
        String renamed = json;
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            renamed = renamed.replace(rename.getKey(), rename.getValue());
        }
        return renamed;
    }

    private static JsonNode awaitAllFacts(String clueId, int facts) {
        return await().atMost(PATIENCE).until(() -> core.entry(clueId).orElse(null), entry -> entry != null
                && entry.path("timelines").path("sender").size() + entry.path("timelines").path("receiver").size()
                == facts && RunningCore.settled(entry));
    }

    private static String clueIdOf(List<SpecificRecord> events) {
        return ClueEvents.envelopeOf(events.get(0)).getClueId();
    }
}
