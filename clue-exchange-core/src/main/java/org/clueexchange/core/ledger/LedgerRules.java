package org.clueexchange.core.ledger;

import static org.clueexchange.core.ledger.LedgerFact.ACCEPTED;
import static org.clueexchange.core.ledger.LedgerFact.CONCLUDED;
import static org.clueexchange.core.ledger.LedgerFact.FEEDBACK_ACKNOWLEDGED;
import static org.clueexchange.core.ledger.LedgerFact.FEEDBACK_SENT;
import static org.clueexchange.core.ledger.LedgerFact.RECEIVED;
import static org.clueexchange.core.ledger.LedgerFact.RETURNED;
import static org.clueexchange.core.ledger.LedgerFact.TRANSFERRED;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules by which two facts of one clue contradict each other. Each rule judges a pair, whichever arrived first,
 * and names the same fact of the pair as the one that carries the anomaly, so that every delivery order of the same
 * facts yields the same anomalies.
 */
final class LedgerRules {

    /** Which of two facts came first by the agencies' own clocks; event ids break ties. */
    static final Comparator<Assertion> EARLIEST =
            Comparator.comparing(Assertion::occurredAt).thenComparing(Assertion::eventId);

    /** What each kind of fact presupposes happened before it. */
    private static final Map<LedgerFact, Set<LedgerFact>> PREREQUISITES = Map.of(
            RECEIVED, EnumSet.of(TRANSFERRED),
            ACCEPTED, EnumSet.of(RECEIVED),
            RETURNED, EnumSet.of(TRANSFERRED),
            LedgerFact.DISPOSED, EnumSet.of(ACCEPTED),
            LedgerFact.PROGRESS_REPORTED, EnumSet.of(ACCEPTED),
            CONCLUDED, EnumSet.of(ACCEPTED),
            FEEDBACK_SENT, EnumSet.of(CONCLUDED),
            FEEDBACK_ACKNOWLEDGED, EnumSet.of(FEEDBACK_SENT));

    /** A fact as the rules see it; a transfer also names its receiver. */
    record Fact(LedgerFact kind, Assertion assertion, AgencyId namedReceiver) {
    }

    private LedgerRules() {
    }

    /** The anomalies between {@code fact} and each fact recorded before it. */
    static List<LedgerAnomalyRecorded> anomalies(String clueId, Fact fact, List<Fact> recorded) {
        List<LedgerAnomalyRecorded> anomalies = new ArrayList<>();
        for (Fact other : recorded) {
            judge(clueId, fact, other, anomalies);
            judge(clueId, other, fact, anomalies);
            if (fact.kind() == TRANSFERRED && other.kind() == TRANSFERRED) {
                Fact later = later(fact, other);
                Fact earlier = later == fact ? other : fact;
                anomalies.add(anomaly(clueId, later, earlier, AnomalyKind.REPEATED_TRANSFER, "transferred again at "
                        + later.assertion().occurredAt() + " (first transferred at "
                        + earlier.assertion().occurredAt() + ")"));
            }
            if (EnumSet.of(fact.kind(), other.kind()).equals(EnumSet.of(ACCEPTED, RETURNED))) {
                Fact later = later(fact, other);
                Fact earlier = later == fact ? other : fact;
                anomalies.add(anomaly(clueId, later, earlier, AnomalyKind.ACCEPTED_AND_RETURNED,
                        later.kind().verb() + " at " + later.assertion().occurredAt() + ", though "
                                + earlier.kind().verb() + " at " + earlier.assertion().occurredAt()));
            }
        }
        return anomalies;
    }

    /** The one-sided rules: what {@code fact} contradicts in {@code other}. */
    private static void judge(String clueId, Fact fact, Fact other, List<LedgerAnomalyRecorded> anomalies) {
        if (other.kind() == TRANSFERRED && fact.kind() != TRANSFERRED) {
            AgencyId asserter = fact.assertion().assertedBy();
            if (fact.kind().side() == FactSide.RECEIVER && !asserter.equals(other.namedReceiver())) {
                anomalies.add(anomaly(clueId, fact, other, AnomalyKind.RECEIVER_MISMATCH, "asserted by " + asserter
                        + ", but the transfer names " + other.namedReceiver()));
            }
            if (fact.kind().side() == FactSide.SENDER && !asserter.equals(other.assertion().assertedBy())) {
                anomalies.add(anomaly(clueId, fact, other, AnomalyKind.SENDER_MISMATCH, "asserted by " + asserter
                        + ", but " + other.assertion().assertedBy() + " transferred the clue"));
            }
        }
        if (PREREQUISITES.getOrDefault(fact.kind(), Set.of()).contains(other.kind())
                && fact.assertion().occurredAt().isBefore(other.assertion().occurredAt())) {
            anomalies.add(anomaly(clueId, fact, other, AnomalyKind.OUT_OF_SEQUENCE, fact.kind().verb() + " at "
                    + fact.assertion().occurredAt() + ", before " + other.kind().verb() + " at "
                    + other.assertion().occurredAt()));
        }
    }

    private static Fact later(Fact one, Fact other) {
        return EARLIEST.compare(one.assertion(), other.assertion()) > 0 ? one : other;
    }

    private static LedgerAnomalyRecorded anomaly(String clueId, Fact fact, Fact related, AnomalyKind kind,
                                                 String detail) {
        return new LedgerAnomalyRecorded(clueId, fact.assertion().eventId(), related.assertion().eventId(), kind,
                detail);
    }
}
