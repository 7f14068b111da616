package org.clueexchange.core.ledger.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.Direction;
import org.clueexchange.core.ledger.FactKind;
import org.clueexchange.core.ledger.FactSide;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.MissingPrerequisite;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.events.ClueSource;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.ReceiptChannel;
import org.clueexchange.events.ReturnReason;

/**
 * A clue's ledger row as reconciliation reads it: the shown fact of each kind with when it occurred (null where the
 * ledger holds none), whether any of its facts occurred in the period read, the due times of its limits, and its
 * anomalies. A reader asks what held at some moment by ignoring what occurred after it.
 *
 * @param receiptChannel          how the shown receipt came: through the exchange, or outside it
 * @param receiptSenderCaseNumber the sender's case number the shown receipt names
 */
public record LedgerRow(String clueId, Direction direction, AgencyId sender, AgencyId receiver,
                        Instant transferredAt, String senderContentDigest, ClueSource source,
                        Instant receivedAt, ReceiptChannel receiptChannel, String receiptSenderCaseNumber,
                        String receiverContentDigest, Instant acceptedAt,
                        String receiverCaseNumber, Instant returnedAt, ReturnReason returnReason,
                        Instant disposedAt, DisposalMethod disposalMethod, Instant firstProgressAt,
                        Instant concludedAt, Instant feedbackAt, Instant acknowledgedAt,
                        boolean changedInPeriod, Map<SlaClock, Instant> dueAt, List<Anomaly> anomalies) {

    /** An anomaly, with the kind, side and time of the fact that carries it and the time of the other fact. */
    public record Anomaly(AnomalyKind kind, String detail, FactKind fact, FactSide side, Instant occurredAt,
                          Instant relatedOccurredAt) {
    }

    LedgerRow withAnomalies(List<Anomaly> found) {
        return new LedgerRow(clueId, direction, sender, receiver, transferredAt, senderContentDigest, source,
                receivedAt, receiptChannel, receiptSenderCaseNumber, receiverContentDigest, acceptedAt, receiverCaseNumber, returnedAt, returnReason,
                disposedAt, disposalMethod, firstProgressAt, concludedAt, feedbackAt, acknowledgedAt, changedInPeriod,
                dueAt, List.copyOf(found));
    }

    /**
     * The time limit {@code clock} as it stood at {@code moment}, fulfilled by the fact that occurred at
     * {@code fulfilledAt}; none if the clock had not started.
     */
    public Optional<TimeLimit> limitAsOf(SlaClock clock, Instant fulfilledAt, Instant moment) {
        Instant due = dueAt.get(clock);
        return due == null ? Optional.empty() : Optional.of(TimeLimit.asOf(moment, due, fulfilledAt));
    }

    /** Whether {@code at} is a time that had come by {@code moment}: the fact had occurred. */
    public static boolean by(Instant at, Instant moment) {
        return at != null && at.isBefore(moment);
    }

    /** The stage the clue's facts had reached by {@code moment}. */
    public LedgerState stateAt(Instant moment) {
        Set<FactKind> present = EnumSet.noneOf(FactKind.class);
        shown().forEach((fact, at) -> {
            if (by(at, moment)) {
                present.add(fact);
            }
        });
        return LedgerState.of(present);
    }

    /** The prerequisites the clue's facts lacked at {@code moment}. */
    public List<MissingPrerequisite> missingPrerequisitesAt(Instant moment) {
        return MissingPrerequisite.asOf(shown(), dueAt, moment);
    }

    /** When the shown fact of each kind occurred, for the kinds the row shows one of. */
    private Map<FactKind, Instant> shown() {
        Map<FactKind, Instant> shown = new EnumMap<>(FactKind.class);
        shown.put(FactKind.TRANSFERRED, transferredAt);
        shown.put(FactKind.RECEIVED, receivedAt);
        shown.put(FactKind.ACCEPTED, acceptedAt);
        shown.put(FactKind.RETURNED, returnedAt);
        shown.put(FactKind.DISPOSED, disposedAt);
        shown.put(FactKind.PROGRESS_REPORTED, firstProgressAt);
        shown.put(FactKind.CONCLUDED, concludedAt);
        shown.put(FactKind.FEEDBACK_SENT, feedbackAt);
        shown.put(FactKind.FEEDBACK_ACKNOWLEDGED, acknowledgedAt);
        shown.values().removeIf(Objects::isNull);
        return shown;
    }

    /** When the earliest of the clue's shown facts occurred. */
    public Instant firstFactAt() {
        return shown().values().stream().min(Comparator.naturalOrder()).orElse(null);
    }
}
