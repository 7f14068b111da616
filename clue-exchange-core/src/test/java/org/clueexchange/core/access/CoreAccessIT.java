package org.clueexchange.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nobody reaches the core's data without a token, an officer reaches only the jurisdiction, an operator sees no
 * personal data, the acting officer is the one authenticated, and every read of personal data is logged.
 */
class CoreAccessIT {

    private static final String PREFECTURE = CoreCredentials.officer("530000");
    private static final String COUNTY = CoreCredentials.officer("530602");
    private static final String OTHER_PROVINCE = CoreCredentials.officer("620000");

    static RunningCore core;
    static ClueTransferred transfer;

    @BeforeAll
    static void start() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        core = RunningCore.start(infrastructure.postgres().createDatabase("core_access"), bootstrap, "core-access");
        transfer = ClueEventSamples.transfer("POLICE-530600-" + UUID.randomUUID().toString().substring(0, 8), AT);
        try (AgencyTopics topics = new AgencyTopics(bootstrap)) {
            topics.publish(transfer);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> core.entry(clueId()).isPresent());
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @Test
    void withoutATokenOnlyTheHealthCheckAnswers() {
        JsonHttp anonymous = new JsonHttp(core.uri(), null);
        for (String path : List.of("/api/ledger/clues/" + clueId(), "/api/ledger/clues?jurisdiction=530600",
                "/api/reconciliation/monthly/STATEMENT-530600-2020-06", "/api/operations/dead-letters",
                "/api/audit/personal-data-access", "/actuator/metrics", "/actuator/prometheus")) {
            JsonHttp.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.body().path("errors").get(0).path("field").asText()).isEqualTo("Authorization");
            assertThat(response.body().path("type").asText())
                    .isEqualTo("https://clue-exchange.org/problems/unauthenticated");
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                    assertThat(value).startsWith("Bearer"));
        }
        assertThat(anonymous.post("/api/reconciliation/monthly", Map.of("jurisdiction", "530600", "period",
                "2020-06")).status()).isEqualTo(401);
        assertThat(new JsonHttp(core.uri(), "not-a-token").get("/api/ledger/clues/" + clueId()).status())
                .isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        JsonNode description = anonymous.get("/v3/api-docs").successfully();
        assertThat(description.path("paths").has("/api/ledger/clues/{clueId}")).isTrue();
        assertThat(description.path("paths").has("/api/operations/dead-letters")).isTrue();
        assertThat(description.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(description.path("paths").path("/api/ledger/clues/{clueId}").path("get").path("parameters"))
                .extracting(parameter -> parameter.path("name").asText()).containsExactly("clueId");
    }

    @Test
    void anOfficerReachesOnlyTheJurisdictionAndWhatLiesWithinIt() {
        assertThat(core.as(PREFECTURE).get("/api/ledger/clues/" + clueId()).status()).isEqualTo(200);
        assertThat(core.as(OTHER_PROVINCE).get("/api/ledger/clues/" + clueId()).status()).isEqualTo(404);
        assertThat(core.as(OTHER_PROVINCE).get("/api/ledger/clues").successfully())
                .extracting(entry -> entry.path("clueId").asText()).doesNotContain(clueId());
        JsonHttp.Response outside = core.as(OTHER_PROVINCE).get("/api/ledger/clues?jurisdiction=530600");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.body().path("errors").get(0).path("field").asText()).isEqualTo("jurisdiction");

        JsonHttp.Response countyIssuesAnother = core.as(COUNTY).post("/api/reconciliation/monthly",
                Map.of("jurisdiction", "530621", "period", "2020-06"));
        assertThat(countyIssuesAnother.status()).isEqualTo(403);
        assertThat(countyIssuesAnother.body().path("errors").get(0).path("field").asText())
                .isEqualTo("jurisdiction");
        String statementId = core.as(PREFECTURE).post("/api/reconciliation/monthly",
                Map.of("jurisdiction", "530621", "period", "2020-06")).successfully().path("statementId").asText();
        JsonHttp.Response countyReadsAnother = core.as(COUNTY).get("/api/reconciliation/monthly/" + statementId);
        assertThat(countyReadsAnother.status()).isEqualTo(403);
        assertThat(countyReadsAnother.body().path("errors").get(0).path("field").asText()).isEqualTo("statementId");
        assertThat(core.as(COUNTY).post("/api/reconciliation/monthly/" + statementId + "/break-resolutions",
                Map.of("clueId", clueId(), "category", "SENT_NOT_RECEIVED", "note", "x")).status()).isEqualTo(403);
        assertThat(core.as(CoreCredentials.AUDITOR).get("/api/reconciliation/monthly/" + statementId).status())
                .isEqualTo(200);
    }

    @Test
    void aBreakResolutionRecordsTheAuthenticatedOfficerWhateverTheBodySays() {
        String statementId = core.as(PREFECTURE).post("/api/reconciliation/monthly",
                Map.of("jurisdiction", "530600", "period", "2020-06")).successfully().path("statementId").asText();

        JsonNode resolved = core.as(PREFECTURE).post("/api/reconciliation/monthly/" + statementId
                + "/break-resolutions", Map.of("clueId", clueId(), "category", "SENT_NOT_RECEIVED",
                "note", "纸质材料已寄出", "officerId", "somebody-else")).successfully();

        assertThat(resolved.path("resolutions")).extracting(resolution -> resolution.path("resolvedBy").asText())
                .containsExactly(PREFECTURE);
    }

    @Test
    void anOperatorRunsTheExchangeButSeesNoPersonalDataAndAnAuditorChangesNothing() {
        JsonHttp operator = core.as(CoreCredentials.OPERATOR);
        assertThat(operator.get("/api/operations/dead-letters").status()).isEqualTo(200);
        assertThat(operator.get("/actuator/metrics").status()).isEqualTo(200);
        JsonHttp.Response personalData = operator.get("/api/ledger/clues/" + clueId());
        assertThat(personalData.status()).isEqualTo(403);
        assertThat(personalData.body().path("type").asText())
                .isEqualTo("https://clue-exchange.org/problems/not-entitled");
        assertThat(operator.get("/api/audit/personal-data-access").status()).isEqualTo(403);

        JsonHttp auditor = core.as(CoreCredentials.AUDITOR);
        assertThat(auditor.post("/api/reconciliation/monthly", Map.of("jurisdiction", "530600", "period",
                "2020-06")).status()).isEqualTo(403);
        assertThat(auditor.post("/api/operations/dead-letters/transfer-ledger/" + clueId() + "/retry", Map.of())
                .status()).isEqualTo(403);
        assertThat(core.as(PREFECTURE).get("/api/operations/dead-letters").status()).isEqualTo(403);
    }

    @Test
    void everyReadOfPersonalDataIsLoggedWithWhoAndWhat() {
        core.as(PREFECTURE).get("/api/ledger/clues/" + clueId()).successfully();
        core.as(PREFECTURE).get("/api/ledger/clues?jurisdiction=530600").successfully();

        JsonNode log = core.as(CoreCredentials.AUDITOR).get("/api/audit/personal-data-access?limit=1000")
                .successfully();
        List<String> reads = new ArrayList<>();
        log.forEach(read -> reads.add(read.path("userId").asText() + " " + read.path("role").asText() + " "
                + read.path("resource").asText()));
        assertThat(reads).contains(PREFECTURE + " OFFICER ledger/clues/" + clueId());
        assertThat(reads).anyMatch(read -> read.startsWith(PREFECTURE + " OFFICER ledger/clues?jurisdiction=530600"));
        assertThat(log.get(0).path("accessedAt").asText()).isNotEmpty();
        assertThat(core.as(OTHER_PROVINCE).get("/api/ledger/clues/" + clueId()).status()).isEqualTo(404);
        JsonNode after = core.as(CoreCredentials.AUDITOR).get("/api/audit/personal-data-access?limit=1000")
                .successfully();
        List<String> readers = new ArrayList<>();
        after.forEach(read -> readers.add(read.path("userId").asText() + " " + read.path("resource").asText()));
        assertThat(readers).doesNotContain(OTHER_PROVINCE + " ledger/clues/" + clueId());
    }

    private static String clueId() {
        return transfer.getEnvelope().getClueId();
    }
}
