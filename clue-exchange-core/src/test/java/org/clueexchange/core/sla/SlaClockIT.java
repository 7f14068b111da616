package org.clueexchange.core.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clueexchange.wire.ExchangeTime.CHINA_STANDARD_TIME;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.clueexchange.core.AdjustableClock;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each time limit is breached when, and only when, it falls due: the core runs on a clock the test moves, its
 * deadlines on the same db-scheduler table as in production.
 */
class SlaClockIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long a limit must stay open just before it falls due: several polls of the deadline scheduler. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

    static RunningCore core;
    static AgencyTopics topics;

    @BeforeAll
    static void start() {
        AdjustableClock.INSTANCE.set(Instant.parse("2020-06-10T04:00:00Z"));
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        core = RunningCore.start(infrastructure.postgres().createDatabase("sla_clocks"),
                infrastructure.kafka().bootstrapServers(), "sla-clocks", AdjustableClock.InCore.class);
        topics = new AgencyTopics(infrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void stop() {
        topics.close();
        core.close();
    }

    @Test
    void everyTimeLimitIsBreachedExactlyWhenItFallsDue() throws Exception {
        Instant noon = nextNoon();
        ClueTransferred untouched = transfer(noon);
        ClueTransferred receivedOnly = transfer(noon);
        ClueTransferred acceptedOnly = transfer(noon);
        ClueTransferred disposedOf = transfer(noon);
        Instant acceptedAt = noon.plus(Duration.ofMinutes(10));
        for (ClueTransferred accepted : new ClueTransferred[] {acceptedOnly, disposedOf}) {
            topics.publish(ClueEventSamples.receipt(accepted, noon.plus(Duration.ofMinutes(5))));
            topics.publish(ClueEventSamples.acceptance(accepted, acceptedAt));
        }
        topics.publish(ClueEventSamples.receipt(receivedOnly, noon.plus(Duration.ofMinutes(5))));
        topics.publish(ClueEventSamples.disposal(disposedOf, acceptedAt.plus(Duration.ofMinutes(30))));
        awaitClock(disposedOf, "DISPOSAL", "MET");
        awaitClock(acceptedOnly, "DISPOSAL", "OPEN");

        Instant disposalDue = acceptedAt.plus(Duration.ofHours(2));
        assertOpenUntilDueThenBreached(acceptedOnly, "DISPOSAL", disposalDue);
        assertThat(clock(disposedOf, "DISPOSAL").path("status").asText()).isEqualTo("MET");

        assertOpenUntilDueThenBreached(untouched, "SAME_DAY_ACCEPTANCE", noon.plus(Duration.ofHours(12)));
        awaitClock(receivedOnly, "SAME_DAY_ACCEPTANCE", "BREACHED");
        assertThat(clock(acceptedOnly, "SAME_DAY_ACCEPTANCE").path("status").asText()).isEqualTo("MET");

        assertOpenUntilDueThenBreached(untouched, "PICK_UP", noon.plus(Duration.ofHours(24)));
        assertThat(clock(receivedOnly, "PICK_UP").path("status").asText()).isEqualTo("MET");

        assertOpenUntilDueThenBreached(acceptedOnly, "FEEDBACK", acceptedAt.plus(Duration.ofDays(30)));
        awaitClock(disposedOf, "FEEDBACK", "BREACHED");

        assertThat(clueIds("breached=true")).contains(clueIdOf(untouched), clueIdOf(acceptedOnly));
        assertThat(clueIds("breached=false")).doesNotContain(clueIdOf(untouched), clueIdOf(acceptedOnly));
    }

    private static List<String> clueIds(String filter) {
        return core.get("/api/ledger/clues?jurisdiction=530600&limit=1000&" + filter).body()
                .findValuesAsText("clueId");
    }

    private static String clueIdOf(ClueTransferred transfer) {
        return transfer.getEnvelope().getClueId();
    }

    @Test
    void aFactThatOccurredInTimeButArrivesAfterTheLimitFellDueFulfilsItInTime() throws Exception {
        Instant noon = nextNoon();
        ClueTransferred transfer = transfer(noon);
        awaitClock(transfer, "PICK_UP", "OPEN");
        AdjustableClock.INSTANCE.set(noon.plus(Duration.ofHours(25)));
        awaitClock(transfer, "PICK_UP", "BREACHED");

        topics.publish(ClueEventSamples.receipt(transfer, noon.plus(Duration.ofHours(23))));

        JsonNode pickUp = awaitClock(transfer, "PICK_UP", "MET");
        assertThat(pickUp.path("fulfilledAt").asText()).isEqualTo(noon.plus(Duration.ofHours(23)).toString());
    }

    /**
     * Moves the clock to the next noon (UTC+8) after its present time. The clock only ever moves forward: the
     * deadline scheduler, like any process on a real machine, does not expect time to run backwards.
     */
    private static Instant nextNoon() {
        LocalDate tomorrow = AdjustableClock.INSTANCE.instant().atOffset(CHINA_STANDARD_TIME).toLocalDate()
                .plusDays(1);
        Instant noon = tomorrow.atTime(12, 0).toInstant(CHINA_STANDARD_TIME);
        AdjustableClock.INSTANCE.set(noon);
        return noon;
    }

    private static void assertOpenUntilDueThenBreached(ClueTransferred transfer, String clock, Instant dueAt)
            throws InterruptedException {
        AdjustableClock.INSTANCE.set(dueAt.minus(Duration.ofSeconds(30)));
        Thread.sleep(QUIET.toMillis());
        JsonNode open = clock(transfer, clock);
        assertThat(open.path("status").asText()).as(clock + " just before it falls due").isEqualTo("OPEN");
        assertThat(open.path("dueAt").asText()).isEqualTo(dueAt.toString());

        AdjustableClock.INSTANCE.set(dueAt);
        awaitClock(transfer, clock, "BREACHED");
    }

    private static ClueTransferred transfer(Instant at) throws Exception {
        ClueTransferred transfer =
                ClueEventSamples.transfer("POLICE-530600-" + UUID.randomUUID().toString().substring(0, 8), at);
        topics.publish(transfer);
        return transfer;
    }

    private static JsonNode awaitClock(ClueTransferred transfer, String clock, String status) {
        return await().atMost(PATIENCE).until(() -> clock(transfer, clock),
                found -> found != null && status.equals(found.path("status").asText()));
    }

    private static JsonNode clock(ClueTransferred transfer, String clock) {
        return core.entry(transfer.getEnvelope().getClueId()).map(entry -> {
            for (JsonNode found : entry.path("clocks")) {
                if (found.path("clock").asText().equals(clock)) {
                    return found;
                }
            }
            return null;
        }).orElse(null);
    }
}
