package org.clueexchange.discipline;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.discipline.transfer.ClueTransferRequest;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.infrastructure.SharedRequestShapes;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ContractLimits;
import org.springframework.web.util.UriUtils;

/** The discipline adapter's requests that take a body: each with a valid body and what each of its fields may hold. */
final class DisciplineRequestShapes {

    private DisciplineRequestShapes() {
    }

    /** The ID number of the official the tests name (Zhaoyang district, born 1980). */
    static final String ID_NUMBER = "530602198001011234";
    /** An ID number with the wrong check digit, one too short, one with a space: none is anybody's. */
    static final String[] NO_ID_NUMBERS = {"530602198001011235", "53060219800101123", "530602198001011 234"};
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * @param received a clue the police transferred to the commission of 530600
     * @param sent     a clue the commission transferred
     * @param gangCase a gang case the police of 530600 registered, of 530602 ({@link #gangCase})
     */
    static List<RequestShape> all(String received, String sent, String gangCase) {
        List<RequestShape> shapes = new ArrayList<>(List.of(transfer()));
        shapes.addAll(caseFacts(gangCase));
        shapes.addAll(SharedRequestShapes.all(received, sent));
        shapes.add(SharedRequestShapes.receivedOutside("POLICE-530600-PAPER-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        shapes.add(SharedRequestShapes.act("/api/v1/inbox/" + received + "/disposal", Map.of("method",
                        "PRELIMINARY_VERIFICATION", "explanation", "反映问题具体，予以初步核实"))
                .code("method").text("explanation", ContractLimits.NOTE));
        shapes.add(conclusion(received));
        return shapes;
    }

    /** What the commission says of the gang case: 同步跟进, 一案三查, 保护伞认定, 签字背书, 回溯核查. */
    static List<RequestShape> caseFacts(String gangCase) {
        String path = path(gangCase);
        return List.of(
                SharedRequestShapes.act(path + "/follow-up", Map.of("jurisdiction", "530600", "idNumber", ID_NUMBER,
                                "rank", "COUNTY_DIVISION"))
                        .refuses("jurisdiction", "53060", "530100").refuses("idNumber", NO_ID_NUMBERS).code("rank"),
                SharedRequestShapes.act(path + "/checks", Map.of("check", "PROTECTIVE_UMBRELLA", "finding",
                        "查明王某多次为该团伙通风报信")).code("check").text("finding", ContractLimits.NOTE),
                SharedRequestShapes.act(path + "/umbrella-finding", Map.of("idNumber", ID_NUMBER, "umbrellaFound",
                                true, "outcome", "开除党籍、移送检察机关"))
                        .refuses("idNumber", NO_ID_NUMBERS).text("outcome", ContractLimits.NOTE),
                SharedRequestShapes.act(path + "/endorsements", Map.of("role", "FOLLOW_UP_OFFICER", "signerId",
                                "JW-007", "signerName", "李某"))
                        .code("role").text("signerId", ContractLimits.OFFICER_ID)
                        .text("signerName", ContractLimits.PERSON_NAME),
                SharedRequestShapes.act(path + "/retrace", Map.of("reason", "群众举报反映仍有保护伞未查清"))
                        .text("reason", ContractLimits.NOTE));
    }

    /**
     * A gang case the police of 530600 registered, of 530602, once its registration has reached the adapter: it
     * is in the client's feed.
     */
    static String gangCase(AdapterUnderTest adapter, JsonHttp client) throws Exception {
        String caseNumber = "昭公（刑）立字〔2020〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
        adapter.topics().publish(ClueEventSamples.gangCase(caseNumber, ClueEventSamples.AT));
        await().atMost(PATIENCE).until(() -> client.get("/api/v1/feed?limit=1000").successfully().path("items")
                .findValuesAsText("clueId").contains(caseNumber));
        return caseNumber;
    }

    /** The path of the gang case, its number percent-encoded. */
    static String path(String gangCase) {
        return "/api/v1/gang-cases/" + UriUtils.encodePathSegment(gangCase, StandardCharsets.UTF_8);
    }

    /** 办结 of the received clue, which its feedback needs. */
    static RequestShape conclusion(String received) {
        return SharedRequestShapes.act("/api/v1/inbox/" + received + "/conclusion", Map.of("summary", "查实，给予党纪处分",
                        "outcomes", List.of(Map.of("outcome", "PARTY_DISCIPLINE", "persons", 1))))
                .text("summary", ContractLimits.NOTE).list("outcomes", ContractLimits.OUTCOMES)
                .noRepeats("outcomes", "outcome").code("outcomes[].outcome");
    }

    static RequestShape transfer() {
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
                "role", "涉嫌包庇", "idNumber", ID_NUMBER)));
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
                .refuses("officials[].idNumber", NO_ID_NUMBERS)
                .text("summary", ClueTransferRequest.SUMMARY)
                .list("attachments", ContractLimits.ATTACHMENTS)
                .text("attachments[].name", ContractLimits.DOCUMENT_NAME).noRepeats("attachments", "name");
    }
}
