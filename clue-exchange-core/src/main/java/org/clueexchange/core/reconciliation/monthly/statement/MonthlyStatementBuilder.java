package org.clueexchange.core.reconciliation.monthly.statement;

import static org.clueexchange.core.ledger.query.LedgerRow.by;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.query.LedgerRow;
import org.clueexchange.core.ledger.query.ReconciliationLedger;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.statement.LateFacts;
import org.clueexchange.core.reconciliation.statement.ReportTable;
import org.clueexchange.core.reconciliation.statement.StatementDraft;
import org.clueexchange.core.reconciliation.statement.StatementDrafter;
import org.clueexchange.core.reconciliation.statement.StatementHistory;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.core.reconciliation.statement.StatementText;
import org.clueexchange.events.ReceiptChannel;
import org.springframework.stereotype.Component;

/**
 * Draws up a month's statement from one snapshot of the ledger: each clue that changed in the month or is still open
 * at its end, as both sides recorded it by then, with its breaks; the amendments to statements already confirmed; and
 * the summary tables, with how this month's cumulative figures follow from last month's confirmed ones. The drafter
 * of monthly statements (一月一对账).
 */
@Component
public class MonthlyStatementBuilder implements StatementDrafter {

    private static final int PROGRESS_EVERY = 2_000;

    private final ReconciliationLedger ledger;

    public MonthlyStatementBuilder(ReconciliationLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Cadence cadence() {
        return Cadence.MONTHLY;
    }

    @Override
    public Class<? extends StatementText> contentType() {
        return StatementContent.class;
    }

    @Override
    public StatementDraft draw(StatementPeriod period, StatementHistory history, StatementProgress progress) {
        Map<YearMonth, Long> confirmed = new HashMap<>();
        history.confirmed().forEach((month, position) -> confirmed.put(month.firstMonth(), position));
        return build(period, confirmed, history.previousSummary(), progress);
    }

    /**
     * @param confirmed        the ledger position of each earlier statement of the jurisdiction, in the revision both
     *                         agencies confirmed, by month: which facts are amendments depends on it
     * @param lastMonthSummary the summary tables of last month's statement as both agencies confirmed it, or null if
     *                         they have not
     */
    public StatementDraft build(StatementPeriod period, Map<YearMonth, Long> confirmed,
                                List<ReportTable> lastMonthSummary, StatementProgress progress) {
        Instant end = period.end();
        progress.advanced("读取台账 reading the ledger", 0, 1);
        // Only facts that reached the ledger after last month's confirmed statement was drawn up can be amendments
        // now (see carried), so with last month's statement unconfirmed there are none to read.
        ReconciliationLedger.Snapshot snapshot = ledger.snapshot(period.jurisdiction(), period.start(), end,
                confirmed.get(period.firstMonth().minusMonths(1)));
        progress.advanced("读取台账 reading the ledger", 1, 1);
        List<LedgerRow> candidates = snapshot.rows();
        List<StatementLine> lines = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            LedgerRow clue = candidates.get(i);
            LedgerState state = clue.stateAt(end);
            boolean listed = by(clue.firstFactAt(), end) && (clue.changedInPeriod()
                    || (state != LedgerState.CLOSED && state != LedgerState.RETURNED));
            if (listed) {
                lines.add(line(clue, state, end));
            }
            if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == candidates.size()) {
                progress.advanced("比对线索 matching clues", i + 1, candidates.size());
            }
        }
        List<Amendment> amendments = carried(period, confirmed, snapshot.late());
        progress.advanced("汇总 totals", 0, 1);
        List<ReportTable> summary = SummaryTables.of(snapshot.totals(), period, lastMonthSummary, amendments);
        progress.advanced("汇总 totals", 1, 1);
        return new StatementDraft(new StatementContent(period.id(), period.jurisdiction(), period.scope(),
                period.name(), period.start(), end, lines, amendments, summary), snapshot.position());
    }

    private static StatementLine line(LedgerRow clue, LedgerState state, Instant end) {
        boolean transferred = by(clue.transferredAt(), end);
        boolean received = by(clue.receivedAt(), end);
        return new StatementLine(clue.clueId(), clue.direction(), clue.sender(), clue.receiver(), state,
                new StatementLine.SenderRecord(upTo(clue.transferredAt(), end),
                        transferred ? clue.senderContentDigest() : null, upTo(clue.acknowledgedAt(), end)),
                new StatementLine.ReceiverRecord(upTo(clue.receivedAt(), end),
                        received && clue.receiptChannel() == ReceiptChannel.OUTSIDE ? ReceiptChannel.OUTSIDE : null,
                        received ? clue.receiverContentDigest() : null, upTo(clue.acceptedAt(), end),
                        by(clue.acceptedAt(), end) ? clue.receiverCaseNumber() : null, upTo(clue.returnedAt(), end),
                        by(clue.returnedAt(), end) ? clue.returnReason() : null, upTo(clue.disposedAt(), end),
                        by(clue.disposedAt(), end) ? clue.disposalMethod() : null, upTo(clue.concludedAt(), end),
                        upTo(clue.feedbackAt(), end)),
                StatementBreaks.of(clue, end));
    }

    private static Instant upTo(Instant at, Instant end) {
        return by(at, end) ? at : null;
    }

    /**
     * Of the facts that reached the ledger late, the ones that {@code period}'s statement carries as amendments
     * ({@link LateFacts}).
     *
     * @param confirmed the ledger position of each month's statement in the revision both agencies confirmed
     */
    static List<Amendment> carried(StatementPeriod period, Map<YearMonth, Long> confirmed,
                                   List<ReconciliationLedger.RecordedFact> late) {
        Map<StatementPeriod, Long> confirmedMonths = new HashMap<>();
        confirmed.forEach((month, position) -> confirmedMonths.put(new StatementPeriod(period.jurisdiction(), month),
                position));
        List<Amendment> amendments = new ArrayList<>();
        for (ReconciliationLedger.RecordedFact fact : late) {
            LateFacts.amendedBy(period, fact.occurredAt(), fact.position(), confirmedMonths).ifPresent(amended ->
                    amendments.add(new Amendment(fact.clueId(), fact.fact(), fact.fact().label(), fact.assertedBy(),
                            fact.occurredAt(), fact.recordedAt(), fact.position(), amended.id(),
                            fact.firstOfItsKind())));
        }
        return amendments;
    }
}
