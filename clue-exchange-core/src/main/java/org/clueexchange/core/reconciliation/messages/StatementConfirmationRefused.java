package org.clueexchange.core.reconciliation.messages;

import org.clueexchange.core.ledger.messages.Assertion;


/**
 * An agency's confirmation that cannot count, kept with why: it names a digest the statement does not have, or a
 * statement not issued. The agency sees it and confirms again what was actually issued: the statement's revision
 * then, and its digest, are kept with it (0 and none if it had not been issued; a refusal recorded before they were
 * kept reads as such too).
 */
public record StatementConfirmationRefused(String statementId, String digest, Assertion assertion,
                                          String reason, int revision, String statementDigest) {
}
