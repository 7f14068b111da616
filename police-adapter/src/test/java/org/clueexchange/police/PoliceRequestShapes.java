package org.clueexchange.police;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.infrastructure.SharedRequestShapes;
import org.clueexchange.wire.ContractLimits;

/** The police adapter's requests that take a body: each with a valid body and what each of its fields may hold. */
final class PoliceRequestShapes {

    private PoliceRequestShapes() {
    }

    /**
     * @param received a clue a discipline commission transferred to the police of 530600
     * @param sent     a clue the police transferred
     */
    static List<RequestShape> all(String received, String sent) {
        List<RequestShape> shapes = new ArrayList<>(List.of(transfer()));
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
        return request;
    }
}
