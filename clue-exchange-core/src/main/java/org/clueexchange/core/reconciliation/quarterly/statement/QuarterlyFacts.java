package org.clueexchange.core.reconciliation.quarterly.statement;

import java.time.Instant;
import java.util.List;
import org.clueexchange.core.casefile.CaseFactKind;
import org.clueexchange.events.CaseCheck;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.GangCaseType;
import org.clueexchange.events.InvolvementRole;
import org.clueexchange.events.OfficialRank;

/**
 * What a quarterly statement is drawn up from, read in one snapshot: every fact about the gang cases of the
 * jurisdiction, the umbrella clues (保护伞线索) the police transferred there, and, for the province's ratio, the
 * facts that decide it about every gang case of the enclosing province.
 */
public record QuarterlyFacts(List<CaseFact> caseFacts, List<UmbrellaClue> clues, List<CaseFact> provinceFacts) {

    public QuarterlyFacts {
        caseFacts = List.copyOf(caseFacts);
        clues = List.copyOf(clues);
        provinceFacts = List.copyOf(provinceFacts);
    }

    /**
     * One fact of a gang case's file, with the fields its kind carries (the others null).
     *
     * @param caseJurisdiction the case's jurisdiction: the registration's, or until it is registered the first
     *                         asserting agency's
     * @param caseType         for a registration
     * @param text             a check's finding, an umbrella finding's outcome, a re-trace's reason
     */
    public record CaseFact(String caseNumber, String caseJurisdiction, CaseFactKind fact, String eventId,
                           String assertedBy, Instant occurredAt, long position, GangCaseType caseType,
                           String caseName, String personKey, String personName, String unit, OfficialRank rank,
                           InvolvementRole role, CaseCheck check, String text, Boolean umbrellaFound,
                           EndorsementRole endorsementRole, String signerId, String signerName) {
    }

    /**
     * A clue alleging a protective umbrella that the police transferred to discipline.
     *
     * @param linkedCaseRegisteredAt when the gang case it names was registered, wherever it was; null if never
     * @param linkedCaseJurisdiction the registered case's jurisdiction
     * @param subjectKeys            the person keys of the subjects the police could identify
     * @param unfoundedAt            when discipline concluded it unfounded (查否), if it did
     * @param supervisedAt           when it was first put under supervision (督办) after its unfounded conclusion
     */
    public record UmbrellaClue(String clueId, String senderJurisdiction, String linkedCaseNumber,
                               Instant linkedCaseRegisteredAt, String linkedCaseJurisdiction, Instant transferredAt,
                               Instant receivedAt, List<String> subjectKeys, Instant unfoundedAt,
                               Instant supervisedAt) {

        public UmbrellaClue {
            subjectKeys = List.copyOf(subjectKeys);
        }
    }
}
