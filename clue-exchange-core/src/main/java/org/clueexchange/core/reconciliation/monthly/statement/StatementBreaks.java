package org.clueexchange.core.reconciliation.monthly.statement;

import static org.clueexchange.core.ledger.query.LedgerRow.by;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clueexchange.core.ledger.AnomalyKind;
import org.clueexchange.core.ledger.MissingPrerequisite;
import org.clueexchange.core.ledger.ReceiptChannels;
import org.clueexchange.core.ledger.SlaClock;
import org.clueexchange.core.ledger.TimeLimit;
import org.clueexchange.core.ledger.query.LedgerRow;
import org.clueexchange.core.reconciliation.statement.AgingBucket;
import org.clueexchange.events.ReceiptChannel;

/** The breaks of one clue as of a period's end, judged only on what had occurred by then. */
final class StatementBreaks {

    private StatementBreaks() {
    }

    static List<StatementLine.Break> of(LedgerRow clue, Instant end) {
        List<StatementLine.Break> breaks = new ArrayList<>();
        boolean received = by(clue.receivedAt(), end);
        if (!by(clue.transferredAt(), end)) {
            if (received) {
                add(breaks, BreakCategory.RECEIVED_WITHOUT_TRANSFER, clue.receivedAt(), end, null,
                        receivedOutside(clue));
            }
        } else if (by(clue.returnedAt(), end)) {
            add(breaks, BreakCategory.RETURNED, clue.returnedAt(), end, null, null);
        } else {
            pending(clue, end, received, breaks);
        }
        if (received && clue.senderContentDigest() != null && clue.receiverContentDigest() != null
                && !clue.senderContentDigest().equals(clue.receiverContentDigest())) {
            add(breaks, BreakCategory.CONTENT_DIGEST_DIFFERS, clue.receivedAt(), end, null, null);
        }
        if (by(clue.feedbackAt(), end) && !by(clue.acknowledgedAt(), end)) {
            add(breaks, BreakCategory.FEEDBACK_NOT_ACKNOWLEDGED, clue.feedbackAt(), end, null, null);
        }
        for (MissingPrerequisite missing : clue.missingPrerequisitesAt(end)) {
            add(breaks, BreakCategory.SEQUENCE_ANOMALY, missing.since(), end,
                    SideToAct.of(missing.prerequisite().side()),
                    AnomalyKind.MISSING_PREREQUISITE.label() + ": " + missing.detail());
        }
        for (LedgerRow.Anomaly anomaly : clue.anomalies()) {
            if (by(anomaly.occurredAt(), end) && by(anomaly.relatedOccurredAt(), end)) {
                add(breaks, BreakCategory.SEQUENCE_ANOMALY, anomaly.occurredAt(), end,
                        SideToAct.of(anomaly.side()), anomaly.kind().label() + ": " + anomaly.detail());
            }
        }
        return breaks;
    }

    /**
     * The breaks of a transferred clue its receiver has not returned. Each is reported where the clue stands, not
     * again for what follows from it: a clue never received is not also late in acceptance, a concluded clue without
     * feedback is not also open past its due date.
     */
    private static void pending(LedgerRow clue, Instant end, boolean received, List<StatementLine.Break> breaks) {
        if (!received) {
            add(breaks, BreakCategory.SENT_NOT_RECEIVED, clue.transferredAt(), end, null, null);
            return;
        }
        Optional<TimeLimit> sameDay = clue.limitAsOf(SlaClock.SAME_DAY_ACCEPTANCE, clue.acceptedAt(), end);
        if (sameDay.isPresent() && sameDay.get().status() == TimeLimit.Status.BREACHED) {
            add(breaks, BreakCategory.ACCEPTED_AFTER_SAME_DAY, sameDay.get().dueAt(), end, null, null);
        }
        if (!by(clue.acceptedAt(), end)) {
            return;
        }
        Optional<TimeLimit> disposal = clue.limitAsOf(SlaClock.DISPOSAL, clue.disposedAt(), end);
        if (disposal.isPresent() && disposal.get().status() == TimeLimit.Status.BREACHED) {
            add(breaks, BreakCategory.DISPOSAL_LATE, disposal.get().dueAt(), end, null, null);
        }
        Optional<TimeLimit> feedback = clue.limitAsOf(SlaClock.FEEDBACK, clue.feedbackAt(), end);
        if (by(clue.concludedAt(), end) && !by(clue.feedbackAt(), end)) {
            add(breaks, BreakCategory.CONCLUDED_WITHOUT_FEEDBACK, clue.concludedAt(), end, null, null);
        } else if (feedback.isPresent() && feedback.get().overdue()) {
            add(breaks, BreakCategory.OPEN_PAST_DUE, feedback.get().dueAt(), end, null, null);
        }
    }

    /**
     * What a receipt outside the exchange tells those who must find the transfer: the clue came on paper, under the
     * sender's case number the receiver names, and was not lost on the way.
     */
    private static String receivedOutside(LedgerRow clue) {
        return clue.receiptChannel() != ReceiptChannel.OUTSIDE ? null : ReceiptChannels.label(ReceiptChannel.OUTSIDE)
                + "，移送方案号 " + clue.receiptSenderCaseNumber();
    }

    private static void add(List<StatementLine.Break> breaks, BreakCategory category, Instant since, Instant end,
                            SideToAct side, String detail) {
        long ageDays = Duration.between(since, end).toDays();
        breaks.add(new StatementLine.Break(category, category.label(),
                side != null ? side : category.sideToAct(), since, ageDays, AgingBucket.of(ageDays), detail));
    }
}
