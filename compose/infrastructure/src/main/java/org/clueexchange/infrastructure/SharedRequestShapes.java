package org.clueexchange.infrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.wire.ContractLimits;

/**
 * The shapes of the requests both adapters take in the same terms: what every act says (record id, officer, time),
 * and the inbox's, the sender's, supervision's and confirmation's requests, with valid bodies and what each field
 * may hold; and what both let an agency system read.
 */
public final class SharedRequestShapes {

    private SharedRequestShapes() {
    }

    /**
     * A request that asserts a fact: the system's record id, the officer and when it happened, besides the
     * {@code details} of the fact.
     */
    public static RequestShape act(String path, Map<String, ?> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordId", "VALID-1");
        body.put("officerId", "GA-0042");
        body.put("occurredAt", "2020-06-10T10:30:00+08:00");
        body.putAll(details);
        return RequestShape.post(path, body).text("officerId", ContractLimits.OFFICER_ID).time("occurredAt");
    }

    /**
     * 签收 outside the exchange, in the jurisdiction 530600, of a clue whose transfer has not reached the adapter.
     *
     * @param senderClueId a clue id the other agency's adapter gives, e.g. {@code POLICE-530600-PAPER1}
     */
    public static RequestShape receivedOutside(String senderClueId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordId", "VALID-1");
        body.put("officerId", "GA-0042");
        body.put("clueId", senderClueId);
        body.put("receiverJurisdiction", "530600");
        body.put("senderCaseNumber", "昭公（刑）立字〔2020〕123号");
        body.put("receivedAt", "2020-06-10T10:30:00+08:00");
        body.put("documents", List.of(Map.of("name", "移送函.pdf")));
        body.put("contentDigest", "c".repeat(64));
        return RequestShape.post("/api/v1/inbox/received-outside", body)
                .text("officerId", ContractLimits.OFFICER_ID).time("receivedAt")
                .text("senderCaseNumber", ContractLimits.CASE_NUMBER)
                .list("documents", ContractLimits.ATTACHMENTS).text("documents[].name", ContractLimits.DOCUMENT_NAME)
                .noRepeats("documents", "name");
    }

    /**
     * @param receivedClueId a clue transferred to the adapter's agency, in the jurisdiction 530600
     * @param sentClueId     a clue the adapter's agency transferred
     */
    public static List<RequestShape> all(String receivedClueId, String sentClueId) {
        String inbox = "/api/v1/inbox/" + receivedClueId;
        return List.of(
                act(inbox + "/receipt", Map.of("receivedAttachments",
                        List.of(Map.of("name", "询问笔录.pdf", "sha256", "b".repeat(64)))))
                        .list("receivedAttachments", ContractLimits.ATTACHMENTS)
                        .text("receivedAttachments[].name", ContractLimits.DOCUMENT_NAME)
                        .noRepeats("receivedAttachments", "name"),
                act(inbox + "/acceptance", Map.of("caseNumber", "ZTJW-2020-101"))
                        .text("caseNumber", ContractLimits.CASE_NUMBER),
                act(inbox + "/return", Map.of("reason", "MATERIAL_INCOMPLETE", "explanation", "缺少询问笔录原件"))
                        .code("reason").text("explanation", ContractLimits.NOTE),
                act(inbox + "/progress", Map.of("summary", "已完成初步核实谈话"))
                        .text("summary", ContractLimits.NOTE),
                act(inbox + "/feedback", Map.of("summary", "已立案审查，给予党纪处分"))
                        .text("summary", ContractLimits.NOTE),
                act("/api/v1/clue-transfers/" + sentClueId + "/feedback-acknowledgement", Map.of()),
                act("/api/v1/clues/" + receivedClueId + "/supervision", Map.of("byJurisdiction", "530600",
                        "kind", "SUPERVISION", "dueAt", "2020-07-10T18:00:00+08:00", "instructions", "请加快核查进度"))
                        .code("kind").deadline("dueAt").text("instructions", ContractLimits.NOTE),
                act("/api/v1/statements/STATEMENT-530600-2020-06/confirmation", Map.of("digest", "d".repeat(64),
                        "root", "e".repeat(64))));
    }

    /**
     * What an agency system reads of both adapters alike, each path with its query: transfers, the inbox, the feed,
     * the pushes to the system's webhook that wait to be retried, and the confirmation {@link #all} makes.
     */
    public static List<String> reads(String receivedClueId, String sentClueId) {
        return List.of("/api/v1/clue-transfers?after=0&limit=10", "/api/v1/clue-transfers/" + sentClueId,
                "/api/v1/inbox?after=0&limit=10", "/api/v1/inbox/" + receivedClueId, "/api/v1/feed?after=0&limit=10",
                "/api/v1/deliveries?state=RETRYING&after=0&limit=10",
                "/api/v1/statements/STATEMENT-530600-2020-06/confirmation");
    }
}
