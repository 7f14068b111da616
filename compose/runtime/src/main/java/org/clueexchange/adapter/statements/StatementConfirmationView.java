package org.clueexchange.adapter.statements;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.events.StatementConfirmationRecorded;

/**
 * The answer to a confirmation of a statement, and to a read of it: the fact the adapter stored for publication
 * (as {@link AssertedFactView} tells of every fact), and what the core made of it.
 *
 * @param digest    the digest the agency confirmed
 * @param root      the period root the agency confirmed; empty in a confirmation stored before confirmations named
 *                  roots
 * @param outcome   PENDING until the core's answer reached this adapter; then CONFIRMED, or REFUSED with the core's
 *                  reason
 * @param revision  the statement's revision the core judged the confirmation against, 0 if it had not been issued,
 *                  with its digest ({@code statementDigest})
 * @param decidedAt when the core recorded the confirmation or its refusal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementConfirmationView(String statementId, String eventId, String fact, String digest,
                                        String root, Instant occurredAt, String publication, boolean replay, String outcome,
                                        String reason, Integer revision, String statementDigest, Instant decidedAt) {

    static StatementConfirmationView of(String statementId, AssertedFactView confirmation, String digest,
                                        String root, Optional<StatementConfirmationRecorded> answer) {
        return new StatementConfirmationView(statementId, confirmation.eventId(), confirmation.fact(), digest, root,
                confirmation.occurredAt(), confirmation.publication(), confirmation.replay(),
                answer.map(decided -> decided.getOutcome().name()).orElse("PENDING"),
                answer.map(StatementConfirmationRecorded::getReason).orElse(null),
                answer.map(StatementConfirmationRecorded::getRevision).orElse(null),
                answer.map(StatementConfirmationRecorded::getStatementDigest).orElse(null),
                answer.map(StatementConfirmationRecorded::getDecidedAt).orElse(null));
    }
}
