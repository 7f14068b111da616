package org.clueexchange.adapter.clues;

import java.util.Optional;
import org.clueexchange.adapter.AdapterAgency;
import org.clueexchange.adapter.AssertedFacts;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.EventEnvelope;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.wire.Jurisdictions;

/**
 * 督办 and 提级办理 of a clue this adapter's agency sent or received, ordered by that agency or by a level above it
 * (a prefecture's commission over a county's).
 */
public final class Supervisions {

    private final AdapterAgency agency;
    private final AssertedFacts facts;
    private final Outbox outbox;
    private final ReceivedFacts received;

    public Supervisions(AdapterAgency agency, AssertedFacts facts, Outbox outbox, ReceivedFacts received) {
        this.agency = agency;
        this.facts = facts;
        this.outbox = outbox;
        this.received = received;
    }

    public AssertedFactView order(String clueId, Requests.Supervision request, AgencyClient client) {
        String side = ownSideOf(clueId).orElseThrow(() -> RequestRefusedException.notFound("clueId",
                "this adapter's agency neither sent nor received clue " + clueId));
        String by = request.byJurisdiction() == null ? side : request.byJurisdiction();
        if (!Jurisdictions.liesWithin(side, by)) {
            throw RequestRefusedException.invalid("byJurisdiction", "must be " + side + " or a level above it");
        }
        client.requireJurisdiction(by, "byJurisdiction");
        boolean escalation = request.kind() == SupervisionKind.ESCALATION;
        if (escalation != (request.escalatedTo() != null)) {
            throw RequestRefusedException.invalid("escalatedTo", escalation
                    ? "an escalation names the level that takes the clue over" : "only an escalation names one");
        }
        if (escalation && (request.escalatedTo().equals(side)
                || !Jurisdictions.liesWithin(side, request.escalatedTo()))) {
            throw RequestRefusedException.invalid("escalatedTo", "must be a level above " + side);
        }
        EventEnvelope envelope = facts.envelope(clueId, new Agency(agency.type(), by), request.officerId(),
                request.occurredAt());
        SupervisionOrdered supervision = new SupervisionOrdered(envelope, request.kind(),
                escalation ? new Agency(agency.type(), request.escalatedTo()) : null, request.dueAt(),
                request.instructions());
        return AssertedFacts.view(facts.assertFact("supervision:" + by + ":" + request.recordId(), "recordId",
                request, supervision));
    }

    /** The jurisdiction in which this adapter's agency sent the clue, or to which it was transferred. */
    private Optional<String> ownSideOf(String clueId) {
        Optional<String> sent = outbox.ofClue(clueId).stream()
                .filter(entry -> entry.event() instanceof ClueTransferred)
                .map(entry -> ((ClueTransferred) entry.event()).getEnvelope().getAssertedBy().getJurisdiction())
                .findFirst();
        return sent.isPresent() ? sent : received.ofClue(clueId).stream()
                .filter(fact -> fact.event() instanceof ClueTransferred).map(fact -> fact.concernsJurisdiction())
                .findFirst();
    }
}
