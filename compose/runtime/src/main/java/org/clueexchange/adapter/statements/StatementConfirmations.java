package org.clueexchange.adapter.statements;

import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.AssertedFacts;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.wire.StatementId;
import org.springframework.stereotype.Component;

/**
 * 对账确认: the agency confirms a monthly statement the core issued, by its digest, as the agency of the statement's
 * jurisdiction. The core counts it only if the digest is the current revision's.
 */
@Component
public final class StatementConfirmations {

    private final AssertedFacts facts;

    public StatementConfirmations(AssertedFacts facts) {
        this.facts = facts;
    }

    public AssertedFactView confirm(String statementId, Requests.Confirmation request, AgencyClient client) {
        StatementId statement = StatementId.parse(statementId).orElseThrow(() -> RequestRefusedException.invalid(
                "statementId", "must be like " + StatementId.EXAMPLE));
        String jurisdiction = statement.jurisdiction();
        client.requireJurisdiction(jurisdiction, "statementId");
        return facts.assertFact(jurisdiction, statementId, "statement-confirmation", request, envelope ->
                new StatementConfirmed(envelope, statementId, jurisdiction, statement.month().toString(),
                        request.digest()));
    }
}
