package org.clueexchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exchange end to end, each application a process of its own jar, on a real broker and PostgreSQL: clues go
 * both ways through both adapters, from transfer to the sender's acknowledgement of the feedback, and the core's
 * ledger shows both sides; a restarted core shows the same ledger.
 */
class ExchangeEndToEndIT {

    static ExchangeDeployment deployment;

    @BeforeAll
    static void start() throws Exception {
        Path logs = Files.createTempDirectory("clue-exchange-e2e-logs");
        deployment = ExchangeDeployment.start(ExchangeInfrastructure.shared(), EmbeddedExchange.besideThisJar(),
                new ExchangeDeployment.Ports(0, 0, 0), logs, "530600", "e2e_");
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

    private static List<String> facts(JsonNode entry, String side) {
        return entry.path("timelines").path(side).findValuesAsText("fact");
    }

    private static Map<String, JsonNode> ledger(JsonHttp core, List<String> clueIds) {
        Map<String, JsonNode> ledger = new LinkedHashMap<>();
        clueIds.forEach(clueId -> ledger.put(clueId, core.get("/api/ledger/clues/" + clueId).successfully()));
        return ledger;
    }
}
