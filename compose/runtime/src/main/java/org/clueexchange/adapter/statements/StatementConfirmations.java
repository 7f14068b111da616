package org.clueexchange.adapter.statements;

import java.util.List;
import java.util.Optional;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.clues.AssertedFactView;
import org.clueexchange.adapter.clues.AssertedFacts;
import org.clueexchange.adapter.clues.Requests;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.outbox.OutboxEntry;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.StatementConfirmationRecorded;
import org.clueexchange.events.StatementConfirmed;
import org.clueexchange.wire.StatementId;
import org.springframework.stereotype.Component;

/**
 * 对账确认: the agency confirms a statement the core issued, by its digest and period root, as the agency of the
 * statement's jurisdiction. The core counts it only if both are the current revision's, and answers on its own
 * topic; the answer, once here, is the confirmation's outcome.
 */
@Component
public final class StatementConfirmations {

    private final AssertedFacts facts;
    private final Outbox outbox;
    private final ReceivedFacts received;

    public StatementConfirmations(AssertedFacts facts, Outbox outbox, ReceivedFacts received) {
        this.facts = facts;
        this.outbox = outbox;
        this.received = received;
    }

    public StatementConfirmationView confirm(String statementId, Requests.Confirmation request, AgencyClient client) {
        StatementId statement = permitted(statementId, client);
        String jurisdiction = statement.jurisdiction();
        AssertedFactView confirmation = facts.assertFact(jurisdiction, statementId, "statement-confirmation", request,
                client, envelope -> new StatementConfirmed(envelope, statementId, jurisdiction, statement.period(),
                        request.digest(), request.root()));
        return view(statementId, confirmation, request.digest(), request.root());
    }

    /** The agency's latest confirmation of the statement through this adapter, with what the core made of it. */
    public StatementConfirmationView latest(String statementId, AgencyClient client) {
        permitted(statementId, client);
        List<OutboxEntry> confirmations = outbox.ofClue(statementId).stream()
                .filter(entry -> entry.event() instanceof StatementConfirmed).toList();
        if (confirmations.isEmpty()) {
            throw RequestRefusedException.notFound("statementId",
                    "no confirmation of " + statementId + " was made through this adapter");
        }
        OutboxEntry latest = confirmations.get(confirmations.size() - 1);
        StatementConfirmed confirmation = (StatementConfirmed) latest.event();
        return view(statementId, AssertedFacts.view(latest), confirmation.getDigest(), confirmation.getRoot());
    }

    private static StatementId permitted(String statementId, AgencyClient client) {
        StatementId statement = StatementId.parse(statementId).orElseThrow(() -> RequestRefusedException.invalid(
                "statementId", "must be like " + StatementId.EXAMPLE));
        client.requireJurisdiction(statement.jurisdiction(), "statementId");
        return statement;
    }

    private StatementConfirmationView view(String statementId, AssertedFactView confirmation, String digest,
                                           String root) {
        return StatementConfirmationView.of(statementId, confirmation, digest, root, answer(statementId,
                confirmation.eventId()));
    }

    /** The core's answer to the confirmation, once it has reached this adapter. */
    private Optional<StatementConfirmationRecorded> answer(String statementId, String confirmationEventId) {
        return received.ofClue(statementId).stream().map(ReceivedFact::event)
                .filter(StatementConfirmationRecorded.class::isInstance).map(StatementConfirmationRecorded.class::cast)
                .filter(answer -> answer.getConfirmationEventId().equals(confirmationEventId)).findFirst();
    }
}
