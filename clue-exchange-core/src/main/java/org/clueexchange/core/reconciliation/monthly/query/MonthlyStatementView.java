package org.clueexchange.core.reconciliation.monthly.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.clueexchange.core.reconciliation.monthly.StatementStatus;
import org.clueexchange.core.reconciliation.monthly.statement.BreakCategory;
import org.clueexchange.core.reconciliation.monthly.statement.StatementContent;

/**
 * A statement as issued, with who confirmed it, the confirmations refused and the notes resolving its breaks.
 *
 * @param ledgerPosition the ledger's position its revision was drawn up at (台账位置): the revision stands for the
 *                       facts up to it, and a later fact of its month is an amendment of the next statement
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MonthlyStatementView(String statementId, String jurisdiction, String period, int revision,
                                   String digest, StatementStatus status, Instant issuedAt, String issuedBy,
                                   long ledgerPosition, List<Confirmation> confirmations, List<Refusal> refusals,
                                   List<Resolution> resolutions, StatementContent content) {

    /** An agency's confirmation: the officer who confirmed, when, and when it reached the core. */
    public record Confirmation(String agency, String actor, Instant occurredAt, Instant recordedAt) {
    }

    public record Refusal(String agency, String actor, String digest, String reason, Instant recordedAt) {
    }

    public record Resolution(String clueId, BreakCategory category, String note, String resolvedBy,
                             Instant resolvedAt) {
    }
}
