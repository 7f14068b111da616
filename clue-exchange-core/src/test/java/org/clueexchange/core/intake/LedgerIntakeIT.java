package org.clueexchange.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ClueEventSamples.AT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.subscription.DeadLetters;
import org.clueexchange.subscription.FactMetrics;
import org.clueexchange.wire.ClueEventCodec;
import org.clueexchange.wire.ClueEventSamples;
import org.clueexchange.wire.ExchangeTopics;
import org.clueexchange.wire.origin.OriginVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Facts published on the agencies' topics reach the ledger over a real broker and a real PostgreSQL. */
class LedgerIntakeIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static RunningCore core;
    static AgencyTopics topics;

    @BeforeAll
    static void start() {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        core = RunningCore.start(infrastructure.postgres().createDatabase("ledger_intake"), bootstrap,
                "clue-exchange-core");
        topics = new AgencyTopics(bootstrap);
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void aTransferItsReceiptAndItsAcceptanceShowBothSidesOnOneLine() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        ClueReceived receipt = ClueEventSamples.receipt(transfer, AT.plusSeconds(600));
        ClueAccepted acceptance = ClueEventSamples.acceptance(transfer, AT.plusSeconds(1200));

        topics.publish(transfer);
        topics.publish(receipt);
        topics.publish(acceptance);

        JsonNode entry = awaitEntry(clueIdOf(transfer), "ACCEPTED");
        assertThat(entry.path("direction").asText()).isEqualTo("POLICE_TO_DISCIPLINE");
        assertThat(entry.path("stateLabel").asText()).isEqualTo("已受理");
        assertThat(entry.path("sender").path("jurisdiction").asText()).isEqualTo("530600");
        assertThat(entry.path("senderRecord").path("transferredAt").asText()).isEqualTo("2020-06-10T02:00:00Z");
        assertThat(entry.path("senderRecord").path("contentDigest").asText()).isEqualTo(transfer.getContentDigest());
        assertThat(entry.path("senderRecord").path("subjects").get(0).path("rank").asText())
                .isEqualTo("TOWNSHIP_SECTION");
        assertThat(entry.path("receiverRecord").path("receivedAt").asText()).isEqualTo("2020-06-10T02:10:00Z");
        assertThat(entry.path("receiverRecord").path("contentDigest").asText()).isEqualTo(transfer.getContentDigest());
        assertThat(entry.path("receiverRecord").path("acceptedAt").asText()).isEqualTo("2020-06-10T02:20:00Z");
        assertThat(entry.path("receiverRecord").path("receiverCaseNumber").asText())
                .isEqualTo(acceptance.getReceiverCaseNumber());
        assertThat(entry.path("timelines").path("sender")).extracting(fact -> fact.path("fact").asText())
                .containsExactly("TRANSFERRED");
        assertThat(entry.path("timelines").path("receiver")).extracting(fact -> fact.path("fact").asText())
                .containsExactly("RECEIVED", "ACCEPTED");
        assertThat(entry.path("clocks")).extracting(clock -> clock.path("clock").asText() + ":"
                + clock.path("status").asText()).contains("PICK_UP:MET", "SAME_DAY_ACCEPTANCE:MET");
        assertThat(entry.path("anomalies")).isEmpty();
    }

    @Test
    void aReceiptThatOvertakesItsTransferIsKeptUntilTheTransferArrives() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        topics.publish(ClueEventSamples.receipt(transfer, AT.plusSeconds(600)));

        JsonNode awaiting = awaitEntry(clueIdOf(transfer), "AWAITING_TRANSFER");
        assertThat(awaiting.has("senderRecord")).isFalse();
        assertThat(awaiting.path("receiverRecord").path("receivedAt").asText()).isEqualTo("2020-06-10T02:10:00Z");

        topics.publish(transfer);
        JsonNode received = awaitEntry(clueIdOf(transfer), "RECEIVED");
        assertThat(received.path("senderRecord").path("transferredAt").asText()).isEqualTo("2020-06-10T02:00:00Z");
        assertThat(received.path("anomalies")).isEmpty();
    }

    @Test
    void aFactDeliveredTwiceIsRecordedOnce() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        ClueReceived receipt = ClueEventSamples.receipt(transfer, AT.plusSeconds(600));
        topics.publish(transfer);
        topics.publish(receipt);
        topics.publish(receipt);
        topics.publish(transfer);
        ClueAccepted acceptance = ClueEventSamples.acceptance(transfer, AT.plusSeconds(900));
        topics.publish(acceptance);

        JsonNode entry = awaitEntry(clueIdOf(transfer), "ACCEPTED");
        assertThat(entry.path("timelines").path("sender")).hasSize(1);
        assertThat(entry.path("timelines").path("receiver")).hasSize(2);
        assertThat(entry.path("anomalies")).isEmpty();
    }

    @Test
    void aReceiptFromAJurisdictionTheTransferDoesNotNameIsDeadLetteredAndThePickUpClockRunsOn() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), now);
        topics.publish(transfer);
        awaitEntry(clueIdOf(transfer), "TRANSFERRED");
        ClueReceived forged = ClueEventSamples.receipt(transfer, now.plusSeconds(10));
        forged.getEnvelope().setAssertedBy(new Agency(AgencyType.DISCIPLINE, "530100"));
        SupervisionOrdered supervision = ClueEventSamples.supervision(transfer, now.plusSeconds(20));
        supervision.getEnvelope().setAssertedBy(transfer.getReceiver());
        topics.publishAll(List.of(forged, supervision));

        assertThat(topics.read(ExchangeTopics.DEAD_LETTER, clueIdOf(transfer), 1, PATIENCE)).singleElement()
                .satisfies(letter -> {
                    assertThat(header(letter, DeadLetters.REASON)).isEqualTo(OriginVerifier.SECURITY + "签收 received "
                            + "asserted by DISCIPLINE@530100, but the transfer names DISCIPLINE@530600");
                    assertThat(ClueEventCodec.create().decode(letter.value())).isEqualTo(forged);
                });
        JsonNode entry = await().atMost(PATIENCE).until(() -> core.entry(clueIdOf(transfer)).orElseThrow(),
                found -> eventIdsOn(found).size() == 2);
        assertThat(eventIdsOn(entry)).containsExactlyInAnyOrder(transfer.getEnvelope().getEventId(),
                supervision.getEnvelope().getEventId());
        assertThat(entry.path("state").asText()).isEqualTo("TRANSFERRED");
        assertThat(entry.path("receiverRecord").path("receivedAt").isMissingNode()
                || entry.path("receiverRecord").path("receivedAt").isNull()).isTrue();
        assertThat(entry.path("anomalies")).isEmpty();
        assertThat(entry.path("clocks")).extracting(clock -> clock.path("clock").asText() + ":"
                + clock.path("status").asText()).contains("PICK_UP:OPEN");
    }

    @Test
    void aReceiptFromAJurisdictionTheTransferDoesNotNameThatOvertookItIsAnAnomalyAndStopsNoClock() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), now);
        ClueReceived stray = ClueEventSamples.receipt(transfer, now.plusSeconds(10));
        stray.getEnvelope().setAssertedBy(new Agency(AgencyType.DISCIPLINE, "530100"));
        topics.publish(stray);
        awaitEntry(clueIdOf(transfer), "AWAITING_TRANSFER");
        topics.publish(transfer);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(core.entry(clueIdOf(transfer))).hasValueSatisfying(
                entry -> {
                    assertThat(entry.path("anomalies")).singleElement().satisfies(anomaly -> {
                        assertThat(anomaly.path("kind").asText()).isEqualTo("RECEIVER_MISMATCH");
                        assertThat(anomaly.path("label").asText()).isEqualTo("接收方不一致");
                        assertThat(anomaly.path("factEventId").asText()).isEqualTo(stray.getEnvelope().getEventId());
                    });
                    assertThat(entry.path("clocks")).extracting(clock -> clock.path("clock").asText() + ":"
                            + clock.path("status").asText()).contains("PICK_UP:OPEN");
                }));
    }

    @Test
    void bytesThatAreNoEventGoToTheDeadLetterTopicWithTheReasonAndLaterFactsAreStillRecorded() throws Exception {
        String key = newClueId();
        byte[] garbage = "{\"clueId\":\"not avro\"}".getBytes(StandardCharsets.UTF_8);
        topics.publish(ExchangeTopics.POLICE_EVENTS, key, garbage);
        ClueTransferred later = ClueEventSamples.transfer(key, AT);
        topics.publish(later);

        awaitEntry(key, "TRANSFERRED");
        List<ConsumerRecord<String, byte[]>> letters = topics.read(ExchangeTopics.DEAD_LETTER, key, 1, PATIENCE);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(header(letter, DeadLetters.REASON)).contains("not an Avro single-object encoded event");
            assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo(ExchangeTopics.POLICE_EVENTS);
            assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo("clue-exchange-core");
        });
    }

    @Test
    void anOperatorSeesTheFactsAppliedAndDeadLetteredAndHowFarTheIntakeIsBehind() throws Exception {
        double applied = metric(FactMetrics.APPLIED);
        double deadLettered = metric(FactMetrics.DEAD_LETTERED);
        String key = newClueId();
        topics.publish(ExchangeTopics.DISCIPLINE_EVENTS, key, new byte[] {1, 2, 3});
        topics.publish(ClueEventSamples.transfer(key, AT));

        awaitEntry(key, "TRANSFERRED");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(metric(FactMetrics.APPLIED)).isGreaterThanOrEqualTo(applied + 1);
            assertThat(metric(FactMetrics.DEAD_LETTERED)).isGreaterThanOrEqualTo(deadLettered + 1);
            assertThat(metric(FactMetrics.LAG)).isZero();
        });
        JsonNode lag = core.get("/actuator/metrics/" + FactMetrics.LAG).body();
        assertThat(lag.path("availableTags")).anySatisfy(tag -> {
            assertThat(tag.path("tag").asText()).isEqualTo("consumer");
            assertThat(tag.path("values")).hasSize(2);
        });
    }

    @Test
    void aFactPublishedOnTheOtherAgencysTopicIsDeadLettered() throws Exception {
        ClueTransferred forged = ClueEventSamples.transfer(newClueId(), AT);
        byte[] bytes = ClueEventCodec.create().encode(forged);
        topics.publish(ExchangeTopics.DISCIPLINE_EVENTS, clueIdOf(forged), bytes);

        List<ConsumerRecord<String, byte[]>> letters =
                topics.read(ExchangeTopics.DEAD_LETTER, clueIdOf(forged), 1, PATIENCE);
        assertThat(letters).singleElement().satisfies(letter -> assertThat(header(letter, DeadLetters.REASON))
                .isEqualTo("ClueTransferred asserted by POLICE arrived on clue.discipline.events: "
                        + "an agency publishes only on its own topic"));
        assertThat(core.entry(clueIdOf(forged))).isEmpty();
    }

    @Test
    void anEventThatBreaksTheContractsRulesIsDeadLettered() throws Exception {
        ClueTransferred tampered = ClueEventSamples.transfer(newClueId(), AT);
        tampered.getContent().setSummary("改过的摘要");
        topics.publish(tampered);

        List<ConsumerRecord<String, byte[]>> letters =
                topics.read(ExchangeTopics.DEAD_LETTER, clueIdOf(tampered), 1, PATIENCE);
        assertThat(letters).singleElement().satisfies(letter -> assertThat(header(letter, DeadLetters.REASON))
                .isEqualTo("invalid ClueTransferred: contentDigest: does not match the content"));
    }

    /** Facts that would stop the exchange if they were taken, each with how the contract refuses it. */
    static Stream<Arguments> factsBeyondTheContract() {
        return Stream.of(
                Arguments.of("NUL in the summary", (Consumer<ClueTransferred>) transfer ->
                        transfer.getContent().setSummary("为涉黑组织\u0000通风报信"),
                        "content.summary: holds the control character U+0000"),
                Arguments.of("NUL in the officer's id", (Consumer<ClueTransferred>) transfer ->
                        transfer.getEnvelope().setActor("GA\u00000042"),
                        "envelope.actor: holds the control character U+0000"),
                Arguments.of("an escape in a subject's name", (Consumer<ClueTransferred>) transfer ->
                        transfer.getContent().getSubjects().get(0).setName("张\u001b[0m某"),
                        "content.subjects[0].name: holds the control character U+001B"),
                Arguments.of("the year 300000", (Consumer<ClueTransferred>) transfer ->
                        transfer.getEnvelope().setOccurredAt(Instant.parse("+300000-01-01T00:00:00Z")),
                        "envelope.occurredAt: must not be after"),
                Arguments.of("published in 1900", (Consumer<ClueTransferred>) transfer ->
                        transfer.getEnvelope().setPublishedAt(Instant.parse("1900-01-01T00:00:00Z")),
                        "envelope.publishedAt: must not be before 2000-01-01T00:00:00Z"),
                Arguments.of("five thousand officials", (Consumer<ClueTransferred>) transfer ->
                        transfer.getContent().setSubjects(Collections.nCopies(5_000,
                                transfer.getContent().getSubjects().get(0))),
                        "content.subjects: more than 100 entries"),
                Arguments.of("a jurisdiction of a megabyte, all but the largest record Kafka takes",
                        (Consumer<ClueTransferred>) transfer -> transfer.setReceiver(
                                new Agency(AgencyType.DISCIPLINE, "5".repeat(1_047_000))),
                        "receiver.jurisdiction: '5555"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factsBeyondTheContract")
    void aFactBeyondTheContractIsDeadLetteredAndTheNextFactOfItsClueIsRecorded(String what,
                                                                             Consumer<ClueTransferred> breakIt,
                                                                             String reason) throws Exception {
        ClueTransferred broken = ClueEventSamples.transfer(newClueId(), AT);
        breakIt.accept(broken);
        ClueTransferred next = ClueEventSamples.transfer(clueIdOf(broken), AT);
        topics.publish(broken);
        topics.publish(next);

        JsonNode entry = awaitEntry(clueIdOf(broken), "TRANSFERRED");
        assertThat(entry.path("timelines").path("sender")).singleElement()
                .satisfies(fact -> assertThat(fact.path("eventId").asText())
                        .isEqualTo(next.getEnvelope().getEventId()));
        List<ConsumerRecord<String, byte[]>> letters =
                topics.read(ExchangeTopics.DEAD_LETTER, clueIdOf(broken), 1, PATIENCE);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(header(letter, DeadLetters.REASON)).startsWith("invalid ClueTransferred: " + reason)
                    .hasSizeLessThan(DeadLetters.MAX_REASON + 100);
            assertThat(ClueEventCodec.create().decode(letter.value())).isEqualTo(broken);
        });
    }

    @Test
    void aConclusionWithoutAnAcceptanceLacksItsPrerequisiteOnTheLedgerAndInTheListOfAnomalousClues()
            throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        topics.publish(transfer);
        topics.publish(ClueEventSamples.receipt(transfer, AT.plusSeconds(600)));
        topics.publish(ClueEventSamples.conclusion(transfer, AT.plusSeconds(3600)));

        JsonNode entry = awaitEntry(clueIdOf(transfer), "CONCLUDED");
        assertThat(entry.path("anomalies")).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.path("kind").asText()).isEqualTo("MISSING_PREREQUISITE");
            assertThat(anomaly.path("label").asText()).isEqualTo("缺少前序事实");
            assertThat(anomaly.path("detail").asText()).isEqualTo("办结 concluded at 2020-06-10T03:00:00Z, "
                    + "without 受理 accepted");
        });
        assertThat(core.get("/api/ledger/clues?jurisdiction=530600&anomalous=true&limit=1000").body())
                .extracting(listed -> listed.path("clueId").asText()).contains(clueIdOf(transfer));

        topics.publish(ClueEventSamples.acceptance(transfer, AT.plusSeconds(1200)));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(core.entry(clueIdOf(transfer)).orElseThrow()
                .path("anomalies")).isEmpty());
        assertThat(core.get("/api/ledger/clues?jurisdiction=530600&anomalous=false&limit=1000").body())
                .extracting(listed -> listed.path("clueId").asText()).contains(clueIdOf(transfer));
    }

    @Test
    void theListFiltersByJurisdictionDirectionAndStateAndRefusesBadFilters() throws Exception {
        ClueTransferred transfer = ClueEventSamples.transfer(newClueId(), AT);
        topics.publish(transfer);
        awaitEntry(clueIdOf(transfer), "TRANSFERRED");

        assertThat(core.get("/api/ledger/clues?jurisdiction=530000&direction=POLICE_TO_DISCIPLINE&state=TRANSFERRED"
                + "&limit=1000").body()).extracting(entry -> entry.path("clueId").asText())
                .contains(clueIdOf(transfer));
        assertThat(core.get("/api/ledger/clues?jurisdiction=620102&limit=1000").body())
                .extracting(entry -> entry.path("clueId").asText()).doesNotContain(clueIdOf(transfer));

        JsonHttp.Response badJurisdiction = core.get("/api/ledger/clues?jurisdiction=5306");
        assertThat(badJurisdiction.status()).isEqualTo(400);
        assertThat(badJurisdiction.body().path("errors").get(0).path("field").asText()).isEqualTo("jurisdiction");
        JsonHttp.Response badState = core.get("/api/ledger/clues?state=LOST");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.body().path("detail").asText()).startsWith("state: 'LOST' is not one of [");
    }

    private static JsonNode awaitEntry(String clueId, String state) {
        return await().atMost(PATIENCE).until(() -> core.entry(clueId),
                entry -> entry.isPresent() && entry.get().path("state").asText().equals(state)).orElseThrow();
    }

    /** The meter's value for the core's consumer group, summed over its consumers, as the actuator shows it. */
    private static double metric(String name) {
        JsonNode meter = core.get("/actuator/metrics/" + name + "?tag=group:clue-exchange-core").body();
        return meter.path("measurements").get(0).path("value").asDouble();
    }

    /** The event ids of every fact on both of the entry's timelines. */
    private static List<String> eventIdsOn(JsonNode entry) {
        return Stream.concat(StreamSupport.stream(entry.path("timelines").path("sender").spliterator(), false),
                StreamSupport.stream(entry.path("timelines").path("receiver").spliterator(), false))
                .map(fact -> fact.path("eventId").asText()).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String clueIdOf(ClueTransferred transfer) {
        return transfer.getEnvelope().getClueId();
    }

    static String newClueId() {
        return "POLICE-530600-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
