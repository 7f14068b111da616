package org.clueexchange.police.gangcase;

import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.cases.KnownGangCases;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.AssertedFacts;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.GangCaseRegistered;
import org.clueexchange.events.GangCaseSolved;
import org.clueexchange.events.OfficialInvolved;
import org.clueexchange.wire.Jurisdictions;
import org.clueexchange.wire.PersonKeys;
import org.springframework.stereotype.Component;

/**
 * The police's facts about their gang cases: registered, solved, the officials involved. A case's later facts are
 * asserted by the organ that registered it, and only by a client that may act for it.
 */
@Component
class GangCaseFacts {

    private final AssertedFacts facts;
    private final KnownGangCases cases;
    private final PersonKeys personKeys;

    GangCaseFacts(AssertedFacts facts, KnownGangCases cases, PersonKeys personKeys) {
        this.facts = facts;
        this.cases = cases;
        this.personKeys = personKeys;
    }

    AssertedFactView register(GangCaseRegistration request, AgencyClient client) {
        String caseNumber = KnownGangCases.requireCaseNumber(request.caseNumber());
        client.requireJurisdiction(request.jurisdiction(), "jurisdiction");
        String caseJurisdiction = request.caseJurisdiction() == null ? request.jurisdiction()
                : request.caseJurisdiction();
        if (!Jurisdictions.liesWithin(caseJurisdiction, request.jurisdiction())) {
            throw RequestRefusedException.invalid("caseJurisdiction", "must be " + request.jurisdiction()
                    + " or lie within it");
        }
        cases.registration(caseNumber).ifPresent(registered -> {
            if (!facts.madeBefore(caseNumber, "gang-case-registration", request, client)) {
                throw RequestRefusedException.conflictsWithRecord("caseNumber", "gang case " + caseNumber
                        + " was registered by " + registered.getEnvelope().getAssertedBy().getJurisdiction()
                        + " already; one registration stands for a case");
            }
        });
        return facts.assertFact(request.jurisdiction(), caseNumber, "gang-case-registration", request, client,
                envelope -> new GangCaseRegistered(envelope, caseNumber, request.caseType(), request.caseName(),
                        caseJurisdiction));
    }

    AssertedFactView solve(String caseNumber, GangCaseSolution request, AgencyClient client) {
        return assertFact(caseNumber, "gang-case-solution", request, client,
                envelope -> new GangCaseSolved(envelope, caseNumber));
    }

    AssertedFactView involve(String caseNumber, OfficialInvolvement request, AgencyClient client) {
        return assertFact(caseNumber, "official-involvement", request, client,
                envelope -> new OfficialInvolved(envelope, caseNumber, personKeys.of(request.idNumber()),
                        request.name(), request.unit(), request.rank(), request.role()));
    }

    private AssertedFactView assertFact(String caseNumber, String operation, Requests.Act request,
                                        AgencyClient client, Function<EventEnvelope, SpecificRecord> event) {
        String registeredBy = cases.registered(caseNumber).getEnvelope().getAssertedBy().getJurisdiction();
        client.requireJurisdiction(registeredBy, "caseNumber");
        return facts.assertFact(registeredBy, caseNumber, operation, request, client, event);
    }
}
