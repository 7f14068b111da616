package org.clueexchange.police;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.infrastructure.SharedRequestShapes;
import org.clueexchange.wire.ContractLimits;
import org.springframework.web.util.UriUtils;

/** The police adapter's requests that take a body: each with a valid body and what each of its fields may hold. */
final class PoliceRequestShapes {

    private PoliceRequestShapes() {
    }

    /** An ID number with the wrong check digit, one too short, one with a space: none is anybody's. */
    static final String[] NO_ID_NUMBERS = {"530602198001011235", "53060219800101123", "530602198001011 234"};

    /**
     * @param received a clue a discipline commission transferred to the police of 530600
     * @param sent     a clue the police transferred
     * @param gangCase a gang case the police of 530600 registered
     */
    static List<RequestShape> all(String received, String sent, String gangCase) {
        List<RequestShape> shapes = new ArrayList<>(List.of(transfer(),
                registration("昭公（刑）立字〔2020〕" + UUID.randomUUID().toString().substring(0, 8) + "号"),
                solution(gangCase), officialInvolved(gangCase)));
        shapes.addAll(SharedRequestShapes.all(received, sent));
        shapes.add(SharedRequestShapes.receivedOutside("DISCIPLINE-530600-PAPER-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        String inbox = "/api/v1/inbox/" + received;
        shapes.add(SharedRequestShapes.act(inbox + "/decision", Map.of("decision", "CRIMINAL_INVESTIGATION",
                "explanation", "涉嫌包庇、纵容黑社会性质组织罪")).code("decision").text("explanation", ContractLimits.NOTE));
        shapes.add(conclusion(received));
        return shapes;
    }

    static RequestShape transfer() {
        return RequestShape.post("/api/v1/clue-transfers", transferRequest())
                .text("officerId", ContractLimits.OFFICER_ID).time("occurredAt")
                .text("caseNumber", ContractLimits.CASE_NUMBER).code("caseType").code("allegation").code("source")
                .list("officials", ContractLimits.SUBJECTS)
                .text("officials[].name", ContractLimits.PERSON_NAME)
                .text("officials[].unit", ContractLimits.WORK_UNIT)
                .text("officials[].role", ContractLimits.ROLE).code("officials[].rank")
                .refuses("officials[].idNumber", NO_ID_NUMBERS)
                .list("suspects", ContractLimits.SUSPECTS).text("suspects[]", ContractLimits.PERSON_NAME)
                .text("summary", ContractLimits.CLUE_SUMMARY)
                .list("attachments", ContractLimits.ATTACHMENTS)
                .text("attachments[].name", ContractLimits.DOCUMENT_NAME).noRepeats("attachments", "name");
    }

    /** 办结 of the received clue, which its feedback needs. */
    static RequestShape conclusion(String received) {
        return SharedRequestShapes.act("/api/v1/inbox/" + received + "/conclusion", Map.of("summary", "已移送审查起诉",
                        "results", List.of(Map.of("result", "SENT_FOR_PROSECUTION", "persons", 2))))
                .text("summary", ContractLimits.NOTE).list("results", ContractLimits.OUTCOMES)
                .noRepeats("results", "result").code("results[].result");
    }

    static Map<String, Object> transferRequest() {
        Map<String, Object> request = ClueTransferApiIT.transferRequest();
        request.put("source", "OWN_DISCOVERY");
        request.put("officials", List.of(Map.of("name", "王某", "unit", "某县公安局 副局长", "rank", "COUNTY_DIVISION",
                "role", "保护伞", "idNumber", GangCaseApiIT.ID_NUMBER)));
        return request;
    }

    /** 涉黑涉恶案件立案 by the police of 530600, of a case of 530602. */
    static RequestShape registration(String caseNumber) {
        return SharedRequestShapes.act("/api/v1/gang-cases", Map.of("jurisdiction", "530600",
                        "caseJurisdiction", "530602", "caseNumber", caseNumber, "caseType", "EVIL_FORCE_CRIMINAL_GROUP",
                        "caseName", "张某某等人恶势力犯罪集团案"))
                .text("caseNumber", ContractLimits.CASE_NUMBER).code("caseType")
                .text("caseName", ContractLimits.CASE_NAME)
                .refuses("jurisdiction", "53060", "5306000").refuses("caseJurisdiction", "530100")
                .refuses("caseNumber", "POLICE-530600-XS001", "STATEMENT-530600-2020-Q2", "刑事 2020 123",
                        "刑事/2020", "-2020-123");
    }

    /** 破案 of the case. */
    static RequestShape solution(String gangCase) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recordId", "VALID-1");
        body.put("officerId", "GA-0042");
        body.put("solvedAt", "2020-09-10T10:30:00+08:00");
        return RequestShape.post(path(gangCase) + "/solution", body).text("officerId", ContractLimits.OFFICER_ID)
                .time("solvedAt");
    }

    /** 涉案公职人员 of the case, by ID number. */
    static RequestShape officialInvolved(String gangCase) {
        return SharedRequestShapes.act(path(gangCase) + "/officials", Map.of("idNumber", GangCaseApiIT.ID_NUMBER,
                        "name", "王某", "unit", "某区公安分局 副局长", "rank", "COUNTY_DIVISION", "role",
                        "SUSPECTED_UMBRELLA"))
                .refuses("idNumber", NO_ID_NUMBERS).text("name", ContractLimits.PERSON_NAME)
                .text("unit", ContractLimits.WORK_UNIT).code("rank").code("role");
    }

    /** The path of the case, its number percent-encoded. */
    static String path(String gangCase) {
        return "/api/v1/gang-cases/" + UriUtils.encodePathSegment(gangCase, StandardCharsets.UTF_8);
    }
}
