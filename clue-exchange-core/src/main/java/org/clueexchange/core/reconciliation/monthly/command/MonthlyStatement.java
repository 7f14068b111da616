package org.clueexchange.core.reconciliation.monthly.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.clueexchange.core.reconciliation.monthly.StatementStatus;
import org.clueexchange.core.reconciliation.monthly.messages.ConfirmMonthlyStatement;
import org.clueexchange.core.reconciliation.monthly.messages.IssueMonthlyStatement;
import org.clueexchange.core.reconciliation.monthly.messages.IssueResult;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementConfirmationRefused;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementConfirmed;
import org.clueexchange.core.reconciliation.monthly.messages.MonthlyStatementIssued;
import org.clueexchange.core.reconciliation.monthly.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.monthly.messages.StatementBreakResolved;
import org.clueexchange.events.AgencyType;

/**
 * A monthly statement (对账单) between the two agencies of one jurisdiction. It is re-issued while the ledger changes
 * what it says, until both agencies have confirmed the same digest; from then on it never changes, and facts that
 * arrive late for its month are carried as amendments by the next statement.
 */
@Aggregate
public class MonthlyStatement {

    @AggregateIdentifier
    private String statementId;
    private int revision;
    private String jurisdiction;
    private String digest;
    private final Set<AgencyType> confirmedBy = EnumSet.noneOf(AgencyType.class);
    private final Set<String> recordedConfirmations = new HashSet<>();

    protected MonthlyStatement() {
        // Axon rebuilds the statement from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public IssueResult handle(IssueMonthlyStatement command) {
        if (confirmed()) {
            return IssueResult.CONFIRMED;
        }
        if (command.digest().equals(digest)) {
            return IssueResult.UNCHANGED;
        }
        apply(new MonthlyStatementIssued(command.statementId(), command.jurisdiction(), command.period(),
                revision + 1, command.digest(), command.content(), command.issuedBy(), command.ledgerPosition()));
        return IssueResult.ISSUED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConfirmMonthlyStatement command) {
        String eventId = command.assertion().eventId();
        if (recordedConfirmations.contains(eventId)) {
            return;
        }
        String refusal = refusal(command);
        if (refusal != null) {
            apply(new MonthlyStatementConfirmationRefused(command.statementId(), command.digest(),
                    command.assertion(), refusal, revision, digest));
        } else {
            // An agency that confirms the same revision again is answered as the first time: every confirmation
            // gets its outcome, and the revision's confirmations stay one per agency.
            apply(new MonthlyStatementConfirmed(command.statementId(), revision, digest, command.assertion()));
        }
    }

    /** The officers' notes do not change the statement; which breaks it lists is read from its issued text. */
    @CommandHandler
    public void handle(ResolveStatementBreak command) {
        apply(new StatementBreakResolved(statementId, command.clueId(), command.category(), command.note(),
                command.resolvedBy()));
    }

    private String refusal(ConfirmMonthlyStatement command) {
        if (digest == null) {
            return "statement " + command.statementId() + " has not been issued";
        }
        if (!command.assertion().assertedBy().jurisdiction().equals(jurisdiction)) {
            return command.assertion().assertedBy() + " is not a party to the statement of " + jurisdiction;
        }
        if (!command.digest().equals(digest)) {
            return "digest " + command.digest() + " is not that of revision " + revision + " (" + digest + ")";
        }
        return null;
    }

    private boolean confirmed() {
        return StatementStatus.of(confirmedBy) == StatementStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(MonthlyStatementIssued event) {
        statementId = event.statementId();
        jurisdiction = event.jurisdiction();
        revision = event.revision();
        digest = event.digest();
        confirmedBy.clear();
    }

    @EventSourcingHandler
    void on(MonthlyStatementConfirmed event) {
        recordedConfirmations.add(event.assertion().eventId());
        confirmedBy.add(event.assertion().assertedBy().type());
    }

    @EventSourcingHandler
    void on(MonthlyStatementConfirmationRefused event) {
        statementId = event.statementId();
        recordedConfirmations.add(event.assertion().eventId());
    }
}
