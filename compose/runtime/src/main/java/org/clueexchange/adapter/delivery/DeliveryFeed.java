package org.clueexchange.adapter.delivery;

import java.time.Clock;
import org.clueexchange.adapter.FactJson;
import org.clueexchange.adapter.access.AgencyClient;
import org.clueexchange.adapter.received.ReceivedFact;
import org.clueexchange.adapter.received.ReceivedFacts;
import org.clueexchange.api.Page;
import org.clueexchange.api.RequestRefusedException;
import org.springframework.stereotype.Component;

/**
 * Delivery of the other agency's facts, and of the core's answers to the agency's confirmations, to an agency
 * system: pulled from a feed with a cursor, and, where the client has a webhook, pushed, with each fact's push to
 * watch and retry.
 */
@Component
public final class DeliveryFeed {

    private final ReceivedFacts received;
    private final Deliveries deliveries;
    private final Clock clock;

    public DeliveryFeed(ReceivedFacts received, Deliveries deliveries, Clock clock) {
        this.received = received;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Every fact concerning the client's jurisdictions after the cursor {@code after}, oldest first. */
    public Page<FeedItem> feed(AgencyClient client, long after, int limit) {
        return Page.after(after, received.feed(client.jurisdictions(), after, limit), ReceivedFact::sequence)
                .map(fact -> new FeedItem(fact.sequence(), fact.clueId(), fact.receivedAt(), FactJson.of(fact.event()),
                        deliveries.find(fact.sequence(), client.id()).orElse(null)));
    }

    /** The client's pushes in one state (FAILED, say) after the cursor, oldest first. */
    public Page<Delivery> deliveries(AgencyClient client, DeliveryState state, long after, int limit) {
        return Page.after(after, deliveries.of(client.id(), state, after, limit), Delivery::cursor);
    }

    /** Puts a push that failed (or is still retrying) back in line, from its first attempt. */
    public Delivery retry(long cursor, AgencyClient client) {
        if (!deliveries.retry(cursor, client.id(), clock.instant())) {
            throw RequestRefusedException.notFound("cursor",
                    "no undelivered push " + cursor + " to client " + client.id());
        }
        return deliveries.find(cursor, client.id()).orElseThrow();
    }
}
