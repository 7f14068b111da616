package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 对账确认 through the police adapter: published as the police of the statement's jurisdiction, once. */
class StatementConfirmationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String KUNMING_TOKEN = UUID.randomUUID().toString();
    private static final String DIGEST = "c".repeat(64);

    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_statements", infrastructure ->
                AdapterSettings.serving("530000", infrastructure).client("zhaotong-case-system", TOKEN, "530600")
                        .client("kunming-case-system", KUNMING_TOKEN, "530100").asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void aConfirmationIsPublishedOnceAsThePoliceOfTheStatementsJurisdiction() {
        String statementId = "STATEMENT-530600-2019-11";
        Map<String, Object> request = Map.of("recordId", "DZ-1", "officerId", "ZTGA-DZ-01", "digest", DIGEST);

        JsonHttp.Response first = adapter.post(path(statementId), TOKEN, request);
        JsonHttp.Response retry = adapter.post(path(statementId), TOKEN, request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().path("fact").asText()).isEqualTo("StatementConfirmed");
        assertThat(retry.body().path("eventId")).isEqualTo(first.body().path("eventId"));
        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, statementId, 1,
                PATIENCE);
        assertThat(published).singleElement().isInstanceOfSatisfying(StatementConfirmed.class, confirmation -> {
            assertThat(confirmation.getEnvelope().getAssertedBy()).isEqualTo(new Agency(AgencyType.POLICE, "530600"));
            assertThat(confirmation.getEnvelope().getActor()).isEqualTo("ZTGA-DZ-01");
            assertThat(confirmation.getJurisdiction()).isEqualTo("530600");
            assertThat(confirmation.getPeriod()).isEqualTo(statementId.substring("STATEMENT-530600-".length()));
            assertThat(confirmation.getDigest()).isEqualTo(DIGEST);
        });
        assertThat(adapter.post(path(statementId), TOKEN, Map.of("recordId", "DZ-1", "officerId", "ZTGA-DZ-01",
                "digest", "d".repeat(64))).status()).isEqualTo(409);
    }

    @Test
    void aConfirmationIsRefusedWithTheFieldItGotWrong() {
        assertThat(field(adapter.post(path("STATEMENT-530600-2020-06"), TOKEN, Map.of("recordId", "DZ-2",
                "officerId", "ZTGA-DZ-01", "digest", "not-a-digest")), 400)).isEqualTo("digest");
        assertThat(field(adapter.post(path("STATEMENT-530600-2020-13"), TOKEN, Map.of("recordId", "DZ-3",
                "officerId", "ZTGA-DZ-01", "digest", DIGEST)), 400)).isEqualTo("statementId");
        assertThat(field(adapter.post(path("STATEMENT-530600-2020-06"), KUNMING_TOKEN, Map.of("recordId", "DZ-4",
                "officerId", "KMGA-DZ-01", "digest", DIGEST)), 403)).isEqualTo("statementId");
    }

    private static String path(String statementId) {
        return "/api/v1/statements/" + statementId + "/confirmation";
    }

    private static String field(JsonHttp.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        return response.body().path("errors").get(0).path("field").asText();
    }
}
