package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.DisposalDecided;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.FeedbackSent;
import org.clueexchange.events.Outcome;
import org.clueexchange.events.OutcomeCount;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueContentDigest;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ContractLimits;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.SenderCaseNumbers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

/** A clue a discipline commission transferred to the police, handled by the case system in criminal-case terms. */
class PoliceInboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();

    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_inbox", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .client("zhaotong-case-system", TOKEN, "530600")
                        .asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void everyEndpointOfTheApiIsServedByAControllerOfThisPoliceAdapter() {
        Map<String, String> api = adapter.apiEndpoints();

        assertThat(api.keySet()).contains("/api/v1/clue-transfers [POST]", "/api/v1/inbox/{clueId}/receipt [POST]",
                "/api/v1/feed [GET]", "/api/v1/clues/{clueId}/supervision [POST]",
                "/api/v1/statements/{statementId}/confirmation [POST]");
        assertThat(api.values()).allMatch(owner -> owner.startsWith("org.clueexchange.police."));
    }

    @Test
    void aClueFromDisciplineIsHandledFromReceiptToFeedbackAndEachStepIsPublishedAsThePolice() throws Exception {
        String clueId = received();
        JsonNode incoming = adapter.get("/api/v1/inbox/" + clueId, TOKEN).body();
        assertThat(incoming.path("from").asText()).isEqualTo("DISCIPLINE@530600");
        assertThat(incoming.path("suspects")).extracting(JsonNode::asText).containsExactly("刘某", "陈某");
        assertThat(incoming.path("officials").get(0).path("name").asText()).isEqualTo("李某");

        act(clueId, "receipt", Map.of());
        act(clueId, "acceptance", Map.of("caseNumber", "ZTGA-LA-2020-9"));
        act(clueId, "decision", Map.of("decision", "CRIMINAL_INVESTIGATION"));
        act(clueId, "progress", Map.of("summary", "已抓获犯罪嫌疑人二名"));
        act(clueId, "conclusion", Map.of("results", List.of(Map.of("result", "SENT_FOR_PROSECUTION", "persons", 2)),
                "summary", "侦查终结，移送审查起诉"));
        act(clueId, "feedback", Map.of("summary", "已移送审查起诉二人"));

        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 6, PATIENCE);
        assertThat(published).extracting(ClueEvents::typeOf).containsExactly("ClueReceived", "ClueAccepted",
                "DisposalDecided", "ProgressReported", "ClueConcluded", "FeedbackSent");
        assertThat(published).allSatisfy(event -> assertThat(ClueEvents.envelopeOf(event).getAssertedBy())
                .isEqualTo(new Agency(AgencyType.POLICE, "530600")));
        assertThat(((DisposalDecided) published.get(2)).getMethod()).isEqualTo(DisposalMethod.CRIMINAL_INVESTIGATION);
        List<OutcomeCount> outcomes = List.of(new OutcomeCount(Outcome.SENT_FOR_PROSECUTION, 2));
        assertThat(((ClueConcluded) published.get(4)).getOutcomes()).isEqualTo(outcomes);
        assertThat(((FeedbackSent) published.get(5)).getOutcomes()).isEqualTo(outcomes);
        assertThat(adapter.get("/api/v1/inbox/" + clueId, TOKEN).body().path("history"))
                .extracting(fact -> fact.path("label").asText())
                .containsExactly("移送", "签收", "受理", "处置", "进展", "办结", "反馈");
    }

    @Test
    void aClueWhoseIdIsChineseIsServedAndActedOnAtItsPercentEncodedPaths() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transferToPolice(
                "DISCIPLINE-530600-昭纪（线）〔2020〕7号-" + UUID.randomUUID().toString().substring(0, 8), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        String inbox = "/api/v1/inbox/" + UriUtils.encodePathSegment(clueId, StandardCharsets.UTF_8);
        await().atMost(PATIENCE).until(() -> adapter.get(inbox, TOKEN).status() == 200);
        assertThat(adapter.get(inbox, TOKEN).body().path("clueId").asText()).isEqualTo(clueId);

        actAt(inbox + "/receipt", Map.of());
        actAt(inbox + "/acceptance", Map.of("caseNumber", "昭公（刑）立字〔2020〕123号"));
        actAt("/api/v1/clues/" + UriUtils.encodePathSegment(clueId, StandardCharsets.UTF_8) + "/supervision",
                Map.of("kind", "SUPERVISION", "instructions", "限期侦结"));

        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId, 3,
                PATIENCE);
        assertThat(published).extracting(ClueEvents::typeOf)
                .containsExactly("ClueReceived", "ClueAccepted", "SupervisionOrdered");
        assertThat(published).allSatisfy(event -> assertThat(ClueEvents.envelopeOf(event).getClueId())
                .isEqualTo(clueId));
        assertThat(((ClueAccepted) published.get(1)).getReceiverCaseNumber()).isEqualTo("昭公（刑）立字〔2020〕123号");
    }

    @Test
    void aDecisionInDisciplineTermsIsRefusedNamingTheField() throws Exception {
        String clueId = received();

        JsonHttp.Response refused = adapter.post("/api/v1/inbox/" + clueId + "/decision", TOKEN,
                Map.of("recordId", "JD-1", "officerId", "GA-1", "decision", "PRELIMINARY_VERIFICATION"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("decision");
    }

    @Test
    void feedbackBeforeAConclusionIsRefused() throws Exception {
        String clueId = received();

        JsonHttp.Response refused = adapter.post("/api/v1/inbox/" + clueId + "/feedback", TOKEN,
                Map.of("recordId", "FK-1", "officerId", "GA-1", "summary", "尚未办结"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/not-yet-possible");
        assertThat(refused.body().path("detail").asText()).contains("conclude " + clueId + " before");
        assertThat(refused.raw().headers().firstValue("Retry-After")).as("only the agency itself can conclude")
                .isEmpty();
    }

    @Test
    void aRetriedDecisionIsOneFact() throws Exception {
        String clueId = received();
        Map<String, Object> decision = Map.of("recordId", "JD-2", "officerId", "GA-1", "decision", "NOT_OPENED",
                "explanation", "不构成犯罪");

        JsonHttp.Response first = adapter.post("/api/v1/inbox/" + clueId + "/decision", TOKEN, decision);
        JsonHttp.Response retry = adapter.post("/api/v1/inbox/" + clueId + "/decision", TOKEN, decision);

        assertThat(List.of(first.status(), retry.status())).containsOnly(202);
        assertThat(first.body().path("replay").asBoolean()).isFalse();
        assertThat(first.raw().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.body().path("replay").asBoolean()).isTrue();
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body().path("eventId")).isEqualTo(first.body().path("eventId"));
        assertThat(adapter.topics().read(ExchangeTopics.POLICE_EVENTS, clueId, 2, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void anEscalationGoesToAHigherLevelOfThePoliceOnly() throws Exception {
        String clueId = received();

        JsonHttp.Response downwards = adapter.post("/api/v1/clues/" + clueId + "/supervision", TOKEN, Map.of(
                "recordId", "TJ-0", "officerId", "GA-1", "kind", "ESCALATION", "escalatedTo", "530602",
                "instructions", "提级"));
        JsonHttp.Response upwards = adapter.post("/api/v1/clues/" + clueId + "/supervision", TOKEN, Map.of(
                "recordId", "TJ-1", "officerId", "GA-1", "kind", "ESCALATION", "escalatedTo", "530000",
                "instructions", "涉案人员多、跨区县，提级由省厅办理"));

        assertThat(downwards.status()).isEqualTo(400);
        assertThat(downwards.body().path("errors").get(0).path("field").asText()).isEqualTo("escalatedTo");
        assertThat(upwards.status()).isEqualTo(202);
        SupervisionOrdered escalation = (SupervisionOrdered) adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, clueId,
                1, PATIENCE).get(0);
        assertThat(escalation.getEscalatedTo()).isEqualTo(new Agency(AgencyType.POLICE, "530000"));
    }

    @Test
    void theApiDescribesItselfInPoliceTerms() {
        JsonNode api = adapter.get("/v3/api-docs", null).body();

        assertThat(api.path("info").path("title").asText()).contains("Police adapter");
        assertThat(api.path("paths").has("/api/v1/inbox/{clueId}/decision")).isTrue();
        assertThat(api.path("paths").has("/api/v1/clue-transfers")).isTrue();
        assertThat(api.path("paths").has("/api/v1/feed")).isTrue();
        assertThat(api.path("paths").path("/api/v1/clue-transfers").path("get").path("operationId").asText())
                .as("an operation id a generated client keeps").isEqualTo("listTransfers");
        assertThat(api.path("paths").path("/api/v1/inbox").path("get").path("operationId").asText())
                .isEqualTo("listInbox");
        JsonNode transfer = api.path("components").path("schemas").path("ClueTransferRequest").path("properties");
        assertThat(transfer.path("summary").path("maxLength").asInt()).isEqualTo(ContractLimits.CLUE_SUMMARY);
        assertThat(transfer.path("officerId").path("maxLength").asInt()).isEqualTo(ContractLimits.OFFICER_ID);
        assertThat(transfer.path("officials").path("maxItems").asInt()).isEqualTo(ContractLimits.SUBJECTS);
        assertThat(api.path("components").path("schemas").path("DecisionRequest").path("properties")
                .path("decision").path("enum")).extracting(JsonNode::asText)
                .containsExactly("CRIMINAL_INVESTIGATION", "PRELIMINARY_INQUIRY", "MERGED_INVESTIGATION",
                        "NOT_OPENED");
    }

    @Test
    void aClueSignedForOnPaperIsFoundByTheCommissionsInquiryNumberBeforeAndAfterItsTransferArrives()
            throws Exception {
        ClueTransferred transfer = ClueEventSamples.transferToPolice(
                "DISCIPLINE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        transfer.getContent().setSummary(SenderCaseNumbers.withInquiryNumber(transfer.getContent().getSummary(),
                "昭纪（审）〔2020〕7号"));
        transfer.setContentDigest(ClueContentDigest.of(transfer.getContent()));
        String clueId = transfer.getEnvelope().getClueId();

        JsonHttp.Response signed = adapter.post("/api/v1/inbox/received-outside", TOKEN, Map.of(
                "recordId", "ZZ-" + clueId, "officerId", "ZTGA-0042", "clueId", clueId, "receiverJurisdiction",
                "530600", "senderCaseNumber", "昭纪（审）〔2020〕7号", "receivedAt", "2020-06-10T11:00:00+08:00",
                "documents", List.of(Map.of("name", "移送函.pdf"))));

        assertThat(signed.status()).as(signed.raw().body()).isEqualTo(202);
        JsonNode awaiting = adapter.get("/api/v1/inbox/" + clueId, TOKEN).body();
        assertThat(awaiting.path("awaitingTransfer").asBoolean()).isTrue();
        assertThat(awaiting.path("from").asText()).isEqualTo("DISCIPLINE@530600");
        assertThat(bySenderCaseNumber("昭纪(审)〔2020〕7号")).containsExactly(clueId);
        adapter.topics().publish(transfer);
        JsonNode matched = await().atMost(PATIENCE).until(() -> adapter.get("/api/v1/inbox/" + clueId, TOKEN).body(),
                item -> !item.path("awaitingTransfer").asBoolean());
        assertThat(matched.path("senderCaseNumber").asText()).isEqualTo("昭纪（审）〔2020〕7号");
        assertThat(matched.path("suspects")).extracting(JsonNode::asText).containsExactly("刘某", "陈某");
        assertThat(bySenderCaseNumber("昭纪（审）〔2020〕7号")).containsExactly(clueId);
    }

    @Test
    void aClueTheCommissionSignedForOnPaperBeforeThePoliceTransferredItShowsThatReceiptOnceTransferred()
            throws Exception {
        Map<String, Object> request = ClueTransferApiIT.transferRequest();
        String clueId = "POLICE-530600-" + request.get("recordId");
        ClueReceived onPaper = ClueEventSamples.receiptOutside(ClueEventSamples.transfer(clueId, AT), "ZT-2020-017",
                AT.plusSeconds(3600));
        adapter.topics().publish(onPaper);
        await().atMost(PATIENCE).until(() -> adapter.get("/api/v1/feed?after=0&limit=1000", TOKEN).body().path("items")
                .findValuesAsText("clueId").contains(clueId));

        assertThat(adapter.post("/api/v1/clue-transfers", TOKEN, request).status()).isEqualTo(202);
        JsonNode sent = adapter.get("/api/v1/clue-transfers/" + clueId, TOKEN).body();
        assertThat(sent.path("history")).extracting(fact -> fact.path("fact").asText())
                .containsExactly("ClueTransferred", "ClueReceived");
        assertThat(sent.has("receiverHoldsSameContent")).isFalse();
    }

    private static List<String> bySenderCaseNumber(String caseNumber) {
        JsonHttp.Response found = adapter.get("/api/v1/inbox?senderCaseNumber="
                + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8), TOKEN);
        assertThat(found.status()).as(found.raw().body()).isEqualTo(200);
        return found.body().path("items").findValuesAsText("clueId");
    }

    /** A discipline commission's transfer that has reached the police inbox; its clue id. */
    private static String received() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transferToPolice(
                "DISCIPLINE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        adapter.topics().publish(transfer);
        String clueId = transfer.getEnvelope().getClueId();
        await().atMost(PATIENCE).until(() -> adapter.get("/api/v1/inbox/" + clueId, TOKEN).status() == 200);
        return clueId;
    }

    private static void act(String clueId, String action, Map<String, Object> details) {
        actAt("/api/v1/inbox/" + clueId + "/" + action, details);
    }

    /** Asserts a fact at {@code path} under a record id of the path's last segment, the kind of request. */
    private static void actAt(String path, Map<String, Object> details) {
        Map<String, Object> request = new HashMap<>(details);
        request.put("recordId", path.substring(path.lastIndexOf('/') + 1).toUpperCase());
        request.put("officerId", "ZTGA-0042");
        JsonHttp.Response response = adapter.post(path, TOKEN, request);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(202);
    }
}
