package org.clueexchange.core.reconciliation.monthly.statement;

import static org.clueexchange.core.ledger.query.LedgerRow.by;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.ledger.LedgerState;
import org.clueexchange.core.ledger.query.LedgerRow;
import org.clueexchange.core.ledger.query.ReconciliationLedger;
import org.clueexchange.core.reconciliation.monthly.StatementPeriod;
import org.clueexchange.events.ReceiptChannel;
import org.springframework.stereotype.Component;

/**
 * Draws up a month's statement from the ledger as it stands: each clue that changed in the month or is still open at
 * its end, as both sides recorded it by then, with its breaks; the amendments to statements already confirmed; and
 * the summary tables.
 */
@Component
public class MonthlyStatementBuilder {

    private static final int PROGRESS_EVERY = 2_000;

    private final ReconciliationLedger ledger;

    public MonthlyStatementBuilder(ReconciliationLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * @param confirmed when each earlier statement of the jurisdiction was confirmed by both agencies, by month:
     *                  which facts are amendments depends on it
     */
    public StatementContent build(StatementPeriod period, Map<YearMonth, Instant> confirmed,
                                  StatementProgress progress) {
        Instant end = period.end();
        progress.advanced("读取台账 reading the ledger", 0, 1);
        List<LedgerRow> candidates = ledger.forPeriod(period.jurisdiction(), period.start(), end);
        progress.advanced("读取台账 reading the ledger", 1, 1);
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
        List<Amendment> amendments = amendments(period, confirmed);
        progress.advanced("汇总 totals", 0, 1);
        List<ReportTable> summary = SummaryTables.of(ledger.totals(period.jurisdiction(), period.start(), end),
                period);
        progress.advanced("汇总 totals", 1, 1);
        return new StatementContent(period.id(), period.jurisdiction(), scope(period.jurisdiction()),
                period.month().toString(), period.start(), end, lines, amendments, summary);
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
     * The facts that arrived after the statement of their month was confirmed and that this statement carries. Only
     * facts that arrived after last month's statement was confirmed can be among them (see {@link #carried}), so
     * with last month's statement unconfirmed there are none, and the ledger is asked for no others.
     */
    private List<Amendment> amendments(StatementPeriod period, Map<YearMonth, Instant> confirmed) {
        Instant lastMonthConfirmed = confirmed.get(period.month().minusMonths(1));
        if (lastMonthConfirmed == null) {
            return List.of();
        }
        return carried(period, confirmed, ledger.recordedLate(period.jurisdiction(), period.start(),
                lastMonthConfirmed));
    }

    /**
     * Of {@code recorded}, the facts that {@code period}'s statement carries as amendments. A fact that arrived after
     * the statement of its month was confirmed belongs to the first later statement that was not yet confirmed when
     * it arrived, so it is carried once, by this statement or another: for it to be this one, every statement from
     * its month's to last month's was confirmed before it arrived.
     *
     * @param confirmed when each month's statement was confirmed by both agencies
     */
    static List<Amendment> carried(StatementPeriod period, Map<YearMonth, Instant> confirmed,
                                   List<ReconciliationLedger.RecordedFact> recorded) {
        List<Amendment> amendments = new ArrayList<>();
        for (ReconciliationLedger.RecordedFact fact : recorded) {
            YearMonth month = StatementPeriod.monthOf(fact.occurredAt());
            Instant confirmedAt = confirmed.get(month);
            if (confirmedAt != null && fact.recordedAt().isAfter(confirmedAt)
                    && carrier(month, fact.recordedAt(), confirmed).equals(period.month())) {
                amendments.add(new Amendment(fact.clueId(), fact.fact(), fact.fact().label(), fact.assertedBy(),
                        fact.occurredAt(), fact.recordedAt(), new StatementPeriod(period.jurisdiction(), month).id()));
            }
        }
        return amendments;
    }

    /** The first month after {@code month} whose statement had not been confirmed by {@code recordedAt}. */
    private static YearMonth carrier(YearMonth month, Instant recordedAt, Map<YearMonth, Instant> confirmed) {
        YearMonth next = month.plusMonths(1);
        while (confirmed.containsKey(next) && confirmed.get(next).isBefore(recordedAt)) {
            next = next.plusMonths(1);
        }
        return next;
    }

    private static String scope(String jurisdiction) {
        if (jurisdiction.endsWith("0000")) {
            return "省级 province, with its prefectures and counties";
        }
        if (jurisdiction.endsWith("00")) {
            return "市级 prefecture, with its counties";
        }
        return "县级 county";
    }
}
