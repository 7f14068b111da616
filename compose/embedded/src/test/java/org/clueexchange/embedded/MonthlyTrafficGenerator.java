package org.clueexchange.embedded;

import static org.clueexchange.wire.ExchangeTime.CHINA_STANDARD_TIME;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.clueexchange.infrastructure.JsonHttp;

/**
 * Drives a prefecture's clue traffic through the adapters' public APIs exactly as each agency's system would, every
 * fact dated when it happened at the agency. Each clue follows a {@link ClueScript}: a clean history to the closed
 * loop, or one with a discrepancy injected. Clues run side by side, each in its own order.
 */
public final class MonthlyTrafficGenerator {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** Which agency sends the clue. */
    public enum Sender { POLICE, DISCIPLINE }

    /**
     * One clue's history: each fact's time (null: it never happens), the content the receiver actually got if it
     * differs from what was sent, and what the outcome and the official named are.
     *
     * @param outcome the receiver's result vocabulary, e.g. {@code PUT_ON_FILE} or {@code CRIMINAL_CASE_OPENED},
     *                each with its number of persons
     */
    public record ClueScript(String recordId, Sender sender, String source, String rank, Instant transferredAt,
                      Instant receivedAt, boolean receivedOtherContent, Instant acceptedAt, Instant returnedAt,
                      Instant disposedAt, Instant concludedAt, Map<String, Integer> outcome, Instant feedbackAt,
                      Instant acknowledgedAt) {

        ClueScript receivingOtherContent() {
            return new ClueScript(recordId, sender, source, rank, transferredAt, receivedAt, true, acceptedAt,
                    returnedAt, disposedAt, concludedAt, outcome, feedbackAt, acknowledgedAt);
        }

        ClueScript until(Instant last) {
            return new ClueScript(recordId, sender, source, rank, transferredAt, upTo(receivedAt, last),
                    receivedOtherContent, upTo(acceptedAt, last), upTo(returnedAt, last), upTo(disposedAt, last),
                    upTo(concludedAt, last), outcome, upTo(feedbackAt, last), upTo(acknowledgedAt, last));
        }

        ClueScript returnedAt(Instant at) {
            return new ClueScript(recordId, sender, source, rank, transferredAt, receivedAt, receivedOtherContent,
                    null, at, null, null, outcome, null, null);
        }

        public ClueScript with(Instant transferred, Instant received, Instant accepted, Instant disposed) {
            return new ClueScript(recordId, sender, source, rank, transferred, received, receivedOtherContent,
                    accepted, returnedAt, disposed, concludedAt, outcome, feedbackAt, acknowledgedAt);
        }

        private static Instant upTo(Instant at, Instant last) {
            return at == null || at.isAfter(last) ? null : at;
        }
    }

    /**
     * A clean history from a transfer at 10:00 on {@code day} (UTC+8): picked up at 11:00, accepted at 12:00,
     * disposed of at 13:00, concluded ten days later, feedback the day after, acknowledged the day after that.
     */
    public static ClueScript closedLoop(String recordId, Sender sender, String source, String rank,
                                        LocalDateTime day, Map<String, Integer> outcome) {
        Instant transferred = at(day.withHour(10));
        return new ClueScript(recordId, sender, source, rank, transferred, transferred.plus(Duration.ofHours(1)),
                false, transferred.plus(Duration.ofHours(2)), null, transferred.plus(Duration.ofHours(3)),
                transferred.plus(Duration.ofDays(10)), outcome, transferred.plus(Duration.ofDays(11)),
                transferred.plus(Duration.ofDays(12)));
    }

    static Instant at(LocalDateTime chinaStandardTime) {
        return chinaStandardTime.toInstant(CHINA_STANDARD_TIME);
    }

    private final ExchangeDeployment deployment;
    private final JsonHttp police;
    private final JsonHttp discipline;

    public MonthlyTrafficGenerator(ExchangeDeployment deployment) {
        this.deployment = deployment;
        this.police = new JsonHttp(deployment.police(), deployment.credentials().policeCaseSystem());
        this.discipline = new JsonHttp(deployment.discipline(), deployment.credentials().disciplineClueSystem());
    }

    /** Plays every script, several clues at a time; returns each script's clue id. */
    Map<ClueScript, String> play(List<ClueScript> scripts) throws Exception {
        ExecutorService agencies = Executors.newFixedThreadPool(8);
        try {
            Map<ClueScript, Future<String>> running = new HashMap<>();
            for (ClueScript script : scripts) {
                running.put(script, agencies.submit(() -> play(script)));
            }
            Map<ClueScript, String> clueIds = new HashMap<>();
            for (Map.Entry<ClueScript, Future<String>> clue : running.entrySet()) {
                clueIds.put(clue.getKey(), clue.getValue().get());
            }
            return clueIds;
        } finally {
            agencies.shutdownNow();
        }
    }

    /** The sender acknowledges the feedback on a clue played earlier, e.g. late. */
    void acknowledge(ClueScript script, String clueId, Instant at) {
        act(sender(script), "/api/v1/clue-transfers/" + clueId + "/feedback-acknowledgement", "ack-late", at,
                Map.of());
    }

    private String play(ClueScript script) throws InterruptedException {
        JsonHttp sender = sender(script);
        JsonHttp receiver = script.sender() == Sender.POLICE ? discipline : police;
        String clueId = transfer(script);
        await(() -> receiver.get("/api/v1/inbox/" + clueId).status() == 200, clueId + " in the inbox");
        String inbox = "/api/v1/inbox/" + clueId;
        if (script.receivedAt() != null) {
            act(receiver, inbox + "/receipt", "receipt", script.receivedAt(), script.receivedOtherContent()
                    ? Map.of("receivedAttachments", List.of(Map.of("name", "询问笔录(残缺).pdf",
                    "sha256", "b".repeat(64)))) : Map.of());
        }
        if (script.acceptedAt() != null) {
            act(receiver, inbox + "/acceptance", "acceptance", script.acceptedAt(),
                    Map.of("caseNumber", "ZT-" + script.recordId()));
        }
        if (script.returnedAt() != null) {
            act(receiver, inbox + "/return", "return", script.returnedAt(), Map.of("reason", "MATERIAL_INCOMPLETE",
                    "explanation", "缺少询问笔录原件"));
        }
        if (script.disposedAt() != null) {
            act(receiver, inbox + (script.sender() == Sender.POLICE ? "/disposal" : "/decision"), "disposal",
                    script.disposedAt(), script.sender() == Sender.POLICE
                            ? Map.of("method", "PRELIMINARY_VERIFICATION")
                            : Map.of("decision", "CRIMINAL_INVESTIGATION"));
        }
        if (script.concludedAt() != null) {
            List<Map<String, Object>> outcomes = new ArrayList<>();
            String kind = script.sender() == Sender.POLICE ? "outcome" : "result";
            script.outcome().forEach((outcome, persons) -> outcomes.add(Map.of(kind, outcome, "persons", persons)));
            act(receiver, inbox + "/conclusion", "conclusion", script.concludedAt(), Map.of("summary", "办结",
                    script.sender() == Sender.POLICE ? "outcomes" : "results", outcomes));
        }
        if (script.feedbackAt() != null) {
            act(receiver, inbox + "/feedback", "feedback", script.feedbackAt(), Map.of("summary", "已办结并反馈"));
        }
        if (script.acknowledgedAt() != null) {
            await(() -> sender.get("/api/v1/clue-transfers/" + clueId).successfully().path("history")
                    .findValuesAsText("fact").contains("FeedbackSent"), "feedback on " + clueId);
            act(sender, "/api/v1/clue-transfers/" + clueId + "/feedback-acknowledgement", "ack",
                    script.acknowledgedAt(), Map.of());
        }
        return clueId;
    }

    /** The sender's system transfers the script's clue; its clue id, once the adapter has accepted the transfer. */
    public String transfer(ClueScript script) {
        return sender(script).post("/api/v1/clue-transfers", transferRequest(script)).successfully().path("clueId")
                .asText();
    }

    private JsonHttp sender(ClueScript script) {
        return script.sender() == Sender.POLICE ? police : discipline;
    }

    private Map<String, Object> transferRequest(ClueScript script) {
        Map<String, Object> request = new HashMap<>();
        request.put("recordId", script.recordId());
        request.put("jurisdiction", deployment.jurisdiction());
        request.put("receiverJurisdiction", deployment.jurisdiction());
        request.put("officerId", "ZT-0042");
        request.put("occurredAt", script.transferredAt().toString());
        request.put("source", script.source());
        Map<String, Object> official = Map.of("name", "某某", "unit", "某县某单位", "rank", script.rank(),
                "role", "涉嫌充当保护伞");
        request.put("officials", List.of(official));
        request.put("summary", "线索 " + script.recordId());
        if (script.sender() == Sender.POLICE) {
            request.put("caseNumber", "ZT-GA-" + script.recordId());
            request.put("caseType", "EVIL_FORCE_CRIMINAL_GROUP");
            request.put("allegation", "PROTECTIVE_UMBRELLA");
            request.put("attachments", List.of(Map.of("name", "询问笔录.pdf", "sha256", "a".repeat(64))));
        } else {
            request.put("persons", List.of("刘某"));
        }
        return request;
    }

    /** One step of an agency system: its record id names the clue and the step, so a rerun repeats nothing. */
    private static void act(JsonHttp system, String path, String step, Instant occurredAt,
                            Map<String, Object> details) {
        Map<String, Object> request = new HashMap<>(details);
        request.put("recordId", "R" + Integer.toHexString((path + step).hashCode()));
        request.put("officerId", "ZT-0007");
        request.put("occurredAt", occurredAt.toString());
        system.post(path, request).successfully();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + PATIENCE);
            }
            Thread.sleep(200);
        }
    }
}
