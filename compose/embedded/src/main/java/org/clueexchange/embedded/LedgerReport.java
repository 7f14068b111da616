package org.clueexchange.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.clueexchange.events.AgencyType;
import org.clueexchange.infrastructure.JsonHttp;
import org.clueexchange.wire.ClueEvents;

/** Prints clues' ledger entries as a reconciliation officer reads them: both sides, times in UTC+8. */
final class LedgerReport {

    private static final DateTimeFormatter CST =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.ofHours(8));

    private LedgerReport() {
    }

    static void print(JsonHttp core, List<String> clueIds, PrintStream out) {
        out.println("移送台账 Transfer ledger (times UTC+8)");
        for (String clueId : clueIds) {
            JsonNode entry = core.get("/api/ledger/clues/" + clueId).successfully();
            out.printf("  %s  %s  %s %s%n", clueId, entry.path("directionLabel").asText(),
                    entry.path("stateLabel").asText(), entry.path("state").asText());
            out.printf("    %s → %s  %s%n", agency(entry.path("sender")), agency(entry.path("receiver")),
                    entry.path("senderRecord").path("summary").asText());
            for (String side : List.of("sender", "receiver")) {
                for (JsonNode fact : entry.path("timelines").path(side)) {
                    out.printf("    %s  %-4s %s%n", CST.format(Instant.parse(fact.path("occurredAt").asText())),
                            fact.path("label").asText(), fact.path("assertedBy").asText());
                }
            }
            entry.path("clocks").forEach(clock -> out.printf("    时限 %s due %s: %s%n", clock.path("label").asText(),
                    CST.format(Instant.parse(clock.path("dueAt").asText())), clock.path("status").asText()));
            entry.path("anomalies").forEach(anomaly -> out.printf("    异常 %s %s: %s%n",
                    anomaly.path("label").asText(), anomaly.path("kind").asText(), anomaly.path("detail").asText()));
        }
    }

    private static String agency(JsonNode agency) {
        return ClueEvents.nameOf(AgencyType.valueOf(agency.path("type").asText()),
                agency.path("jurisdiction").asText());
    }
}
