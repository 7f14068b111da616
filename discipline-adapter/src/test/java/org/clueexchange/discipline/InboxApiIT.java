package org.clueexchange.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueConcluded;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueReturned;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.FeedbackAcknowledged;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clues the police transfer reach the commission's inbox; its receipts and acceptances go out on its topic. */
class InboxApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ZHAOTONG = UUID.randomUUID().toString();
    private static final String QUJING = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(DisciplineAdapter.class, "discipline_inbox_api", infrastructure ->
                AdapterSettings.serving(AgencyType.DISCIPLINE, "530000", infrastructure)
                .client("zhaotong-clue-system", ZHAOTONG, "530600")
                .client("qujing-clue-system", QUJING, "530300").asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void everyEndpointOfTheApiIsServedByAControllerOfThisDisciplineAdapter() {
        Map<String, String> api = adapter.apiEndpoints();

        assertThat(api.keySet()).contains("/api/v1/clue-transfers [POST]", "/api/v1/inbox/{clueId}/receipt [POST]",
                "/api/v1/feed [GET]", "/api/v1/clues/{clueId}/supervision [POST]",
                "/api/v1/statements/{statementId}/confirmation [POST]");
        assertThat(api.values()).allMatch(owner -> owner.startsWith("org.clueexchange.discipline."));
    }

    @Test
    void aTransferredClueArrivesInTheInboxIsSignedForAndAccepted() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();

        JsonNode item = awaitInInbox(ZHAOTONG, clueId);
        assertThat(item.path("from").asText()).isEqualTo("POLICE@530600");
        assertThat(item.path("persons").get(0).path("name").asText()).isEqualTo("张某");
        assertThat(item.path("contentDigest").asText()).isEqualTo(transfer.getContentDigest());
        assertThat(item.path("history")).extracting(fact -> fact.path("fact").asText())
                .containsExactly("ClueTransferred");

        JsonHttp.Response signed = adapter.post("/api/v1/inbox/" + clueId + "/receipt", ZHAOTONG,
                Map.of("recordId", "QS-1-" + clueId, "officerId", "JW-007", "occurredAt", "2020-06-10T10:30:00+08:00"));
        assertThat(signed.status()).isEqualTo(202);
        assertThat(signed.body().path("fact").asText()).isEqualTo("ClueReceived");
        assertThat(signed.body().path("occurredAt").asText()).isEqualTo("2020-06-10T02:30:00Z");
        JsonHttp.Response accepted = adapter.post("/api/v1/inbox/" + clueId + "/acceptance", ZHAOTONG,
                Map.of("recordId", "SL-1-" + clueId, "officerId", "JW-007", "caseNumber", "ZTJW-2020-101"));
        assertThat(accepted.status()).isEqualTo(202);

        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 2, PATIENCE);
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).isInstanceOfSatisfying(ClueReceived.class, receipt -> {
            assertThat(receipt.getEnvelope().getAssertedBy()).isEqualTo(new Agency(AgencyType.DISCIPLINE, "530600"));
            assertThat(receipt.getSender()).isEqualTo(new Agency(AgencyType.POLICE, "530600"));
            assertThat(receipt.getContentDigest()).isEqualTo(transfer.getContentDigest());
        });
        assertThat(published.get(1)).isInstanceOfSatisfying(ClueAccepted.class, acceptance ->
                assertThat(acceptance.getReceiverCaseNumber()).isEqualTo("ZTJW-2020-101"));
    }

    @Test
    void aRetriedReceiptIsAnsweredAsTheFirstAndSaysItIsAReplayWhileTheSameRecordIdSignsForAnotherClue()
            throws Exception {
        List<String> clueIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
            adapter.topics().publish(transfer);
            clueIds.add(transfer.getEnvelope().getClueId());
            awaitInInbox(ZHAOTONG, transfer.getEnvelope().getClueId());
        }
        Map<String, Object> receipt = Map.of("recordId", "QS-1", "officerId", "JW-007");

        JsonHttp.Response first = adapter.post("/api/v1/inbox/" + clueIds.get(0) + "/receipt", ZHAOTONG, receipt);
        JsonHttp.Response retry = adapter.post("/api/v1/inbox/" + clueIds.get(0) + "/receipt", ZHAOTONG, receipt);
        JsonHttp.Response another = adapter.post("/api/v1/inbox/" + clueIds.get(1) + "/receipt", ZHAOTONG, receipt);

        assertThat(List.of(first.status(), retry.status(), another.status())).containsOnly(202);
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body().path("replay").asBoolean()).isTrue();
        assertThat(retry.body().path("eventId")).isEqualTo(first.body().path("eventId"));
        assertThat(another.raw().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(another.body().path("clueId").asText()).isEqualTo(clueIds.get(1));
        for (String clueId : clueIds) {
            assertThat(adapter.topics().read(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 2, Duration.ofSeconds(5)))
                    .as(clueId).hasSize(1);
        }
    }

    @Test
    void aReceiptOfOtherDocumentsThanAnnouncedCarriesAnotherDigest() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        awaitInInbox(ZHAOTONG, clueId);

        adapter.post("/api/v1/inbox/" + clueId + "/receipt", ZHAOTONG, Map.of("recordId", "QS-2-" + clueId,
                "officerId", "JW-007", "receivedAttachments", List.of(Map.of("name", "询问笔录.pdf",
                        "sha256", "c".repeat(64)))));

        ClueReceived receipt = (ClueReceived) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 1,
                PATIENCE).get(0);
        assertThat(receipt.getContentDigest()).isNotEqualTo(transfer.getContentDigest());
    }

    @Test
    void aTransferToAnotherProvinceNeverReachesThisInbox() throws Exception {
        ClueTransferred elsewhere = ClueEventSamples.transfer(newClueId(), AT);
        elsewhere.setReceiver(new Agency(AgencyType.DISCIPLINE, "330800"));
        adapter.topics().publish(elsewhere);
        ClueTransferred marker = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(marker);

        awaitInInbox(ZHAOTONG, marker.getEnvelope().getClueId());
        assertThat(adapter.get("/api/v1/inbox/" + elsewhere.getEnvelope().getClueId(), ZHAOTONG).status())
                .isEqualTo(404);
    }

    @Test
    void aCommissionSeesAndSignsOnlyForItsOwnClues() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        awaitInInbox(ZHAOTONG, clueId);

        assertThat(inbox(QUJING)).extracting(item -> item.path("clueId").asText()).doesNotContain(clueId);
        JsonHttp.Response refused = adapter.post("/api/v1/inbox/" + clueId + "/receipt", QUJING,
                Map.of("recordId", "QS-3", "officerId", "JW-001"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("clueId");
        assertThat(adapter.topics().read(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void signingForAClueThatWasNeverTransferredIsRefused() {
        JsonHttp.Response refused = adapter.post("/api/v1/inbox/POLICE-530600-NOSUCH/receipt", ZHAOTONG,
                Map.of("recordId", "QS-4", "officerId", "JW-001"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("clueId");
    }

    @Test
    void anAcceptanceWithoutCaseNumberIsRefusedNamingTheField() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        awaitInInbox(ZHAOTONG, clueId);

        JsonHttp.Response refused = adapter.post("/api/v1/inbox/" + clueId + "/acceptance", ZHAOTONG,
                Map.of("recordId", "SL-5", "officerId", "JW-001"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("caseNumber");
    }

    @Test
    void theCommissionDisposesAndConcludesInDisciplineTermsOnly() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        awaitInInbox(ZHAOTONG, clueId);

        JsonHttp.Response policeTerm = adapter.post("/api/v1/inbox/" + clueId + "/disposal", ZHAOTONG,
                Map.of("recordId", "CZ-1", "officerId", "JW-001", "method", "CRIMINAL_INVESTIGATION"));
        JsonHttp.Response disposed = adapter.post("/api/v1/inbox/" + clueId + "/disposal", ZHAOTONG,
                Map.of("recordId", "CZ-2", "officerId", "JW-001", "method", "PRELIMINARY_VERIFICATION"));
        JsonHttp.Response concluded = adapter.post("/api/v1/inbox/" + clueId + "/conclusion", ZHAOTONG,
                Map.of("recordId", "BJ-1", "officerId", "JW-001", "summary", "查实，给予党纪处分一人、留置一人",
                        "outcomes", List.of(Map.of("outcome", "PARTY_DISCIPLINE", "persons", 1),
                                Map.of("outcome", "DETENTION", "persons", 1))));

        assertThat(policeTerm.status()).isEqualTo(400);
        assertThat(policeTerm.body().path("errors").get(0).path("field").asText()).isEqualTo("method");
        assertThat(disposed.status()).isEqualTo(202);
        assertThat(concluded.status()).isEqualTo(202);
        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 2, PATIENCE);
        assertThat(published.get(0)).isInstanceOfSatisfying(DisposalDecided.class, disposal ->
                assertThat(disposal.getMethod()).isEqualTo(DisposalMethod.PRELIMINARY_VERIFICATION));
        assertThat(published.get(1)).isInstanceOfSatisfying(ClueConcluded.class, conclusion ->
                assertThat(conclusion.getOutcomes()).containsExactly(new OutcomeCount(Outcome.PARTY_DISCIPLINE, 1),
                        new OutcomeCount(Outcome.DETENTION, 1)));
    }

    @Test
    void aReturnSaysWhy() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        awaitInInbox(ZHAOTONG, clueId);

        JsonHttp.Response withoutReason = adapter.post("/api/v1/inbox/" + clueId + "/return", ZHAOTONG,
                Map.of("recordId", "TH-1", "officerId", "JW-001", "explanation", "缺材料"));
        JsonHttp.Response returned = adapter.post("/api/v1/inbox/" + clueId + "/return", ZHAOTONG,
                Map.of("recordId", "TH-2", "officerId", "JW-001", "reason", "NOT_OUR_JURISDICTION",
                        "explanation", "被反映人系省管干部，应移送省纪委监委"));

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(returned.status()).isEqualTo(202);
        ClueReturned published = (ClueReturned) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 1,
                PATIENCE).get(0);
        assertThat(published.getReason()).isEqualTo(ReturnReason.NOT_OUR_JURISDICTION);
    }

    @Test
    void aClueSignedForOnPaperStandsInTheInboxIsFoundByItsCaseNumberAndIsMatchedByItsTransfer() throws Exception {
        ClueTransferred transfer = transferFromCase("昭公（刑）立字〔2020〕123号");
        String clueId = transfer.getEnvelope().getClueId();
        Map<String, Object> onPaper = Map.of("recordId", "ZZ-" + clueId, "officerId", "JW-007", "clueId", clueId,
                "receiverJurisdiction", "530600", "senderCaseNumber", "昭公(刑)立字〔2020〕 123号",
                "receivedAt", "2020-06-10T11:00:00+08:00",
                "documents", List.of(Map.of("name", "移送函.pdf"), Map.of("name", "询问笔录.pdf")));

        JsonHttp.Response signed = adapter.post("/api/v1/inbox/received-outside", ZHAOTONG, onPaper);

        assertThat(signed.status()).as(signed.raw().body()).isEqualTo(202);
        assertThat(signed.body().path("fact").asText()).isEqualTo("ClueReceived");
        ClueReceived receipt = (ClueReceived) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, clueId, 1,
                PATIENCE).get(0);
        assertThat(receipt.getChannel()).isEqualTo(ReceiptChannel.OUTSIDE);
        assertThat(receipt.getEnvelope().getAssertedBy()).isEqualTo(new Agency(AgencyType.DISCIPLINE, "530600"));
        assertThat(receipt.getSender()).isEqualTo(new Agency(AgencyType.POLICE, "530600"));
        assertThat(receipt.getSenderCaseNumber()).isEqualTo("昭公(刑)立字〔2020〕 123号");
        assertThat(receipt.getDocuments()).containsExactly("移送函.pdf", "询问笔录.pdf");
        assertThat(receipt.getContentDigest()).isEmpty();

        JsonNode awaiting = adapter.get("/api/v1/inbox/" + clueId, ZHAOTONG).body();
        assertThat(awaiting.path("awaitingTransfer").asBoolean()).isTrue();
        assertThat(awaiting.has("cursor")).isFalse();
        assertThat(awaiting.path("from").asText()).isEqualTo("POLICE@530600");
        assertThat(awaiting.path("to").asText()).isEqualTo("DISCIPLINE@530600");
        assertThat(awaiting.path("senderCaseNumber").asText()).isEqualTo("昭公(刑)立字〔2020〕 123号");
        assertThat(awaiting.path("receivedOutside").path("documents")).extracting(JsonNode::asText)
                .containsExactly("移送函.pdf", "询问笔录.pdf");
        assertThat(inbox(ZHAOTONG)).extracting(item -> item.path("clueId").asText()).doesNotContain(clueId);
        assertThat(bySenderCaseNumber(ZHAOTONG, "昭公（刑）立字〔2020〕123号")).containsExactly(clueId);
        assertThat(bySenderCaseNumber(QUJING, "昭公（刑）立字〔2020〕123号")).isEmpty();
        JsonHttp.Response secondReceipt = adapter.post("/api/v1/inbox/" + clueId + "/receipt", ZHAOTONG,
                Map.of("recordId", "QS-" + clueId, "officerId", "JW-007"));
        assertThat(secondReceipt.status()).isEqualTo(409);
        assertThat(secondReceipt.body().path("errors").get(0).path("field").asText()).isEqualTo("clueId");
        assertThat(secondReceipt.body().path("type").asText()).endsWith("/conflicts-with-record");
        Map<String, Object> secondOnPaper = new HashMap<>(onPaper);
        secondOnPaper.put("recordId", "ZZ2-" + clueId);
        JsonHttp.Response secondOutside = adapter.post("/api/v1/inbox/received-outside", ZHAOTONG, secondOnPaper);
        assertThat(secondOutside.status()).as("another receipt on paper of the same clue").isEqualTo(409);
        assertThat(secondOutside.body().path("type").asText()).endsWith("/conflicts-with-record");
        assertThat(adapter.post("/api/v1/inbox/" + clueId + "/acceptance", ZHAOTONG, Map.of("recordId",
                "SL-" + clueId, "officerId", "JW-007", "caseNumber", "昭纪受〔2020〕8号")).status()).isEqualTo(202);

        adapter.topics().publish(transfer);
        JsonNode matched = await().atMost(PATIENCE).until(() -> adapter.get("/api/v1/inbox/" + clueId, ZHAOTONG)
                .body(), item -> !item.path("awaitingTransfer").asBoolean());
        assertThat(matched.path("cursor").asLong()).isPositive();
        assertThat(matched.path("persons").get(0).path("name").asText()).isEqualTo("张某");
        assertThat(matched.path("senderCaseNumber").asText()).isEqualTo("昭公（刑）立字〔2020〕123号");
        assertThat(matched.path("receivedOutside").path("senderCaseNumber").asText())
                .isEqualTo("昭公(刑)立字〔2020〕 123号");
        assertThat(matched.path("history")).extracting(fact -> fact.path("fact").asText())
                .containsExactly("ClueTransferred", "ClueReceived", "ClueAccepted");
        assertThat(inbox(ZHAOTONG)).extracting(item -> item.path("clueId").asText()).contains(clueId);
        assertThat(bySenderCaseNumber(ZHAOTONG, "昭公（刑）立字〔2020〕123号")).containsExactly(clueId);
        assertThat(adapter.post("/api/v1/inbox/" + clueId + "/receipt", ZHAOTONG,
                Map.of("recordId", "QS-" + clueId, "officerId", "JW-007")).status()).isEqualTo(409);
        JsonHttp.Response retried = adapter.post("/api/v1/inbox/received-outside", ZHAOTONG, onPaper);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.body().path("replay").asBoolean()).isTrue();
        assertThat(retried.body().path("eventId").asText()).isEqualTo(receipt.getEnvelope().getEventId());
    }

    @Test
    void aReceiptOutsideTheExchangeIsRefusedNamingTheFieldForAClueNoPoliceSentHereOrOneTheExchangeDelivered()
            throws Exception {
        ClueTransferred delivered = ClueEventSamples.transfer(newClueId(), AT);
        adapter.topics().publish(delivered);
        awaitInInbox(ZHAOTONG, delivered.getEnvelope().getClueId());

        assertThat(refusal(ZHAOTONG, "XS001", "530600")).isEqualTo("400 clueId");
        assertThat(refusal(ZHAOTONG, "DISCIPLINE-530600-XS001", "530600")).isEqualTo("400 clueId");
        assertThat(refusal(ZHAOTONG, newClueId(), "530300")).isEqualTo("403 receiverJurisdiction");
        assertThat(refusal(ZHAOTONG, newClueId(), "5306")).isEqualTo("400 receiverJurisdiction");
        assertThat(refusal(ZHAOTONG, delivered.getEnvelope().getClueId(), "530600")).isEqualTo("409 clueId");
    }

    @Test
    void anAcknowledgementFromPoliceThatDidNotTransferTheClueIsDeadLetteredAndNeverDelivered() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        String clueId = transfer.getEnvelope().getClueId();
        adapter.topics().publish(transfer);
        awaitInInbox(ZHAOTONG, clueId);
        FeedbackSent feedback = ClueEventSamples.feedback(transfer, AT.plusSeconds(3600));
        FeedbackAcknowledged forged = ClueEventSamples.acknowledgement(feedback, transfer, AT.plusSeconds(7200));
        forged.getEnvelope().setAssertedBy(new Agency(AgencyType.POLICE, "530100"));
        SupervisionOrdered fromAbove = ClueEventSamples.supervision(transfer, AT.plusSeconds(7200));
        fromAbove.getEnvelope().setAssertedBy(new Agency(AgencyType.POLICE, "530000"));
        adapter.topics().publishAll(List.of(forged, fromAbove,
                ClueEventSamples.acknowledgement(feedback, transfer, AT.plusSeconds(7300))));

        assertThat(adapter.topics().read(ExchangeTopics.DEAD_LETTER, clueId, 1, PATIENCE)).singleElement()
                .satisfies(letter -> assertThat(new String(letter.headers().lastHeader(DeadLetters.REASON).value(),
                        StandardCharsets.UTF_8)).isEqualTo(OriginVerifier.SECURITY + "FeedbackAcknowledged asserted "
                        + "by POLICE@530100, but POLICE@530600 transferred the clue"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(awaitInInbox(ZHAOTONG, clueId).path("history"))
                .extracting(fact -> fact.path("fact").asText() + " " + fact.path("assertedBy").asText())
                .containsExactly("ClueTransferred POLICE@530600", "SupervisionOrdered POLICE@530000",
                        "FeedbackAcknowledged POLICE@530600"));
    }

    /** The police's transfer of a clue found in the gang case of this number. */
    private static ClueTransferred transferFromCase(String caseNumber) {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        transfer.getContent().setLinkedGangCase(new GangCaseReference(caseNumber, GangCaseType.MAFIA_TYPE_ORGANISATION));
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
        return transfer;
    }

    private static List<String> bySenderCaseNumber(String token, String caseNumber) {
        JsonHttp.Response found = adapter.get("/api/v1/inbox?senderCaseNumber="
                + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8), token);
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        List<String> clueIds = new ArrayList<>();
        found.body().path("items").forEach(item -> clueIds.add(item.path("clueId").asText()));
        return clueIds;
    }

    /** The status and the field the refusal of a receipt outside the exchange names. */
    private static String refusal(String token, String clueId, String receiverJurisdiction) {
        JsonHttp.Response refused = adapter.post("/api/v1/inbox/received-outside", token, Map.of("recordId",
                "ZZ-R-" + UUID.randomUUID(), "officerId", "JW-007", "clueId", clueId,
                "receiverJurisdiction", receiverJurisdiction, "senderCaseNumber", "ZT-2020-017",
                "receivedAt", "2020-06-10T11:00:00+08:00"));
        return refused.status() + " " + refused.body().path("errors").get(0).path("field").asText();
    }

    private static JsonNode awaitInInbox(String token, String clueId) {
        return await().atMost(PATIENCE).until(() -> inbox(token).stream()
                .filter(item -> item.path("clueId").asText().equals(clueId)).findFirst(), found -> found.isPresent())
                .orElseThrow();
    }

    private static List<JsonNode> inbox(String token) {
        List<JsonNode> items = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = adapter.get("/api/v1/inbox?limit=500&after=" + after, token).body();
            page.path("items").forEach(items::add);
            if (page.path("next").asLong() == after) {
                return items;
            }
            after = page.path("next").asLong();
        }
    }

    private static String newClueId() {
        return "POLICE-530600-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
