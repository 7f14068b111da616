package org.clueexchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.clueexchange.core.reconciliation.messages.ResolveStatementBreak;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No single bad value gets past the core's API: every path variable, query parameter and body of every endpoint
 * that takes input is refused, when it holds NUL or another control character, is too long, names a code, a month
 * or a jurisdiction that is none, is of the wrong type, or names nothing the core holds, with a 4xx problem naming
 * it, never a 5xx; each asked by a user entitled to the request, so that the answer is about the input.
 */
class CoreBadInputIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String OFFICER = CoreCredentials.officer("530000");
    private static final String STATEMENT = "STATEMENT-530600-2020-06";
    /** Control characters, bytes that are no UTF-8, and more than any id or code holds, as a path sends them. */
    private static final List<String> UNREADABLE = List.of("%00", "%01", "%1B", "%ED%A0%80", "X".repeat(5_000));

    static RunningCore core;
    static String clueId;

    @BeforeAll
    static void start() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        core = RunningCore.start(infrastructure.postgres().createDatabase("core_bad_input"), bootstrap,
                "core-bad-input");
        clueId = "POLICE-530600-B" + UUID.randomUUID().toString().substring(0, 8);
        try (AgencyTopics topics = new AgencyTopics(bootstrap)) {
            topics.publish(ClueEventSamples.transfer(clueId, AT));
        }
        await().atMost(PATIENCE).until(() -> core.entry(clueId).isPresent());
        core.as(OFFICER).post("/api/reconciliation/monthly", issue().validBody()).successfully();
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBodyRefusesEveryBadRequestWithAProblemNamingTheField() {
        JsonHttp officer = core.as(OFFICER);
        return Stream.of(issue(), breakResolution()).flatMap(shape -> shape.badRequests().stream()).map(bad ->
                DynamicTest.dynamicTest(bad.description(), () -> {
                    JsonHttp.Response answer = bad.sendTo(officer);
                    assertThat(answer.status()).as(bad + ": " + answer.raw().body()).isEqualTo(bad.status());
                    assertThat(bad.namesItsField(answer)).as(bad + " names " + bad.field() + ": "
                            + answer.raw().body()).isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyPathVariableAndQueryParameterRefusesEveryBadValueWithAProblemNamingIt() {
        return badParameters().stream().map(bad -> DynamicTest.dynamicTest(bad.toString(), () -> {
            JsonHttp caller = core.as(bad.caller());
            JsonHttp.Response answer = bad.body() == null ? caller.get(bad.path())
                    : caller.post(bad.path(), bad.body());
            assertThat(answer.status()).as(bad + ": " + answer.raw().body()).isBetween(400, 499);
            assertThat(answer.raw().headers().firstValue("Content-Type")).as(bad.toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(RequestShape.names(answer, bad.field())).as(bad + " names " + bad.field() + ": "
                    + answer.raw().body()).isTrue();
        }));
    }

    /** A request whose path or query holds one bad value, made by {@code caller}, and the field it must name. */
    private record BadParameter(String caller, String path, String body, String field) {

        @Override
        public String toString() {
            String shown = path.length() > 120 ? path.substring(0, 120) + "…" : path;
            return (body == null ? "GET " : "POST ") + shown + " names " + field;
        }
    }

    private static List<BadParameter> badParameters() {
        List<BadParameter> bad = new ArrayList<>();
        Map<String, List<String>> ledgerFilters = new LinkedHashMap<>();
        ledgerFilters.put("jurisdiction", List.of("ABCDEF", "999999", "5306", "5306000", "%00", "%0953060"));
        ledgerFilters.put("direction", List.of("NO_SUCH_DIRECTION", "police_to_discipline", "%00",
                "%01POLICE_TO_DISCIPLINE"));
        ledgerFilters.put("state", List.of("NO_SUCH_STATE", "%00", "TRANSFERRED%00"));
        ledgerFilters.put("anomalous", List.of("maybe", "%00", "true%01"));
        ledgerFilters.put("breached", List.of("maybe", "%00", "%01true"));
        ledgerFilters.put("limit", List.of("0", "1001", "-1", "many", "99999999999", "%00"));
        ledgerFilters.put("offset", List.of("-1", "many", "99999999999", "%00"));
        ledgerFilters.forEach((name, values) -> values.forEach(value -> bad.add(new BadParameter(OFFICER,
                "/api/ledger/clues?" + name + "=" + value, null, name))));
        for (String value : List.of("pdf", "%00", "json%01", "%20json", "x".repeat(5_000))) {
            bad.add(new BadParameter(OFFICER, "/api/reconciliation/monthly/" + STATEMENT + "?format=" + value, null,
                    "format"));
        }
        for (String value : List.of("0", "1001", "many", "%00")) {
            bad.add(new BadParameter(CoreCredentials.OPERATOR, "/api/operations/dead-letters?limit=" + value, null,
                    "limit"));
            bad.add(new BadParameter(CoreCredentials.AUDITOR, "/api/audit/personal-data-access?limit=" + value, null,
                    "limit"));
        }

        List<String> clueIds = new ArrayList<>(UNREADABLE);
        clueIds.addAll(List.of("POLICE-530600-%00", "-POLICE-530600-1", "POLICE-530600-NO-SUCH-CLUE"));
        List<String> statementIds = new ArrayList<>(UNREADABLE);
        statementIds.addAll(List.of(STATEMENT + "%00", "STATEMENT-530600-1999-01", "STATEMENT-ABCDEF-2020-06"));
        for (String value : clueIds) {
            bad.add(new BadParameter(OFFICER, "/api/ledger/clues/" + value, null, "clueId"));
            bad.add(new BadParameter(CoreCredentials.OPERATOR, "/api/operations/dead-letters/transfer-ledger/"
                    + value + "/retry", "{}", "clueId"));
        }
        for (String value : statementIds) {
            bad.add(new BadParameter(OFFICER, "/api/reconciliation/monthly/" + value, null, "statementId"));
            bad.add(new BadParameter(OFFICER, "/api/reconciliation/monthly/" + value + "/break-resolutions",
                    breakResolution().validBody(), "statementId"));
        }
        for (String value : List.of("%00", "%01", "no-such-group", "x".repeat(5_000))) {
            bad.add(new BadParameter(CoreCredentials.OPERATOR, "/api/operations/dead-letters/" + value + "/"
                    + clueId + "/retry", "{}", "processingGroup"));
        }
        return bad;
    }

    private static RequestShape issue() {
        return RequestShape.post("/api/reconciliation/monthly", Map.of("jurisdiction", "530600", "period",
                        "2020-06"))
                .code("jurisdiction").refuses("jurisdiction", "ABCDEF", "999999", "5306", "5306000", "530600 ",
                        "x".repeat(5_000))
                .code("period").refuses("period", "300000-01", "+300000-01", "1999-12", "1900-01", "2020-13",
                        "2020-00", "2020-6", "2999-01", "x".repeat(5_000));
    }

    private static RequestShape breakResolution() {
        return RequestShape.post("/api/reconciliation/monthly/" + STATEMENT + "/break-resolutions", Map.of(
                        "clueId", clueId, "category", "SENT_NOT_RECEIVED", "note", "纸质材料已寄出"))
                .refuses("clueId", "-" + clueId, clueId + " ", "X".repeat(129))
                .code("category").refuses("category", "sent_not_received")
                .text("note", ResolveStatementBreak.NOTE);
    }
}
