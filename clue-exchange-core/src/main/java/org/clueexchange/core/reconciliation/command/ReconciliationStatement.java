package org.clueexchange.core.reconciliation.command;

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
import org.clueexchange.core.reconciliation.StatementStatus;
import org.clueexchange.core.reconciliation.messages.ConfirmStatement;
import org.clueexchange.core.reconciliation.messages.IssueStatement;
import org.clueexchange.core.reconciliation.messages.IssueResult;
import org.clueexchange.core.reconciliation.messages.StatementConfirmationRefused;
import org.clueexchange.core.reconciliation.messages.StatementConfirmed;
import org.clueexchange.core.reconciliation.messages.StatementIssued;
import org.clueexchange.core.reconciliation.messages.ResolveStatementBreak;
import org.clueexchange.core.reconciliation.messages.StatementBreakResolved;
import org.clueexchange.events.AgencyType;

/**
 * A statement (对账单) between the two agencies of one jurisdiction, for a month or a quarter alike. It is re-issued
 * while the ledger changes what it says, until both agencies have confirmed the same digest; from then on it never
 * changes, and facts that arrive late for its period are carried as amendments by a later statement.
 *
 * <p>Its events were stored as a {@code MonthlyStatement}'s before it served both cadences. The aggregate type stored
 * with each event does not matter to loading: Axon's JDBC engine reads an aggregate's events by its identifier alone
 * ({@code JdbcEventStorageEngineStatements.readEventDataForAggregate}), and the old event class names are read as
 * the current ones ({@code MovedEventTypes}).
 */
@Aggregate
public class ReconciliationStatement {

    @AggregateIdentifier
    private String statementId;
    private int revision;
    private String jurisdiction;
    private String digest;
    /** Empty for a revision issued before statements had roots, as a confirmation of then names none. */
    private String root;
    private final Set<AgencyType> confirmedBy = EnumSet.noneOf(AgencyType.class);
    private final Set<String> recordedConfirmations = new HashSet<>();

    protected ReconciliationStatement() {
        // Axon rebuilds the statement from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public IssueResult handle(IssueStatement command) {
        if (confirmed()) {
            return IssueResult.CONFIRMED;
        }
        if (command.digest().equals(digest)) {
            return IssueResult.UNCHANGED;
        }
        apply(new StatementIssued(command.statementId(), command.jurisdiction(), command.period(),
                revision + 1, command.digest(), command.content(), command.issuedBy(), command.ledgerPosition(),
                command.periodRoot()));
        return IssueResult.ISSUED;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConfirmStatement command) {
        String eventId = command.assertion().eventId();
        if (recordedConfirmations.contains(eventId)) {
            return;
        }
        String refusal = refusal(command);
        if (refusal != null) {
            apply(new StatementConfirmationRefused(command.statementId(), command.digest(),
                    command.assertion(), refusal, revision, digest));
        } else {
            // An agency that confirms the same revision again is answered as the first time: every confirmation
            // gets its outcome, and the revision's confirmations stay one per agency.
            apply(new StatementConfirmed(command.statementId(), revision, digest, command.assertion()));
        }
    }

    /** The officers' notes do not change the statement; which breaks it lists is read from its issued text. */
    @CommandHandler
    public void handle(ResolveStatementBreak command) {
        apply(new StatementBreakResolved(statementId, command.clueId(), command.category(), command.note(),
                command.resolvedBy()));
    }

    private String refusal(ConfirmStatement command) {
        if (digest == null) {
            return "statement " + command.statementId() + " has not been issued";
        }
        if (!command.assertion().assertedBy().jurisdiction().equals(jurisdiction)) {
            return command.assertion().assertedBy() + " is not a party to the statement of " + jurisdiction;
        }
        if (!command.digest().equals(digest)) {
            return "digest " + command.digest() + " is not that of revision " + revision + " (" + digest + ")";
        }
        if (!command.root().equals(root)) {
            return "root " + (command.root().isEmpty() ? "(none)" : command.root()) + " is not that of revision "
                    + revision + " (" + root + ")";
        }
        return null;
    }

    private boolean confirmed() {
        return StatementStatus.of(confirmedBy) == StatementStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(StatementIssued event) {
        statementId = event.statementId();
        jurisdiction = event.jurisdiction();
        revision = event.revision();
        digest = event.digest();
        root = event.periodRoot() == null ? "" : event.periodRoot().root();
        confirmedBy.clear();
    }

    @EventSourcingHandler
    void on(StatementConfirmed event) {
        recordedConfirmations.add(event.assertion().eventId());
        confirmedBy.add(event.assertion().assertedBy().type());
    }

    @EventSourcingHandler
    void on(StatementConfirmationRefused event) {
        statementId = event.statementId();
        recordedConfirmations.add(event.assertion().eventId());
    }
}
