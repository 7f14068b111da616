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
 * The walking skeleton end to end, each application a process of its own jar, on a real broker and PostgreSQL:
 * a clue transferred at the police adapter reaches the discipline inbox, is signed for and accepted there, and the
 * core's ledger shows both sides; a restarted core shows the same ledger.
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
    void aClueTransferredByThePoliceIsAcceptedByDisciplineAndTheLedgerShowsBothSidesAcrossARestart()
            throws Exception {
        List<String> clueIds = new SampleScenario(deployment).run();

        JsonHttp discipline = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
        JsonNode inboxItem = discipline.get("/api/v1/inbox/" + clueIds.get(0)).successfully();
        assertThat(inboxItem.path("from").asText()).isEqualTo("POLICE@530600");
        assertThat(inboxItem.path("history")).extracting(fact -> fact.path("fact").asText())
                .containsExactly("ClueTransferred", "ClueReceived", "ClueAccepted");

        JsonHttp police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        assertThat(police.get("/api/v1/clue-transfers/" + clueIds.get(0)).successfully().path("history"))
                .extracting(fact -> fact.path("side").asText() + " " + fact.path("fact").asText())
                .containsExactly("OURS ClueTransferred", "THEIRS ClueReceived", "THEIRS ClueAccepted");

        JsonHttp core = new JsonHttp(deployment.core(), null);
        Map<String, JsonNode> ledger = ledger(core, clueIds);
        JsonNode accepted = ledger.get(clueIds.get(0));
        assertThat(accepted.path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("sender").path("type").asText()).isEqualTo("POLICE");
        assertThat(accepted.path("receiver").path("type").asText()).isEqualTo("DISCIPLINE");
        assertThat(accepted.path("senderRecord").path("summary").asText()).startsWith("王某多次为涉黑组织通风报信");
        assertThat(accepted.path("senderRecord").path("contentDigest"))
                .isEqualTo(accepted.path("receiverRecord").path("contentDigest"));
        assertThat(accepted.path("receiverRecord").path("receiverCaseNumber").asText()).isEqualTo("ZTJW-2020-101");
        assertThat(ledger.get(clueIds.get(2)).path("state").asText()).isEqualTo("RECEIVED");
        assertThat(ledger.values()).allSatisfy(entry -> assertThat(entry.path("anomalies")).isEmpty());

        deployment.restartCore();

        assertThat(ledger(core, clueIds)).isEqualTo(ledger);
    }

    private static Map<String, JsonNode> ledger(JsonHttp core, List<String> clueIds) {
        Map<String, JsonNode> ledger = new LinkedHashMap<>();
        clueIds.forEach(clueId -> ledger.put(clueId, core.get("/api/ledger/clues/" + clueId).successfully()));
        return ledger;
    }
}
