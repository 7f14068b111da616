package org.clueexchange.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A clue the commission received on paper (纸质移送) before the police's transfer reached the exchange, over a real
 * broker and PostgreSQL, in April 2021 (no other test's statement of Zhaotong covers it): the ledger and the month's
 * statement show the receipt as received outside the exchange and awaiting its transfer, the transfer matches it
 * when it comes, and a transfer naming another case number than the letter is an anomaly.
 */
class ReceiptOutsideTheExchangeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** 10:00 on 6 April 2021 in Zhaotong. */
    private static final Instant APRIL_6 = Instant.parse("2021-04-06T02:00:00Z");
    private static final String CASE_NUMBER = "昭公（刑）立字〔2021〕123号";

    static RunningCore core;
    static AgencyTopics topics;

    @BeforeAll
    static void start() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        core = RunningCore.start(infrastructure.postgres().createDatabase("receipt_outside"), bootstrap,
                "receipt-outside");
        topics = new AgencyTopics(bootstrap);
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void aReceiptOnPaperStandsAsReceivedWithoutTransferUntilTheTransferArrivesAndMatchesIt() throws Exception {
        ClueTransferred transfer = transferFromCase("昭公(刑)立字〔2021〕123号");
        ClueReceived onPaper = ClueEventSamples.receiptOutside(transfer, CASE_NUMBER, APRIL_6.plusSeconds(3600));
        String clueId = transfer.getEnvelope().getClueId();
        topics.publish(onPaper);

        JsonNode awaiting = await().atMost(PATIENCE).until(() -> core.entry(clueId).orElse(null),
                entry -> entry != null && entry.path("state").asText().equals("AWAITING_TRANSFER"));
        JsonNode receiver = awaiting.path("receiverRecord");
        assertThat(receiver.path("receiptChannel").asText()).isEqualTo("OUTSIDE");
        assertThat(receiver.path("receiptChannelLabel").asText()).isEqualTo("纸质移送");
        assertThat(receiver.path("senderCaseNumber").asText()).isEqualTo(CASE_NUMBER);
        assertThat(receiver.path("documents")).extracting(JsonNode::asText)
                .containsExactly("移送函.pdf", "询问笔录.pdf");
        assertThat(receiver.has("contentDigest")).isFalse();
        JsonNode line = lineOf(clueId, issueApril());
        assertThat(line.path("receiverRecord").path("receiptChannel").asText()).isEqualTo("OUTSIDE");
        assertThat(line.path("breaks")).extracting(found -> found.path("category").asText() + " "
                + found.path("detail").asText())
                .containsExactly("RECEIVED_WITHOUT_TRANSFER 纸质移送，移送方案号 " + CASE_NUMBER);

        topics.publish(transfer);
        JsonNode matched = await().atMost(PATIENCE).until(() -> core.entry(clueId).orElse(null),
                entry -> entry != null && entry.path("state").asText().equals("RECEIVED") && RunningCore.settled(entry));
        assertThat(matched.path("senderRecord").path("caseNumber").asText()).isEqualTo("昭公(刑)立字〔2021〕123号");
        assertThat(matched.path("receiverRecord").path("receiptChannel").asText()).isEqualTo("OUTSIDE");
        assertThat(matched.path("anomalies")).isEmpty();
        assertThat(matched.path("clocks")).extracting(clock -> clock.path("clock").asText() + ":"
                + clock.path("status").asText()).contains("PICK_UP:MET");
        assertThat(lineOf(clueId, issueApril()).path("breaks")).extracting(found -> found.path("category").asText())
                .doesNotContain("RECEIVED_WITHOUT_TRANSFER", "CONTENT_DIGEST_DIFFERS");
    }

    @Test
    void aTransferNamingAnotherCaseNumberThanTheLetterIsAnAnomalyOfTheReceipt() throws Exception {
        ClueTransferred transfer = transferFromCase("昭公（刑）立字〔2021〕456号");
        ClueReceived onPaper = ClueEventSamples.receiptOutside(transfer, CASE_NUMBER, APRIL_6.plusSeconds(3600));
        topics.publish(onPaper);
        topics.publish(transfer);

        JsonNode entry = await().atMost(PATIENCE).until(() -> core.entry(transfer.getEnvelope().getClueId())
                .orElse(null), found -> found != null && found.path("anomalies").size() == 1);
        assertThat(entry.path("anomalies")).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.path("kind").asText()).isEqualTo("SENDER_CASE_NUMBER_MISMATCH");
            assertThat(anomaly.path("label").asText()).isEqualTo("移送方案号不一致");
            assertThat(anomaly.path("factEventId").asText()).isEqualTo(onPaper.getEnvelope().getEventId());
            assertThat(anomaly.path("detail").asText()).isEqualTo("received naming case " + CASE_NUMBER
                    + ", but the transfer names 昭公（刑）立字〔2021〕456号");
        });
    }

    /** The police's transfer of a clue found in the gang case of this number. */
    private static ClueTransferred transferFromCase(String caseNumber) {
        ClueTransferred transfer = ClueEventSamples.transfer(
                "POLICE-530600-PAPER" + UUID.randomUUID().toString().substring(0, 8), APRIL_6);
        transfer.getContent().setLinkedGangCase(new GangCaseReference(caseNumber, GangCaseType.MAFIA_TYPE_ORGANISATION));
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
        return transfer;
    }

    private static JsonNode issueApril() {
        return core.as(CoreCredentials.officer("530000")).post("/api/reconciliation/monthly",
                Map.of("jurisdiction", "530600", "period", "2021-04")).successfully();
    }

    private static JsonNode lineOf(String clueId, JsonNode statement) {
        return StreamSupport.stream(statement.path("content").path("lines").spliterator(), false)
                .filter(line -> line.path("clueId").asText().equals(clueId)).findFirst().orElseThrow();
    }
}
