package org.clueexchange.core.ledger.command;

import static org.clueexchange.core.ledger.FactKind.ACCEPTED;
import static org.clueexchange.core.ledger.FactKind.RECEIVED;
import static org.clueexchange.core.ledger.FactKind.RETURNED;
import static org.clueexchange.core.ledger.FactKind.TRANSFERRED;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.FactSide;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.messages.AgencyId;
import org.clueexchange.core.ledger.messages.FactRecorded;
import org.clueexchange.core.ledger.messages.LedgerAnomalyRecorded;
import org.clueexchange.wire.SenderCaseNumbers;
import org.clueexchange.wire.origin.OriginVerifier;

/**
 * The rules by which two facts of one clue contradict each other. Each rule judges a pair, whichever arrived first,
 * and names the same fact of the pair as the one that carries the anomaly, so that every delivery order of the same
 * facts yields the same anomalies.
 *
 * <p>They also say who may speak for each side of the clue's transfer. A fact that speaks for a side as an agency
 * other than the one the recorded transfer names for it is refused, never recorded; one that came before the
 * transfer is recorded and carries its anomaly once the transfer comes. In either order it moves no time limit.
 */
final class LedgerRules {

    /** Which of two facts came first by the agencies' own clocks; event ids break ties. */
    static final Comparator<FactRecorded> EARLIEST = Comparator.comparing(
            (FactRecorded fact) -> fact.assertion().occurredAt()).thenComparing(fact -> fact.assertion().eventId());

    private LedgerRules() {
    }

    /**
     * The transfer that names the clue's parties, of those recorded: the earliest, by which every limit is also due.
     * None while the transfer has not arrived, as when a receipt overtakes it.
     */
    static Optional<FactRecorded> transferOf(List<FactRecorded> recorded) {
        return recorded.stream().filter(fact -> fact.factKind() == TRANSFERRED).min(EARLIEST);
    }

    /**
     * Why {@code fact} cannot be recorded, if it cannot: it speaks for a side of the transfer already recorded, as an
     * agency other than the one that transfer names for that side. Anyone who can write to a topic could otherwise
     * sign for a clue sent to another jurisdiction, stop its pick-up clock and close it on the ledger.
     */
    static Optional<String> refusal(FactRecorded fact, List<FactRecorded> recorded) {
        return transferOf(recorded).flatMap(transfer -> misnamedParty(fact, transfer))
                .map(detail -> OriginVerifier.SECURITY + fact.factKind().label() + " " + fact.factKind().verb() + " "
                        + detail);
    }

    /**
     * Whether {@code fact} may start or stop a time limit: a transfer, or a fact asserted by the party the transfer
     * names for its side. Before the transfer nobody is named, so no fact of either side moves a limit; once it comes,
     * the limits are due from the facts of the parties it names, as they would have been had it come first.
     */
    static boolean movesLimits(FactRecorded fact, Optional<FactRecorded> transfer) {
        return fact.factKind() == TRANSFERRED
                || transfer.filter(named -> misnamedParty(fact, named).isEmpty()).isPresent();
    }

    /**
     * How {@code fact} speaks for its side as an agency other than the one {@code transfer} names for it, if it does.
     * Either side's party may order supervision, and so may a level above either; a transfer names the parties.
     */
    private static Optional<String> misnamedParty(FactRecorded fact, FactRecorded transfer) {
        FactSide side = fact.factKind().side();
        AgencyId asserter = fact.assertion().assertedBy();
        AgencyId named = side == FactSide.RECEIVER ? transfer.namedReceiver() : transfer.assertion().assertedBy();
        if (fact.factKind() == TRANSFERRED || side == FactSide.EITHER || asserter.equals(named)) {
            return Optional.empty();
        }
        return Optional.of(side == FactSide.RECEIVER ? "asserted by " + asserter + ", but the transfer names " + named
                : "asserted by " + asserter + ", but " + named + " transferred the clue");
    }

    /** The anomalies between {@code fact} and each fact recorded before it. */
    static List<LedgerAnomalyRecorded> anomalies(FactRecorded fact, List<FactRecorded> recorded) {
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        for (FactRecorded other : recorded) {
            judge(fact, other, anomalies);
            judge(other, fact, anomalies);
            if (fact.factKind() == TRANSFERRED && other.factKind() == TRANSFERRED) {
                FactRecorded later = later(fact, other);
                FactRecorded earlier = later == fact ? other : fact;
                anomalies.add(anomaly(later, earlier, AnomalyKind.REPEATED_TRANSFER, "transferred again at "
                        + later.assertion().occurredAt() + " (first transferred at "
                        + earlier.assertion().occurredAt() + ")"));
            }
            if (EnumSet.of(fact.factKind(), other.factKind()).equals(EnumSet.of(ACCEPTED, RETURNED))) {
                FactRecorded later = later(fact, other);
                FactRecorded earlier = later == fact ? other : fact;
                anomalies.add(anomaly(later, earlier, AnomalyKind.ACCEPTED_AND_RETURNED,
                        later.factKind().verb() + " at " + later.assertion().occurredAt() + ", though "
                                + earlier.factKind().verb() + " at " + earlier.assertion().occurredAt()));
            }
        }
        return anomalies;
    }

    /** The one-sided rules: what {@code fact} contradicts in {@code other}. */
    private static void judge(FactRecorded fact, FactRecorded other, List<LedgerAnomalyRecorded> anomalies) {
        if (other.factKind() == TRANSFERRED) {
            misnamedParty(fact, other).ifPresent(detail -> anomalies.add(anomaly(fact, other,
                    fact.factKind().side() == FactSide.RECEIVER ? AnomalyKind.RECEIVER_MISMATCH
                            : AnomalyKind.SENDER_MISMATCH, detail)));
        }
        if (fact.factKind() == RECEIVED && other.factKind() == TRANSFERRED && fact.senderCaseNumber() != null
                && (other.senderCaseNumber() == null
                || !SenderCaseNumbers.same(fact.senderCaseNumber(), other.senderCaseNumber()))) {
            anomalies.add(anomaly(fact, other, AnomalyKind.SENDER_CASE_NUMBER_MISMATCH, "received naming case "
                    + fact.senderCaseNumber() + ", but the transfer names " + (other.senderCaseNumber() == null
                    ? "none" : other.senderCaseNumber())));
        }
        if (fact.factKind().prerequisites().contains(other.factKind())
                && fact.assertion().occurredAt().isBefore(other.assertion().occurredAt())) {
            anomalies.add(anomaly(fact, other, AnomalyKind.OUT_OF_SEQUENCE, fact.factKind().verb() + " at "
                    + fact.assertion().occurredAt() + ", before " + other.factKind().verb() + " at "
                    + other.assertion().occurredAt()));
        }
    }

    /** A fact asserted longer after it occurred than {@code tolerance} allows: a late assertion of itself. */
    static Optional<LedgerAnomalyRecorded> lateAssertion(FactRecorded fact, Duration tolerance) {
        Instant occurred = fact.assertion().occurredAt();
        Instant asserted = fact.assertion().publishedAt();
        if (Duration.between(occurred, asserted).compareTo(tolerance) <= 0) {
            return Optional.empty();
        }
        return Optional.of(anomaly(fact, fact, AnomalyKind.LATE_ASSERTION, fact.factKind().verb() + " at "
                + occurred + ", asserted only at " + asserted));
    }

    /**
     * The fact that stopped the time limit {@code start} started, due at {@code dueAt}: in time by when it occurred,
     * but asserted only after the limit fell due, though the start was asserted before. The exchange saw the limit
     * run out, and a fact dated back undid the breach: the limit stays met, and this says it was met after the fact.
     * A clue whose whole history is asserted after its limits, as when an agency loads its earlier transfers, undoes
     * no breach anybody saw.
     */
    static Optional<LedgerAnomalyRecorded> fulfilledAfterBreach(FactRecorded fulfilment, FactRecorded start,
                                                                 SlaClock clock, Instant dueAt) {
        Instant occurred = fulfilment.assertion().occurredAt();
        Instant asserted = fulfilment.assertion().publishedAt();
        if (occurred.isAfter(dueAt) || !asserted.isAfter(dueAt)
                || !start.assertion().publishedAt().isBefore(dueAt)) {
            return Optional.empty();
        }
        return Optional.of(anomaly(fulfilment, start, AnomalyKind.FULFILLED_AFTER_BREACH, clock.label() + " due at "
                + dueAt + ": " + fulfilment.factKind().verb() + " at " + occurred + ", asserted only at "
                + asserted));
    }

    private static FactRecorded later(FactRecorded one, FactRecorded other) {
        return EARLIEST.compare(one, other) > 0 ? one : other;
    }

    private static LedgerAnomalyRecorded anomaly(FactRecorded fact, FactRecorded related, AnomalyKind kind,
                                                 String detail) {
        return new LedgerAnomalyRecorded(fact.clueId(), fact.assertion().eventId(), related.assertion().eventId(),
                kind, detail);
    }
}
