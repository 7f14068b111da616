package org.clueexchange.core.reconciliation.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clueexchange.core.reconciliation.Cadence;
import org.clueexchange.core.reconciliation.StatementStatus;
import org.clueexchange.core.reconciliation.messages.PeriodRoot;
import org.clueexchange.core.reconciliation.statement.BreakNotes;
import org.clueexchange.core.reconciliation.statement.StatementText;
import org.clueexchange.wire.StatementId;

/**
 * A statement of either cadence as issued, with who confirmed it, the confirmations refused and the notes resolving
 * its breaks.
 *
 * @param ledgerPosition the ledger's position its revision was drawn up at (台账位置): the revision stands for the
 *                       facts up to it, and a later fact of its period is an amendment of a later statement
 * @param periodRoot     the revision's root over the topics (期间根), which the agencies confirm with the digest;
 *                       none for a revision issued before statements had roots
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementView(String statementId, String jurisdiction, String period, int revision,
                            String digest, PeriodRoot periodRoot, StatementStatus status, Instant issuedAt, String issuedBy,
                            long ledgerPosition, List<Confirmation> confirmations, List<Refusal> refusals,
                            List<Resolution> resolutions, StatementText content) {

    /** An agency's confirmation: the officer who confirmed, when, and when it reached the core. */
    public record Confirmation(String agency, String actor, Instant occurredAt, Instant recordedAt) {
    }

    public record Refusal(String agency, String actor, String digest, String reason, Instant recordedAt) {
    }

    /** @param category the break's category by name, as the statement lists it */
    public record Resolution(String clueId, String category, String note, String resolvedBy,
                             Instant resolvedAt) {
    }

    /** Not part of the answer: the statement id says it. */
    public Cadence cadence() {
        return Cadence.of(StatementId.parse(statementId).orElseThrow());
    }

    /** The notes on the breaks, with who wrote each, as the statement's tables print them. */
    public BreakNotes notes() {
        Map<String, String> byBreak = resolutions.stream().collect(Collectors.toMap(
                resolution -> resolution.clueId() + "/" + resolution.category(),
                resolution -> resolution.note() + " (" + resolution.resolvedBy() + ")"));
        return (itemId, category) -> byBreak.get(itemId + "/" + category);
    }
}
