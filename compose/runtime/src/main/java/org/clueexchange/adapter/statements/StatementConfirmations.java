package org.clueexchange.adapter.statements;

import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AssertedFacts;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.wire.StatementId;

/**
 * 对账确认: the agency confirms a monthly statement the core issued, by its digest, as the agency of the statement's
 * jurisdiction. The core counts it only if the digest is the current revision's.
 */
public final class StatementConfirmations {

    private final AdapterAgency agency;
    private final AssertedFacts facts;

    public StatementConfirmations(AdapterAgency agency, AssertedFacts facts) {
        this.agency = agency;
        this.facts = facts;
    }

    public AssertedFactView confirm(String statementId, Requests.Confirmation request, AgencyClient client) {
        StatementId statement = StatementId.parse(statementId).orElseThrow(() -> RequestRefusedException.invalid(
                "statementId", "must be like " + StatementId.EXAMPLE));
        String jurisdiction = statement.jurisdiction();
        client.requireJurisdiction(jurisdiction, "statementId");
        StatementConfirmed confirmation = new StatementConfirmed(facts.envelope(statementId,
                new Agency(agency.type(), jurisdiction), request.officerId(), request.occurredAt()), statementId,
                jurisdiction, statement.month().toString(), request.digest());
        return AssertedFacts.view(facts.assertFact("statement-confirmation:" + jurisdiction + ":"
                + request.recordId(), "recordId", request, confirmation));
    }
}
