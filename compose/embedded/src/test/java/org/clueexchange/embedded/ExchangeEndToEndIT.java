package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.infrastructure.AgencyKeyring;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

/**
 * The exchange end to end, each application a process of its own jar, on a real broker and PostgreSQL: clues go
 * both ways through both adapters, from transfer to the sender's acknowledgement of the feedback, and the core's
 * ledger shows both sides; a restarted core shows the same ledger. A statement confirmed through an adapter comes
 * back through it with the core's outcome: refused with the core's reason for a wrong digest, confirmed for the
 * right one. Record ids and case numbers may be Chinese, as real case numbers are, and the clue ids they make work at
 * every step.
 */
class ExchangeEndToEndIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    static ExchangeDeployment deployment;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createTempDirectory("clue-exchange-e2e-logs");
        deployment = ExchangeDeployment.start(ExchangeInfrastructure.shared(), EmbeddedExchange.besideThisJar(),
                new ExchangeDeployment.Ports(0, 0, 0), logs, "530600", "e2e_", Map.of(), AgencyKeyring.forTests());
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void cluesGoBothWaysThroughTheWholeLifecycleAndTheLedgerShowsBothSidesAcrossARestart() throws Exception {
        SampleScenario.Outcome sample = new SampleScenario(deployment).run();
        List<String> clueIds = sample.clueIds();
        JsonHttp core = deployment.coreAsOfficer();
        Map<String, JsonNode> ledger = ledger(core, clueIds);

        JsonNode toDiscipline = ledger.get(clueIds.get(0));
        assertThat(toDiscipline.path("direction").asText()).isEqualTo("POLICE_TO_DISCIPLINE");
        assertThat(toDiscipline.path("state").asText()).isEqualTo("CLOSED");
        assertThat(facts(toDiscipline, "sender")).containsExactly("TRANSFERRED", "FEEDBACK_ACKNOWLEDGED");
        assertThat(facts(toDiscipline, "receiver")).containsExactly("RECEIVED", "ACCEPTED", "DISPOSED",
                "CONCLUDED", "FEEDBACK_SENT");
        assertThat(toDiscipline.path("senderRecord").path("contentDigest"))
                .isEqualTo(toDiscipline.path("receiverRecord").path("contentDigest"));
        assertThat(toDiscipline.path("receiverRecord").path("outcomes")).extracting(outcome ->
                outcome.path("outcome").asText()).containsExactly("PARTY_DISCIPLINE", "PUT_ON_FILE");
        assertThat(toDiscipline.path("clocks")).extracting(clock -> clock.path("status").asText())
                .containsOnly("MET");

        JsonNode toPolice = ledger.get(clueIds.get(3));
        assertThat(toPolice.path("direction").asText()).isEqualTo("DISCIPLINE_TO_POLICE");
        assertThat(toPolice.path("state").asText()).isEqualTo("CLOSED");
        assertThat(facts(toPolice, "sender")).containsExactly("TRANSFERRED", "FEEDBACK_ACKNOWLEDGED");
        assertThat(facts(toPolice, "receiver")).containsExactly("RECEIVED", "ACCEPTED", "DISPOSED", "CONCLUDED",
                "FEEDBACK_SENT");
        assertThat(toPolice.path("receiverRecord").path("disposalMethod").asText())
                .isEqualTo("CRIMINAL_INVESTIGATION");
        assertThat(toPolice.path("receiverRecord").path("feedbackOutcomes").get(0).path("outcome").asText())
                .isEqualTo("SENT_FOR_PROSECUTION");

        assertThat(ledger.get(clueIds.get(1)).path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(ledger.get(clueIds.get(2)).path("receiverRecord").path("returnReason").asText())
                .isEqualTo("MATERIAL_INCOMPLETE");
        assertThat(ledger.values()).allSatisfy(entry -> assertThat(entry.path("anomalies")).isEmpty());

        deployment.restartCore();

        assertThat(ledger(core, clueIds)).isEqualTo(ledger);
    }

    @Test
    void aConfirmationTheCoreRefusesComesBackRefusedWithTheReasonThroughTheAdapterAndTheRightOneConfirmed() {
        String statementId = "STATEMENT-530600-2019-01";
        JsonNode issued = deployment.coreAsOfficer().post("/api/reconciliation/monthly", Map.of("jurisdiction",
                "530600", "period", "2019-01")).successfully();
        String digest = issued.path("digest").asText();
        String root = issued.path("periodRoot").path("root").asText();
        JsonHttp police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        JsonHttp discipline = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        String wrong = "0".repeat(64);

        JsonNode pending = confirm(police, statementId, "DZ-2019-01-1", wrong, root);
        assertThat(pending.path("outcome").asText()).isEqualTo("PENDING");
        JsonNode refused = outcome(police, statementId);
        assertThat(refused.path("eventId")).isEqualTo(pending.path("eventId"));
        assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
        String reason = "digest " + wrong + " is not that of revision 1 (" + digest + ")";
        assertThat(refused.path("reason").asText()).isEqualTo(reason);
        assertThat(refused.path("statementDigest").asText()).isEqualTo(digest);
        assertThat(answers(police, statementId)).singleElement().satisfies(answer -> {
            assertThat(answer.path("outcome").asText()).isEqualTo("REFUSED");
            assertThat(answer.path("reason").asText()).isEqualTo(reason);
            assertThat(answer.path("confirmationEventId")).isEqualTo(pending.path("eventId"));
        });

        JsonNode confirmed = confirm(police, statementId, "DZ-2019-01-2", digest, root);
        assertThat(outcome(police, statementId).path("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(answers(police, statementId)).extracting(answer -> answer.path("outcome").asText() + " "
                + answer.path("confirmationEventId").asText()).containsExactly(
                "REFUSED " + pending.path("eventId").asText(), "CONFIRMED " + confirmed.path("eventId").asText());

        confirm(discipline, statementId, "JW-2019-01", digest, root);
        assertThat(outcome(discipline, statementId).path("outcome").asText()).isEqualTo("CONFIRMED");
        assertThat(answers(discipline, statementId)).as("the commission is shown only its own confirmation's")
                .singleElement().satisfies(answer -> assertThat(answer.path("confirmingAgency").path("type")
                        .asText()).isEqualTo("DISCIPLINE"));
        assertThat(deployment.coreAsOfficer().get("/api/reconciliation/monthly/" + statementId).successfully()
                .path("status").asText()).isEqualTo("CONFIRMED");
    }

    private static JsonNode confirm(JsonHttp agency, String statementId, String recordId, String digest,
                                    String root) {
        return agency.post("/api/v1/statements/" + statementId + "/confirmation", Map.of("recordId", recordId,
                "officerId", "ZT-DZ-01", "digest", digest, "root", root)).successfully();
    }

    /** The agency's latest confirmation of the statement, once the core's answer has reached its adapter. */
    private static JsonNode outcome(JsonHttp agency, String statementId) {
        return await().atMost(PATIENCE).until(() -> agency.get("/api/v1/statements/" + statementId
                + "/confirmation").successfully(), view -> !view.path("outcome").asText().equals("PENDING"));
    }

    /** The core's answers about the statement in the agency's whole feed, oldest first. */
    private static List<JsonNode> answers(JsonHttp agency, String statementId) {
        List<JsonNode> answers = new ArrayList<>();
        long after = 0;
        JsonNode page;
        do {
            page = agency.get("/api/v1/feed?limit=1000&after=" + after).successfully();
            page.path("items").forEach(item -> {
                if (item.path("clueId").asText().equals(statementId)
                        && item.path("fact").path("type").asText().equals("StatementConfirmationRecorded")) {
                    answers.add(item.path("fact"));
                }
            });
            after = page.path("next").asLong();
        } while (!page.path("items").isEmpty());
        return answers;
    }

    @Test
    void aClueWhoseRecordIdAndCaseNumbersAreChineseGoesFromThePoliceToTheCommissionAndOntoTheLedger() {
        JsonHttp police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        JsonHttp discipline = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        String recordId = "刑事-2020-123-" + UUID.randomUUID().toString().substring(0, 4);
        Map<String, Object> transfer = new LinkedHashMap<>(Map.of("recordId", recordId, "jurisdiction", "530600",
                "officerId", "昭公刑侦-0042", "receiverJurisdiction", "530600",
                "caseNumber", "昭公（刑）立字〔2020〕123号", "caseType", "MAFIA_TYPE_ORGANISATION",
                "allegation", "PROTECTIVE_UMBRELLA", "urgent", false, "summary", "王某多次为涉黑组织通风报信"));
        transfer.put("officials", List.of(Map.of("name", "王某", "unit", "某县公安局 副局长",
                "rank", "COUNTY_DIVISION")));

        JsonHttp.Response accepted = police.post("/api/v1/clue-transfers", transfer);

        assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(202);
        String clueId = accepted.body().path("clueId").asText();
        assertThat(clueId).isEqualTo("POLICE-530600-" + recordId);
        String segment = UriUtils.encodePathSegment(clueId, StandardCharsets.UTF_8);
        await().atMost(PATIENCE).until(() -> discipline.get("/api/v1/inbox/" + segment).status() == 200);
        assertThat(discipline.get("/api/v1/inbox/" + segment).successfully().path("clueId").asText())
                .isEqualTo(clueId);
        JsonHttp.Response received = discipline.post("/api/v1/inbox/" + segment + "/receipt",
                Map.of("recordId", "签收-1", "officerId", "昭纪-007"));
        JsonHttp.Response acceptedThere = discipline.post("/api/v1/inbox/" + segment + "/acceptance",
                Map.of("recordId", "受理-1", "officerId", "昭纪-007", "caseNumber", "昭纪（审）字〔2020〕45号"));
        assertThat(List.of(received.status(), acceptedThere.status())).as(acceptedThere.raw().body())
                .containsOnly(202);
        JsonHttp core = deployment.coreAsOfficer();
        JsonNode entry = await().atMost(PATIENCE).until(() -> core.get("/api/ledger/clues/" + segment).body(),
                found -> found != null && found.path("receiverRecord").has("acceptedAt"));
        assertThat(entry.path("clueId").asText()).isEqualTo(clueId);
        assertThat(entry.path("senderRecord").path("linkedGangCase").path("caseNumber").asText())
                .isEqualTo("昭公（刑）立字〔2020〕123号");
        assertThat(entry.path("receiverRecord").path("receiverCaseNumber").asText())
                .isEqualTo("昭纪（审）字〔2020〕45号");
        assertThat(facts(entry, "sender")).containsExactly("TRANSFERRED");
        assertThat(facts(entry, "receiver")).containsExactly("RECEIVED", "ACCEPTED");
    }

    private static List<String> facts(JsonNode entry, String side) {
        return entry.path("timelines").path(side).findValuesAsText("fact");
    }

    private static Map<String, JsonNode> ledger(JsonHttp core, List<String> clueIds) {
        Map<String, JsonNode> ledger = new LinkedHashMap<>();
        clueIds.forEach(clueId -> ledger.put(clueId, core.get("/api/ledger/clues/" + clueId).successfully()));
        return ledger;
    }
}
