package org.clueexchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clueexchange.core.casefile.CaseFactSamples;
import org.clueexchange.core.deadletter.LedgerRefusal;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.Database;
import org.clueexchange.infrastructure.DescribedApi;
import org.clueexchange.infrastructure.DescribedApi.Call;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The core's API description, read back over HTTP, says what the core answers: for every operation the status of
 * its success and, as problems, every refusal it makes (see {@link DescribedApi}), each operation called as a user
 * entitled to it, and probed as everybody else.
 */
class CoreApiDescriptionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String OFFICER = CoreCredentials.officer("530000");
    private static final String STATEMENT = "/api/reconciliation/monthly/STATEMENT-530600-2020-06";

    static RunningCore core;
    static DescribedApi description;
    static String transferred;
    static String held;
    static String gangCase;

    @BeforeAll
    static void start() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        Database database = infrastructure.postgres().createDatabase("core_api_description");
        core = RunningCore.start(database, bootstrap, "core-api-description");
        String run = UUID.randomUUID().toString().substring(0, 8);
        transferred = "POLICE-530600-D" + run + "-1";
        held = "POLICE-530600-D" + run + "-2";
        gangCase = "ZT-2020-D" + run;
        database.execute(LedgerRefusal.trigger("refuse_held", held, "true", "a lasting failure"));
        try (AgencyTopics topics = new AgencyTopics(bootstrap)) {
            topics.publish(ClueEventSamples.transfer(transferred, AT));
            topics.publish(ClueEventSamples.transfer(held, AT));
            topics.publish(CaseFactSamples.registration(gangCase, AT));
        }
        await().atMost(PATIENCE).until(() -> core.entry(transferred).isPresent()
                && core.get("/api/gang-cases/" + gangCase).status() == 200 && core.as(CoreCredentials.OPERATOR)
                .get("/api/operations/dead-letters").successfully().findValuesAsText("clueId").contains(held));
        description = DescribedApi.of(core.uri(), core.tokens());
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @Test
    void everyOperationTheCoreServesIsDescribedAndCalledHere() {
        assertThat(description.coverage(core.apiOperations(), calls())).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationIsDescribedWithTheStatusItAnswersAndTheProblemsItRefusesWith() {
        return calls().stream().map(call -> DynamicTest.dynamicTest(description.operationOf(call), () ->
                assertThat(description.mismatches(call)).isEmpty()));
    }

    /** A request to every operation, as the user entitled to it, in an order in which each is taken. */
    private static List<Call> calls() {
        String officer = core.token(OFFICER);
        return List.of(
                Call.get("/api/ledger/clues/" + transferred, officer),
                Call.get("/api/ledger/clues?jurisdiction=530600&direction=POLICE_TO_DISCIPLINE&state=TRANSFERRED"
                        + "&anomalous=false&breached=false&limit=10&offset=0", officer),
                Call.get("/api/gang-cases/" + gangCase, officer),
                Call.get("/api/audit/clues/" + transferred, officer),
                Call.post("/api/reconciliation/monthly", Map.of("jurisdiction", "530600", "period", "2020-06"),
                        officer),
                Call.get(STATEMENT + "?format=csv", officer),
                Call.post(STATEMENT + "/break-resolutions", Map.of("clueId", transferred, "category",
                        "SENT_NOT_RECEIVED", "note", "纸质材料已寄出"), officer),
                Call.get("/api/operations/dead-letters?limit=10", core.token(CoreCredentials.OPERATOR)),
                Call.post("/api/operations/dead-letters/transfer-ledger/" + held + "/retry", null,
                        core.token(CoreCredentials.OPERATOR)),
                Call.get("/api/audit/personal-data-access?limit=10", core.token(CoreCredentials.AUDITOR)));
    }
}
