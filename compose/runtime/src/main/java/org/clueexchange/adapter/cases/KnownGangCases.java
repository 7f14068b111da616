package org.clueexchange.adapter.cases;

import java.util.Optional;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.ApiFields;
import org.clueexchange.adapter.clues.KnownClues;
import org.clueexchange.adapter.clues.SentClueId;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.wire.StatementId;
import org.springframework.stereotype.Component;

/**
 * The gang cases (涉黑涉恶案件) this adapter knows of, by the police case number that keys every fact about them:
 * those its police registered, or those the police registered within the jurisdictions its commission serves.
 */
@Component
public final class KnownGangCases {

    private final AdapterAgency agency;
    private final KnownClues clues;

    public KnownGangCases(AdapterAgency agency, KnownClues clues) {
        this.agency = agency;
        this.clues = clues;
    }

    /**
     * Refuses, naming {@code caseNumber}, a case number that cannot key the facts of a gang case: one of other
     * characters, or one with the form of a clue id or a statement id, whose facts it would be taken for.
     */
    public static String requireCaseNumber(String caseNumber) {
        if (caseNumber == null || !caseNumber.matches(ApiFields.CASE_NUMBER)) {
            throw RequestRefusedException.invalid("caseNumber", ApiFields.CASE_NUMBER_RULE);
        }
        if (SentClueId.read(caseNumber).isPresent() || StatementId.parse(caseNumber).isPresent()) {
            throw RequestRefusedException.invalid("caseNumber", "has the form of a clue id or a statement id, "
                    + "which the exchange keys other facts by");
        }
        return caseNumber;
    }

    /** The police's registration of the case, if it reached this adapter: asserted here, or received. */
    public Optional<GangCaseRegistered> registration(String caseNumber) {
        return agency.type() == AgencyType.POLICE ? clues.latestOurs(caseNumber, GangCaseRegistered.class)
                : clues.firstTheirs(caseNumber, GangCaseRegistered.class);
    }

    /** The registration of a case a request names by its number, refusing one that is none or is not known here. */
    public GangCaseRegistered registered(String caseNumber) {
        return registration(requireCaseNumber(caseNumber)).orElseThrow(() -> RequestRefusedException.notFound(
                "caseNumber", agency.type() == AgencyType.POLICE
                        ? "the police registered no gang case " + caseNumber + " through this adapter"
                        : "no registration of gang case " + caseNumber + " by the police of a jurisdiction this "
                        + "adapter serves has reached it"));
    }
}
