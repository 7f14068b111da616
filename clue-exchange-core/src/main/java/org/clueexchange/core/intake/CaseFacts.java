package org.clueexchange.core.intake;

import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.core.casefile.messages.CaseCheckRecorded;
import org.clueexchange.core.casefile.messages.CaseFactRecorded;
import org.clueexchange.core.casefile.messages.EndorsementRecorded;
import org.clueexchange.core.casefile.messages.FollowUpRecorded;
import org.clueexchange.core.casefile.messages.GangCaseRegistrationRecorded;
import org.clueexchange.core.casefile.messages.GangCaseSolutionRecorded;
import org.clueexchange.core.casefile.messages.OfficialInvolvementRecorded;
import org.clueexchange.core.casefile.messages.RetraceRecorded;
import org.clueexchange.core.casefile.messages.UmbrellaFindingRecorded;
import org.clueexchange.core.ledger.messages.Assertion;
import org.clueexchange.events.CaseCheckCompleted;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.GangCaseSolved;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.events.RetraceOrdered;
import org.clueexchange.events.UmbrellaFindingMade;
import org.clueexchange.subscription.InvalidFactException;
import org.clueexchange.wire.ClueEvents;

/** Turns each agency event about a gang case into the fact the case's file records. */
final class CaseFacts {

    private CaseFacts() {
    }

    static CaseFactRecorded of(SpecificRecord event) throws InvalidFactException {
        Assertion assertion = Assertion.of(ClueEvents.envelopeOf(event));
        String caseNumber = ClueEvents.caseNumberOf(event);
        if (event instanceof GangCaseRegistered registration) {
            return new GangCaseRegistrationRecorded(caseNumber, assertion, registration.getCaseType(),
                    registration.getCaseName(), registration.getJurisdiction());
        }
        if (event instanceof GangCaseSolved) {
            return new GangCaseSolutionRecorded(caseNumber, assertion);
        }
        if (event instanceof OfficialInvolved official) {
            return new OfficialInvolvementRecorded(caseNumber, assertion, official.getPersonKey(), official.getName(),
                    official.getUnit(), official.getRank(), official.getRole());
        }
        if (event instanceof FollowUpOpened followUp) {
            return new FollowUpRecorded(caseNumber, assertion, followUp.getPersonKey(), followUp.getRank());
        }
        if (event instanceof CaseCheckCompleted check) {
            return new CaseCheckRecorded(caseNumber, assertion, check.getCheck(), check.getFinding());
        }
        if (event instanceof UmbrellaFindingMade finding) {
            return new UmbrellaFindingRecorded(caseNumber, assertion, finding.getPersonKey(),
                    finding.getUmbrellaFound(), finding.getOutcome());
        }
        if (event instanceof EndorsementSigned signature) {
            return new EndorsementRecorded(caseNumber, assertion, signature.getRole(), signature.getSignerId(),
                    signature.getSignerName());
        }
        if (event instanceof RetraceOrdered retrace) {
            return new RetraceRecorded(caseNumber, assertion, retrace.getReason());
        }
        throw new InvalidFactException("no gang case's file records " + ClueEvents.typeOf(event) + " facts");
    }
}
