package org.clueexchange.discipline.gangcase;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.cases.KnownGangCases;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.AssertedFacts;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.CaseCheckCompleted;
import org.clueexchange.events.EndorsementRole;
import org.clueexchange.events.EndorsementSigned;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.FollowUpOpened;
import org.clueexchange.events.RetraceOrdered;
import org.clueexchange.events.UmbrellaFindingMade;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.PersonKeys;
import org.springframework.stereotype.Component;

/**
 * The commission's facts about a gang case the police registered within a jurisdiction this adapter serves:
 * asserted by the commission of the case's jurisdiction or a level above it, and only by a client that may act for
 * that commission.
 */
@Component
class CaseFollowUps {

    private final AssertedFacts facts;
    private final KnownGangCases cases;
    private final Outbox outbox;
    private final PersonKeys personKeys;

    CaseFollowUps(AssertedFacts facts, KnownGangCases cases, Outbox outbox, PersonKeys personKeys) {
        this.facts = facts;
        this.cases = cases;
        this.outbox = outbox;
        this.personKeys = personKeys;
    }

    AssertedFactView followUp(String caseNumber, CaseRequests.FollowUp request, AgencyClient client) {
        if ((request.idNumber() == null) != (request.rank() == null)) {
            throw RequestRefusedException.invalid("rank", request.idNumber() == null
                    ? "only the follow-up of an official, by idNumber, records a rank"
                    : "the follow-up of an official records their rank");
        }
        return assertFact(caseNumber, "follow-up", request, client, envelope -> new FollowUpOpened(envelope,
                caseNumber, keyOf(request.idNumber()), request.rank()));
    }

    AssertedFactView completeCheck(String caseNumber, CaseRequests.CheckCompletion request, AgencyClient client) {
        return assertFact(caseNumber, "case-check", request, client, envelope -> new CaseCheckCompleted(envelope,
                caseNumber, request.check(), request.finding()));
    }

    AssertedFactView findUmbrella(String caseNumber, CaseRequests.UmbrellaFinding request, AgencyClient client) {
        if (request.outcome() != null && request.idNumber() == null) {
            throw RequestRefusedException.invalid("outcome", "only a finding on an official, by idNumber, records "
                    + "what was done about them");
        }
        return assertFact(caseNumber, "umbrella-finding", request, client, envelope -> new UmbrellaFindingMade(
                envelope, caseNumber, keyOf(request.idNumber()), request.umbrellaFound(), request.outcome()));
    }

    /** The three roles need three different people, counted since the case was last re-traced. */
    AssertedFactView endorse(String caseNumber, CaseRequests.Endorsement request, AgencyClient client) {
        EndorsementRole signedAs = signersSinceRetrace(caseNumber).get(request.signerId());
        if (signedAs != null && signedAs != request.role()
                && !facts.madeBefore(caseNumber, "endorsement", request, client)) {
            throw RequestRefusedException.conflictsWithRecord("signerId", request.signerId() + " signed " + caseNumber
                    + " as " + signedAs + " already; the three signatures are three different people's");
        }
        return assertFact(caseNumber, "endorsement", request, client, envelope -> new EndorsementSigned(envelope,
                caseNumber, request.role(), request.signerId(), request.signerName()));
    }

    AssertedFactView retrace(String caseNumber, CaseRequests.Retrace request, AgencyClient client) {
        return assertFact(caseNumber, "retrace", request, client, envelope -> new RetraceOrdered(envelope,
                caseNumber, request.reason()));
    }

    private AssertedFactView assertFact(String caseNumber, String operation, CaseRequests.CaseAct request,
                                        AgencyClient client, Function<EventEnvelope, SpecificRecord> event) {
        String caseJurisdiction = cases.registered(caseNumber).getJurisdiction();
        String by = request.jurisdiction() == null ? caseJurisdiction : request.jurisdiction();
        if (!Jurisdictions.liesWithin(caseJurisdiction, by)) {
            throw RequestRefusedException.invalid("jurisdiction", "must be the case's, " + caseJurisdiction
                    + ", or a level above it");
        }
        client.requireJurisdiction(by, "jurisdiction");
        return facts.assertFact(by, caseNumber, operation, request, client, event);
    }

    /** Who signed the case under which role since it was last re-traced, which voids the signatures before. */
    private Map<String, EndorsementRole> signersSinceRetrace(String caseNumber) {
        Map<String, EndorsementRole> signers = new HashMap<>();
        for (OutboxEntry entry : outbox.ofClue(caseNumber)) {
            if (entry.event() instanceof RetraceOrdered) {
                signers.clear();
            } else if (entry.event() instanceof EndorsementSigned signature) {
                signers.putIfAbsent(signature.getSignerId(), signature.getRole());
            }
        }
        return signers;
    }

    private String keyOf(String idNumber) {
        return idNumber == null ? null : personKeys.of(idNumber);
    }
}
