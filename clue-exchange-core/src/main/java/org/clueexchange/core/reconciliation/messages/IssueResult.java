package org.clueexchange.core.reconciliation.messages;

/** What issuing a statement did. */
public enum IssueResult {
    /** A new revision was issued. */
    ISSUED,
    /** The ledger still says what the current revision says. */
    UNCHANGED,
    /** Both agencies confirmed the statement: it never changes. */
    CONFIRMED
}
