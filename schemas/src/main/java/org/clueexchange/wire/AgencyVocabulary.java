package org.clueexchange.wire;

import java.util.EnumSet;
import java.util.Set;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.DisposalMethod;
import org.clueexchange.events.Outcome;

/**
 * Which disposal methods and outcomes belong to which agency: a discipline commission talks with or writes to a
 * cadre (谈话函询), the police open a criminal case (立案侦查). {@code OTHER} is what a reader sees for a value added
 * after its schema version, so either agency may carry it.
 */
public final class AgencyVocabulary {

    private static final Set<DisposalMethod> DISCIPLINE_METHODS = EnumSet.of(DisposalMethod.TALK_OR_LETTER_INQUIRY,
            DisposalMethod.PRELIMINARY_VERIFICATION, DisposalMethod.HOLD_PENDING, DisposalMethod.CLOSE,
            DisposalMethod.PUT_ON_FILE, DisposalMethod.OTHER);
    private static final Set<DisposalMethod> POLICE_METHODS = EnumSet.of(DisposalMethod.CRIMINAL_INVESTIGATION,
            DisposalMethod.PRELIMINARY_INQUIRY, DisposalMethod.MERGED_INVESTIGATION, DisposalMethod.NOT_OPENED,
            DisposalMethod.OTHER);
    private static final Set<Outcome> DISCIPLINE_OUTCOMES = EnumSet.of(Outcome.PUT_ON_FILE, Outcome.PARTY_DISCIPLINE,
            Outcome.ADMINISTRATIVE_SANCTION, Outcome.ORGANISATIONAL_HANDLING, Outcome.ACCOUNTABILITY,
            Outcome.DETENTION, Outcome.TRANSFER_TO_JUDICIARY, Outcome.UNFOUNDED, Outcome.OTHER);
    private static final Set<Outcome> POLICE_OUTCOMES = EnumSet.of(Outcome.CRIMINAL_CASE_OPENED, Outcome.NOT_OPENED,
            Outcome.MERGED, Outcome.SENT_FOR_PROSECUTION, Outcome.OTHER);

    private AgencyVocabulary() {
    }

    public static Set<DisposalMethod> disposalMethodsOf(AgencyType agency) {
        return agency == AgencyType.POLICE ? POLICE_METHODS : DISCIPLINE_METHODS;
    }

    public static Set<Outcome> outcomesOf(AgencyType agency) {
        return agency == AgencyType.POLICE ? POLICE_OUTCOMES : DISCIPLINE_OUTCOMES;
    }
}
