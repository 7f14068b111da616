package org.clueexchange.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.clueexchange.infrastructure.JsonHttp;

/**
 * A few days of Zhaotong's (昭通市) work, driven only through the adapters' public APIs, in both directions:
 * the police case system transfers three clues found in gang cases (one handled to the end, one still being
 * verified, one returned for want of material); the discipline commission transfers one gang-crime clue found on an
 * inspection tour, which the police handle to the end. The sender acknowledges each feedback, closing its loop.
 */
public final class SampleScenario {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    /** The clue ids, and the state each must reach on the ledger. */
    public record Outcome(List<String> clueIds, Map<String, String> expectedStates) {
    }

    private final ExchangeDeployment deployment;
    private final JsonHttp police;
    private final JsonHttp discipline;
    private final JsonHttp core;

    public SampleScenario(ExchangeDeployment deployment) {
        this.deployment = deployment;
        this.police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        this.discipline = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        this.core = deployment.coreAsOfficer();
    }

    /** Runs the days and waits until the ledger shows them. */
    public Outcome run() throws InterruptedException {
        String here = deployment.jurisdiction();
        Map<String, String> expected = new HashMap<>();
        List<String> clueIds = new ArrayList<>();

        String closed = policeTransfer("ZTGA-XS-2020-001", "ZT-2020-017", "MAFIA_TYPE_ORGANISATION",
                "PROTECTIVE_UMBRELLA", true, "王某", "某县公安局 副局长", "COUNTY_DIVISION", "保护伞",
                "王某多次为涉黑组织通风报信，帮助其逃避打击");
        String verifying = policeTransfer("ZTGA-XS-2020-002", "ZT-2020-023", "EVIL_FORCE_CRIMINAL_GROUP",
                "DERELICTION_OF_DUTY", false, "李某", "某镇派出所 所长", "TOWNSHIP_SECTION", "失职",
                "李某对辖区恶势力犯罪集团长期不管不问");
        String returned = policeTransfer("ZTGA-XS-2020-003", "ZT-2020-031", "VILLAGE_TYRANT", "BRIBERY", false,
                "赵某", "某村村民委员会 主任", "VILLAGE_CADRE", "受贿", "赵某收受村霸钱款，为其承揽工程提供便利");
        for (String clueId : List.of(closed, verifying, returned)) {
            await(() -> discipline.get("/api/v1/inbox/" + clueId).status() == 200, clueId + " in the inbox");
            act(discipline, "/api/v1/inbox/" + clueId + "/receipt", Map.of());
        }
        act(discipline, "/api/v1/inbox/" + closed + "/acceptance", Map.of("caseNumber", "ZTJW-2020-101"));
        act(discipline, "/api/v1/inbox/" + closed + "/disposal", Map.of("method", "PRELIMINARY_VERIFICATION"));
        act(discipline, "/api/v1/inbox/" + closed + "/conclusion", Map.of("summary", "查实，立案审查，给予党纪处分",
                "outcomes", List.of(Map.of("outcome", "PUT_ON_FILE", "persons", 1),
                        Map.of("outcome", "PARTY_DISCIPLINE", "persons", 1))));
        act(discipline, "/api/v1/inbox/" + closed + "/feedback", Map.of("summary", "王某已立案审查并给予党纪处分"));
        act(discipline, "/api/v1/inbox/" + verifying + "/acceptance", Map.of("caseNumber", "ZTJW-2020-102"));
        act(discipline, "/api/v1/inbox/" + verifying + "/disposal", Map.of("method", "TALK_OR_LETTER_INQUIRY"));
        act(discipline, "/api/v1/inbox/" + returned + "/return", Map.of("reason", "MATERIAL_INCOMPLETE",
                "explanation", "缺少赵某收受钱款的询问笔录原件，请补充后重新移送"));
        acknowledge(police, closed);

        String toPolice = discipline.post("/api/v1/clue-transfers", Map.of(
                "recordId", "ZTJW-YS-2020-001", "jurisdiction", here, "officerId", "ZTJW-007",
                "receiverJurisdiction", here, "source", "INSPECTION_TOUR", "inquiryNumber", "ZTJW-SC-2020-3",
                "persons", List.of("刘某", "陈某"),
                "officials", List.of(Map.of("name", "孙某", "unit", "某村 村委会主任", "rank", "VILLAGE_CADRE",
                        "role", "涉嫌包庇")),
                "summary", "巡察发现刘某团伙长期强揽工程、暴力讨债")).successfully().path("clueId").asText();
        await(() -> police.get("/api/v1/inbox/" + toPolice).status() == 200, toPolice + " in the police inbox");
        act(police, "/api/v1/inbox/" + toPolice + "/receipt", Map.of());
        act(police, "/api/v1/inbox/" + toPolice + "/acceptance", Map.of("caseNumber", "ZTGA-LA-2020-9"));
        act(police, "/api/v1/inbox/" + toPolice + "/decision", Map.of("decision", "CRIMINAL_INVESTIGATION"));
        act(police, "/api/v1/inbox/" + toPolice + "/conclusion", Map.of("summary", "侦查终结，移送审查起诉二人",
                "results", List.of(Map.of("result", "SENT_FOR_PROSECUTION", "persons", 2))));
        act(police, "/api/v1/inbox/" + toPolice + "/feedback", Map.of("summary", "刘某、陈某已移送审查起诉"));
        acknowledge(discipline, toPolice);

        clueIds.addAll(List.of(closed, verifying, returned, toPolice));
        expected.putAll(Map.of(closed, "CLOSED", verifying, "IN_PROGRESS", returned, "RETURNED",
                toPolice, "CLOSED"));
        for (String clueId : clueIds) {
            await(() -> {
                JsonHttp.Response entry = core.get("/api/ledger/clues/" + clueId);
                return entry.status() == 200 && entry.body().path("state").asText().equals(expected.get(clueId));
            }, clueId + " " + expected.get(clueId) + " on the ledger");
        }
        return new Outcome(clueIds, expected);
    }

    private String policeTransfer(String recordId, String caseNumber, String caseType, String allegation,
                                  boolean urgent, String name, String unit, String rank, String role,
                                  String summary) {
        return police.post("/api/v1/clue-transfers", Map.ofEntries(
                Map.entry("recordId", recordId),
                Map.entry("jurisdiction", deployment.jurisdiction()),
                Map.entry("officerId", "ZTGA-0042"),
                Map.entry("receiverJurisdiction", deployment.jurisdiction()),
                Map.entry("caseNumber", caseNumber),
                Map.entry("caseType", caseType),
                Map.entry("allegation", allegation),
                Map.entry("urgent", urgent),
                Map.entry("officials", List.of(Map.of("name", name, "unit", unit, "rank", rank, "role", role))),
                Map.entry("summary", summary))).successfully().path("clueId").asText();
    }

    /** The sender acknowledges the feedback on its clue once it has arrived. */
    private void acknowledge(JsonHttp sender, String clueId) throws InterruptedException {
        await(() -> sender.get("/api/v1/clue-transfers/" + clueId).successfully().path("history")
                .findValuesAsText("fact").contains("FeedbackSent"), "feedback on " + clueId);
        act(sender, "/api/v1/clue-transfers/" + clueId + "/feedback-acknowledgement", Map.of());
    }

    /** One step of an agency system: its record id names the step, so that a rerun repeats nothing. */
    private static void act(JsonHttp system, String path, Map<String, Object> details) {
        Map<String, Object> request = new HashMap<>(details);
        request.put("recordId", "R" + Integer.toHexString(path.hashCode()));
        request.put("officerId", "ZT-0007");
        system.post(path, request).successfully();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
