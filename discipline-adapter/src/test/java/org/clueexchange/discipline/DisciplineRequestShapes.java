package org.clueexchange.discipline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.discipline.transfer.ClueTransferRequest;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.infrastructure.SharedRequestShapes;
import org.clueexchange.wire.ContractLimits;

/** The discipline adapter's requests that take a body: each with a valid body and what each of its fields may hold. */
final class DisciplineRequestShapes {

    private DisciplineRequestShapes() {
    }

    /**
     * @param received a clue the police transferred to the commission of 530600
     * @param sent     a clue the commission transferred
     */
    static List<RequestShape> all(String received, String sent) {
        List<RequestShape> shapes = new ArrayList<>(List.of(transfer()));
        shapes.addAll(SharedRequestShapes.all(received, sent));
        shapes.add(SharedRequestShapes.receivedOutside("POLICE-530600-PAPER-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        shapes.add(SharedRequestShapes.act("/api/v1/inbox/" + received + "/disposal", Map.of("method",
                        "PRELIMINARY_VERIFICATION", "explanation", "反映问题具体，予以初步核实"))
                .code("method").text("explanation", ContractLimits.NOTE));
        shapes.add(conclusion(received));
        return shapes;
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
                "role", "涉嫌包庇")));
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
                .text("summary", ClueTransferRequest.SUMMARY)
                .list("attachments", ContractLimits.ATTACHMENTS)
                .text("attachments[].name", ContractLimits.DOCUMENT_NAME).noRepeats("attachments", "name");
    }
}
