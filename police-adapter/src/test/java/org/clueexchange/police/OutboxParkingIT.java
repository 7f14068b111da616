package org.clueexchange.police;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.clueexchange.adapter.AdapterRuntime;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.AdapterSettings;
import org.clueexchange.infrastructure.AdapterUnderTest;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.ExchangeTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fact whose record Kafka refuses for good is parked with Kafka's reason and listed for the adapter's operators;
 * the adapter's other clues are published meanwhile, the parked clue's later facts wait behind it, and once the cause
 * is removed and an operator puts the fact back in line, both are published in their order.
 */
class OutboxParkingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TOKEN = UUID.randomUUID().toString();
    private static final String OPERATOR_TOKEN = UUID.randomUUID().toString();
    private static final ConfigResource POLICE_TOPIC =
            new ConfigResource(ConfigResource.Type.TOPIC, ExchangeTopics.POLICE_EVENTS);
    /** Room for any ordinary fact, and a batch of a few, but not for a transfer with a long summary. */
    private static final int MESSAGE_LIMIT = 2048;

    static AdapterUnderTest adapter;
    static Admin admin;

    @BeforeAll
    static void start() {
        admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                ExchangeInfrastructure.shared().kafka().bootstrapServers()));
        adapter = AdapterUnderTest.start(PoliceAdapter.class, "police_parking", infrastructure ->
                AdapterSettings.serving(AgencyType.POLICE, "530600", infrastructure)
                        .client("zhaotong-case-system", TOKEN, "530600")
                        .operator("zhaotong-operator", OPERATOR_TOKEN).asMap());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            limitPoliceTopic(null);
        } finally {
            admin.close();
            adapter.close();
        }
    }

    @Test
    void aFactKafkaRefusesIsParkedItsClueWaitsBehindItEveryOtherClueGoesOnAndARetryPublishesBothInOrder()
            throws Exception {
        JsonHttp operator = new JsonHttp(adapter.uri(), OPERATOR_TOKEN);
        limitPoliceTopic(MESSAGE_LIMIT);
        String parkedClue;
        JsonNode parked;
        try {
            Map<String, Object> longTransfer = ClueTransferApiIT.transferRequest();
            // Random hex, so that compression cannot bring the record under the topic's limit.
            byte[] noise = new byte[3000];
            new SecureRandom().nextBytes(noise);
            longTransfer.put("summary", "王某多次为涉黑组织通风报信。" + HexFormat.of().formatHex(noise));
            parkedClue = accepted(adapter.post("/api/v1/clue-transfers", TOKEN, longTransfer)).path("clueId")
                    .asText();
            accepted(adapter.post("/api/v1/clues/" + parkedClue + "/supervision", TOKEN, Map.of(
                    "recordId", "DB-" + UUID.randomUUID(), "officerId", "GA-0042", "kind", "SUPERVISION",
                    "instructions", "请于三日内反馈核查进展")));

            parked = await().atMost(PATIENCE).until(() -> parkedFact(operator, parkedClue), fact -> fact != null);
            assertThat(parked.path("fact").asText()).isEqualTo("ClueTransferred");
            assertThat(parked.path("reason").asText())
                    .startsWith("org.apache.kafka.common.errors.RecordTooLargeException: ");
            assertThat(parked.path("waitingBehind").asLong()).isEqualTo(1);
            assertThat(parked.has("parkedAt")).isTrue();

            String otherClue = accepted(adapter.post("/api/v1/clue-transfers", TOKEN,
                    ClueTransferApiIT.transferRequest())).path("clueId").asText();
            await().atMost(PATIENCE).until(() -> transfer(otherClue).path("publication").asText()
                    .equals("PUBLISHED"));

            // The supervision was accepted before the other clue's transfer: only waiting can keep it back now.
            assertThat(transfer(parkedClue).path("history")).extracting(fact -> fact.path("fact").asText() + " "
                    + fact.path("publication").asText())
                    .containsExactly("ClueTransferred PARKED", "SupervisionOrdered QUEUED");
            assertThat(adapter.topics().readToEnd(ExchangeTopics.POLICE_EVENTS, parkedClue)).isEmpty();
            assertThat(metric(AdapterRuntime.OUTBOX_PARKED)).isEqualTo(1);
        } finally {
            limitPoliceTopic(null);
        }

        JsonHttp.Response retried = operator.post("/operator/v1/outbox/parked/" + parked.path("sequence").asLong()
                + "/retry", "");
        assertThat(retried.status()).as(String.valueOf(retried.body())).isEqualTo(202);
        assertThat(retried.body().path("clueId").asText()).isEqualTo(parkedClue);

        await().atMost(PATIENCE).until(() -> transfer(parkedClue).path("history").findValuesAsText("publication")
                .stream().allMatch("PUBLISHED"::equals));
        assertThat(adapter.topics().readEventsToEnd(ExchangeTopics.POLICE_EVENTS, parkedClue))
                .extracting(ClueEvents::typeOf).containsExactly("ClueTransferred", "SupervisionOrdered");
        assertThat(parkedFact(operator, parkedClue)).isNull();
        assertThat(metric(AdapterRuntime.OUTBOX_PARKED)).isZero();
    }

    @Test
    void onlyAnOperatorsTokenOpensTheOperatorsEndpointsAndOnlyTheirs() {
        assertThat(new JsonHttp(adapter.uri(), OPERATOR_TOKEN).get("/operator/v1/outbox/parked").status())
                .isEqualTo(200);
        assertThat(new JsonHttp(adapter.uri(), TOKEN).get("/operator/v1/outbox/parked").status())
                .as("an agency client's token").isEqualTo(401);
        assertThat(new JsonHttp(adapter.uri(), null).get("/operator/v1/outbox/parked").status())
                .as("no token").isEqualTo(401);
        assertThat(adapter.get("/api/v1/clue-transfers", OPERATOR_TOKEN).status())
                .as("the operator's token on the agencies' API").isEqualTo(401);

        JsonHttp.Response unknown = new JsonHttp(adapter.uri(), OPERATOR_TOKEN)
                .post("/operator/v1/outbox/parked/" + Long.MAX_VALUE + "/retry", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("sequence");
    }

    /** Sets the police topic's largest record batch, or removes the limit when {@code bytes} is null. */
    private static void limitPoliceTopic(Integer bytes) throws ExecutionException, InterruptedException {
        ConfigEntry entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                bytes == null ? "" : bytes.toString());
        admin.incrementalAlterConfigs(Map.of(POLICE_TOPIC, List.of(new AlterConfigOp(entry,
                bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET)))).all().get();
        await().atMost(PATIENCE).until(() -> {
            ConfigEntry now = admin.describeConfigs(List.of(POLICE_TOPIC)).all().get().get(POLICE_TOPIC)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return bytes == null ? now.isDefault() : now.value().equals(bytes.toString());
        });
    }

    private static JsonNode parkedFact(JsonHttp operator, String clueId) {
        for (JsonNode fact : operator.get("/operator/v1/outbox/parked?limit=1000").successfully().path("items")) {
            if (fact.path("clueId").asText().equals(clueId)) {
                return fact;
            }
        }
        return null;
    }

    private static JsonNode transfer(String clueId) {
        return adapter.get("/api/v1/clue-transfers/" + clueId, TOKEN).successfully();
    }

    private static double metric(String name) {
        return adapter.get("/actuator/metrics/" + name, null).body().path("measurements").get(0).path("value")
                .asDouble();
    }

    private static JsonNode accepted(JsonHttp.Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(202);
        return response.body();
    }
}
