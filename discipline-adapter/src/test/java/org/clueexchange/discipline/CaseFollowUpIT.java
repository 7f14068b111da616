package org.clueexchange.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clueexchange.discipline.DisciplineRequestShapes.ID_NUMBER;
import static org.clueexchange.discipline.DisciplineRequestShapes.path;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.CaseCheckCompleted;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.events.RetraceOrdered;
import org.clueexchange.events.UmbrellaFindingMade;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.PersonKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The commission's clue management system follows up a gang case the police registered, through the adapter's API
 * onto a real broker: 同步跟进, 一案三查, 保护伞认定, 签字背书 and 回溯核查, each as the commission of the case's
 * jurisdiction or one above it, officials by person key only.
 */
class CaseFollowUpIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String COUNTY_TOKEN = UUID.randomUUID().toString();
    private static final String SECRET = AdapterSettings.randomPersonKeySecret();
    private static final PersonKeys KEYS = new PersonKeys(Base64.getDecoder().decode(SECRET));

    static AdapterUnderTest adapter;
    static JsonHttp client;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(DisciplineAdapter.class, "discipline_case_follow_up", infrastructure ->
                AdapterSettings.serving(AgencyType.DISCIPLINE, "530600", infrastructure)
                        .set(AdapterSettings.PERSON_KEY_SECRET, SECRET)
                        .client("zhaotong-clue-system", TOKEN, "530600")
                        .client("zhenxiong-clue-system", COUNTY_TOKEN, "530627").asMap());
        client = new JsonHttp(adapter.uri(), TOKEN);
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void everyFactOfTheCommissionAboutTheCaseIsPublishedAsItsOwnKeyedByTheCaseNumber() throws Exception {
        String caseNumber = DisciplineRequestShapes.gangCase(adapter, client);
        List<JsonHttp.Response> answers = List.of(
                post(caseNumber, "/follow-up", act(Map.of("idNumber", ID_NUMBER, "rank", "COUNTY_DIVISION"))),
                post(caseNumber, "/follow-up", act(Map.of("jurisdiction", "530600"))),
                post(caseNumber, "/checks", act(Map.of("check", "RELATIONSHIP_NETWORK", "finding", "查清该团伙关系网"))),
                post(caseNumber, "/umbrella-finding", act(Map.of("idNumber", ID_NUMBER, "umbrellaFound", true,
                        "outcome", "开除党籍、移送检察机关"))),
                post(caseNumber, "/umbrella-finding", act(Map.of("umbrellaFound", false))),
                post(caseNumber, "/endorsements", act(Map.of("role", "PRINCIPAL_LEADER", "signerId", "JW-001",
                        "signerName", "赵某"))),
                post(caseNumber, "/retrace", act(Map.of("reason", "群众举报反映仍有保护伞未查清"))));
        for (JsonHttp.Response answer : answers) {
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
            assertThat(answer.body().path("clueId").asText()).isEqualTo(caseNumber);
        }

        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS, caseNumber,
                answers.size(), PATIENCE);
        assertThat(published).extracting(ClueEvents::typeOf).containsExactly("FollowUpOpened", "FollowUpOpened",
                "CaseCheckCompleted", "UmbrellaFindingMade", "UmbrellaFindingMade", "EndorsementSigned",
                "RetraceOrdered");
        assertThat(published).extracting(event -> ClueEvents.envelopeOf(event).getAssertedBy()).containsExactly(
                commission("530602"), commission("530600"), commission("530602"), commission("530602"),
                commission("530602"), commission("530602"), commission("530602"));
        FollowUpOpened official = (FollowUpOpened) published.get(0);
        assertThat(official.getPersonKey()).isEqualTo(KEYS.of(ID_NUMBER));
        assertThat(official.getRank()).isEqualTo(OfficialRank.COUNTY_DIVISION);
        FollowUpOpened ofTheCase = (FollowUpOpened) published.get(1);
        assertThat(ofTheCase.getPersonKey()).isNull();
        assertThat(ofTheCase.getRank()).isNull();
        assertThat(((CaseCheckCompleted) published.get(2)).getCheck()).isEqualTo(CaseCheck.RELATIONSHIP_NETWORK);
        UmbrellaFindingMade found = (UmbrellaFindingMade) published.get(3);
        assertThat(found.getPersonKey()).isEqualTo(KEYS.of(ID_NUMBER));
        assertThat(found.getUmbrellaFound()).isTrue();
        assertThat(found.getOutcome()).isEqualTo("开除党籍、移送检察机关");
        assertThat(((UmbrellaFindingMade) published.get(4)).getUmbrellaFound()).isFalse();
        EndorsementSigned signature = (EndorsementSigned) published.get(5);
        assertThat(signature.getRole()).isEqualTo(EndorsementRole.PRINCIPAL_LEADER);
        assertThat(signature.getSignerId() + " " + signature.getSignerName()).isEqualTo("JW-001 赵某");
        assertThat(((RetraceOrdered) published.get(6)).getReason()).isEqualTo("群众举报反映仍有保护伞未查清");
        for (SpecificRecord fact : published) {
            assertThat(ClueEvents.caseNumberOf(fact)).isEqualTo(caseNumber);
        }
        assertNowhere(ID_NUMBER, caseNumber);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndAnotherOfficialUnderItsRecordIdIsRefused() throws Exception {
        String caseNumber = DisciplineRequestShapes.gangCase(adapter, client);
        Map<String, Object> request = act(Map.of("idNumber", ID_NUMBER, "umbrellaFound", true));

        JsonHttp.Response first = post(caseNumber, "/umbrella-finding", request);
        JsonHttp.Response retry = post(caseNumber, "/umbrella-finding", request);
        Map<String, Object> another = new HashMap<>(request);
        another.put("idNumber", "11010519491231002X");
        JsonHttp.Response reused = post(caseNumber, "/umbrella-finding", another);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body().path("eventId")).isEqualTo(first.body().path("eventId"));
        assertRefused(reused, 422, "recordId");
        assertThat(adapter.topics().read(ExchangeTopics.DISCIPLINE_EVENTS, caseNumber, 2, Duration.ofSeconds(5)))
                .hasSize(1);
    }

    @Test
    void theThreeSignaturesAreThreeDifferentPeopleUntilTheCaseIsRetraced() throws Exception {
        String caseNumber = DisciplineRequestShapes.gangCase(adapter, client);
        post(caseNumber, "/endorsements", act(Map.of("role", "FOLLOW_UP_OFFICER", "signerId", "JW-007",
                "signerName", "李某"))).successfully();

        JsonHttp.Response twice = post(caseNumber, "/endorsements", act(Map.of("role", "LEADER_IN_CHARGE",
                "signerId", "JW-007", "signerName", "李某")));
        post(caseNumber, "/retrace", act(Map.of("reason", "发现新线索"))).successfully();
        JsonHttp.Response afterRetrace = post(caseNumber, "/endorsements", act(Map.of("role", "LEADER_IN_CHARGE",
                "signerId", "JW-007", "signerName", "李某")));

        assertRefused(twice, 409, "signerId");
        assertThat(twice.body().path("type").asText()).endsWith("/conflicts-with-record");
        assertThat(afterRetrace.status()).as(afterRetrace.raw().body()).isEqualTo(202);
    }

    @Test
    void aCommissionAssertsOnlyAboutACaseOfItsJurisdictionThatReachedTheAdapter() throws Exception {
        String caseNumber = DisciplineRequestShapes.gangCase(adapter, client);
        String unknown = "昭公（刑）立字〔2020〕" + UUID.randomUUID().toString().substring(0, 8) + "号";

        assertRefused(post(unknown, "/checks", act(Map.of("check", "SUPERVISORY_DUTY", "finding", "未发现"))), 404,
                "caseNumber");
        assertRefused(new JsonHttp(adapter.uri(), COUNTY_TOKEN).post(path(caseNumber) + "/checks",
                act(Map.of("check", "SUPERVISORY_DUTY", "finding", "未发现"))), 403, "jurisdiction");
        assertRefused(post(caseNumber, "/checks", act(Map.of("jurisdiction", "530627", "check", "SUPERVISORY_DUTY",
                "finding", "未发现"))), 400, "jurisdiction");
        assertRefused(post("POLICE-530600-XS001", "/retrace", act(Map.of("reason", "x"))), 400, "caseNumber");
        ClueTransferred notACase = ClueEventSamples.transfer("POLICE-530600-" + UUID.randomUUID().toString()
                .substring(0, 8), ClueEventSamples.AT);
        adapter.topics().publish(notACase);
        assertRefused(post(notACase.getEnvelope().getClueId(), "/retrace", act(Map.of("reason", "x"))), 400,
                "caseNumber");
    }

    @Test
    void anOfficialIsNamedByAValidIdNumberWithTheirRankAndOnlyAnOfficialsFindingHasAnOutcome() throws Exception {
        String caseNumber = DisciplineRequestShapes.gangCase(adapter, client);

        for (String bad : DisciplineRequestShapes.NO_ID_NUMBERS) {
            JsonHttp.Response refused = post(caseNumber, "/follow-up", act(Map.of("idNumber", bad,
                    "rank", "COUNTY_DIVISION")));
            assertRefused(refused, 400, "idNumber");
            assertThat(refused.raw().body()).doesNotContain(bad);
        }
        assertRefused(post(caseNumber, "/follow-up", act(Map.of("idNumber", ID_NUMBER))), 400, "rank");
        assertRefused(post(caseNumber, "/follow-up", act(Map.of("rank", "COUNTY_DIVISION"))), 400, "rank");
        assertRefused(post(caseNumber, "/umbrella-finding", act(Map.of("umbrellaFound", true, "outcome", "问责"))),
                400, "outcome");
        assertRefused(post(caseNumber, "/umbrella-finding", act(Map.of("idNumber", ID_NUMBER))), 400,
                "umbrellaFound");
        assertRefused(post(caseNumber, "/checks", act(Map.of("check", "EVERYTHING", "finding", "x"))), 400, "check");
        assertThat(adapter.topics().read(ExchangeTopics.DISCIPLINE_EVENTS, caseNumber, 1, Duration.ofSeconds(3)))
                .isEmpty();
    }

    @Test
    void aTransferredClueNamesAnOfficialWhoseIdNumberItGivesByPersonKey() throws Exception {
        String clueId = client.post("/api/v1/clue-transfers", DisciplineRequestShapes.transfer().validBody())
                .successfully().path("clueId").asText();

        ClueTransferred transfer = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.DISCIPLINE_EVENTS,
                clueId, 1, PATIENCE).get(0);
        assertThat(transfer.getContent().getSubjects()).singleElement()
                .satisfies(subject -> assertThat(subject.getPersonKey()).isEqualTo(KEYS.of(ID_NUMBER)));
        assertNowhere(ID_NUMBER, clueId);
    }

    private static void assertNowhere(String idNumber, String key) throws Exception {
        for (ConsumerRecord<String, byte[]> published : adapter.topics().readToEnd(ExchangeTopics.DISCIPLINE_EVENTS,
                key)) {
            assertThat(new String(published.value(), StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
        }
        assertThat(adapter.database().holds(idNumber)).as("the adapter's database holds the ID number").isFalse();
    }

    private static void assertRefused(JsonHttp.Response answer, int status, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(RequestShape.names(answer, field)).as(answer.raw().body()).isTrue();
    }

    private static JsonHttp.Response post(String caseNumber, String fact, Map<String, Object> request) {
        return client.post(path(caseNumber) + fact, request);
    }

    private static Map<String, Object> act(Map<String, Object> details) {
        Map<String, Object> request = new HashMap<>(details);
        request.put("recordId", "JW-" + UUID.randomUUID());
        request.put("officerId", "JW-007");
        request.put("occurredAt", "2020-10-10T10:00:00+08:00");
        return request;
    }

    private static Agency commission(String jurisdiction) {
        return new Agency(AgencyType.DISCIPLINE, jurisdiction);
    }
}
