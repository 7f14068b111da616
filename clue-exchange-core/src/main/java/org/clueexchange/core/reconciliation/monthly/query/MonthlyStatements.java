package org.clueexchange.core.reconciliation.monthly.query;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.SortedMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.reconciliation.monthly.StatementPeriod;
import org.clueexchange.core.reconciliation.monthly.StatementStatus;
import org.clueexchange.core.reconciliation.monthly.messages.IssueMonthlyStatement;
import org.clueexchange.core.reconciliation.monthly.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;
import org.clueexchange.core.reconciliation.monthly.statement.MonthlyStatementBuilder;
import org.clueexchange.core.reconciliation.monthly.statement.StatementDraft;
import org.clueexchange.core.reconciliation.monthly.statement.StatementJson;
import org.clueexchange.core.reconciliation.monthly.statement.StatementProgress;
import org.clueexchange.wire.TimeBounds;
import org.springframework.stereotype.Service;

/** What reconciliation officers do with monthly statements: issue them, read them, and explain their breaks. */
@Service
public class MonthlyStatements {

    private final MonthlyStatementBuilder builder;
    private final MonthlyStatementProjection statements;
    private final CommandGateway commands;
    private final Clock clock;

    public MonthlyStatements(MonthlyStatementBuilder builder, MonthlyStatementProjection statements,
                             CommandGateway commands, Clock clock) {
        this.builder = builder;
        this.statements = statements;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Draws the statement up from the ledger and issues it, unless the ledger still says what the current revision
     * says or both agencies have confirmed it; returns the statement as it now stands.
     */
    public MonthlyStatementView issue(StatementPeriod period, String issuedBy, StatementProgress progress) {
        if (period.end().isAfter(clock.instant())) {
            throw RequestRefusedException.invalid("period", period.month() + " has not ended in China Standard Time; "
                    + "a month is reconciled once it is over");
        }
        if (!period.end().isAfter(TimeBounds.EARLIEST)) {
            throw RequestRefusedException.invalid("period", period.month() + " ended before " + TimeBounds.EARLIEST
                    + ", before anything happened at the exchange");
        }
        Optional<MonthlyStatementView> current = statements.find(period.id());
        if (current.isPresent() && current.get().status() == StatementStatus.CONFIRMED) {
            return current.get();
        }
        SortedMap<YearMonth, Long> confirmed = statements.confirmations(period.jurisdiction());
        YearMonth lastMonth = period.month().minusMonths(1);
        StatementDraft draft = builder.build(period, confirmed, confirmed.containsKey(lastMonth)
                ? statements.summary(new StatementPeriod(period.jurisdiction(), lastMonth).id()) : null, progress);
        String text = StatementJson.write(draft.content());
        commands.sendAndWait(new IssueMonthlyStatement(period.id(), period.jurisdiction(), period.month().toString(),
                StatementJson.digest(text), text, issuedBy, draft.ledgerPosition()));
        return find(period.id()).orElseThrow();
    }

    public Optional<MonthlyStatementView> find(String statementId) {
        return statements.find(statementId);
    }

    public MonthlyStatementView resolveBreak(String statementId, String clueId, BreakCategory category, String note,
                                             String resolvedBy) {
        MonthlyStatementView statement = find(statementId).orElseThrow(() -> RequestRefusedException.notFound(
                "statementId", "no statement " + statementId + " has been issued"));
        boolean listed = statement.content().lines().stream().anyMatch(line -> line.clueId().equals(clueId)
                && line.breaks().stream().anyMatch(found -> found.category() == category));
        if (!listed) {
            throw RequestRefusedException.notFound("clueId", "revision " + statement.revision()
                    + " of " + statementId + " lists no " + category + " break on clue " + clueId);
        }
        commands.sendAndWait(new ResolveStatementBreak(statementId, clueId, category, note, resolvedBy));
        return find(statementId).orElseThrow();
    }
}
