package org.clueexchange.core.casefile.messages;

/**
 * The fact {@code factEventId} contradicts the fact {@code relatedEventId}: for a registration that disagrees, that
 * registration and the one on record (the first the file recorded); for a fact outside the case's jurisdiction, the
 * fact and the registration on record, which puts the case there. Either way the fact does not count.
 */
public record CaseAnomalyRecorded(String caseNumber, String factEventId, String relatedEventId, CaseAnomalyKind kind,
                                  String detail) {
}
