package org.clueexchange.adapter.clues;

import java.util.Optional;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.api.RequestRefusedException;
import org.clueexchange.events.Agency;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.events.SupervisionKind;
import org.clueexchange.events.SupervisionOrdered;
import org.clueexchange.wire.Jurisdictions;
import org.springframework.stereotype.Component;

/**
 * 督办 and 提级办理 of a clue this adapter's agency sent or received, ordered by that agency or by a level above it
 * (a prefecture's commission over a county's).
 */
@Component
public final class Supervisions {

    private final AssertedFacts facts;
    private final KnownClues clues;

    public Supervisions(AssertedFacts facts, KnownClues clues) {
        this.facts = facts;
        this.clues = clues;
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
        Agency escalatedTo = escalation ? new Agency(facts.agency().type(), request.escalatedTo()) : null;
        return facts.assertFact(by, clueId, "supervision", request, client, envelope -> new SupervisionOrdered(
                envelope, request.kind(), escalatedTo, request.dueAt(), request.instructions()));
    }

    /** The jurisdiction in which this adapter's agency sent the clue, or which received it. */
    private Optional<String> ownSideOf(String clueId) {
        Optional<String> sent = clues.sent(clueId)
                .map(entry -> ((ClueTransferred) entry.event()).getEnvelope().getAssertedBy().getJurisdiction());
        return sent.isPresent() ? sent : clues.inbox(clueId).map(InboxClue::jurisdiction);
    }
}
