package org.clueexchange.core.ledger;

/** The fact with event id {@code factEventId} contradicts what the ledger already held. */
public record LedgerAnomalyRecorded(String clueId, String factEventId, AnomalyKind kind, String detail) {
}
