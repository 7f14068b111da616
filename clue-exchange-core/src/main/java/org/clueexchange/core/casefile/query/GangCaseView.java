package org.clueexchange.core.casefile.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clueexchange.core.casefile.CaseClosure;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.core.casefile.messages.CaseAnomalyKind;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;

/**
 * One gang case as its file shows it to officers.
 *
 * @param jurisdiction the registration's, or until the case is registered that of the first agency heard from
 * @param officials    the officials the police name, each once, by person key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GangCaseView(String caseNumber, String jurisdiction, boolean registered, GangCaseType caseType,
                           String caseName, Instant registeredAt, Instant solvedAt, Closure closure,
                           List<Official> officials, List<Fact> facts, List<Anomaly> anomalies) {

    /**
     * Where the follow-up stands now ({@link CaseClosure}), from the facts that count.
     *
     * @param signers           the current round's signatures, by role
     * @param endorsementIssues what keeps the endorsement from closing the case
     */
    public record Closure(CaseClosure.Status status, String label, Instant since, boolean retraced,
                          Map<EndorsementRole, String> signers, List<String> endorsementIssues) {
    }

    /** 涉案公职人员: an official as the police named them first. */
    public record Official(String personKey, String name, String unit, OfficialRank rank, InvolvementRole role,
                           Instant involvedAt) {
    }

    /**
     * One fact on the file, with the fields of its kind.
     *
     * @param outsideJurisdiction the fact does not count: asserted from outside the case's jurisdiction, or a
     *                            registration that disagrees with the one on record
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fact(String eventId, CaseFactKind fact, String label, String assertedBy, String actor,
                       Instant occurredAt, Instant publishedAt, String personKey, String personName, String unit,
                       OfficialRank rank, String role, CaseCheck check, String text, Boolean umbrellaFound,
                       EndorsementRole endorsementRole, String signerId, String signerName,
                       boolean outsideJurisdiction) {
    }

    public record Anomaly(CaseAnomalyKind kind, String label, String factEventId, String relatedEventId,
                          String detail) {
    }
}
