package org.clueexchange.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.clueexchange.infrastructure.JsonHttp;

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
            JsonNode sender = entry.path("senderRecord");
            JsonNode receiver = entry.path("receiverRecord");
            out.printf("  %s  %s  %s%n", clueId, entry.path("directionLabel").asText(),
                    entry.path("stateLabel").asText() + " " + entry.path("state").asText());
            out.printf("    移送 transferred  %s  by %s  %s%n", time(sender.path("transferredAt")),
                    agency(entry.path("sender")), sender.path("summary").asText());
            out.printf("    签收 received     %s  by %s  content %s%n", time(receiver.path("receivedAt")),
                    agency(entry.path("receiver")), receiver.has("contentDigest")
                            ? (receiver.path("contentDigest").equals(sender.path("contentDigest")) ? "matches 一致"
                            : "differs 不一致") : "-");
            out.printf("    受理 accepted     %s  %s%n", time(receiver.path("acceptedAt")),
                    receiver.path("receiverCaseNumber").asText("-"));
            entry.path("anomalies").forEach(anomaly -> out.printf("    异常 anomaly      %s %s: %s%n",
                    anomaly.path("label").asText(), anomaly.path("kind").asText(), anomaly.path("detail").asText()));
        }
    }

    private static String time(JsonNode instant) {
        return instant.isMissingNode() || instant.isNull() ? "-               " : CST.format(Instant.parse(instant.asText()));
    }

    private static String agency(JsonNode agency) {
        return agency.path("type").asText() + "@" + agency.path("jurisdiction").asText();
    }
}
