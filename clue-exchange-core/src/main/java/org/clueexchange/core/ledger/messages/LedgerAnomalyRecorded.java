package org.clueexchange.core.ledger.messages;

import org.clueexchange.core.ledger.AnomalyKind;

/**
 * The fact {@code factEventId} contradicts the fact {@code relatedEventId}. The pair and the rule decide which
 * fact carries the anomaly, never the order in which the two arrived, so every delivery order records the same.
 */
public record LedgerAnomalyRecorded(String clueId, String factEventId, String relatedEventId, AnomalyKind kind,
                                    String detail) {
}
