package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.GangCaseSolved;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.events.OfficialRank;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.infrastructure.RequestShape;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.PersonKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The police case system registers a gang case, marks it solved and names the officials involved, through the
 * adapter's API onto a real broker; the officials' ID numbers never leave the adapter, nor stay in it.
 */
class GangCaseApiIT {

    /** The ID number of the official the tests name (Zhaoyang district, born 1980). */
    static final String ID_NUMBER = "530602198001011234";
    /** GB 11643's own example, whose check digit is X. */
    private static final String WITH_X = "11010519491231002X";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String COUNTY_TOKEN = UUID.randomUUID().toString();
    private static final String SECRET = AdapterSettings.randomPersonKeySecret();
    private static final PersonKeys KEYS = new PersonKeys(Base64.getDecoder().decode(SECRET));

    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_gang_cases", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .set(AdapterSettings.PERSON_KEY_SECRET, SECRET)
                        .client("zhaotong-case-system", TOKEN, "530600")
                        .client("zhaoyang-case-system", COUNTY_TOKEN, "530602").asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void aGangCaseIsRegisteredSolvedAndItsOfficialsNamedByPersonKeyAsFactsOfThePolice() throws Exception {
        String caseNumber = newCaseNumber();

        JsonHttp.Response registered = register(caseNumber, UUID.randomUUID().toString());
        JsonHttp.Response solved = adapter.post(PoliceRequestShapes.path(caseNumber) + "/solution", TOKEN,
                Map.of("recordId", "PA-1", "officerId", "GA-0042", "solvedAt", "2020-09-10T10:30:00+08:00"));
        JsonHttp.Response involved = adapter.post(PoliceRequestShapes.path(caseNumber) + "/officials", TOKEN,
                official("GJ-1", ID_NUMBER));

        for (JsonHttp.Response answer : List.of(registered, solved, involved)) {
            assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
            assertThat(answer.body().path("clueId").asText()).isEqualTo(caseNumber);
            assertThat(answer.raw().body()).doesNotContain(ID_NUMBER);
        }
        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, caseNumber, 3,
                PATIENCE);
        assertThat(published).extracting(ClueEvents::typeOf).containsExactly("GangCaseRegistered", "GangCaseSolved", "OfficialInvolved");
        GangCaseRegistered registration = (GangCaseRegistered) published.get(0);
        assertThat(registration.getEnvelope().getAssertedBy()).isEqualTo(new Agency(AgencyType.POLICE, "530600"));
        assertThat(registration.getEnvelope().getEventId()).isEqualTo(registered.body().path("eventId").asText());
        assertThat(registration.getCaseType()).isEqualTo(GangCaseType.EVIL_FORCE_CRIMINAL_GROUP);
        assertThat(registration.getCaseName()).isEqualTo("张某某等人恶势力犯罪集团案");
        assertThat(registration.getJurisdiction()).isEqualTo("530602");
        GangCaseSolved solution = (GangCaseSolved) published.get(1);
        assertThat(solution.getEnvelope().getOccurredAt()).hasToString("2020-09-10T02:30:00Z");
        assertThat(solution.getEnvelope().getAssertedBy()).isEqualTo(new Agency(AgencyType.POLICE, "530600"));
        OfficialInvolved official = (OfficialInvolved) published.get(2);
        assertThat(official.getPersonKey()).isEqualTo(KEYS.of(ID_NUMBER));
        assertThat(official.getRank()).isEqualTo(OfficialRank.COUNTY_DIVISION);
        assertThat(official.getRole()).isEqualTo(InvolvementRole.SUSPECTED_UMBRELLA);
        assertThat(official.getName()).isEqualTo("王某");
        assertNowhere(ID_NUMBER, caseNumber);
    }

    @Test
    void aRetryGetsTheFirstAnswerAndAssertsNothingTwice() {
        String caseNumber = newCaseNumber();
        String recordId = UUID.randomUUID().toString();
        JsonHttp.Response first = register(caseNumber, recordId);
        JsonHttp.Response retry = register(caseNumber, recordId);
        JsonHttp.Response official = adapter.post(PoliceRequestShapes.path(caseNumber) + "/officials", TOKEN,
                official("GJ-1", ID_NUMBER));
        JsonHttp.Response officialAgain = adapter.post(PoliceRequestShapes.path(caseNumber) + "/officials", TOKEN,
                official("GJ-1", ID_NUMBER));
        JsonHttp.Response anotherNumber = adapter.post(PoliceRequestShapes.path(caseNumber) + "/officials", TOKEN,
                official("GJ-1", WITH_X));

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body().path("eventId")).isEqualTo(first.body().path("eventId"));
        assertThat(officialAgain.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(officialAgain.body().path("eventId")).isEqualTo(official.body().path("eventId"));
        assertThat(anotherNumber.status()).as("another person under the same record id").isEqualTo(422);
        assertThat(RequestShape.names(anotherNumber, "recordId")).isTrue();
        assertThat(adapter.topics().read(ExchangeTopics.POLICE_EVENTS, caseNumber, 3, Duration.ofSeconds(5)))
                .hasSize(2);
    }

    @Test
    void oneRegistrationStandsForACase() {
        String caseNumber = newCaseNumber();
        register(caseNumber, UUID.randomUUID().toString());

        JsonHttp.Response again = register(caseNumber, UUID.randomUUID().toString());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("type").asText()).endsWith("/conflicts-with-record");
        assertThat(RequestShape.names(again, "caseNumber")).isTrue();
    }

    @Test
    void aCaseIsRegisteredAndActedOnOnlyByAClientOfItsRegisteringOrgan() {
        String caseNumber = newCaseNumber();
        Map<String, Object> elsewhere = registration(caseNumber, UUID.randomUUID().toString());
        elsewhere.put("jurisdiction", "530100");
        Map<String, Object> outside = registration(caseNumber, UUID.randomUUID().toString());
        outside.put("caseJurisdiction", "530100");

        assertRefused(adapter.post("/api/v1/gang-cases", TOKEN, elsewhere), 403, "jurisdiction");
        assertRefused(adapter.post("/api/v1/gang-cases", TOKEN, outside), 400, "caseJurisdiction");
        register(caseNumber, UUID.randomUUID().toString());
        assertRefused(adapter.post(PoliceRequestShapes.path(caseNumber) + "/officials", COUNTY_TOKEN,
                official("GJ-2", ID_NUMBER)), 403, "caseNumber");
        assertRefused(adapter.post(PoliceRequestShapes.path(newCaseNumber()) + "/solution", TOKEN,
                Map.of("recordId", "PA-1", "officerId", "GA-0042", "solvedAt", "2020-09-10T10:30:00+08:00")),
                404, "caseNumber");
    }

    @Test
    void anIdNumberIsTakenOnlyWithItsCheckDigitAndALowerCaseXIsTheSamePerson() {
        String caseNumber = newCaseNumber();
        register(caseNumber, UUID.randomUUID().toString());
        String path = PoliceRequestShapes.path(caseNumber) + "/officials";

        for (String bad : PoliceRequestShapes.NO_ID_NUMBERS) {
            JsonHttp.Response refused = adapter.post(path, TOKEN, official("GJ-" + UUID.randomUUID(), bad));
            assertRefused(refused, 400, "idNumber");
            assertThat(refused.raw().body()).as("the refusal does not repeat the number").doesNotContain(bad);
        }
        adapter.post(path, TOKEN, official("GJ-X", WITH_X.toLowerCase())).successfully();

        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, caseNumber, 2,
                PATIENCE);
        assertThat(((OfficialInvolved) published.get(1)).getPersonKey()).isEqualTo(KEYS.of(WITH_X));
    }

    @Test
    void aCaseNumberThatCannotKeyTheCasesFactsIsRefused() {
        for (String caseNumber : List.of("POLICE-530600-XS001", "STATEMENT-530600-2020-Q3", "刑事 2020", "-2020-1",
                "刑事:2020", "X".repeat(65))) {
            assertRefused(adapter.post("/api/v1/gang-cases", TOKEN, registration(caseNumber,
                    UUID.randomUUID().toString())), 400, "caseNumber");
        }
        assertRefused(adapter.post("/api/v1/gang-cases/POLICE-530600-XS001/solution", TOKEN,
                Map.of("recordId", "PA-1", "officerId", "GA-0042", "solvedAt", "2020-09-10T10:30:00+08:00")),
                400, "caseNumber");
    }

    @Test
    void aTransferredClueNamesAnOfficialWhoseIdNumberItGivesByPersonKey() throws Exception {
        Map<String, Object> request = PoliceRequestShapes.transferRequest();

        String clueId = adapter.post("/api/v1/clue-transfers", TOKEN, request).successfully().path("clueId")
                .asText();

        ClueTransferred transfer = (ClueTransferred) adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS,
                clueId, 1, PATIENCE).get(0);
        assertThat(transfer.getContent().getSubjects()).singleElement()
                .satisfies(subject -> assertThat(subject.getPersonKey()).isEqualTo(KEYS.of(ID_NUMBER)));
        assertThat(transfer.getContent().getLinkedGangCase().getCaseNumber()).isEqualTo(request.get("caseNumber"));
        assertThat(adapter.post("/api/v1/clue-transfers", TOKEN, request).raw().headers()
                .firstValue("Idempotent-Replayed")).hasValue("true");
        assertNowhere(ID_NUMBER, clueId);
    }

    /** Neither the records published under the key nor any row of the adapter's database hold the number. */
    private static void assertNowhere(String idNumber, String key) throws Exception {
        for (ConsumerRecord<String, byte[]> published : adapter.topics().readToEnd(ExchangeTopics.POLICE_EVENTS,
                key)) {
            assertThat(new String(published.value(), StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
        }
        assertThat(adapter.database().holds(idNumber)).as("the adapter's database holds the ID number").isFalse();
    }

    private static void assertRefused(JsonHttp.Response answer, int status, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(RequestShape.names(answer, field)).as(answer.raw().body()).isTrue();
    }

    private static JsonHttp.Response register(String caseNumber, String recordId) {
        return adapter.post("/api/v1/gang-cases", TOKEN, registration(caseNumber, recordId));
    }

    private static Map<String, Object> registration(String caseNumber, String recordId) {
        Map<String, Object> request = new HashMap<>();
        request.put("recordId", recordId);
        request.put("officerId", "GA-0042");
        request.put("occurredAt", "2020-06-01T09:00:00+08:00");
        request.put("jurisdiction", "530600");
        request.put("caseJurisdiction", "530602");
        request.put("caseNumber", caseNumber);
        request.put("caseType", "EVIL_FORCE_CRIMINAL_GROUP");
        request.put("caseName", "张某某等人恶势力犯罪集团案");
        return request;
    }

    private static Map<String, Object> official(String recordId, String idNumber) {
        return Map.of("recordId", recordId, "officerId", "GA-0042", "idNumber", idNumber, "name", "王某",
                "unit", "某区公安分局 副局长", "rank", "COUNTY_DIVISION", "role", "SUSPECTED_UMBRELLA");
    }

    private static String newCaseNumber() {
        return "昭公（刑）立字〔2020〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
    }
}
