package org.clueexchange.core.casefile.messages;

/**
 * The fact {@code factEventId} contradicts the fact {@code relatedEventId}: for a registration that disagrees, the
 * later registration by occurrence and the earlier; for a fact outside the case's jurisdiction, the fact and the
 * registration that puts the case there. The pair decides, never the order the facts arrived in.
 */
public record CaseAnomalyRecorded(String caseNumber, String factEventId, String relatedEventId, CaseAnomalyKind kind,
                                  String detail) {
}
