package org.clueexchange.core.reconciliation.query;

import java.time.Clock;
import java.util.Optional;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementPeriod;
import org.clueexchange.core.reconciliation.StatementStatus;
import org.clueexchange.core.reconciliation.messages.IssueStatement;
import org.clueexchange.core.reconciliation.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.roots.PeriodRoots;
import org.clueexchange.core.reconciliation.statement.StatementDraft;
import org.clueexchange.core.reconciliation.statement.StatementDrafter;
import org.clueexchange.core.reconciliation.statement.StatementJson;
import org.clueexchange.core.reconciliation.statement.StatementProgress;
import org.clueexchange.wire.TimeBounds;
import org.springframework.stereotype.Service;

/**
 * What reconciliation officers do with statements of every cadence: issue them, read them, and explain their breaks.
 */
@Service
public class Statements {

    private final StatementDrafters drafters;
    private final StatementProjection statements;
    private final CommandGateway commands;
    private final Clock clock;
    private final PeriodRoots roots;

    public Statements(StatementDrafters drafters, StatementProjection statements, CommandGateway commands,
                      Clock clock, PeriodRoots roots) {
        this.drafters = drafters;
        this.statements = statements;
        this.commands = commands;
        this.clock = clock;
        this.roots = roots;
    }

    /** Whether the core draws up statements of that cadence. */
    public boolean draws(Cadence cadence) {
        return drafters.of(cadence).isPresent();
    }

    /**
     * Draws the statement up from the ledger and issues it, unless the ledger still says what the current revision
     * says or both agencies have confirmed it; returns the statement as it now stands.
     */
    public StatementView issue(StatementPeriod period, String issuedBy, StatementProgress progress) {
        StatementDrafter drafter = drafters.of(period.cadence()).orElseThrow(() -> RequestRefusedException.notFound(
                "cadence", "the core draws up no " + period.cadence().pathName() + " statements"));
        if (period.end().isAfter(clock.instant())) {
            throw RequestRefusedException.invalid("period", period.name() + " has not ended in China Standard Time; "
                    + "a " + period.cadence().unit() + " is reconciled once it is over");
        }
        if (!period.end().isAfter(TimeBounds.EARLIEST)) {
            throw RequestRefusedException.invalid("period", period.name() + " ended before " + TimeBounds.EARLIEST
                    + ", before anything happened at the exchange");
        }
        Optional<StatementView> current = statements.find(period.id());
        if (current.isPresent() && current.get().status() == StatementStatus.CONFIRMED) {
            return current.get();
        }
        StatementDraft draft = drafter.draw(period, statements.history(period), progress);
        String text = StatementJson.write(draft.content());
        String digest = StatementJson.digest(text);
        if (current.isPresent() && current.get().digest().equals(digest)) {
            // The revision stands: its root need not be read from the topics again.
            return current.get();
        }
        commands.sendAndWait(new IssueStatement(period.id(), period.jurisdiction(), period.name(),
                digest, text, issuedBy, draft.ledgerPosition(), roots.next(period)));
        return find(period.id()).orElseThrow();
    }

    public Optional<StatementView> find(String statementId) {
        return statements.find(statementId);
    }

    /** Notes on a break the statement's current revision lists; {@code category} by name, as the statement has it. */
    public StatementView resolveBreak(String statementId, String clueId, String category, String note,
                                      String resolvedBy) {
        StatementView statement = find(statementId).orElseThrow(() -> RequestRefusedException.notFound(
                "statementId", "no statement " + statementId + " has been issued"));
        if (!statement.content().breakCategories().contains(category)) {
            throw RequestRefusedException.invalid("category", "is none of the break categories of a "
                    + statement.cadence().pathName() + " statement: " + String.join(", ",
                    new TreeSet<>(statement.content().breakCategories())));
        }
        if (!statement.content().listsBreak(clueId, category)) {
            throw RequestRefusedException.notFound("clueId", "revision " + statement.revision()
                    + " of " + statementId + " lists no " + category + " break on clue " + clueId);
        }
        commands.sendAndWait(new ResolveStatementBreak(statementId, clueId, category, note, resolvedBy));
        return find(statementId).orElseThrow();
    }
}
