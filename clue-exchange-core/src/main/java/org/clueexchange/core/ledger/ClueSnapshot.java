package org.clueexchange.core.ledger;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.ReturnReason;

/**
 * A clue's ledger row as reconciliation reads it: the shown fact of each kind with when it occurred (null where the
 * ledger holds none), whether any of its facts occurred in the period read, the due times of its limits, and its
 * anomalies. A reader asks what held at some moment by ignoring what occurred after it.
 */
public record ClueSnapshot(String clueId, Direction direction, AgencyId sender, AgencyId receiver,
                           Instant transferredAt, String senderContentDigest, ClueSource source,
                           Instant receivedAt, String receiverContentDigest, Instant acceptedAt,
                           String receiverCaseNumber, Instant returnedAt, ReturnReason returnReason,
                           Instant disposedAt, DisposalMethod disposalMethod, Instant firstProgressAt,
                           Instant concludedAt, Instant feedbackAt, Instant acknowledgedAt,
                           boolean changedInPeriod, Map<SlaClock, Instant> dueAt, List<Anomaly> anomalies) {

    /** An anomaly, with the kind, side and time of the fact that carries it and the time of the other fact. */
    public record Anomaly(AnomalyKind kind, String detail, LedgerFact fact, FactSide side, Instant occurredAt,
                          Instant relatedOccurredAt) {
    }

    ClueSnapshot withAnomalies(List<Anomaly> found) {
        return new ClueSnapshot(clueId, direction, sender, receiver, transferredAt, senderContentDigest, source,
                receivedAt, receiverContentDigest, acceptedAt, receiverCaseNumber, returnedAt, returnReason,
                disposedAt, disposalMethod, firstProgressAt, concludedAt, feedbackAt, acknowledgedAt, changedInPeriod,
                dueAt, List.copyOf(found));
    }

    /** Whether {@code at} is a time that had come by {@code moment}: the fact had occurred. */
    public static boolean by(Instant at, Instant moment) {
        return at != null && at.isBefore(moment);
    }

    /** The stage the clue's facts had reached by {@code moment}. */
    public LedgerState stateAt(Instant moment) {
        Set<LedgerFact> present = EnumSet.noneOf(LedgerFact.class);
        Map<LedgerFact, Instant> shown = new EnumMap<>(LedgerFact.class);
        shown.put(LedgerFact.TRANSFERRED, transferredAt);
        shown.put(LedgerFact.RECEIVED, receivedAt);
        shown.put(LedgerFact.ACCEPTED, acceptedAt);
        shown.put(LedgerFact.RETURNED, returnedAt);
        shown.put(LedgerFact.DISPOSED, disposedAt);
        shown.put(LedgerFact.PROGRESS_REPORTED, firstProgressAt);
        shown.put(LedgerFact.CONCLUDED, concludedAt);
        shown.put(LedgerFact.FEEDBACK_SENT, feedbackAt);
        shown.put(LedgerFact.FEEDBACK_ACKNOWLEDGED, acknowledgedAt);
        shown.forEach((fact, at) -> {
            if (by(at, moment)) {
                present.add(fact);
            }
        });
        return LedgerState.of(present);
    }

    /** When the earliest of the clue's shown facts occurred. */
    public Instant firstFactAt() {
        Instant first = null;
        for (Instant at : new Instant[] {transferredAt, receivedAt, acceptedAt, returnedAt, disposedAt,
                firstProgressAt, concludedAt, feedbackAt, acknowledgedAt}) {
            if (at != null && (first == null || at.isBefore(first))) {
                first = at;
            }
        }
        return first;
    }
}
