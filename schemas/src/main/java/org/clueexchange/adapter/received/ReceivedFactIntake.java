package org.clueexchange.adapter.received;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.clueexchange.adapter.outbox.Outbox;
import org.clueexchange.events.Agency;
import org.clueexchange.events.AgencyType;
import org.clueexchange.events.ClueTransferred;
import org.clueexchange.wire.ClueEvents;
import org.clueexchange.wire.FactConsumer;
import org.clueexchange.wire.InvalidFactException;
import org.clueexchange.wire.Jurisdictions;

/**
 * Decides which of the other agency's facts concern this adapter and keeps those: transfers addressed to a
 * jurisdiction it serves, and any fact about a clue it already has a fact of (one it sent, or one it received).
 */
public final class ReceivedFactIntake implements FactConsumer.FactHandler {

    private final AgencyType agency;
    private final List<String> servedJurisdictions;
    private final Outbox outbox;
    private final ReceivedFacts received;
    private final Clock clock;

    public ReceivedFactIntake(AgencyType agency, List<String> servedJurisdictions, Outbox outbox,
                              ReceivedFacts received, Clock clock) {
        this.agency = agency;
        this.servedJurisdictions = List.copyOf(servedJurisdictions);
        this.outbox = outbox;
        this.received = received;
        this.clock = clock;
    }

    @Override
    public void handle(FactConsumer.ConsumedFact fact) throws InvalidFactException {
        AgencyType assertedBy = ClueEvents.envelopeOf(fact.event()).getAssertedBy().getType();
        if (assertedBy == agency) {
            throw new InvalidFactException(ClueEvents.typeOf(fact.event()) + " asserted by " + assertedBy
                    + " arrived on " + fact.topic() + ", the other agency's topic");
        }
        concernedJurisdiction(fact).ifPresent(jurisdiction -> received.store(fact, jurisdiction, clock.instant()));
    }

    private Optional<String> concernedJurisdiction(FactConsumer.ConsumedFact fact) {
        if (fact.event() instanceof ClueTransferred transfer) {
            Agency receiver = transfer.getReceiver();
            if (receiver.getType() == agency && serves(receiver.getJurisdiction())) {
                return Optional.of(receiver.getJurisdiction());
            }
        }
        String clueId = ClueEvents.envelopeOf(fact.event()).getClueId();
        Optional<String> sentBy = outbox.jurisdictionOf(clueId);
        return sentBy.isPresent() ? sentBy : received.jurisdictionOf(clueId);
    }

    private boolean serves(String jurisdiction) {
        return servedJurisdictions.stream().anyMatch(scope -> Jurisdictions.liesWithin(jurisdiction, scope));
    }
}
