package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ConfirmationOutcome;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 对账确认 through the police adapter: published as the police of the statement's jurisdiction, once; and the
 * core's answer, put on the core's topic as the core would, reaching the case system as the confirmation's outcome,
 * in the feed and by webhook, while answers to confirmations made elsewhere and records that are no answer do not.
 */
class StatementConfirmationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String SECRET = UUID.randomUUID().toString();
    private static final String KUNMING_TOKEN = UUID.randomUUID().toString();
    private static final String DIGEST = "c".repeat(64);
    private static final String ISSUED_DIGEST = "e".repeat(64);
    private static final String ROOT = "f".repeat(64);
    /** The consumer group of an adapter of the police serving Yunnan (530000). */
    private static final String CONSUMER = "police-adapter-530000";

    static HttpServer caseSystem;
    static final List<JsonNode> pushed = new CopyOnWriteArrayList<>();
    static AdapterUnderTest adapter;

    @BeforeAll
    static void start() throws IOException {
        caseSystem = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        caseSystem.createContext("/facts", exchange -> {
            pushed.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        caseSystem.start();
        URI webhook = URI.create("http://127.0.0.1:" + caseSystem.getAddress().getPort() + "/facts");
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_statements", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530000", infrastructure)
                        .client("zhaotong-case-system", TOKEN, "530600")
                        .webhook(webhook, SECRET).client("kunming-case-system", KUNMING_TOKEN, "530100").asMap());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        caseSystem.stop(0);
    }

    @Test
    void aConfirmationIsPublishedOnceAsThePoliceOfTheStatementsJurisdiction() {
        String statementId = "STATEMENT-530600-2019-11";
        Map<String, Object> request = Map.of("recordId", "DZ-1", "officerId", "ZTGA-DZ-01", "digest", DIGEST, "root", ROOT);

        JsonHttp.Response first = adapter.post(path(statementId), TOKEN, request);
        JsonHttp.Response retry = adapter.post(path(statementId), TOKEN, request);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().path("fact").asText()).isEqualTo("StatementConfirmed");
        assertThat(first.body().path("outcome").asText()).isEqualTo("PENDING");
        assertThat(retry.body().path("eventId")).isEqualTo(first.body().path("eventId"));
        List<SpecificRecord> published = adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, statementId, 1,
                PATIENCE);
        assertThat(published).singleElement().isInstanceOfSatisfying(StatementConfirmed.class, confirmation -> {
            assertThat(confirmation.getEnvelope().getAssertedBy()).isEqualTo(new Agency(AgencyType.POLICE, "530600"));
            assertThat(confirmation.getEnvelope().getActor()).isEqualTo("ZTGA-DZ-01");
            assertThat(confirmation.getJurisdiction()).isEqualTo("530600");
            assertThat(confirmation.getPeriod()).isEqualTo(statementId.substring("STATEMENT-530600-".length()));
            assertThat(confirmation.getDigest()).isEqualTo(DIGEST);
            assertThat(confirmation.getRoot()).isEqualTo(ROOT);
        });
        assertThat(adapter.post(path(statementId), TOKEN, Map.of("recordId", "DZ-1", "officerId", "ZTGA-DZ-01",
                "digest", "d".repeat(64), "root", ROOT)).status()).isEqualTo(422);
    }

    @Test
    void theCoresRefusalIsTheConfirmationsOutcomeInItsViewInTheFeedAndByWebhook() {
        String statementId = "STATEMENT-530600-2019-10";
        StatementConfirmed confirmation = confirm(statementId, "DZ-10");
        assertThat(adapter.get(path(statementId), TOKEN).body().path("outcome").asText()).isEqualTo("PENDING");

        StatementConfirmationRecorded refusal = ClueEventSamples.refusal(confirmation, ISSUED_DIGEST, Instant.now());
        publish(refusal);

        JsonNode view = await().atMost(PATIENCE).until(() -> adapter.get(path(statementId), TOKEN).body(),
                answered -> !answered.path("outcome").asText().equals("PENDING"));
        assertThat(view.path("eventId").asText()).isEqualTo(confirmation.getEnvelope().getEventId());
        assertThat(view.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(view.path("reason").asText()).isEqualTo(refusal.getReason())
                .contains("is not that of revision 1");
        assertThat(view.path("revision").asInt()).isEqualTo(1);
        assertThat(view.path("statementDigest").asText()).isEqualTo(ISSUED_DIGEST);
        assertThat(view.path("decidedAt").asText()).isEqualTo(refusal.getDecidedAt().toString());
        JsonNode repeated = adapter.post(path(statementId), TOKEN, Map.of("recordId", "DZ-10",
                "officerId", "ZTGA-DZ-01", "digest", DIGEST, "root", ROOT)).body();
        assertThat(repeated.path("replay").asBoolean()).isTrue();
        assertThat(repeated.path("outcome").asText()).isEqualTo("REFUSED");

        List<JsonNode> answers = answersInTheFeed(TOKEN, statementId);
        assertThat(answers).singleElement().satisfies(item -> {
            assertThat(item.path("fact").path("outcome").asText()).isEqualTo("REFUSED");
            assertThat(item.path("fact").path("reason").asText()).isEqualTo(refusal.getReason());
            assertThat(item.path("fact").path("confirmationEventId").asText())
                    .isEqualTo(confirmation.getEnvelope().getEventId());
        });
        await().atMost(PATIENCE).until(() -> answersInTheFeed(TOKEN, statementId).get(0).path("delivery")
                .path("state").asText().equals("DELIVERED"));
        assertThat(pushed).filteredOn(push -> push.path("clueId").asText().equals(statementId)).singleElement()
                .satisfies(push -> {
                    assertThat(push.path("fact").path("type").asText()).isEqualTo("StatementConfirmationRecorded");
                    assertThat(push.path("fact").path("outcome").asText()).isEqualTo("REFUSED");
                });
        assertThat(answersInTheFeed(KUNMING_TOKEN, statementId)).as("a client of another jurisdiction").isEmpty();
    }

    @Test
    void answersToConfirmationsMadeElsewhereAreNotShown() {
        String statementId = "STATEMENT-530600-2019-08";
        StatementConfirmed ours = confirm(statementId, "DZ-8");
        StatementConfirmed commissions = ClueEventSamples.confirmation(statementId,
                ClueEventSamples.ZHAOTONG_DISCIPLINE, ISSUED_DIGEST, ROOT, Instant.now());
        StatementConfirmed anotherAdapters = ClueEventSamples.confirmation(statementId,
                ClueEventSamples.ZHAOTONG_POLICE, DIGEST, ROOT, Instant.now());

        publish(confirmed(ClueEventSamples.refusal(commissions, ISSUED_DIGEST, Instant.now())));
        publish(ClueEventSamples.refusal(anotherAdapters, ISSUED_DIGEST, Instant.now()));
        publish(ClueEventSamples.refusal(ours, ISSUED_DIGEST, Instant.now()));

        await().atMost(PATIENCE).until(() -> adapter.get(path(statementId), TOKEN).body().path("outcome").asText()
                .equals("REFUSED"));
        assertThat(answersInTheFeed(TOKEN, statementId)).singleElement().satisfies(item -> assertThat(
                item.path("fact").path("confirmationEventId").asText()).isEqualTo(ours.getEnvelope().getEventId()));
    }

    @Test
    void aRecordOnTheCoresTopicThatIsNoAnswerIsDeadLetteredWithItsReasonAndTheNextIsTaken() throws Exception {
        String statementId = "STATEMENT-530600-2019-09";
        StatementConfirmed confirmation = confirm(statementId, "DZ-9");
        StatementConfirmationRecorded unexplained = ClueEventSamples.refusal(confirmation, ISSUED_DIGEST,
                Instant.now());
        unexplained.setReason(null);
        ClueEventCodec codec = ClueEventCodec.create();

        adapter.topics().publish(ExchangeTopics.CORE_EVENTS, statementId,
                "对账确认".getBytes(StandardCharsets.UTF_8));
        adapter.topics().publish(ExchangeTopics.CORE_EVENTS, statementId, codec.encode(confirmation));
        adapter.topics().publish(ExchangeTopics.CORE_EVENTS, statementId, codec.encode(unexplained));
        publish(confirmed(ClueEventSamples.refusal(confirmation, ISSUED_DIGEST, Instant.now())));

        await().atMost(PATIENCE).until(() -> adapter.get(path(statementId), TOKEN).body().path("outcome").asText()
                .equals("CONFIRMED"));
        List<ConsumerRecord<String, byte[]>> letters = await().atMost(PATIENCE).until(() -> deadLetters(statementId),
                found -> found.size() == 3);
        List<String> reasons = letters.stream().map(letter -> header(letter, DeadLetters.REASON)).toList();
        assertThat(reasons).contains("StatementConfirmed asserted by POLICE arrived on clue.core.events: "
                        + "an agency publishes only on its own topic",
                "invalid StatementConfirmationRecorded: reason: a refusal says why");
        assertThat(reasons).anySatisfy(reason -> assertThat(reason).startsWith(
                "not an Avro single-object encoded event"));
        assertThat(letters).allSatisfy(letter -> assertThat(header(letter, DeadLetters.SOURCE_TOPIC))
                .isEqualTo(ExchangeTopics.CORE_EVENTS));
        assertThat(answersInTheFeed(TOKEN, statementId)).singleElement().satisfies(item -> assertThat(
                item.path("fact").path("outcome").asText()).isEqualTo("CONFIRMED"));
    }

    @Test
    void aConfirmationIsRefusedWithTheFieldItGotWrong() {
        assertThat(field(adapter.post(path("STATEMENT-530600-2020-06"), TOKEN, Map.of("recordId", "DZ-2",
                "officerId", "ZTGA-DZ-01", "digest", "not-a-digest", "root", ROOT)), 400)).isEqualTo("digest");
        assertThat(field(adapter.post(path("STATEMENT-530600-2019-11"), TOKEN, Map.of("recordId", "DZ-5",
                "officerId", "ZTGA-DZ-01", "digest", DIGEST)), 400)).as("without the root").isEqualTo("root");
        assertThat(field(adapter.post(path("STATEMENT-530600-2020-13"), TOKEN, Map.of("recordId", "DZ-3",
                "officerId", "ZTGA-DZ-01", "digest", DIGEST, "root", ROOT)), 400)).isEqualTo("statementId");
        assertThat(field(adapter.post(path("STATEMENT-530600-2020-06"), KUNMING_TOKEN, Map.of("recordId", "DZ-4",
                "officerId", "KMGA-DZ-01", "digest", DIGEST, "root", ROOT)), 403)).isEqualTo("statementId");
        assertThat(field(adapter.get(path("STATEMENT-530600-2020-05"), TOKEN), 404)).isEqualTo("statementId");
        assertThat(field(adapter.get(path("STATEMENT-530600-2020-05"), KUNMING_TOKEN), 403)).isEqualTo("statementId");
    }

    /** Confirms the statement through the adapter and returns the fact it published. */
    private static StatementConfirmed confirm(String statementId, String recordId) {
        JsonHttp.Response answer = adapter.post(path(statementId), TOKEN, Map.of("recordId", recordId,
                "officerId", "ZTGA-DZ-01", "digest", DIGEST, "root", ROOT));
        assertThat(answer.status()).isEqualTo(202);
        return (StatementConfirmed) adapter.topics().readEvents(ExchangeTopics.POLICE_EVENTS, statementId, 1,
                PATIENCE).get(0);
    }

    /** The core's answer had the confirmation named the digest the statement was issued with. */
    private static StatementConfirmationRecorded confirmed(StatementConfirmationRecorded refusal) {
        return StatementConfirmationRecorded.newBuilder(refusal).setOutcome(ConfirmationOutcome.CONFIRMED)
                .setReason(null).setStatementDigest(refusal.getConfirmedDigest()).build();
    }

    private static void publish(StatementConfirmationRecorded answer) {
        try {
            adapter.topics().publish(answer);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the answer", e);
        }
    }

    /** The core's answers about the statement in the client's feed. */
    private static List<JsonNode> answersInTheFeed(String token, String statementId) {
        List<JsonNode> answers = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = adapter.get("/api/v1/feed?limit=1000&after=" + after, token).body();
            page.path("items").forEach(item -> {
                if (item.path("clueId").asText().equals(statementId)
                        && item.path("fact").path("type").asText().equals("StatementConfirmationRecorded")) {
                    answers.add(item);
                }
            });
            if (page.path("next").asLong() == after) {
                return answers;
            }
            after = page.path("next").asLong();
        }
    }

    /** What this adapter dead-lettered under the statement's key, in the order it did. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String statementId) {
        return adapter.topics().readToEnd(ExchangeTopics.DEAD_LETTER, statementId).stream()
                .filter(letter -> header(letter, DeadLetters.CONSUMER).equals(CONSUMER)).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String path(String statementId) {
        return "/api/v1/statements/" + statementId + "/confirmation";
    }

    private static String field(JsonHttp.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        return response.body().path("errors").get(0).path("field").asText();
    }
}
