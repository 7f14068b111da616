package org.clueexchange.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.clueexchange.infrastructure.JsonHttp;

/**
 * A small day of Zhaotong's (昭通市, 530600) work, driven only through the adapters' public APIs: the police case
 * system transfers three clues found in gang cases; the discipline commission's clue system pulls its inbox, signs
 * for all three and accepts two.
 */
public final class SampleScenario {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private record Clue(String recordId, String caseNumber, String caseType, String allegation, boolean urgent,
                        String name, String unit, String rank, String role, String summary, boolean accept) {
    }

    private static final List<Clue> CLUES = List.of(
            new Clue("ZTGA-XS-2020-001", "ZT-2020-017", "MAFIA_TYPE_ORGANISATION", "PROTECTIVE_UMBRELLA", true,
                    "王某", "某县公安局 副局长", "COUNTY_DIVISION", "保护伞",
                    "王某多次为涉黑组织通风报信，帮助其逃避打击", true),
            new Clue("ZTGA-XS-2020-002", "ZT-2020-023", "EVIL_FORCE_CRIMINAL_GROUP", "DERELICTION_OF_DUTY", false,
                    "李某", "某镇派出所 所长", "TOWNSHIP_SECTION", "失职",
                    "李某对辖区恶势力犯罪集团长期不管不问", true),
            new Clue("ZTGA-XS-2020-003", "ZT-2020-031", "VILLAGE_TYRANT", "BRIBERY", false,
                    "赵某", "某村村民委员会 主任", "VILLAGE_CADRE", "受贿",
                    "赵某收受村霸钱款，为其承揽工程提供便利", false));

    private final ExchangeDeployment deployment;

    public SampleScenario(ExchangeDeployment deployment) {
        this.deployment = deployment;
    }

    /** Runs the day and waits until the ledger shows it; returns the clue ids. */
    public List<String> run() throws InterruptedException {
        String jurisdiction = deployment.jurisdiction();
        JsonHttp police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        JsonHttp discipline = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        List<String> clueIds = new ArrayList<>();
        for (Clue clue : CLUES) {
            JsonNode accepted = police.post("/api/v1/clue-transfers", Map.ofEntries(
                    Map.entry("recordId", clue.recordId()),
                    Map.entry("jurisdiction", jurisdiction),
                    Map.entry("officerId", "ZTGA-0042"),
                    Map.entry("receiverJurisdiction", jurisdiction),
                    Map.entry("caseNumber", clue.caseNumber()),
                    Map.entry("caseType", clue.caseType()),
                    Map.entry("allegation", clue.allegation()),
                    Map.entry("urgent", clue.urgent()),
                    Map.entry("officials", List.of(Map.of("name", clue.name(), "unit", clue.unit(),
                            "rank", clue.rank(), "role", clue.role()))),
                    Map.entry("summary", clue.summary()))).successfully();
            clueIds.add(accepted.path("clueId").asText());
        }
        for (int i = 0; i < CLUES.size(); i++) {
            String clueId = clueIds.get(i);
            awaitInInbox(discipline, clueId);
            discipline.post("/api/v1/inbox/" + clueId + "/receipt", Map.of("recordId", "ZTJW-QS-" + (i + 1),
                    "officerId", "ZTJW-007")).successfully();
            if (CLUES.get(i).accept()) {
                discipline.post("/api/v1/inbox/" + clueId + "/acceptance", Map.of("recordId", "ZTJW-SL-" + (i + 1),
                        "officerId", "ZTJW-007", "caseNumber", "ZTJW-2020-1" + String.format("%02d", i + 1)))
                        .successfully();
            }
        }
        JsonHttp core = new JsonHttp(deployment.core(), null);
        for (int i = 0; i < CLUES.size(); i++) {
            awaitState(core, clueIds.get(i), CLUES.get(i).accept() ? "ACCEPTED" : "RECEIVED");
        }
        return clueIds;
    }

    private static void awaitInInbox(JsonHttp discipline, String clueId) throws InterruptedException {
        await(() -> discipline.get("/api/v1/inbox/" + clueId).status() == 200, clueId + " in the inbox");
    }

    private static void awaitState(JsonHttp core, String clueId, String state) throws InterruptedException {
        await(() -> {
            JsonHttp.Response entry = core.get("/api/ledger/clues/" + clueId);
            return entry.status() == 200 && entry.body().path("state").asText().equals(state);
        }, clueId + " " + state + " on the ledger");
    }

    private static void await(BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
