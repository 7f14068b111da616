package org.clueexchange.core.casefile.messages;

import java.time.Instant;
import org.clueexchange.core.casefile.CaseClosure;

/** Where the case's follow-up stands changed, over every fact its file counts. */
public record CaseClosureChanged(String caseNumber, CaseClosure.Status status, Instant since) {
}
