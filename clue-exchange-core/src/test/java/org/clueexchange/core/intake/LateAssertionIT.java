package org.clueexchange.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clueexchange.core.RunningCore;
import org.clueexchange.events.ClueAccepted;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.infrastructure.AgencyTopics;
import org.clueexchange.infrastructure.CoreCredentials;
import org.clueexchange.infrastructure.ExchangeInfrastructure;
import org.clueexchange.wire.ClueEventSamples;
import org.junit.jupiter.api.Test;

/**
 * A receiver that missed its same-day limit and then asserts an acceptance dated back into the day: the limit counts
 * as met, as it is judged by when things happened, but the ledger shows the late assertion (迟报) and the fulfilment
 * after the breach, and the month's statement lists both.
 */
class LateAssertionIT {

    /** 2021-02-03 10:00 in China Standard Time: the same-day limit falls due at 2021-02-03T16:00Z. */
    private static final Instant TRANSFERRED = Instant.parse("2021-02-03T02:00:00Z");

    @Test
    void aBackdatedAcceptanceAfterTheBreachIsALateAssertionAndAnAnomalyThatTheStatementLists() throws Exception {
        ExchangeInfrastructure infrastructure = ExchangeInfrastructure.shared();
        String bootstrap = infrastructure.kafka().bootstrapServers();
        String clueId = "POLICE-530600-LA" + UUID.randomUUID().toString().substring(0, 8);
        ClueTransferred transfer = ClueEventSamples.transfer(clueId, TRANSFERRED);
        ClueReceived receipt = ClueEventSamples.receipt(transfer, TRANSFERRED.plusSeconds(600));
        ClueAccepted backdated = ClueEventSamples.acceptance(transfer, Instant.parse("2021-02-03T15:00:00Z"));
        backdated.getEnvelope().setPublishedAt(Instant.parse("2021-02-05T01:00:00Z"));

        try (RunningCore core = RunningCore.start(infrastructure.postgres().createDatabase("late_assertion"),
                bootstrap, "late-assertion");
             AgencyTopics topics = new AgencyTopics(bootstrap)) {
            topics.publish(transfer);
            topics.publish(receipt);
            topics.publish(backdated);

            JsonNode entry = await().atMost(Duration.ofSeconds(30)).until(() -> core.entry(clueId),
                    found -> found.isPresent() && found.get().path("anomalies").size() == 2
                            && RunningCore.settled(found.get())).orElseThrow();
            assertThat(entry.path("anomalies")).extracting(anomaly -> anomaly.path("kind").asText() + "/"
                    + anomaly.path("label").asText()).containsExactlyInAnyOrder("LATE_ASSERTION/迟报",
                    "FULFILLED_AFTER_BREACH/超时后补报");
            assertThat(entry.path("clocks")).extracting(clock -> clock.path("clock").asText() + ":"
                    + clock.path("status").asText()).contains("SAME_DAY_ACCEPTANCE:MET");

            JsonNode statement = core.as(CoreCredentials.officer("530000")).post("/api/reconciliation/monthly",
                    Map.of("jurisdiction", "530600", "period", "2021-02")).successfully();
            List<String> breaks = new ArrayList<>();
            statement.path("content").path("lines").forEach(line -> line.path("breaks").forEach(found ->
                    breaks.add(found.path("sideToAct").asText() + " " + found.path("detail").asText())));
            assertThat(breaks).anyMatch(found -> found.startsWith("RECEIVER 迟报: accepted at 2021-02-03T15:00:00Z"));
            assertThat(breaks).anyMatch(found -> found.startsWith("RECEIVER 超时后补报: 当天受理 due at "
                    + "2021-02-03T16:00:00Z"));
        }
    }
}
